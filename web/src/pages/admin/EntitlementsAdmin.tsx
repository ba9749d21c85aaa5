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
import { useApiQuery } from '../../api/queries.ts';
import { TextField, fieldMessage, optionalText } from '../../forms/fields.tsx';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { Entitlement, Municipality } from './admin-api.ts';

type Key =
  | 'title'
  | 'intro'
  | 'caption'
  | 'municipality'
  | 'crisis'
  | 'crisisHelp'
  | 'respite'
  | 'respiteHelp'
  | 'nights'
  | 'noLimit'
  | 'edit'
  | 'editIntro'
  | 'save'
  | 'saved'
  | 'none';

const texts: Texts<Key> = {
  nl: {
    title: 'Rechten per gemeente',
    intro:
      'Hoe lang een crisisopname uit de Wmo mag duren, en hoeveel nachten logeerzorg uit de Wmo iemand per jaar heeft. Komt een boeking daarboven, dan ziet het aanmeldpunt een waarschuwing voor het boeken.',
    caption: 'Rechten per gemeente',
    municipality: 'Gemeente',
    crisis: 'Crisisopname: hoogstens (nachten)',
    crisisHelp: 'Leeg laten: geen grens.',
    respite: 'Logeerzorg: nachten per jaar',
    respiteHelp: 'Per kalenderjaar, per cliënt. Leeg laten: geen grens.',
    nights: '{count} nachten',
    noLimit: 'geen grens',
    edit: 'Rechten instellen',
    editIntro: 'Voor één gemeente. Wat er al stond, wordt vervangen.',
    save: 'Opslaan',
    saved: 'Opgeslagen voor {municipality}.',
    none: 'Er zijn nog geen rechten ingesteld. Dan geeft Adempauze geen waarschuwingen.',
  },
  en: {
    title: 'Entitlements per municipality',
    intro:
      'How long a Wmo crisis stay may last, and how many nights of Wmo respite someone has per year. When a booking goes beyond, the access point sees a warning before booking.',
    caption: 'Entitlements per municipality',
    municipality: 'Municipality',
    crisis: 'Crisis stay: at most (nights)',
    crisisHelp: 'Leave empty: no limit.',
    respite: 'Respite: nights per year',
    respiteHelp: 'Per calendar year, per client. Leave empty: no limit.',
    nights: '{count} nights',
    noLimit: 'no limit',
    edit: 'Set entitlements',
    editIntro: 'For one municipality. What was there is replaced.',
    save: 'Save',
    saved: 'Saved for {municipality}.',
    none: 'No entitlements have been set. Adempauze then gives no warnings.',
  },
};

const wholeNumber = (form: FormData, name: string) => {
  const text = optionalText(form, name);
  // Anything but digits goes to the server as typed, so its message names the mistake beside the field.
  return text === undefined ? null : /^\d+$/.test(text) ? Number(text) : text;
};

/** Each municipality's limits on Wmo crisis stays and respite nights: the coordinator is warned before crossing them. */
export function EntitlementsAdmin() {
  const t = useTexts(texts);
  const entitlements = useApiQuery<Entitlement[]>('/entitlements');
  const municipalities = useApiQuery<Municipality[]>('/admin/municipalities');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const nights = (count: number | null) => (count === null ? t('noLimit') : t('nights', { count }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      municipality: String(form.get('municipality') ?? '').trim(),
      crisisMaxNights: wholeNumber(form, 'crisisMaxNights'),
      respiteNightsPerYear: wholeNumber(form, 'respiteNightsPerYear'),
    };
    setError(null);
    setDone(null);
    try {
      await api('PUT', '/entitlements', body);
      setDone(t('saved', { municipality: body.municipality }));
      entitlements.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {entitlements.error !== null && <ErrorAlert error={entitlements.error} />}
      {entitlements.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {entitlements.data && entitlements.data.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption')} tabIndex={0}>
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['municipality', 'crisis', 'respite'] as const).map((key) => (
                  <TableHeaderCell key={key} scope="col">
                    {t(key)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {entitlements.data.map((entitlement) => (
                <TableRow key={entitlement.municipality}>
                  <TableHeaderCell scope="row">{entitlement.municipality}</TableHeaderCell>
                  <TableCell>{nights(entitlement.crisisMaxNights)}</TableCell>
                  <TableCell>{nights(entitlement.respiteNightsPerYear)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <form className="adempauze-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="entitlement-edit">
        <Heading2 id="entitlement-edit">{t('edit')}</Heading2>
        <Paragraph>{t('editIntro')}</Paragraph>
        <div aria-live="polite">
          {done && (
            <Alert type="ok">
              <Paragraph>{done}</Paragraph>
            </Alert>
          )}
        </div>
        {error !== null && !['municipality', 'crisisMaxNights', 'respiteNightsPerYear'].some((field) => fieldMessage(error, field)) && (
          <ErrorAlert error={error} />
        )}
        <TextField name="municipality" label={t('municipality')} error={error} required list="entitlement-municipalities" />
        <datalist id="entitlement-municipalities">
          {municipalities.data?.map((municipality) => (
            <option key={municipality.name} value={municipality.name} />
          ))}
        </datalist>
        <TextField name="crisisMaxNights" label={t('crisis')} description={t('crisisHelp')} error={error} />
        <TextField name="respiteNightsPerYear" label={t('respite')} description={t('respiteHelp')} error={error} />
        <Button type="submit" appearance="primary-action-button">
          {t('save')}
        </Button>
      </form>
    </>
  );
}
