import {
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
import { Link, useParams } from 'react-router';
import { CARE_FEATURE_LABELS } from '../../../../src/domain/care-features.ts';
import { STAY_TYPE_LABELS, type StayType } from '../../../../src/domain/stay-types.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatEuro } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { AddUnitForm, EditUnitForm, RetireUnitForm } from '../../registry/UnitForms.tsx';
import { type EditableLocation, LocationDetailsForm } from '../../registry/LocationDetailsForm.tsx';
import { LocationPhotos } from '../../registry/LocationPhotos.tsx';
import { TariffForm } from '../../registry/TariffForm.tsx';
import type { ProviderUnit, Tariff } from '../provider/provider-api.ts';

type Key =
  | 'back'
  | 'address'
  | 'units'
  | 'noUnits'
  | 'unit'
  | 'stayTypes'
  | 'features'
  | 'inUse'
  | 'until'
  | 'retire'
  | 'tariffs'
  | 'noTariffs'
  | 'type'
  | 'perNight'
  | 'valid'
  | 'from'
  | 'fromUntil'
  | 'loading';

const texts: Texts<Key> = {
  nl: {
    back: 'Alle locaties',
    address: 'Adres',
    units: 'Plekken',
    noUnits: 'Deze locatie heeft nog geen plekken.',
    unit: 'Plek',
    stayTypes: 'Soorten verblijf',
    features: 'Voorzieningen',
    inUse: 'In gebruik',
    until: '{from} tot {until}',
    retire: 'Plekken wijzigen of uit gebruik nemen',
    tariffs: 'Tarieven',
    noTariffs: 'Nog geen tarieven. Zonder tarief kan het aanmeldpunt niet boeken.',
    type: 'Soort verblijf',
    perNight: 'Per nacht',
    valid: 'Geldig',
    from: 'vanaf {from}',
    fromUntil: '{from} tot {until}',
    loading: 'Laden…',
  },
  en: {
    back: 'All locations',
    address: 'Address',
    units: 'Units',
    noUnits: 'This location has no units yet.',
    unit: 'Unit',
    stayTypes: 'Kinds of stay',
    features: 'Features',
    inUse: 'In use',
    until: '{from} to {until}',
    retire: 'Change units or take them out of use',
    tariffs: 'Tariffs',
    noTariffs: 'No tariffs yet. Without a tariff the central point cannot book.',
    type: 'Kind of stay',
    perNight: 'Per night',
    valid: 'Valid',
    from: 'from {from}',
    fromUntil: '{from} to {until}',
    loading: 'Loading…',
  },
};

interface LocationDetail extends EditableLocation {
  units: ProviderUnit[];
}

/** One location for the administrator: its units (add, retire) and tariffs (a new one from a date). */
export function LocationAdminPage() {
  const { id = '' } = useParams();
  const { language } = useI18n();
  const t = useTexts(texts);
  const location = useApiQuery<LocationDetail>(`/locations/${id}`);
  const tariffs = useApiQuery<Tariff[]>(`/locations/${id}/tariffs`);
  const label = (type: string) => STAY_TYPE_LABELS[type as StayType]?.[language] ?? type;
  if (location.error !== null) return <ErrorAlert error={location.error} />;
  if (!location.data) return <Paragraph role="status">{t('loading')}</Paragraph>;
  const data = location.data;
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link" to="/beheer/locaties">
          {t('back')}
        </Link>
      </Paragraph>
      <Heading1>{data.name}</Heading1>
      <Paragraph>
        {t('address')}: {data.street} {data.houseNumber}, {data.postcode} {data.city}
      </Paragraph>
      <Paragraph>
        {t('features')}:{' '}
        {data.features
          .map((feature) => CARE_FEATURE_LABELS[feature as keyof typeof CARE_FEATURE_LABELS]?.[language] ?? feature)
          .join(', ') || '–'}
      </Paragraph>
      <LocationDetailsForm location={data} onSaved={location.reload} />
      <LocationPhotos locationId={data.id} />

      <Heading2>{t('units')}</Heading2>
      {data.units.length === 0 ? (
        <Paragraph>{t('noUnits')}</Paragraph>
      ) : (
        <div className="adempauze-table-scroll" role="region" aria-label={t('units')} tabIndex={0}>
          <Table>
            <TableCaption>{t('units')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('unit')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('stayTypes')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('features')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inUse')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.units.map((unit) => (
                <TableRow key={unit.id}>
                  <TableHeaderCell scope="row">{unit.name}</TableHeaderCell>
                  <TableCell>{unit.acceptedStayTypes.map(label).join(', ')}</TableCell>
                  <TableCell>
                    {unit.features.map((feature) => CARE_FEATURE_LABELS[feature]?.[language] ?? feature).join(', ') || '–'}
                  </TableCell>
                  <TableCell>
                    {unit.activeUntil
                      ? t('until', { from: formatDate(unit.activeFrom), until: formatDate(unit.activeUntil) })
                      : t('from', { from: formatDate(unit.activeFrom) })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <AddUnitForm locationId={data.id} onAdded={location.reload} />
      {data.units.some((unit) => unit.activeUntil === null) && (
        <details className="adempauze-card">
          <summary>{t('retire')}</summary>
          {data.units
            .filter((unit) => unit.activeUntil === null)
            .map((unit) => (
              <div key={unit.id}>
                <EditUnitForm unit={unit} onChanged={location.reload} stayLink={(stayId) => `/aanmeldpunt/verblijven/${stayId}`} />
                <RetireUnitForm unit={unit} onRetired={location.reload} stayLink={(stayId) => `/aanmeldpunt/verblijven/${stayId}`} />
              </div>
            ))}
        </details>
      )}

      <Heading2>{t('tariffs')}</Heading2>
      {tariffs.error !== null && <ErrorAlert error={tariffs.error} />}
      {tariffs.data?.length === 0 && <Paragraph>{t('noTariffs')}</Paragraph>}
      {tariffs.data && tariffs.data.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('tariffs')} tabIndex={0}>
          <Table>
            <TableCaption>{t('tariffs')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('type')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('perNight')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('valid')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tariffs.data.map((tariff) => (
                <TableRow key={`${tariff.stayType}-${tariff.funding}-${tariff.validFrom}`}>
                  <TableHeaderCell scope="row">{label(tariff.stayType)}</TableHeaderCell>
                  <TableCell>{formatEuro((tariff.housingCents + tariff.stayCents + tariff.careCents) / 100)}</TableCell>
                  <TableCell>
                    {tariff.validUntil
                      ? t('fromUntil', { from: formatDate(tariff.validFrom), until: formatDate(tariff.validUntil) })
                      : t('from', { from: formatDate(tariff.validFrom) })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <TariffForm locationId={data.id} onSaved={tariffs.reload} />
    </>
  );
}
