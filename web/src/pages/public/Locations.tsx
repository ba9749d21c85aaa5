import { Heading1, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { featureLabel, useRegionsWithLocations, usePageTitle } from './common.tsx';
import { NearbySearch } from './NearbySearch.tsx';

type Key = 'title' | 'intro' | 'municipalities' | 'by' | 'noFeatures' | 'loading';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Locaties',
    intro:
      'Hieronder staan alle logeerhuizen en zorgcentra per regio. Klik op een locatie. Dan ziet u wat die locatie biedt en in welke weken er plek is.',
    municipalities: 'Voor de gemeenten {names}.',
    by: '{city}, van {organisation}',
    noFeatures: 'Gewone zorg, geen bijzondere voorzieningen.',
    loading: 'Locaties laden…',
  },
  en: {
    title: 'Locations',
    intro:
      'Below are all respite homes and care centres per region. Choose a location to see what it offers and in which weeks there is room.',
    municipalities: 'For the municipalities {names}.',
    by: '{city}, run by {organisation}',
    noFeatures: 'Regular care, no special facilities.',
    loading: 'Loading locations…',
  },
};

/** Every region with its locations and their care features in words; each links to its profile and calendar. */
export function Locations() {
  const t = useTexts(TEXTS);
  const { language } = useI18n();
  const { data, error } = useRegionsWithLocations();
  usePageTitle(t('title'));
  return (
    <div className="adempauze-public">
      <Heading1>{t('title')}</Heading1>
      <NearbySearch />
      <Paragraph>{t('intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {data === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data?.map(({ region, locations }) => (
        <section key={region.id} aria-labelledby={`regio-${region.id}`}>
          <Heading2 id={`regio-${region.id}`}>{region.name}</Heading2>
          <Paragraph>{t('municipalities', { names: region.municipalities.join(', ') })}</Paragraph>
          <ul className="adempauze-cards">
            {locations.map((location) => (
              <li key={location.id} className="adempauze-card">
                <Heading3>
                  <Link to={`/locaties/${location.id}`} className="utrecht-link">
                    {location.name}
                  </Link>
                </Heading3>
                <Paragraph>{t('by', { city: location.city, organisation: location.organisationName })}</Paragraph>
                {location.features.length > 0 ? (
                  <UnorderedList>
                    {location.features.map((feature) => (
                      <UnorderedListItem key={feature}>{featureLabel(feature, language)}</UnorderedListItem>
                    ))}
                  </UnorderedList>
                ) : (
                  <Paragraph>{t('noFeatures')}</Paragraph>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
