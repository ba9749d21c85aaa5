import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { API_SCOPES, API_SCOPE_LABELS } from '../../../../src/domain/api-scopes.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { SelectField, TextField, fieldMessage } from '../../forms/fields.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { ApiClient as ApiClientSchema } from '../../../../src/http/schemas/api-client.schemas.ts';

/** GET /admin/api-clients */
type ApiClient = z.infer<typeof ApiClientSchema>;

type Key =
  | 'title'
  | 'intro'
  | 'docs'
  | 'list'
  | 'none'
  | 'name'
  | 'organisation'
  | 'scopes'
  | 'lastUsed'
  | 'never'
  | 'status'
  | 'active'
  | 'revokedOn'
  | 'revoke'
  | 'sure'
  | 'newTitle'
  | 'nameHint'
  | 'choose'
  | 'make'
  | 'keyTitle'
  | 'keyText'
  | 'revoked';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Koppelingen',
    intro:
      'Systemen van andere organisaties praten met het aanmeldpunt via FHIR: het transferbureau van een ziekenhuis, een huisartsensysteem, een capaciteitsmonitor. Elk systeem krijgt een eigen sleutel, alleen voor wat het nodig heeft.',
    docs: 'Hoe het werkt, staat in docs/FHIR.md en op /fhir/R4/metadata.',
    list: 'Sleutels',
    none: 'Er zijn nog geen sleutels.',
    name: 'Systeem',
    organisation: 'Organisatie',
    scopes: 'Mag',
    lastUsed: 'Laatst gebruikt',
    never: 'nog niet',
    status: 'Status',
    active: 'actief',
    revokedOn: 'ingetrokken op {date}',
    revoke: 'Intrekken',
    sure: 'Weet u het zeker? Het systeem kan daarna niets meer.',
    newTitle: 'Nieuwe sleutel',
    nameHint: 'Bijvoorbeeld "Transferbureau Maasstad".',
    choose: 'Kies een organisatie',
    make: 'Sleutel maken',
    keyTitle: 'De sleutel voor {name}',
    keyText: 'Kopieer de sleutel nu en zet hem in het systeem. Hij wordt niet bewaard en u ziet hem hierna niet meer.',
    revoked: 'De sleutel is ingetrokken.',
  },
  en: {
    title: 'Connections',
    intro:
      "Other organisations' systems talk to the access point over FHIR: a hospital's transfer desk, a GP system, a capacity monitor. Each system gets its own key, only for what it needs.",
    docs: 'How it works is in docs/FHIR.md and at /fhir/R4/metadata.',
    list: 'Keys',
    none: 'There are no keys yet.',
    name: 'System',
    organisation: 'Organisation',
    scopes: 'May',
    lastUsed: 'Last used',
    never: 'not yet',
    status: 'Status',
    active: 'active',
    revokedOn: 'revoked on {date}',
    revoke: 'Revoke',
    sure: 'Are you sure? The system can do nothing after that.',
    newTitle: 'New key',
    nameHint: 'For instance "Transfer desk Maasstad".',
    choose: 'Choose an organisation',
    make: 'Make the key',
    keyTitle: 'The key for {name}',
    keyText: 'Copy the key now and put it in the system. It is not kept and you will not see it again.',
    revoked: 'The key is revoked.',
  },
};

/** The administrator's keys for systems that call the FHIR endpoint: made with scopes, shown once, revoked. */
export function ApiClientsAdmin() {
  const t = useTexts(TEXTS);
  const { language } = useI18n();
  const clients = useApiQuery<ApiClient[]>('/admin/api-clients');
  const organisations = useApiQuery<{ id: string; name: string }[]>('/organisations');
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const make = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    api<{ name: string; key: string }>('POST', '/admin/api-clients', {
      organisationId: String(data.get('organisationId') ?? ''),
      name: String(data.get('name') ?? '').trim(),
      scopes: data.getAll('scopes').map(String),
    })
      .then((answer) => {
        setMade(answer);
        setError(null);
        setNotice(null);
        form.reset();
        clients.reload();
      })
      .catch(setError);
  };
  const revoke = (client: ApiClient) => {
    if (!window.confirm(t('sure'))) return;
    api('DELETE', `/admin/api-clients/${client.id}`)
      .then(() => {
        setNotice(t('revoked'));
        setMade(null);
        clients.reload();
      })
      .catch(setError);
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <Paragraph>{t('docs')}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {clients.error !== null && <ErrorAlert error={clients.error} />}
      {notice && (
        <div role="status">
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        </div>
      )}
      {made && (
        <div role="status">
          <Alert type="warning">
            <Heading2>{t('keyTitle', { name: made.name })}</Heading2>
            <Paragraph>{t('keyText')}</Paragraph>
            <Paragraph>
              <code className="adempauze-secret">{made.key}</code>
            </Paragraph>
          </Alert>
        </div>
      )}

      <Heading2>{t('list')}</Heading2>
      {clients.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {clients.data && clients.data.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow>
              {(['name', 'organisation', 'scopes', 'lastUsed', 'status'] as const).map((key) => (
                <TableHeaderCell key={key} scope="col">
                  {t(key)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">
                <span className="adempauze-visually-hidden">{t('revoke')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {clients.data.map((client) => (
              <TableRow key={client.id}>
                <TableCell>{client.name}</TableCell>
                <TableCell>{client.organisationName}</TableCell>
                <TableCell>{client.scopes.map((scope) => API_SCOPE_LABELS[scope][language]).join('; ')}</TableCell>
                <TableCell>{client.lastUsedAt ? formatDateTime(client.lastUsedAt) : t('never')}</TableCell>
                <TableCell>{client.revokedAt ? t('revokedOn', { date: formatDateTime(client.revokedAt) }) : t('active')}</TableCell>
                <TableCell>
                  {!client.revokedAt && (
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      onClick={() => revoke(client)}
                      aria-label={`${t('revoke')}: ${client.name}`}
                    >
                      {t('revoke')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <form onSubmit={make} noValidate aria-labelledby="nieuwe-sleutel">
        <Heading2 id="nieuwe-sleutel">{t('newTitle')}</Heading2>
        <TextField name="name" label={t('name')} description={t('nameHint')} error={error} required />
        <SelectField
          name="organisationId"
          label={t('organisation')}
          error={error}
          defaultValue=""
          options={[
            { value: '', label: t('choose') },
            ...(organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name })),
          ]}
        />
        <Fieldset invalid={Boolean(fieldMessage(error, 'scopes'))}>
          <FieldsetLegend>{t('scopes')}</FieldsetLegend>
          {fieldMessage(error, 'scopes') && <FormFieldErrorMessage>{fieldMessage(error, 'scopes')}</FormFieldErrorMessage>}
          {API_SCOPES.map((scope) => (
            <FormField key={scope} type="checkbox" className="adempauze-choice">
              <Checkbox id={`scope-${scope}`} name="scopes" value={scope} />
              <FormLabel htmlFor={`scope-${scope}`} type="checkbox">
                {API_SCOPE_LABELS[scope][language]}
              </FormLabel>
            </FormField>
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button">
          {t('make')}
        </Button>
      </form>
    </>
  );
}
