import { Button, FormFieldTextbox, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/queries.ts';
import { formatDayMonth, formatEuro, formatNumber } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { AVAILABILITY_SYMBOL } from './WeekCalendar.tsx';
import type { z } from 'zod';
import type { NearbyLocations as NearbyLocationsSchema } from '../../../../src/http/schemas/public.schemas.ts';

/** GET /public/locations */
type NearbyLocations = z.infer<typeof NearbyLocationsSchema>;

type Key =
  | 'title'
  | 'intro'
  | 'postcode'
  | 'hint'
  | 'search'
  | 'results'
  | 'none'
  | 'loading'
  | 'distance'
  | 'by'
  | 'cost'
  | 'noCost'
  | 'coPayment'
  | 'noCoPayment'
  | 'near'
  | 'weeksTitle'
  | 'weekOf'
  | 'free'
  | 'limited'
  | 'full';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Zoek een plek bij u in de buurt',
    intro: 'Vul de postcode in van de persoon die komt logeren. U ziet de dichtstbijzijnde logeerhuizen en of er de komende weken plek is.',
    postcode: 'Postcode',
    hint: 'Bijvoorbeeld 3262 GD. De cijfers zijn genoeg.',
    search: 'Zoeken',
    results: 'Plekken in de buurt van {place} ({municipality})',
    none: 'We vonden geen logeerhuis dat deze zorg biedt.',
    loading: 'Zoeken…',
    distance: '{km} km hemelsbreed',
    by: '{city}, van {organisation}',
    cost: 'Een nacht kost {amount}. Dat betaalt de gemeente, de zorgverzekeraar of het zorgkantoor.',
    noCost: 'De prijs van een nacht is nog niet bekend.',
    coPayment: 'U betaalt meestal een eigen bijdrage van {amount} per nacht.',
    noCoPayment: 'Uw gemeente vraagt hiervoor geen eigen bijdrage.',
    near: 'minder dan 1 km hemelsbreed',
    weeksTitle: 'Plek in de komende weken',
    weekOf: 'Week van {date}',
    free: 'Vrij',
    limited: 'Bijna vol',
    full: 'Vol',
  },
  en: {
    title: 'Find a place near home',
    intro:
      'Enter the postcode of the person who will stay. You see the nearest respite homes and whether there is room in the coming weeks.',
    postcode: 'Postcode',
    hint: 'For example 3262 GD. The digits are enough.',
    search: 'Search',
    results: 'Places near {place} ({municipality})',
    none: 'We found no respite home offering this care.',
    loading: 'Searching…',
    distance: '{km} km as the crow flies',
    by: '{city}, run by {organisation}',
    cost: 'A night costs {amount}. The municipality, the health insurer or the care office pays it.',
    noCost: 'The price of a night is not known yet.',
    coPayment: 'You usually pay a personal contribution of {amount} a night.',
    noCoPayment: 'Your municipality asks no personal contribution for this.',
    near: 'less than 1 km as the crow flies',
    weeksTitle: 'Room in the coming weeks',
    weekOf: 'Week of {date}',
    free: 'Free',
    limited: 'Almost full',
    full: 'Full',
  },
};

/**
 * The caregiver's first question, "where near us, and when is there room?": a postcode, then the nearest places with
 * distance, cost and four weeks at a glance. The postcode is kept in the address, so the back button and a shared
 * link show the same list.
 */
export function NearbySearch() {
  const t = useTexts(TEXTS);
  const [params, setParams] = useSearchParams();
  const postcode = params.get('postcode');
  const { data, error } = useApiQuery<NearbyLocations>(
    postcode ? `/public/locations?postcode=${encodeURIComponent(postcode)}&weeks=4` : null,
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('postcode') ?? '').trim();
    setParams(typed ? { postcode: typed } : {});
  };

  return (
    <section aria-labelledby="zoek-in-de-buurt" className="adempauze-nearby">
      <Heading2 id="zoek-in-de-buurt">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      <form onSubmit={submit} className="adempauze-nearby__form" role="search" noValidate>
        <FormFieldTextbox
          name="postcode"
          label={t('postcode')}
          description={t('hint')}
          autoComplete="postal-code"
          inputMode="text"
          defaultValue={postcode ?? ''}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('search')}
        </Button>
      </form>
      {error !== null && <ErrorAlert error={error} />}
      {postcode && data === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data && (
        <div role="status">
          <Heading3>{t('results', { place: data.place, municipality: data.municipality })}</Heading3>
          {data.locations.length === 0 && <Paragraph>{t('none')}</Paragraph>}
          <ol className="adempauze-cards adempauze-nearby__results">
            {data.locations.map((location) => (
              <li key={location.id} className="adempauze-card">
                <Heading4>
                  <Link to={`/locaties/${location.id}`} className="utrecht-link">
                    {location.name}
                  </Link>
                </Heading4>
                <Paragraph>
                  {location.distanceKm < 1 ? t('near') : t('distance', { km: formatNumber(location.distanceKm) })} ·{' '}
                  {t('by', { city: location.city, organisation: location.organisationName })}
                </Paragraph>
                {location.photo && (
                  <img
                    className="adempauze-nearby__photo"
                    src={`/api/locations/${location.id}/photos/${location.photo.id}`}
                    alt={location.photo.alt}
                    loading="lazy"
                  />
                )}
                <Paragraph>
                  {location.tariffCentsPerNight === null
                    ? t('noCost')
                    : t('cost', { amount: formatEuro(location.tariffCentsPerNight / 100) })}
                </Paragraph>
                {location.coPaymentCentsPerNight !== null && (
                  <Paragraph>
                    {location.coPaymentCentsPerNight === 0
                      ? t('noCoPayment')
                      : t('coPayment', { amount: formatEuro(location.coPaymentCentsPerNight / 100) })}
                  </Paragraph>
                )}
                <Paragraph className="adempauze-legend__title">{t('weeksTitle')}</Paragraph>
                <ul className="adempauze-nearby__weeks">
                  {location.weeks.map((week) => (
                    <li key={week.from}>
                      {t('weekOf', { date: formatDayMonth(week.from) })}:{' '}
                      <span className={`adempauze-availability adempauze-availability--${week.availability}`}>
                        <span aria-hidden="true" className="adempauze-availability__symbol">
                          {AVAILABILITY_SYMBOL[week.availability]}
                        </span>
                        {t(week.availability)}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
