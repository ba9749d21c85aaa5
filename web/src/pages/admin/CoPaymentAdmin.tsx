import {
  Alert,
  Button,
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
import { api } from '../../api/client.ts';
import { serverToday } from '../../api/clock.ts';
import { useApiQuery } from '../../api/queries.ts';
import { TextField, centsOf, fieldMessage, optionalText } from '../../forms/fields.tsx';
import { formatDate, formatEuro } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { CoPaymentRule, Municipality } from './admin-api.ts';

type Key =
  | 'title'
  | 'intro'
  | 'caption'
  | 'municipality'
  | 'amount'
  | 'amountHelp'
  | 'valid'
  | 'from'
  | 'fromUntil'
  | 'new'
  | 'newIntro'
  | 'validFrom'
  | 'save'
  | 'saved'
  | 'none';

const texts: Texts<Key> = {
  nl: {
    title: 'Eigen bijdrage',
    intro: 'Wat een logé per nacht zelf betaalt voor logeerzorg uit de Wmo. Elke gemeente stelt dit bedrag vast.',
    caption: 'Eigen bijdrage per gemeente',
    municipality: 'Gemeente',
    amount: 'Per nacht (euro)',
    amountHelp: 'Bijvoorbeeld 19,50',
    valid: 'Geldig',
    from: 'vanaf {from}',
    fromUntil: '{from} tot {until}',
    new: 'Een nieuw bedrag',
    newIntro: 'Vanaf een datum. Het bedrag dat nu geldt, stopt op die dag vanzelf.',
    validFrom: 'Geldig vanaf',
    save: 'Bedrag opslaan',
    saved: 'Opgeslagen voor {municipality}.',
    none: 'Er zijn nog geen bedragen ingevuld.',
  },
  en: {
    title: 'Co-payment',
    intro: 'What a guest pays per night for respite care under the Wmo. Each municipality sets the amount.',
    caption: 'Co-payment per municipality',
    municipality: 'Municipality',
    amount: 'Per night (euro)',
    amountHelp: 'For example 19.50',
    valid: 'Valid',
    from: 'from {from}',
    fromUntil: '{from} to {until}',
    new: 'A new amount',
    newIntro: 'From a date. The amount that applies now ends that day by itself.',
    validFrom: 'Valid from',
    save: 'Save amount',
    saved: 'Saved for {municipality}.',
    none: 'No amounts have been entered yet.',
  },
};

/** Each municipality's co-payment per night, and a new amount from a date. */
export function CoPaymentAdmin() {
  const t = useTexts(texts);
  const rules = useApiQuery<CoPaymentRule[]>('/co-payment-rules');
  const municipalities = useApiQuery<Municipality[]>('/admin/municipalities');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      municipality: String(form.get('municipality') ?? '').trim(),
      centsPerNight: centsOf(String(form.get('centsPerNight') ?? '')),
      validFrom: String(form.get('validFrom') ?? ''),
      validUntil: optionalText(form, 'validUntil') ?? null,
    };
    setError(null);
    setDone(null);
    try {
      await api('POST', '/co-payment-rules', body);
      setDone(t('saved', { municipality: body.municipality }));
      rules.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {rules.error !== null && <ErrorAlert error={rules.error} />}
      {rules.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {rules.data && rules.data.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption')} tabIndex={0}>
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('municipality')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('valid')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.data.map((rule) => (
                <TableRow key={rule.id}>
                  <TableHeaderCell scope="row">{rule.municipality}</TableHeaderCell>
                  <TableCell>{formatEuro(rule.centsPerNight / 100)}</TableCell>
                  <TableCell>
                    {rule.validUntil
                      ? t('fromUntil', { from: formatDate(rule.validFrom), until: formatDate(rule.validUntil) })
                      : t('from', { from: formatDate(rule.validFrom) })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <form className="adempauze-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="co-payment-new">
        <Heading2 id="co-payment-new">{t('new')}</Heading2>
        <Paragraph>{t('newIntro')}</Paragraph>
        <div aria-live="polite">
          {done && (
            <Alert type="ok">
              <Paragraph>{done}</Paragraph>
            </Alert>
          )}
        </div>
        {error !== null && !['municipality', 'centsPerNight', 'validFrom'].some((field) => fieldMessage(error, field)) && (
          <ErrorAlert error={error} />
        )}
        <TextField name="municipality" label={t('municipality')} error={error} required list="municipality-names" />
        <datalist id="municipality-names">
          {municipalities.data?.map((municipality) => (
            <option key={municipality.name} value={municipality.name} />
          ))}
        </datalist>
        <TextField name="centsPerNight" label={t('amount')} description={t('amountHelp')} error={error} required />
        <TextField name="validFrom" type="date" label={t('validFrom')} error={error} defaultValue={serverToday()} required />
        <Button type="submit" appearance="primary-action-button">
          {t('save')}
        </Button>
      </form>
    </>
  );
}
