import { Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { type Texts, useI18n, useTexts } from '../i18n/i18n.tsx';
import { BUTTON_LINK, SECONDARY_BUTTON_LINK } from './public/common.tsx';

const TEXTS: Texts<'next' | 'request' | 'locations' | 'about' | 'urgent'> = {
  nl: {
    next: 'Zo gaat u verder',
    request: 'Logeren aanvragen',
    locations: 'Locaties en vrije plekken',
    about: 'Meer over logeren, crisisopname en ELV',
    urgent: 'Is het dringend, omdat u vandaag of morgen niet meer kunt zorgen? Bel dan uw huisarts.',
  },
  en: {
    next: 'Where to go next',
    request: 'Ask for a stay',
    locations: 'Locations and free places',
    about: 'More about respite, crisis admission and ELV',
    urgent: 'Is it urgent, because you cannot give care today or tomorrow? Call your GP.',
  },
};

export function PublicHome() {
  const { t } = useI18n();
  const own = useTexts(TEXTS);
  return (
    <>
      <Heading1>{t('home.title')}</Heading1>
      <Paragraph lead>{t('home.intro')}</Paragraph>
      <Heading2>{t('home.what')}</Heading2>
      <UnorderedList>
        <UnorderedListItem>{t('home.respite')}</UnorderedListItem>
        <UnorderedListItem>{t('home.crisis')}</UnorderedListItem>
        <UnorderedListItem>{t('home.elv')}</UnorderedListItem>
      </UnorderedList>
      <Paragraph>{t('home.how')}</Paragraph>
      <Heading2>{own('next')}</Heading2>
      <div className="adempauze-actions">
        <Link to="/aanvragen" className={BUTTON_LINK}>
          {own('request')}
        </Link>
        <Link to="/locaties" className={SECONDARY_BUTTON_LINK}>
          {own('locations')}
        </Link>
      </div>
      <Paragraph>
        <Link to="/logeren" className="utrecht-link">
          {own('about')}
        </Link>
      </Paragraph>
      <Paragraph>{own('urgent')}</Paragraph>
    </>
  );
}
