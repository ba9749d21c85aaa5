import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormLabel,
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type ChangeEvent, useState } from 'react';
import { IMPORT_COLUMNS } from '../../../../src/domain/registry/bed-import-columns.ts';
import { api } from '../../api/client.ts';
import { fill } from '../../i18n/fill.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { BedImportReport } from '../../../../src/http/schemas/bed-import.schemas.ts';

type Report = z.infer<typeof BedImportReport>;

type Key =
  | 'title'
  | 'intro'
  | 'columns'
  | 'file'
  | 'fileHelp'
  | 'check'
  | 'write'
  | 'busy'
  | 'summary'
  | 'issuesTitle'
  | 'noIssues'
  | 'caption'
  | 'line'
  | 'organisation'
  | 'location'
  | 'unit'
  | 'what'
  | 'create'
  | 'existing'
  | 'update'
  | 'unchanged'
  | 'written'
  | 'fixFirst'
  | 'wholeSheet'
  | 'atLine';

const texts: Texts<Key> = {
  nl: {
    title: 'Beddenlijst inlezen',
    intro:
      'Zet in één keer de locaties en plekken van een regio in Adempauze. Eerst controleren we het bestand; er verandert pas iets als u daarna op Inlezen klikt.',
    columns:
      'Het bestand heeft een kopregel met deze kolommen (één regel per plek; organisatie, locatie, plek en verblijf zijn verplicht):',
    file: 'Bestand (CSV)',
    fileHelp: 'In Excel: Bestand, Opslaan als, "CSV (gescheiden door lijstscheidingsteken)".',
    check: 'Controleren',
    write: 'Inlezen',
    busy: 'Even geduld…',
    summary:
      'Nieuw: {organisations|# organisatie|# organisaties}, {locations|# locatie|# locaties}, {unitsCreated|# plek|# plekken}. Gewijzigd: {unitsChanged|# plek|# plekken}. Al goed: {unitsUnchanged}.',
    issuesTitle: 'Dit moet eerst anders in het bestand',
    noIssues: 'Geen fouten gevonden. Klik op Inlezen om het op te slaan.',
    caption: 'Wat er per regel gebeurt',
    line: 'Regel',
    organisation: 'Organisatie',
    location: 'Locatie',
    unit: 'Plek',
    what: 'Wat gebeurt er',
    create: 'nieuw',
    existing: 'bestaat al',
    update: 'wordt gewijzigd',
    unchanged: 'blijft gelijk',
    written: 'Ingelezen. {summary}',
    fixFirst: 'Er zijn nog fouten. Pas het bestand aan en kies het opnieuw.',
    wholeSheet: 'Het hele bestand',
    atLine: 'Regel {line}, kolom {column}',
  },
  en: {
    title: 'Import a bed list',
    intro:
      "Put a region's locations and units into Adempauze at once. First we check the file; nothing changes until you then click Import.",
    columns: 'The file has a header row with these columns (one row per unit; organisation, location, unit and stay types are required):',
    file: 'File (CSV)',
    fileHelp: 'In Excel: File, Save as, "CSV (comma or semicolon delimited)".',
    check: 'Check',
    write: 'Import',
    busy: 'Please wait…',
    summary:
      'New: {organisations|# organisation|# organisations}, {locations|# location|# locations}, {unitsCreated|# unit|# units}. Changed: {unitsChanged|# unit|# units}. Already right: {unitsUnchanged}.',
    issuesTitle: 'Change this in the file first',
    noIssues: 'No errors found. Click Import to save it.',
    caption: 'What happens per row',
    line: 'Row',
    organisation: 'Organisation',
    location: 'Location',
    unit: 'Unit',
    what: 'What happens',
    create: 'new',
    existing: 'exists',
    update: 'is changed',
    unchanged: 'stays the same',
    written: 'Imported. {summary}',
    fixFirst: 'There are still errors. Change the file and choose it again.',
    wholeSheet: 'The whole file',
    atLine: 'Row {line}, column {column}',
  },
};

/** Words for the problems the import reports, by code; the code itself where there is no sentence yet. */
const ISSUE_TEXT: Record<string, { nl: string; en: string }> = {
  required: { nl: 'Vul dit in.', en: 'Fill this in.' },
  required_for_new_location: { nl: 'Nodig voor een nieuwe locatie.', en: 'Needed for a new location.' },
  column_missing: { nl: 'Deze kolom ontbreekt.', en: 'This column is missing.' },
  unknown_stay_type: { nl: 'Onbekend soort verblijf: {value}.', en: 'Unknown kind of stay: {value}.' },
  unknown_feature: { nl: 'Onbekende voorziening: {value}.', en: 'Unknown feature: {value}.' },
  unknown_kind: { nl: 'Kies bed of nachtzorg thuis.', en: 'Choose bed or night care at home.' },
  unknown_region: { nl: 'Onbekende regio: {value}.', en: 'Unknown region: {value}.' },
  unknown_postcode: { nl: 'Deze postcode kennen we niet.', en: 'We do not know this postcode.' },
  postcode_format: { nl: 'Schrijf een postcode als 1234 AB.', en: 'Write a postcode as 1234 AB.' },
  agb_format: { nl: 'Een AGB-code heeft 8 cijfers.', en: 'An AGB code has 8 digits.' },
  agb_taken: { nl: 'Een andere organisatie heeft deze AGB-code al.', en: 'Another organisation already has this AGB code.' },
  agb_differs: { nl: 'Deze organisatie heeft AGB-code {agb}.', en: 'This organisation has AGB code {agb}.' },
  date_format: { nl: 'Schrijf een datum als 2027-03-01.', en: 'Write a date as 2027-03-01.' },
  reserved_not_accepted: { nl: 'Dit soort verblijf staat niet bij verblijf.', en: 'This kind of stay is not among the stay types.' },
  duplicate_unit: { nl: 'Deze plek staat al op regel {line}.', en: 'This unit is already on row {line}.' },
  location_differs: { nl: 'Het adres of de regio verschilt van regel {line}.', en: 'The address or region differs from row {line}.' },
  unit_has_stays: {
    nl: 'Er {count|is nog # verblijf|zijn nog # verblijven} gepland die dan niet meer passen.',
    en: '{count|# planned stay|# planned stays} would no longer fit.',
  },
  too_many_rows: { nl: 'Meer dan {maximum} regels: splits het bestand.', en: 'More than {maximum} rows: split the file.' },
  not_csv: { nl: 'Dit is geen CSV-bestand.', en: 'This is not a CSV file.' },
  empty: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
};

/** The administrator reads a region's bed list from a sheet: a check first (what would happen, what is wrong), then the import. */
export function ImportAdmin() {
  const t = useTexts(texts);
  const { language } = useI18n();
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setReport(null);
    setError(null);
    const file = event.currentTarget.files?.[0];
    setCsv(file ? await file.text() : null);
  };
  const send = async (dryRun: boolean) => {
    if (csv === null) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await api<Report>('POST', '/admin/import/beds', { csv, dryRun }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const summary = report ? t('summary', report.summary) : '';
  const actionText = (action: string) => t(action as 'create' | 'existing' | 'update' | 'unchanged');

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <Paragraph>{t('columns')}</Paragraph>
      <Paragraph>
        <code>{IMPORT_COLUMNS.join(';')}</code>
      </Paragraph>
      <FormField>
        <FormLabel htmlFor="import-file">{t('file')}</FormLabel>
        <FormFieldDescription id="import-file-help">{t('fileHelp')}</FormFieldDescription>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-file-help"
          onChange={(event) => void choose(event)}
        />
      </FormField>
      <ButtonGroup>
        <Button appearance="secondary-action-button" disabled={csv === null || busy} onClick={() => void send(true)}>
          {busy ? t('busy') : t('check')}
        </Button>
        <Button
          appearance="primary-action-button"
          disabled={!report || report.applied || report.issues.length > 0 || busy}
          onClick={() => void send(false)}
        >
          {t('write')}
        </Button>
      </ButtonGroup>
      {error !== null && <ErrorAlert error={error} />}
      <div aria-live="polite">
        {report?.applied && (
          <Alert type="ok">
            <Paragraph>{t('written', { summary })}</Paragraph>
          </Alert>
        )}
        {report && !report.applied && (
          <Alert type={report.issues.length > 0 ? 'warning' : 'info'}>
            <Paragraph>{summary}</Paragraph>
            <Paragraph>{report.issues.length > 0 ? t('fixFirst') : t('noIssues')}</Paragraph>
          </Alert>
        )}
      </div>
      {report && report.issues.length > 0 && (
        <section aria-labelledby="import-issues">
          <Heading2 id="import-issues">{t('issuesTitle')}</Heading2>
          <UnorderedList>
            {report.issues.map((issue, index) => (
              <UnorderedListItem key={index}>
                {issue.line === 0 ? t('wholeSheet') : t('atLine', { line: issue.line, column: issue.column ?? '–' })}:{' '}
                {ISSUE_TEXT[issue.code] ? fill(ISSUE_TEXT[issue.code]![language], issue.params, language) : issue.code}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      {report && report.rows.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption')} tabIndex={0}>
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['line', 'organisation', 'location', 'unit', 'what'] as const).map((key) => (
                  <TableHeaderCell key={key} scope="col">
                    {t(key)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rows.map((row) => (
                <TableRow key={row.line}>
                  <TableHeaderCell scope="row">{row.line}</TableHeaderCell>
                  <TableCell>
                    {row.organisation.name} ({actionText(row.organisation.action)})
                  </TableCell>
                  <TableCell>
                    {row.location.name} ({actionText(row.location.action)})
                  </TableCell>
                  <TableCell>{row.unit.name}</TableCell>
                  <TableCell>
                    {actionText(row.unit.action)}
                    {row.unit.changes.length > 0 && `: ${row.unit.changes.join(', ')}`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
