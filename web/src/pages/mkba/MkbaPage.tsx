import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { addDays } from '../../../../src/domain/dates.ts';
import { ASSUMPTIONS, type AssumptionKey, type AssumptionUnit, type Effect } from '../../../../src/domain/mkba/assumptions.ts';
import { LINE_LABELS, type LineKey } from '../../../../src/domain/mkba/mkba.ts';
import type { MkbaAssumption, MkbaReport } from '../../../../src/domain/mkba/report.ts';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { ScrollTable } from '../policy/period-and-tables.tsx';
import { formatDate, formatEuro } from '../../i18n/format.ts';
import { type Language, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { ChartCanvas } from '../policy/Chart.tsx';
import '../policy/policy.css';
import { TEXTS } from './texts.ts';
import './mkba.css';
import { serverToday } from '../../api/clock.ts';
import { stayTypeLabel } from '../public/common.tsx';
import { PilotYear } from './PilotYear.tsx';
import type { z } from 'zod';
import type { Region as RegionSchema } from '../../../../src/http/schemas/registry.schemas.ts';

type Translate = ReturnType<typeof useTexts<keyof (typeof TEXTS)['nl']>>;
type Scenario = NonNullable<MkbaReport['scenarios']>[number];

type Region = z.infer<typeof RegionSchema>;

const LAST_12 = '12m';
const OVERRIDE = (key: AssumptionKey) => `a.${key}`;
const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });
const wholeEuro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euros = (cents: number) => formatEuro(cents / 100);
const formatWholeEuro = (value: number) => wholeEuro.format(value);
const EFFECTS: Effect[] = ['wlz_delay', 'crisis', 'sick_leave'];

/** A number as the page writes an assumption: "50%", "€ 6.000,00 per maand", "14 nachten". */
function valueText(value: number, unit: AssumptionUnit, t: Translate): string {
  if (unit === 'percent') return `${numberFormat.format(value)}%`;
  if (unit === 'euro') return formatEuro(value);
  if (unit === 'euro_per_month' || unit === 'euro_per_night' || unit === 'euro_per_day') return `${formatEuro(value)} ${t(`per.${unit}`)}`;
  return `${numberFormat.format(value)} ${t(`unit.${unit}`)}`;
}

/** The period in the address ("12m" or a year) as the API's half-open window. */
function windowOf(period: string, today = serverToday()): { from: string; to: string } {
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${Number(period) + 1}-01-01` };
  // The twelve months before today: stays that took place, so today's night is not yet in.
  return { from: addDays(today, -365), to: today };
}

/** The MKBA page: a region's year of respite care as costs and benefits in two scenarios, per party, with every assumption editable. */
export default function MkbaPage() {
  const { language } = useI18n();
  const t = useTexts(TEXTS);
  const [params, setParams] = useSearchParams();
  const regionsQuery = useApiQuery<Region[]>('/regions');
  const regions = regionsQuery.data;

  const thisYear = Number(serverToday().slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2].map(String);
  // Without a choice in the address, the region with the most places, as on the occupancy board.
  const regionId = params.get('regio') ?? [...(regions ?? [])].sort((a, b) => b.unitCount - a.unitCount)[0]?.id ?? '';
  const period = params.get('periode') ?? LAST_12;
  const window = windowOf(period);
  const overrides = ASSUMPTIONS.flatMap((assumption) => {
    const value = params.get(OVERRIDE(assumption.key));
    return value === null ? [] : [[OVERRIDE(assumption.key), value] as [string, string]];
  });
  const query = new URLSearchParams([
    ['regionId', regionId],
    ...(/^\d{4}$/.test(period)
      ? [['year', period]]
      : [
          ['from', window.from],
          ['to', window.to],
        ]),
    ...overrides,
  ]).toString();

  const mkba = useApiQuery<MkbaReport>(regionId ? `/policy/mkba?${query}` : null, { keepPrevious: true });
  // The last report stays (shown while it is for the chosen region) while another loads and after a refusal.
  const [report, setReport] = useState<MkbaReport | null>(null);
  if (mkba.data && !mkba.previous && mkba.data !== report) setReport(mkba.data);
  const loading = regionId ? mkba.loading : regionsQuery.error === null;
  const error = regionsQuery.error ?? mkba.error;

  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Another region or year keeps the assumptions that were changed.
    setParams([['regio', String(form.get('regio'))], ['periode', String(form.get('periode'))], ...overrides]);
  };

  const recalculate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: [string, string][] = [
      ['regio', regionId],
      ['periode', period],
    ];
    for (const assumption of ASSUMPTIONS) {
      const text = String(form.get(assumption.key) ?? '').trim();
      const defaultValue =
        report?.assumptions.find((candidate) => candidate.key === assumption.key)?.defaultValue ?? assumption.defaultValue;
      // A default sent along would still count as "changed" once the region's own default moves; leave it out.
      if (text === '' || Number(text.replace(',', '.')) === defaultValue) continue;
      next.push([OVERRIDE(assumption.key), text]);
    }
    setParams(next);
  };

  const reset = () =>
    setParams([
      ['regio', regionId],
      ['periode', period],
    ]);
  const fieldError = (key: AssumptionKey) => (error instanceof ApiError ? error.fieldError(OVERRIDE(key)) : undefined);
  const assumptionErrors = ASSUMPTIONS.some((assumption) => fieldError(assumption.key));
  const shown = report && report.region.id === regionId ? report : null;

  return (
    <div className="adempauze-mkba">
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {regions && (
        <form className="adempauze-toolbar adempauze-mkba__screen-only" onSubmit={choose} aria-label={t('filter')}>
          <FormField>
            <FormLabel htmlFor="mkba-region">{t('region')}</FormLabel>
            <Select key={regionId} id="mkba-region" name="regio" defaultValue={regionId}>
              {regions.map((region) => (
                <SelectOption key={region.id} value={region.id}>
                  {region.name}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <FormField>
            <FormLabel htmlFor="mkba-period">{t('period')}</FormLabel>
            <Select key={period} id="mkba-period" name="periode" defaultValue={period}>
              <SelectOption value={LAST_12}>{t('last12')}</SelectOption>
              {years.map((year) => (
                <SelectOption key={year} value={year}>
                  {t('year', { year })}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <Button type="submit" appearance="primary-action-button">
            {t('apply')}
          </Button>
        </form>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {assumptionErrors && <Paragraph>{t('notRecalculated')}</Paragraph>}
      {loading && <Paragraph role="status">{t('loading')}</Paragraph>}
      {shown && <Results report={shown} t={t} language={language} csvHref={`/api/policy/mkba.csv?${query}`} />}
      {regionId && (loaded(shown) || error !== null) && (
        <AssumptionForm
          key={query}
          report={shown}
          t={t}
          language={language}
          fieldError={fieldError}
          onSubmit={recalculate}
          onReset={reset}
          pending={Object.fromEntries(overrides.map(([field, value]) => [field.slice(2), value]))}
        />
      )}
      <PilotYear t={t} language={language} />
    </div>
  );
}

function Results({ report, t, language, csvHref }: { report: MkbaReport; t: Translate; language: Language; csvHref: string }) {
  const last = addDays(report.period.to, -1);
  const heading = t('periodText', { region: report.region.name, from: formatDate(report.period.from), to: formatDate(last) });
  if (report.suppressed || report.inputs === null || report.scenarios === null) {
    return (
      <section aria-labelledby="mkba-summary">
        <Heading2 id="mkba-summary">{heading}</Heading2>
        <Paragraph>{t('suppressed', { threshold: report.threshold })}</Paragraph>
      </section>
    );
  }
  const inputs = report.inputs;
  const [positive, conservative] = report.scenarios as [Scenario, Scenario];
  return (
    <>
      <section aria-labelledby="mkba-summary" className="adempauze-mkba__section">
        <Heading2 id="mkba-summary">{heading}</Heading2>
        {inputs.guests === 0 ? (
          <Paragraph>{t('noGuests')}</Paragraph>
        ) : (
          <>
            {!inputs.complete && (
              <div className="adempauze-mkba__warning" role="note" data-incomplete>
                <Paragraph>{t('incomplete', { nights: inputs.nightsWithoutTariff })}</Paragraph>
                <UnorderedList>
                  {inputs.missingTariffs.map((item) => (
                    <UnorderedListItem key={`${item.location}|${item.stayType}`}>
                      {t('missingTariff', {
                        location: item.location,
                        stayType: stayTypeLabel(item.stayType, language),
                        nights: item.nights,
                      })}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </div>
            )}
            <Paragraph>
              {t('figures', { guests: inputs.guests, stays: inputs.stays, nights: inputs.nights, costs: euros(positive.costsCents) })}
            </Paragraph>
            {[positive, conservative].map((scenario) => (
              <Paragraph key={scenario.scenario} data-summary={scenario.scenario}>
                <strong>
                  {t(scenario.netCents >= 0 ? 'gain' : 'loss', {
                    scenario: t(scenario.scenario),
                    benefits: euros(scenario.benefitsCents),
                    costs: euros(scenario.costsCents),
                    net: euros(Math.abs(scenario.netCents)),
                  })}
                </strong>{' '}
                {scenario.ratio === null ? t('noRatio') : t('ratioText', { ratio: formatEuro(scenario.ratio) })}
              </Paragraph>
            ))}
            <Paragraph>
              {t('positiveExplained')} {t('conservativeExplained')}
            </Paragraph>
            <Paragraph>{t('costsNote')}</Paragraph>
          </>
        )}
        <div className="adempauze-mkba__actions adempauze-mkba__screen-only">
          <Paragraph>
            <a className="utrecht-link" href={csvHref} download>
              {t('csv')}
            </a>
          </Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
            {t('print')}
          </Button>
        </div>
        <InputsTable report={report} t={t} />
      </section>
      <LinesSection positive={positive} conservative={conservative} t={t} language={language} />
      <StakeholderSection positive={positive} conservative={conservative} t={t} language={language} />
      <UsedAssumptions report={report} t={t} language={language} />
    </>
  );
}

function InputsTable({ report, t }: { report: MkbaReport; t: Translate }) {
  const captionId = useId();
  const inputs = report.inputs!;
  const rows: [string, string][] = [
    [t('guests'), String(inputs.guests)],
    [t('stays'), String(inputs.stays)],
    [t('nights'), String(inputs.nights)],
    [t('workingShare'), inputs.workingSharePercent === null ? t('workingUnknown') : `${numberFormat.format(inputs.workingSharePercent)}%`],
    [t('costMunicipality'), euros(inputs.costsCents.municipality)],
    [t('costInsurer'), euros(inputs.costsCents.insurer)],
    [t('costCareOffice'), euros(inputs.costsCents.careOffice)],
    [t('costClient'), euros(inputs.costsCents.client)],
    [t('reservedBeds'), String(inputs.reservedBeds.beds)],
    [t('reservedNights'), String(inputs.reservedBeds.nights)],
    ...inputs.fixedCosts.map((item): [string, string] => [
      item.description,
      euros(item.costsCents.municipality + item.costsCents.insurer + item.costsCents.careOffice),
    ]),
  ];
  return (
    <ScrollTable labelledBy={captionId}>
      <Table className="adempauze-mkba__inputs">
        <TableCaption id={captionId}>{t('inputsTitle')}</TableCaption>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableHeaderCell scope="row">{label}</TableHeaderCell>
              <TableCell className="adempauze-policy__number">{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

function LinesSection({
  positive,
  conservative,
  t,
  language,
}: {
  positive: Scenario;
  conservative: Scenario;
  t: Translate;
  language: Language;
}) {
  const captionId = useId();
  const chart = useMemo(
    () => ({
      labels: [t('benefits'), t('costs'), t('net')],
      series: [positive, conservative].map((scenario) => ({
        label: t(scenario.scenario),
        data: [scenario.benefitsCents / 100, scenario.costsCents / 100, scenario.netCents / 100],
      })),
    }),
    [positive, conservative, language],
  );
  const lineRows = positive.lines.map((line, index) => ({
    key: line.key,
    label: line.label[language],
    cells: [line.cents, conservative.lines[index]!.cents],
  }));
  const benefitRows = lineRows.filter((row) => positive.lines.find((line) => line.key === row.key)!.kind === 'benefit');
  const costRows = lineRows.filter((row) => positive.lines.find((line) => line.key === row.key)!.kind === 'cost');
  const cell = (cents: number, id?: string) => (
    <TableCell className="adempauze-policy__number" data-amount={id}>
      {euros(cents)}
    </TableCell>
  );
  return (
    <section aria-labelledby="mkba-lines" className="adempauze-mkba__section">
      <Heading2 id="mkba-lines">{t('linesTitle')}</Heading2>
      <Paragraph>{t('linesIntro')}</Paragraph>
      <figure className="adempauze-policy__chart adempauze-mkba__chart">
        <ChartCanvas kind="bar" labels={chart.labels} series={chart.series} summary={t('linesChart')} format={formatWholeEuro} />
        <figcaption>{t('linesChart')}</figcaption>
      </figure>
      <ScrollTable labelledBy={captionId}>
        <Table className="adempauze-mkba__table" data-table="lines">
          <TableCaption id={captionId}>{t('linesCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('line')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('positive')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('conservative')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {benefitRows.map((row) => (
              <TableRow key={row.key}>
                <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                {cell(row.cells[0]!)}
                {cell(row.cells[1]!)}
              </TableRow>
            ))}
            <TableRow className="adempauze-mkba__total">
              <TableHeaderCell scope="row">{t('benefitsTotal')}</TableHeaderCell>
              {cell(positive.benefitsCents, 'benefits-positive')}
              {cell(conservative.benefitsCents, 'benefits-conservative')}
            </TableRow>
            {costRows.map((row) => (
              <TableRow key={row.key}>
                <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                {cell(row.cells[0]!)}
                {cell(row.cells[1]!)}
              </TableRow>
            ))}
            <TableRow className="adempauze-mkba__total">
              <TableHeaderCell scope="row">{t('costsTotal')}</TableHeaderCell>
              {cell(positive.costsCents, 'costs-positive')}
              {cell(conservative.costsCents, 'costs-conservative')}
            </TableRow>
            <TableRow className="adempauze-mkba__total">
              <TableHeaderCell scope="row">{t('net')}</TableHeaderCell>
              {cell(positive.netCents, 'net-positive')}
              {cell(conservative.netCents, 'net-conservative')}
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t('ratio')}</TableHeaderCell>
              {[positive, conservative].map((scenario) => (
                <TableCell key={scenario.scenario} className="adempauze-policy__number" data-amount={`ratio-${scenario.scenario}`}>
                  {scenario.ratio === null ? '–' : formatEuro(scenario.ratio)}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </ScrollTable>
      <Heading3>{t('howTitle')}</Heading3>
      <UnorderedList className="adempauze-mkba__formulas">
        {positive.lines
          .filter((line) => line.kind === 'benefit')
          .map((line, index) => (
            <UnorderedListItem key={line.key}>
              <strong>{line.label[language]}</strong>
              <br />
              {t('howPositive')}: {line.formula[language]} = {euros(line.cents)}
              <br />
              {t('howConservative')}: {conservative.lines[index]!.formula[language]} = {euros(conservative.lines[index]!.cents)}
            </UnorderedListItem>
          ))}
      </UnorderedList>
    </section>
  );
}

function StakeholderSection({
  positive,
  conservative,
  t,
  language,
}: {
  positive: Scenario;
  conservative: Scenario;
  t: Translate;
  language: Language;
}) {
  const chart = useMemo(
    () => ({
      labels: positive.stakeholders.map((row) => row.label[language]),
      series: [positive, conservative].map((scenario) => ({
        label: t(scenario.scenario),
        data: scenario.stakeholders.map((row) => row.netCents / 100),
      })),
    }),
    [positive, conservative, language],
  );
  return (
    <section aria-labelledby="mkba-who" className="adempauze-mkba__section">
      <Heading2 id="mkba-who">{t('whoTitle')}</Heading2>
      <Paragraph>{t('whoIntro')}</Paragraph>
      <figure className="adempauze-policy__chart adempauze-mkba__chart">
        <ChartCanvas kind="bar" labels={chart.labels} series={chart.series} summary={t('whoChart')} format={formatWholeEuro} />
        <figcaption>{t('whoChart')}</figcaption>
      </figure>
      <div className="adempauze-mkba__side-by-side">
        {[positive, conservative].map((scenario) => (
          <StakeholderTable key={scenario.scenario} scenario={scenario} t={t} language={language} />
        ))}
      </div>
    </section>
  );
}

function StakeholderTable({ scenario, t, language }: { scenario: Scenario; t: Translate; language: Language }) {
  const captionId = useId();
  const cell = (cents: number) => <TableCell className="adempauze-policy__number">{euros(cents)}</TableCell>;
  return (
    <div>
      <Heading3>{t(scenario.scenario)}</Heading3>
      <ScrollTable labelledBy={captionId}>
        <Table className="adempauze-mkba__table" data-table={`stakeholders-${scenario.scenario}`}>
          <TableCaption id={captionId}>{t('whoCaption', { scenario: t(scenario.scenario).toLowerCase() })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('stakeholder')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('benefits')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('costs')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('net')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {scenario.stakeholders.map((row) => (
              <TableRow key={row.stakeholder}>
                <TableHeaderCell scope="row">{row.label[language]}</TableHeaderCell>
                {cell(row.benefitsCents)}
                {cell(row.costsCents)}
                {cell(row.netCents)}
              </TableRow>
            ))}
            <TableRow className="adempauze-mkba__total">
              <TableHeaderCell scope="row">{t('total')}</TableHeaderCell>
              {cell(scenario.benefitsCents)}
              {cell(scenario.costsCents)}
              {cell(scenario.netCents)}
            </TableRow>
          </TableBody>
        </Table>
      </ScrollTable>
    </div>
  );
}

/** What the printed report needs instead of the form: every assumption as used, with its default and source. */
function UsedAssumptions({ report, t, language }: { report: MkbaReport; t: Translate; language: Language }) {
  const captionId = useId();
  return (
    <section aria-labelledby="mkba-used" className="adempauze-mkba__section adempauze-mkba__print-only">
      <Heading2 id="mkba-used">{t('usedTitle')}</Heading2>
      <Table className="adempauze-mkba__table">
        <TableCaption id={captionId}>{t('usedCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('assumption')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('valuePositive')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('valueConservative')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('sourceColumn')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.assumptions.map((assumption) => (
            <TableRow key={assumption.key}>
              <TableHeaderCell scope="row">
                {assumption.label[language]}
                {assumption.changed ? ` (${t('changed').toLowerCase()})` : ''}
              </TableHeaderCell>
              <TableCell className="adempauze-policy__number">{valueText(assumption.value, assumption.unit, t)}</TableCell>
              <TableCell className="adempauze-policy__number">{valueText(assumption.conservativeValue, assumption.unit, t)}</TableCell>
              <TableCell>
                {t('default', { value: valueText(assumption.defaultValue, assumption.unit, t) })} {assumption.source[language]}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

const loaded = (report: MkbaReport | null): report is MkbaReport => report !== null;

/** Each assumption as the report gives it, or before any report (the first answer was an error) as the table defines it. */
function assumptionsOf(report: MkbaReport | null): MkbaAssumption[] {
  if (report) return report.assumptions;
  return ASSUMPTIONS.map((definition) => ({
    key: definition.key,
    label: definition.label,
    unit: definition.unit,
    value: definition.defaultValue,
    conservativeValue: definition.expert ? definition.defaultValue / 2 : definition.defaultValue,
    defaultValue: definition.defaultValue,
    defaultOrigin: 'report',
    changed: false,
    expert: definition.expert,
    min: definition.min,
    max: definition.max,
    source: definition.source,
    gains: [...definition.gains],
  }));
}

const EFFECT_LINE: Record<Effect, LineKey> = { wlz_delay: 'wlz_delay', crisis: 'crisis', sick_leave: 'sick_leave' };

function AssumptionForm({
  report,
  t,
  language,
  fieldError,
  onSubmit,
  onReset,
  pending,
}: {
  report: MkbaReport | null;
  t: Translate;
  language: Language;
  fieldError: (key: AssumptionKey) => string | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onReset: () => void;
  pending: Record<string, string>;
}) {
  const byKey = new Map(assumptionsOf(report).map((assumption) => [assumption.key, assumption]));
  const effectTitle = (effect: Effect) => LINE_LABELS[EFFECT_LINE[effect]][language];
  return (
    <section aria-labelledby="mkba-assumptions" className="adempauze-mkba__section adempauze-mkba__screen-only">
      <Heading2 id="mkba-assumptions">{t('assumptionsTitle')}</Heading2>
      <Paragraph>{t('assumptionsIntro')}</Paragraph>
      <form onSubmit={onSubmit} noValidate className="adempauze-mkba__assumptions">
        {EFFECTS.map((effect) => (
          <Fieldset key={effect}>
            <FieldsetLegend>{effectTitle(effect)}</FieldsetLegend>
            {ASSUMPTIONS.filter((assumption) => assumption.effect === effect).map((definition) => {
              const assumption = byKey.get(definition.key)!;
              const id = `mkba-${definition.key}`;
              const error = fieldError(definition.key);
              // A wrong value stays in the field, so it can be corrected.
              const shown = pending[definition.key] ?? String(assumption.value).replace('.', ',');
              return (
                <FormField key={definition.key} invalid={Boolean(error)} className="adempauze-mkba__assumption">
                  <FormLabel htmlFor={id}>
                    {assumption.label[language]} ({t(`unit.${assumption.unit}`)}){assumption.changed ? ` – ${t('changed')}` : ''}
                  </FormLabel>
                  <FormFieldDescription id={`${id}-description`}>
                    {t(assumption.defaultOrigin === 'region' ? 'defaultRegion' : 'default', {
                      value: valueText(assumption.defaultValue, assumption.unit, t),
                    })}
                    {assumption.expert ? ` ${t('expert', { value: valueText(assumption.conservativeValue, assumption.unit, t) })}` : ''}
                    <br />
                    {t('source', { source: assumption.source[language] })}
                  </FormFieldDescription>
                  {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
                  <Textbox
                    id={id}
                    name={definition.key}
                    inputMode="decimal"
                    defaultValue={shown}
                    invalid={Boolean(error)}
                    aria-describedby={error ? `${id}-error ${id}-description` : `${id}-description`}
                  />
                </FormField>
              );
            })}
          </Fieldset>
        ))}
        <div className="adempauze-mkba__actions">
          <Button type="submit" appearance="primary-action-button">
            {t('recalculate')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onReset}>
            {t('reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}
