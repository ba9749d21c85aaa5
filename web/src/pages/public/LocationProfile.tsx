import {
  Heading1,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { Link, useParams } from 'react-router';
import { STAY_TYPES } from '../../../../src/domain/stay-types.ts';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { type Language, type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { NotFound } from '../NotFound.tsx';
import {
  type AdmissionHours,
  BUTTON_LINK,
  type LocationDetail,
  SECONDARY_BUTTON_LINK,
  featureLabel,
  stayTypeLabel,
  usePageTitle,
} from './common.tsx';
import { MonthCalendar } from './MonthCalendar.tsx';
import { WeekCalendar } from './WeekCalendar.tsx';

type Key =
  | 'loading'
  | 'by'
  | 'address'
  | 'offers'
  | 'features'
  | 'noFeatures'
  | 'stayTypes'
  | 'atHome'
  | 'arrival'
  | 'arrivalIntro'
  | 'hours'
  | 'noHours'
  | 'howTitle'
  | 'how1'
  | 'how2'
  | 'how3'
  | 'how4'
  | 'how5'
  | 'tryTitle'
  | 'try1'
  | 'try2'
  | 'askTour'
  | 'askTrial'
  | 'askStay'
  | 'back'
  | 'home';

const TEXTS: Texts<Key> = {
  nl: {
    loading: 'Locatie laden…',
    by: 'Een locatie van {organisation} in {city}.',
    address: 'Adres',
    offers: 'Wat deze locatie biedt',
    features: 'Voorzieningen',
    noFeatures: 'Gewone zorg, geen bijzondere voorzieningen.',
    stayTypes: 'Soorten verblijf',
    atHome: 'Hier kan ook logeerzorg thuis: dan komt er ’s nachts een zorgverlener bij u thuis.',
    arrival: 'Wanneer kunt u aankomen?',
    arrivalIntro: 'Uw naaste kan op deze tijden aankomen:',
    hours: '{days}: van {from} tot {until}',
    noHours: 'Spreek de tijd van aankomst af met het aanmeldpunt.',
    howTitle: 'Hoe gaat een logeerverblijf?',
    how1: 'U vraagt het logeren aan met het formulier. Een medewerker van het aanmeldpunt neemt contact met u op.',
    how2: 'Samen bespreken we wat uw naaste nodig heeft. Bijvoorbeeld hulp bij wassen, medicijnen of ’s nachts.',
    how3: 'U krijgt de data en de kamer te horen. U neemt kleding, medicijnen en spullen mee die uw naaste fijn vindt.',
    how4: 'Tijdens het logeren zorgt het team voor uw naaste. U kunt bellen of op bezoek komen.',
    how5: 'Na het logeren bellen we u. Hoe ging het? En wilt u vaker komen logeren?',
    tryTitle: 'Rondleiding en proeflogeren',
    try1: 'Wilt u eerst de locatie zien? Vraag dan een rondleiding aan. U maakt kennis met het team en ziet de kamers.',
    try2: 'Proeflogeren is één of twee nachten logeren om het uit te proberen. Zo went uw naaste er vast aan.',
    askTour: 'Rondleiding aanvragen',
    askTrial: 'Proeflogeren aanvragen',
    askStay: 'Logeren aanvragen bij deze locatie',
    back: 'Terug naar alle locaties',
    home: 'Thuisgevoel',
  },
  en: {
    loading: 'Loading location…',
    by: 'A location of {organisation} in {city}.',
    address: 'Address',
    offers: 'What this location offers',
    features: 'Facilities',
    noFeatures: 'Regular care, no special facilities.',
    stayTypes: 'Kinds of stay',
    atHome: 'Respite care at home is possible here too: a carer comes to your home at night.',
    arrival: 'When can you arrive?',
    arrivalIntro: 'The person you care for can arrive at these times:',
    hours: '{days}: from {from} to {until}',
    noHours: 'Agree the time of arrival with the access point.',
    howTitle: 'How does a respite stay go?',
    how1: 'You ask for the stay with the form. Someone from the access point contacts you.',
    how2: 'Together we discuss what your loved one needs. For instance help with washing, medicines or at night.',
    how3: 'You hear the dates and the room. You bring clothes, medicines and things your loved one likes.',
    how4: 'During the stay the team looks after your loved one. You can call or visit.',
    how5: 'After the stay we call you. How did it go? Would you like to come again?',
    tryTitle: 'Tours and trial stays',
    try1: 'Would you like to see the location first? Ask for a tour. You meet the team and see the rooms.',
    try2: 'A trial stay is one or two nights to try it out. This helps your loved one get used to it.',
    askTour: 'Ask for a tour',
    askTrial: 'Ask for a trial stay',
    askStay: 'Ask for a stay at this location',
    back: 'Back to all locations',
    home: 'Feeling at home',
  },
};

const WEEKDAYS: Record<Language, string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const THROUGH: Record<Language, string> = { nl: 'tot en met', en: 'to' };

/** Weekdays with the same hours in a row become one line: "maandag tot en met vrijdag". */
function groupHours(hours: readonly AdmissionHours[]): { first: number; last: number; from: string; until: string }[] {
  const groups: { first: number; last: number; from: string; until: string }[] = [];
  for (const entry of [...hours].sort((a, b) => a.weekday - b.weekday)) {
    const previous = groups[groups.length - 1];
    if (previous && previous.last === entry.weekday - 1 && previous.from === entry.from && previous.until === entry.until)
      previous.last = entry.weekday;
    else groups.push({ first: entry.weekday, last: entry.weekday, from: entry.from, until: entry.until });
  }
  return groups;
}

/** A location's profile: what it offers, how a stay goes, tours and trial stays, and its live week calendar. */
export function LocationProfile() {
  const { id = '' } = useParams();
  const t = useTexts(TEXTS);
  const { language } = useI18n();
  const { data: location, error } = useApiQuery<LocationDetail>(`/locations/${encodeURIComponent(id)}`);
  usePageTitle(location?.name);

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFound />;
  if (error !== null) return <ErrorAlert error={error} />;
  if (location === null) return <Paragraph role="status">{t('loading')}</Paragraph>;

  const stayTypes = STAY_TYPES.filter((type) => location.units.some((unit) => unit.acceptedStayTypes.includes(type)));
  const atHome = location.units.some((unit) => unit.kind === 'home_night');
  const ask = (kind: string) => `/aanvragen?locatie=${location.id}&soort=${kind}`;
  const day = (weekday: number) => WEEKDAYS[language][weekday - 1] ?? '';

  return (
    <div className="adempauze-public">
      <Heading1>{location.name}</Heading1>
      <Paragraph lead>{t('by', { organisation: location.organisationName, city: location.city })}</Paragraph>
      <Paragraph>
        <strong>{t('address')}:</strong> {location.street} {location.houseNumber}, {location.postcode} {location.city}
      </Paragraph>
      <div className="adempauze-actions">
        <Link to={ask('stay')} className={BUTTON_LINK}>
          {t('askStay')}
        </Link>
      </div>

      {location.description && <Paragraph>{location.description}</Paragraph>}
      {location.photos.length > 0 && (
        <ul className="adempauze-photos adempauze-photos--public">
          {location.photos.map((photo) => (
            <li key={photo.id}>
              <img src={`/api/locations/${location.id}/photos/${photo.id}`} alt={photo.alt} loading="lazy" />
            </li>
          ))}
        </ul>
      )}
      {location.homeliness && (
        <>
          <Heading2>{t('home')}</Heading2>
          <Paragraph>{location.homeliness}</Paragraph>
        </>
      )}
      <Heading2>{t('offers')}</Heading2>
      <div className="adempauze-columns">
        <div>
          <p className="adempauze-list-title" id="voorzieningen">
            {t('features')}
          </p>
          {location.features.length > 0 ? (
            <UnorderedList aria-labelledby="voorzieningen">
              {location.features.map((feature) => (
                <UnorderedListItem key={feature}>{featureLabel(feature, language)}</UnorderedListItem>
              ))}
            </UnorderedList>
          ) : (
            <Paragraph>{t('noFeatures')}</Paragraph>
          )}
        </div>
        <div>
          <p className="adempauze-list-title" id="soorten-verblijf">
            {t('stayTypes')}
          </p>
          <UnorderedList aria-labelledby="soorten-verblijf">
            {stayTypes.map((type) => (
              <UnorderedListItem key={type}>{stayTypeLabel(type, language)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </div>
      </div>
      {atHome && <Paragraph>{t('atHome')}</Paragraph>}

      <WeekCalendar locationId={location.id} locationName={location.name} />
      <MonthCalendar locationId={location.id} />

      <Heading2>{t('arrival')}</Heading2>
      {location.admissionHours.length > 0 ? (
        <>
          <Paragraph>{t('arrivalIntro')}</Paragraph>
          <UnorderedList>
            {groupHours(location.admissionHours).map((group) => (
              <UnorderedListItem key={group.first}>
                {t('hours', {
                  days: group.first === group.last ? day(group.first) : `${day(group.first)} ${THROUGH[language]} ${day(group.last)}`,
                  from: group.from,
                  until: group.until,
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : (
        <Paragraph>{t('noHours')}</Paragraph>
      )}

      <Heading2>{t('howTitle')}</Heading2>
      <OrderedList>
        {(['how1', 'how2', 'how3', 'how4', 'how5'] as const).map((key) => (
          <OrderedListItem key={key}>{t(key)}</OrderedListItem>
        ))}
      </OrderedList>

      <Heading2>{t('tryTitle')}</Heading2>
      <Paragraph>{t('try1')}</Paragraph>
      <Paragraph>{t('try2')}</Paragraph>
      <div className="adempauze-actions">
        <Link to={ask('tour')} className={SECONDARY_BUTTON_LINK}>
          {t('askTour')}
        </Link>
        <Link to={ask('trial_stay')} className={SECONDARY_BUTTON_LINK}>
          {t('askTrial')}
        </Link>
      </div>
      <Paragraph>
        <Link to="/locaties" className="utrecht-link">
          {t('back')}
        </Link>
      </Paragraph>
    </div>
  );
}
