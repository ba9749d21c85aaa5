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
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatEuro } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { TableBox } from './TableBox.tsx';
import { TariffForm } from '../../registry/TariffForm.tsx';
import { type Overview } from './provider-api.ts';
import { FUNDING_LABELS } from './provider-labels.ts';

const texts: Texts<
  | 'title'
  | 'intro'
  | 'loading'
  | 'none'
  | 'caption'
  | 'type'
  | 'funding'
  | 'housing'
  | 'stay'
  | 'care'
  | 'total'
  | 'valid'
  | 'from'
  | 'fromUntil'
  | 'noTariffs'
> = {
  nl: {
    title: 'Tarieven',
    intro:
      'Wat een nacht kost per soort verblijf, zoals het aanmeldpunt het gebruikt voor de declaraties. Verandert een bedrag? Vul hieronder het nieuwe tarief in, met de datum waarop het ingaat.',
    loading: 'Laden…',
    none: 'Uw organisatie heeft nog geen locaties in Adempauze.',
    caption: 'Tarieven per nacht van {location}',
    type: 'Soort verblijf',
    funding: 'Betaalt via',
    housing: 'Wonen',
    stay: 'Verblijf',
    care: 'Zorg',
    total: 'Totaal per nacht',
    valid: 'Geldig',
    from: 'vanaf {from}',
    fromUntil: '{from} tot {until}',
    noTariffs: 'Voor deze locatie zijn nog geen tarieven ingevuld.',
  },
  en: {
    title: 'Tariffs',
    intro:
      'What a night costs per kind of stay, as the central point uses it for the claims. Does an amount change? Enter the new tariff below, with the day it starts.',
    loading: 'Loading…',
    none: 'Your organisation has no locations in Adempauze yet.',
    caption: 'Tariffs per night at {location}',
    type: 'Kind of stay',
    funding: 'Paid as',
    housing: 'Housing',
    stay: 'Stay',
    care: 'Care',
    total: 'Total per night',
    valid: 'Valid',
    from: 'from {from}',
    fromUntil: '{from} to {until}',
    noTariffs: 'No tariffs have been entered for this location yet.',
  },
};

const euros = (cents: number) => formatEuro(cents / 100);

/** The tariffs of the provider's locations valid today or later, in euros in Dutch notation. */
export function Tariffs() {
  const { language } = useI18n();
  const t = useTexts(texts);
  const { data, error, reload } = useApiQuery<Overview>('/provider/overview');
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {data === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data?.locations.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {data?.locations.map((location) => (
        <section key={location.id} aria-labelledby={`tariffs-${location.id}`}>
          <Heading2 id={`tariffs-${location.id}`}>{location.name}</Heading2>
          {location.tariffs.length === 0 ? (
            <Paragraph>{t('noTariffs')}</Paragraph>
          ) : (
            <TableBox label={t('caption', { location: location.name })}>
              <Table>
                <TableCaption>{t('caption', { location: location.name })}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('type')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('funding')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="adempauze-provider-amount">
                      {t('housing')}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="adempauze-provider-amount">
                      {t('stay')}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="adempauze-provider-amount">
                      {t('care')}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="adempauze-provider-amount">
                      {t('total')}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">{t('valid')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {location.tariffs.map((tariff) => (
                    <TableRow key={`${tariff.stayType}-${tariff.funding}-${tariff.validFrom}`}>
                      <TableHeaderCell scope="row">{STAY_TYPE_LABELS[tariff.stayType]?.[language] ?? tariff.stayType}</TableHeaderCell>
                      <TableCell>{FUNDING_LABELS[tariff.funding][language]}</TableCell>
                      <TableCell className="adempauze-provider-amount">{euros(tariff.housingCents)}</TableCell>
                      <TableCell className="adempauze-provider-amount">{euros(tariff.stayCents)}</TableCell>
                      <TableCell className="adempauze-provider-amount">{euros(tariff.careCents)}</TableCell>
                      <TableCell className="adempauze-provider-amount">
                        <strong>{euros(tariff.housingCents + tariff.stayCents + tariff.careCents)}</strong>
                      </TableCell>
                      <TableCell>
                        {tariff.validUntil
                          ? t('fromUntil', { from: formatDate(tariff.validFrom), until: formatDate(tariff.validUntil) })
                          : t('from', { from: formatDate(tariff.validFrom) })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableBox>
          )}
          <TariffForm locationId={location.id} onSaved={reload} />
        </section>
      ))}
    </>
  );
}
