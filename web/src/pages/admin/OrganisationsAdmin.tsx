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
import type { Organisation } from './admin-api.ts';

type Key =
  | 'title'
  | 'intro'
  | 'caption'
  | 'name'
  | 'agb'
  | 'agbHelp'
  | 'contact'
  | 'contactName'
  | 'contactEmail'
  | 'contactPhone'
  | 'locations'
  | 'new'
  | 'save'
  | 'saved'
  | 'loading';

const texts: Texts<Key> = {
  nl: {
    title: 'Organisaties',
    intro: 'Zorgaanbieders en verwijzende praktijken. Een gebruiker van een zorgaanbieder of verwijzer hoort bij één organisatie.',
    caption: 'Alle organisaties',
    name: 'Naam',
    agb: 'AGB-code (niet verplicht)',
    agbHelp: '8 cijfers, uit het AGB-register van Vektis.',
    contact: 'Contact',
    contactName: 'Contactpersoon (niet verplicht)',
    contactEmail: 'E-mail van de contactpersoon (niet verplicht)',
    contactPhone: 'Telefoon van de contactpersoon (niet verplicht)',
    locations: 'Locaties',
    new: 'Een organisatie toevoegen',
    save: 'Organisatie toevoegen',
    saved: '{name} is toegevoegd.',
    loading: 'Laden…',
  },
  en: {
    title: 'Organisations',
    intro: 'Care providers and referring practices. A user of a provider or referrer belongs to one organisation.',
    caption: 'All organisations',
    name: 'Name',
    agb: 'AGB code (optional)',
    agbHelp: '8 digits, from the Vektis AGB register.',
    contact: 'Contact',
    contactName: 'Contact person (optional)',
    contactEmail: 'E-mail of the contact person (optional)',
    contactPhone: 'Phone of the contact person (optional)',
    locations: 'Locations',
    new: 'Add an organisation',
    save: 'Add organisation',
    saved: '{name} has been added.',
    loading: 'Loading…',
  },
};

/** The administrator's list of organisations, and the form to add one. */
export function OrganisationsAdmin() {
  const t = useTexts(texts);
  const { data, error: loadError, reload } = useApiQuery<Organisation[]>('/organisations');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get('name') ?? ''),
      agbCode: optionalText(form, 'agbCode') ?? null,
      contactName: optionalText(form, 'contactName') ?? null,
      contactEmail: optionalText(form, 'contactEmail') ?? null,
      contactPhone: optionalText(form, 'contactPhone') ?? null,
    };
    setError(null);
    setDone(null);
    try {
      await api('POST', '/organisations', body);
      setDone(t('saved', { name: body.name }));
      setFormKey((n) => n + 1);
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const known = ['name', 'agbCode', 'contactName', 'contactEmail', 'contactPhone'];
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {loadError !== null && <ErrorAlert error={loadError} />}
      {data === null && loadError === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data && data.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption')} tabIndex={0}>
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('name')}</TableHeaderCell>
                <TableHeaderCell scope="col">AGB</TableHeaderCell>
                <TableHeaderCell scope="col">{t('contact')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('locations')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((organisation) => (
                <TableRow key={organisation.id}>
                  <TableHeaderCell scope="row">{organisation.name}</TableHeaderCell>
                  <TableCell>{organisation.agbCode ?? '–'}</TableCell>
                  <TableCell>
                    {[organisation.contactName, organisation.contactEmail, organisation.contactPhone].filter(Boolean).join(', ') || '–'}
                  </TableCell>
                  <TableCell>{organisation.locationCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <form key={formKey} className="adempauze-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="organisation-new">
        <Heading2 id="organisation-new">{t('new')}</Heading2>
        <div aria-live="polite">
          {done && (
            <Alert type="ok">
              <Paragraph>{done}</Paragraph>
            </Alert>
          )}
        </div>
        {error !== null && !known.some((field) => fieldMessage(error, field)) && <ErrorAlert error={error} />}
        <TextField name="name" label={t('name')} error={error} required />
        <TextField name="agbCode" label={t('agb')} description={t('agbHelp')} error={error} />
        <TextField name="contactName" label={t('contactName')} error={error} />
        <TextField name="contactEmail" type="email" label={t('contactEmail')} error={error} />
        <TextField name="contactPhone" type="tel" label={t('contactPhone')} error={error} />
        <Button type="submit" appearance="primary-action-button">
          {t('save')}
        </Button>
      </form>
    </>
  );
}
