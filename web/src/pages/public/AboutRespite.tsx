import { Heading1, Heading2, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { PUBLIC_REQUEST_ANSWER_DAYS } from '../../../../src/domain/referral.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { BUTTON_LINK, usePageTitle } from './common.tsx';

type Key =
  | 'title'
  | 'intro'
  | 'respiteTitle'
  | 'respite1'
  | 'respite2'
  | 'respite3'
  | 'crisisTitle'
  | 'crisis1'
  | 'crisis2'
  | 'elvTitle'
  | 'elv1'
  | 'elv2'
  | 'costTitle'
  | 'cost1'
  | 'howTitle'
  | 'how1'
  | 'how2'
  | 'how3'
  | 'how4'
  | 'request'
  | 'locations';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Logeren en tijdelijk verblijf',
    intro:
      'Zorgt u voor iemand die ouder is? Soms heeft u even rust nodig. Of het gaat thuis even niet. Dan kan die persoon een tijdje ergens anders verblijven. Hier leest u welke mogelijkheden er zijn.',
    respiteTitle: 'Logeerzorg',
    respite1:
      'De persoon voor wie u zorgt, logeert een paar dagen of weken in een logeerhuis of zorgcentrum. U plant dit van tevoren. Dat kan één keer, of vaker. Bijvoorbeeld elke maand een weekend.',
    respite2: 'Zo heeft u even tijd voor uzelf. En u weet dat er goed voor uw naaste wordt gezorgd.',
    respite3: 'Twijfelt u nog? Vraag dan eerst een rondleiding aan. Of probeer het uit met proeflogeren: één of twee nachten.',
    crisisTitle: 'Crisisopname',
    crisis1:
      'Kunt u plotseling niet meer voor iemand zorgen? Bijvoorbeeld omdat u zelf ziek wordt of naar het ziekenhuis moet? Dan kan iemand met spoed worden opgenomen.',
    crisis2: 'Bel dan meteen de huisarts. De huisarts regelt dit met ons. Gebruik voor spoed niet het formulier op deze website.',
    elvTitle: 'Eerstelijnsverblijf (ELV)',
    elv1: 'Soms moet iemand even worden opgenomen. Bijvoorbeeld na het ziekenhuis of na een val, als thuis nog niet gaat. Dat heet eerstelijnsverblijf.',
    elv2: 'De huisarts of het ziekenhuis vraagt dit aan. De zorgverzekering betaalt het.',
    costTitle: 'Wat kost het?',
    cost1:
      'Logeerzorg betaalt meestal de gemeente. Soms betaalt u een eigen bijdrage. Heeft uw naaste een indicatie voor de Wet langdurige zorg (Wlz)? Dan gaat het via de Wlz. Wij zoeken dit voor u uit.',
    howTitle: 'Hoe vraagt u logeren aan?',
    how1: 'Kijk bij Locaties welke plek bij u past en wanneer er plek is.',
    how2: 'Vul het formulier in. U hoeft geen account te maken.',
    how3: 'Een medewerker van het aanmeldpunt belt of mailt u binnen {days} werkdagen.',
    how4: 'Samen kijken we welke zorg past en welke plek vrij is.',
    request: 'Logeren aanvragen',
    locations: 'Bekijk de locaties',
  },
  en: {
    title: 'Respite and temporary stays',
    intro:
      'Do you care for an older person? Sometimes you need a rest. Or things are difficult at home for a while. Then that person can stay somewhere else for a time. Here you can read what is possible.',
    respiteTitle: 'Respite care (logeerzorg)',
    respite1:
      'The person you care for stays a few days or weeks in a respite home or care centre. You plan this in advance. Once, or more often. For instance one weekend every month.',
    respite2: 'This gives you time for yourself. And you know your loved one is well looked after.',
    respite3: 'Not sure yet? Ask for a tour first. Or try it out with a trial stay of one or two nights.',
    crisisTitle: 'Crisis admission',
    crisis1:
      'Can you suddenly no longer give care? For instance because you fall ill yourself or have to go to hospital? Then the person you care for can be admitted urgently.',
    crisis2: 'Call the GP straight away. The GP arranges it with us. Do not use the form on this website in an emergency.',
    elvTitle: 'Short-term care stay (ELV)',
    elv1: 'Sometimes a person needs a short admission. For instance after hospital or after a fall, when home is not possible yet. This is called a short-term care stay (eerstelijnsverblijf).',
    elv2: 'The GP or the hospital applies for it. The health insurer pays for it.',
    costTitle: 'What does it cost?',
    cost1:
      'The municipality usually pays for respite care. Sometimes you pay a personal contribution. Does the person you care for have a long-term care (Wlz) indication? Then it goes through the Wlz. We find this out for you.',
    howTitle: 'How do you ask for a stay?',
    how1: 'Look at Locations to see which place suits you and when there is room.',
    how2: 'Fill in the form. You do not need an account.',
    how3: 'Someone from the access point will call or e-mail you within {days} working days.',
    how4: 'Together we look at what care fits and which place is free.',
    request: 'Ask for a stay',
    locations: 'See the locations',
  },
};

/** What logeerzorg, crisis admission and ELV are, in plain words, and how to ask for a stay. */
export function AboutRespite() {
  const t = useTexts(TEXTS);
  usePageTitle(t('title'));
  return (
    <div className="adempauze-public">
      <Heading1>{t('title')}</Heading1>
      <Paragraph lead>{t('intro')}</Paragraph>
      <Heading2>{t('respiteTitle')}</Heading2>
      <Paragraph>{t('respite1')}</Paragraph>
      <Paragraph>{t('respite2')}</Paragraph>
      <Paragraph>{t('respite3')}</Paragraph>
      <Heading2>{t('crisisTitle')}</Heading2>
      <Paragraph>{t('crisis1')}</Paragraph>
      <Paragraph>
        <strong>{t('crisis2')}</strong>
      </Paragraph>
      <Heading2>{t('elvTitle')}</Heading2>
      <Paragraph>{t('elv1')}</Paragraph>
      <Paragraph>{t('elv2')}</Paragraph>
      <Heading2>{t('costTitle')}</Heading2>
      <Paragraph>{t('cost1')}</Paragraph>
      <Heading2>{t('howTitle')}</Heading2>
      <OrderedList>
        <OrderedListItem>{t('how1')}</OrderedListItem>
        <OrderedListItem>{t('how2')}</OrderedListItem>
        <OrderedListItem>{t('how3', { days: PUBLIC_REQUEST_ANSWER_DAYS })}</OrderedListItem>
        <OrderedListItem>{t('how4')}</OrderedListItem>
      </OrderedList>
      <div className="adempauze-actions">
        <Link to="/aanvragen" className={BUTTON_LINK}>
          {t('request')}
        </Link>
        <Link to="/locaties" className="utrecht-link">
          {t('locations')}
        </Link>
      </div>
    </div>
  );
}
