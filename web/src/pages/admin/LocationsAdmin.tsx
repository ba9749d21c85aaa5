import {
  Alert,
  Button,
  FormFieldTextarea,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CARE_FEATURES, CARE_FEATURE_LABELS } from '../../../../src/domain/care-features.ts';
import { api } from '../../api/client.ts';
import { serverToday } from '../../api/clock.ts';
import { useApiQuery } from '../../api/queries.ts';
import { useSession } from '../../auth/session.tsx';
import { CheckboxGroup, SelectField, TextField, fieldMessage, optionalText } from '../../forms/fields.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { type LocationAdmin, type Organisation, type RegionSummary, STALE_AFTER_DAYS } from './admin-api.ts';
import { nightsBetween } from '../../../../src/domain/dates.ts';

type Key =
  | 'title'
  | 'intro'
  | 'caption'
  | 'name'
  | 'organisation'
  | 'region'
  | 'units'
  | 'confirmed'
  | 'stale'
  | 'staleCount'
  | 'allFresh'
  | 'none'
  | 'new'
  | 'street'
  | 'houseNumber'
  | 'postcode'
  | 'postcodeHelp'
  | 'city'
  | 'features'
  | 'phone'
  | 'description'
  | 'descriptionHelp'
  | 'homeliness'
  | 'homelinessHelp'
  | 'save'
  | 'loading'
  | 'needFirst'
  | 'admitting'
  | 'allAdmitting'
  | 'notAdmitting'
  | 'notAdmittingCount';

const texts: Texts<Key> = {
  nl: {
    title: 'Locaties',
    intro:
      "Alle locaties in de regio's, met wanneer de zorgaanbieder de gegevens het laatst bevestigde. Verouderde gegevens staan bovenaan.",
    caption: 'Locaties',
    name: 'Naam',
    organisation: 'Organisatie',
    region: 'Regio',
    units: 'Plekken',
    confirmed: 'Laatst bevestigd',
    stale: 'Verouderd: {days} dagen niet bevestigd',
    staleCount: '{count} locatie(s) hebben hun gegevens meer dan {days} dagen niet bevestigd. Bel ze even na.',
    allFresh: 'Alle locaties hebben hun gegevens de laatste {days} dagen bevestigd.',
    none: 'Er zijn nog geen locaties.',
    new: 'Een locatie toevoegen',
    street: 'Straat',
    houseNumber: 'Huisnummer',
    postcode: 'Postcode',
    postcodeHelp: 'Bijvoorbeeld 3291 AB. Daarmee zetten we de locatie op de kaart.',
    city: 'Plaats',
    features: 'Voorzieningen van de locatie',
    phone: 'Telefoon (niet verplicht)',
    description: 'Beschrijving (niet verplicht)',
    descriptionHelp: 'Voor het openbare profiel: wat voor huis het is, waar het ligt.',
    homeliness: 'Thuisgevoel (niet verplicht)',
    homelinessHelp: 'Wat het verblijf huiselijk maakt: de mensen, de tuin, het eten.',
    save: 'Locatie toevoegen',
    loading: 'Laden…',
    needFirst: 'Voeg eerst een regio en een organisatie toe.',
    admitting: 'Opname',
    allAdmitting: 'Alle plekken',
    notAdmitting: '{count} geen opname (personeel), verwacht weer vanaf {date}',
    notAdmittingCount: 'Geen opname door te weinig personeel: {count|# plek|# plekken} op {locations|# locatie|# locaties}.',
  },
  en: {
    title: 'Locations',
    intro: 'All locations in the regions, with when the provider last confirmed their details. Out-of-date ones come first.',
    caption: 'Locations',
    name: 'Name',
    organisation: 'Organisation',
    region: 'Region',
    units: 'Units',
    confirmed: 'Last confirmed',
    stale: 'Out of date: not confirmed for {days} days',
    staleCount: '{count} location(s) have not confirmed their details for over {days} days. Give them a call.',
    allFresh: 'All locations confirmed their details in the last {days} days.',
    none: 'There are no locations yet.',
    new: 'Add a location',
    street: 'Street',
    houseNumber: 'House number',
    postcode: 'Postcode',
    postcodeHelp: 'For example 3291 AB. It puts the location on the map.',
    city: 'Town',
    features: 'Features of the location',
    phone: 'Phone (optional)',
    description: 'Description (optional)',
    descriptionHelp: 'For the public profile: what kind of house it is, where it is.',
    homeliness: 'Feeling at home (optional)',
    homelinessHelp: 'What makes the stay homely: the people, the garden, the food.',
    save: 'Add location',
    loading: 'Loading…',
    needFirst: 'Add a region and an organisation first.',
    admitting: 'Admitting',
    allAdmitting: 'All units',
    notAdmitting: '{count} not admitting (staff), expected again from {date}',
    notAdmittingCount: 'Not admitting for want of staff: {count|# unit|# units} at {locations|# location|# locations}.',
  },
};

/** All locations with how fresh their details are; the administrator also adds locations here. */
export function LocationsAdmin() {
  const t = useTexts(texts);
  const { session } = useSession();
  const locations = useApiQuery<LocationAdmin[]>('/admin/locations');
  const isAdministrator = session?.user?.role === 'administrator';
  const today = serverToday();
  const age = (location: LocationAdmin) => nightsBetween(location.confirmedAt.slice(0, 10), today);
  const sorted = [...(locations.data ?? [])].sort((a, b) => age(b) - age(a));
  const stale = sorted.filter((location) => age(location) > STALE_AFTER_DAYS);
  const notAdmitting = sorted.filter((location) => location.notAdmittingUnits > 0);
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {locations.error !== null && <ErrorAlert error={locations.error} />}
      {locations.data === null && locations.error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {locations.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {sorted.length > 0 && (
        <>
          <Alert type={stale.length > 0 ? 'warning' : 'ok'}>
            <Paragraph>
              {stale.length > 0
                ? t('staleCount', { count: stale.length, days: STALE_AFTER_DAYS })
                : t('allFresh', { days: STALE_AFTER_DAYS })}
            </Paragraph>
          </Alert>
          {notAdmitting.length > 0 && (
            <Alert type="warning">
              <Paragraph>
                {t('notAdmittingCount', {
                  count: notAdmitting.reduce((sum, location) => sum + location.notAdmittingUnits, 0),
                  locations: notAdmitting.length,
                })}
              </Paragraph>
            </Alert>
          )}
          <div className="adempauze-table-scroll" role="region" aria-label={t('caption')} tabIndex={0}>
            <Table>
              <TableCaption>{t('caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('region')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('units')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admitting')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('confirmed')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sorted.map((location) => (
                  <TableRow key={location.id}>
                    <TableHeaderCell scope="row">
                      {isAdministrator ? (
                        <Link className="utrecht-link" to={`/beheer/locaties/${location.id}`}>
                          {location.name}
                        </Link>
                      ) : (
                        location.name
                      )}
                    </TableHeaderCell>
                    <TableCell>{location.organisationName}</TableCell>
                    <TableCell>{location.regionId}</TableCell>
                    <TableCell>{location.unitCount}</TableCell>
                    <TableCell>
                      {location.notAdmittingUnits > 0 && location.notAdmittingUntil ? (
                        <strong>
                          {t('notAdmitting', { count: location.notAdmittingUnits, date: formatDate(location.notAdmittingUntil) })}
                        </strong>
                      ) : (
                        t('allAdmitting')
                      )}
                    </TableCell>
                    <TableCell>
                      {formatDate(location.confirmedAt)}
                      {age(location) > STALE_AFTER_DAYS && (
                        <strong className="adempauze-stale"> — {t('stale', { days: age(location) })}</strong>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {isAdministrator && <NewLocationForm />}
    </>
  );
}

function NewLocationForm() {
  const { language } = useI18n();
  const t = useTexts(texts);
  const navigate = useNavigate();
  const organisations = useApiQuery<Organisation[]>('/organisations');
  const regions = useApiQuery<RegionSummary[]>('/regions');
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      organisationId: String(form.get('organisationId') ?? ''),
      regionId: String(form.get('regionId') ?? ''),
      name: String(form.get('name') ?? ''),
      street: String(form.get('street') ?? ''),
      houseNumber: String(form.get('houseNumber') ?? ''),
      postcode: String(form.get('postcode') ?? ''),
      city: String(form.get('city') ?? ''),
      features: form.getAll('features').map(String),
      phone: optionalText(form, 'phone') ?? null,
      description: optionalText(form, 'description') ?? null,
      homeliness: optionalText(form, 'homeliness') ?? null,
    };
    setError(null);
    try {
      const created = await api<{ id: string }>('POST', '/locations', body);
      void navigate(`/beheer/locaties/${created.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  if (organisations.data?.length === 0 || regions.data?.length === 0) return <Paragraph>{t('needFirst')}</Paragraph>;
  const known = [
    'organisationId',
    'regionId',
    'name',
    'street',
    'houseNumber',
    'postcode',
    'city',
    'features',
    'phone',
    'description',
    'homeliness',
  ];
  return (
    <form className="adempauze-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="location-new">
      <Heading2 id="location-new">{t('new')}</Heading2>
      {error !== null && !known.some((field) => fieldMessage(error, field)) && <ErrorAlert error={error} />}
      <SelectField
        name="organisationId"
        label={t('organisation')}
        error={error}
        options={(organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }))}
      />
      <SelectField
        name="regionId"
        label={t('region')}
        error={error}
        options={(regions.data ?? []).map((region) => ({ value: region.id, label: region.name }))}
      />
      <TextField name="name" label={t('name')} error={error} required />
      <TextField name="street" label={t('street')} error={error} required autoComplete="address-line1" />
      <TextField name="houseNumber" label={t('houseNumber')} error={error} required />
      <TextField name="postcode" label={t('postcode')} description={t('postcodeHelp')} error={error} required autoComplete="postal-code" />
      <TextField name="city" label={t('city')} error={error} required autoComplete="address-level2" />
      <CheckboxGroup
        name="features"
        idPrefix="location-features"
        legend={t('features')}
        error={error}
        options={CARE_FEATURES.map((feature) => ({ value: feature, label: CARE_FEATURE_LABELS[feature][language] }))}
      />
      <TextField name="phone" type="tel" label={t('phone')} error={error} />
      <FormFieldTextarea
        id="description"
        name="description"
        label={t('description')}
        description={t('descriptionHelp')}
        invalid={Boolean(fieldMessage(error, 'description'))}
        errorMessage={fieldMessage(error, 'description')}
      />
      <FormFieldTextarea
        id="homeliness"
        name="homeliness"
        label={t('homeliness')}
        description={t('homelinessHelp')}
        invalid={Boolean(fieldMessage(error, 'homeliness'))}
        errorMessage={fieldMessage(error, 'homeliness')}
      />
      <Button type="submit" appearance="primary-action-button">
        {t('save')}
      </Button>
    </form>
  );
}
