import {
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CapacityAnswer, DemandModel } from '../../../../src/domain/capacity/answers.ts';
import type { Estimate } from '../../../../src/domain/capacity/confidence.ts';
import type { StayTypeDemand } from '../../../../src/domain/capacity/demand-model.ts';
import { addDays } from '../../../../src/domain/dates.ts';
import { STAY_TYPE_LABELS, type StayType } from '../../../../src/domain/stay-types.ts';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { ChartCanvas, type ChartProps } from '../policy/Chart.tsx';
import { DateField, NumberTable, type TableData, periodFromParams, periodProblems, weekLabel } from '../policy/period-and-tables.tsx';
import '../policy/policy.css';
import './capacity.css';
import { TEXTS } from './texts.ts';
import { serverToday } from '../../api/clock.ts';

/** The slider's range for the share without a place, in percent; the API takes 0.1–50 %. */
const TARGET_MIN = 0.5;
const TARGET_MAX = 10;
const TARGET_STEP = 0.5;
const DEFAULT_TARGET = 3;
/** Wait until the slider rests before asking the server to simulate again. */
const SETTLE_MS = 350;

const two = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const one = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
/** Shares as the CSV gives them: percentages with two decimals. */
const percentOfShare = (share: number) => Math.round(share * 10_000) / 100;
const formatPercent = (value: number) => `${two.format(value)}%`;
const formatShare = (share: number) => formatPercent(percentOfShare(share));

/** The year up to today: days ahead would count the stays booked so far, but not the crises and ELV still to come. */
function defaultPeriod(today = serverToday()): { from: string; to: string } {
  return { from: addDays(today, -364), to: today };
}

type Translate = ReturnType<typeof useTexts<keyof (typeof TEXTS)['nl']>>;

/** The demand model and the capacity planner for one region: charts, each with its numbers in a table and a CSV. */
export default function CapacityPlanner() {
  const { language } = useI18n();
  const t = useTexts(TEXTS);
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const period = periodFromParams(params, fallback);
  const regionsQuery = useApiQuery<{ id: string; name: string; unitCount: number }[]>('/regions');
  const regions = regionsQuery.data;
  // Without a choice in the address, the region with the most places, as on the board.
  const largest = regions ? [...regions].sort((a, b) => b.unitCount - a.unitCount)[0] : undefined;
  const regionId = params.get('regio') ?? largest?.id ?? null;
  const [fieldErrors, setFieldErrors] = useState<{ from?: string; to?: string }>({});
  const [target, setTarget] = useState(DEFAULT_TARGET);
  const [settledTarget, setSettledTarget] = useState(DEFAULT_TARGET);

  const apiQuery = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...extra, regionId: regionId ?? '', from: period.from, to: addDays(period.to, 1) }).toString();
  // The region and period everything below is for: another one starts afresh (no plan, no chosen reservation).
  const base = apiQuery();

  const demandQuery = useApiQuery<DemandModel>(regionId ? `/policy/demand?${base}` : null);
  const demand = demandQuery.data;
  // The plan for the previous target stays on screen while the next one is calculated (not for another region or period).
  const capacity = useApiQuery<CapacityAnswer>(regionId ? `/policy/capacity?${apiQuery({ target: String(settledTarget / 100) })}` : null);
  const [lastPlan, setLastPlan] = useState<{ base: string; plan: CapacityAnswer } | null>(null);
  if (capacity.data && capacity.data !== lastPlan?.plan) setLastPlan({ base, plan: capacity.data });
  const plan = lastPlan?.base === base ? lastPlan.plan : null;
  const calculating = capacity.loading;
  const [chosen, setChosen] = useState<{ base: string; reserved: number } | null>(null);
  const reserved = chosen?.base === base ? chosen.reserved : null;
  const setReserved = (value: number) => setChosen({ base, reserved: value });
  const error = regionsQuery.error ?? demandQuery.error ?? capacity.error;

  useEffect(() => {
    const failure = demandQuery.error;
    if (failure instanceof ApiError) setFieldErrors({ from: failure.fieldError('from'), to: failure.fieldError('to') });
  }, [demandQuery.error]);

  useEffect(() => {
    const timer = setTimeout(() => setSettledTarget(target), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [target]);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [region, from, to] = [String(form.get('region') ?? ''), String(form.get('from') ?? ''), String(form.get('to') ?? '')];
    const found = periodProblems(from, to);
    const problems = { from: found.from && t(found.from), to: found.to && t(found.to) };
    setFieldErrors(problems);
    if (problems.from || problems.to) {
      document.getElementById(problems.from ? 'capacity-from' : 'capacity-to')?.focus();
      return;
    }
    setParams({ regio: region, van: from, tot: to });
  };

  const stayTypeLabel = (type: StayType | 'all') => (type === 'all' ? t('all') : STAY_TYPE_LABELS[type][language]);
  const regionName = regions?.find((region) => region.id === regionId)?.name ?? regionId ?? '';
  const chosenReserved = reserved ?? plan?.reservation.currentlyReserved ?? 0;
  const csvDemand = (table: string) => `/api/policy/demand.csv?${apiQuery({ table })}`;
  const csvCapacity = (table: string) => `/api/policy/capacity.csv?${apiQuery({ table, target: String(settledTarget / 100) })}`;

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <Paragraph>{t('privacy', { threshold: demand?.threshold ?? 5 })}</Paragraph>
      <Paragraph>
        <Link to="/beleid" className="utrecht-link">
          {t('back')}
        </Link>
      </Paragraph>
      <form className="adempauze-toolbar" onSubmit={apply} noValidate aria-label={t('filter')}>
        <FormField>
          <FormLabel htmlFor="capacity-region">{t('region')}</FormLabel>
          {/* The key resets the choice when the address changes (back button), and once the regions have come. */}
          <Select key={`${regionId}-${regions?.length ?? 0}`} id="capacity-region" name="region" defaultValue={regionId ?? ''}>
            {(regions ?? []).map((region) => (
              <SelectOption key={region.id} value={region.id}>
                {region.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <DateField id="capacity-from" name="from" label={t('from')} value={period.from} error={fieldErrors.from} />
        <DateField id="capacity-to" name="to" label={t('to')} value={period.to} error={fieldErrors.to} />
        <Button type="submit" appearance="primary-action-button">
          {t('apply')}
        </Button>
      </form>
      {error !== null && <ErrorAlert error={error} />}
      {demand === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {demand && (
        <>
          <Paragraph className="adempauze-policy__period">
            {t('period', { region: regionName, from: formatDate(period.from), to: formatDate(period.to) })}
          </Paragraph>
          {demand.observed.from !== demand.window.from && (
            <Paragraph>{t('observed', { from: formatDate(demand.observed.from), days: demand.observed.days })}</Paragraph>
          )}
          <DemandSections demand={demand} t={t} language={language} stayTypeLabel={stayTypeLabel} csv={csvDemand} />
        </>
      )}
      {demand && (
        <section className="adempauze-policy__figure" aria-labelledby="capacity-needed">
          <Heading2 id="capacity-needed">{t('needed')}</Heading2>
          <Paragraph>{t('neededIntro')}</Paragraph>
          <Slider
            id="capacity-target"
            label={t('targetLabel')}
            help={t('targetHelp')}
            min={TARGET_MIN}
            max={TARGET_MAX}
            step={TARGET_STEP}
            value={target}
            onChange={setTarget}
            valueText={formatPercent(target)}
          />
          <Paragraph role="status" className="adempauze-capacity__status">
            {calculating ? t('calculating') : ''}
          </Paragraph>
          {plan && (
            <PlanSections
              plan={plan}
              t={t}
              language={language}
              stayTypeLabel={stayTypeLabel}
              csv={csvCapacity}
              reserved={chosenReserved}
              onReserved={setReserved}
            />
          )}
        </section>
      )}
    </>
  );
}

/** A native range input: keyboard operable by itself (arrows, Page Up/Down, Home, End), with its value written beside it. */
function Slider({
  id,
  label,
  help,
  min,
  max,
  step,
  value,
  valueText,
  onChange,
}: {
  id: string;
  label: string;
  help: string;
  min: number;
  max: number;
  step: number;
  value: number;
  valueText: string;
  onChange: (value: number) => void;
}) {
  return (
    <FormField className="adempauze-capacity__slider">
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <FormFieldDescription id={`${id}-help`}>{help}</FormFieldDescription>
      <div className="adempauze-capacity__slider-row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          aria-valuetext={valueText}
          aria-describedby={`${id}-help`}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <output htmlFor={id} className="adempauze-capacity__value">
          {valueText}
        </output>
      </div>
    </FormField>
  );
}

function Figure({
  id,
  title,
  intro,
  chart,
  caption,
  table,
  hidden,
  csv,
  csvLabel,
  details,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  chart?: ChartProps;
  caption: string;
  table: TableData;
  hidden: string;
  csv?: string;
  csvLabel?: string;
  /** When given, the table is folded away under this summary: a long list of weeks. */
  details?: string;
  children?: ReactNode;
}) {
  const headingId = useId();
  const tableElement = <NumberTable caption={caption} table={table} hidden={hidden} />;
  return (
    <section className="adempauze-policy__figure" aria-labelledby={headingId} data-figure={id}>
      <Heading3 id={headingId}>{title}</Heading3>
      {intro && <Paragraph>{intro}</Paragraph>}
      {chart && (
        <figure className="adempauze-policy__chart">
          <ChartCanvas {...chart} />
          <figcaption>{caption}</figcaption>
        </figure>
      )}
      {details ? (
        <details className="adempauze-capacity__details">
          <summary>{details}</summary>
          {tableElement}
        </details>
      ) : (
        tableElement
      )}
      {children}
      {csv && (
        <Paragraph>
          <a className="utrecht-link" href={csv} download>
            {csvLabel}
          </a>
        </Paragraph>
      )}
    </section>
  );
}

interface SectionProps {
  t: Translate;
  /** The charts are drawn again only when their data or the language change, not when a slider moves. */
  language: string;
  stayTypeLabel: (type: StayType | 'all') => string;
  csv: (table: string) => string;
}

const count = (value: number | null) => (value === null ? null : whole.format(value));
const decimal = (value: number | null) => (value === null ? null : two.format(value));
const share = (value: number | null) => (value === null ? null : `${one.format(value)}%`);

function DemandSections({ demand, t, language, stayTypeLabel, csv }: SectionProps & { demand: DemandModel }) {
  const rows: StayTypeDemand[] = [...demand.stayTypes, demand.total];
  const seasons = demand.total.seasons.map((season) => season.season);
  const seasonName = (season: string) => t(season as 'winter');
  const classLabel = (range: { from: number; to: number | null }) =>
    range.to === null
      ? t('nightClassOpen', { from: range.from })
      : range.from === range.to
        ? String(range.from)
        : `${range.from}–${range.to}`;
  const charts = useMemo(
    () => ({
      weeks: {
        kind: 'bar',
        labels: demand.weeks.map((week) => weekLabel(week.week)),
        summary: t('weeksChart'),
        series: [{ label: t('requests'), data: demand.weeks.map((week) => week.requests) }],
      } satisfies ChartProps,
      nights: {
        kind: 'bar',
        stacked: true,
        labels: demand.total.nights.classes.map(classLabel),
        summary: t('nightsChart'),
        series: demand.stayTypes.map((row) => ({
          label: stayTypeLabel(row.stayType),
          data: row.nights.classes.map((range) => range.stays),
        })),
      } satisfies ChartProps,
      seasons: {
        kind: 'bar',
        labels: seasons.map(seasonName),
        summary: t('seasonsChart'),
        series: demand.stayTypes.map((row) => ({ label: stayTypeLabel(row.stayType), data: row.seasons.map((season) => season.perWeek) })),
      } satisfies ChartProps,
    }),
    [demand, language],
  );

  if (demand.total.requests === 0) return <Paragraph>{t('noData')}</Paragraph>;
  return (
    <section aria-labelledby="capacity-demand">
      <Heading2 id="capacity-demand">{t('demand')}</Heading2>
      <Paragraph>{t('demandIntro')}</Paragraph>
      <Figure
        id="demand"
        title={t('demandTitle')}
        caption={t('demandCaption')}
        hidden={t('hiddenCell')}
        csv={csv('stay-types')}
        csvLabel={t('csv', { table: t('demandTitle') })}
        table={{
          columns: [
            t('stayType'),
            t('requests'),
            t('perWeek'),
            t('meanNights'),
            t('p90Nights'),
            t('outside'),
            t('notPlaced'),
            t('recurring'),
            t('dispersion'),
          ],
          rows: rows.map((row) => ({
            header: stayTypeLabel(row.stayType),
            cells: [
              count(row.requests),
              decimal(row.perWeek),
              decimal(row.nights.mean),
              decimal(row.nights.p90),
              share(row.percentOutside),
              share(row.percentNotPlaced),
              share(row.percentRecurring),
              decimal(row.dispersion),
            ],
          })),
        }}
      >
        <Paragraph>{t('definitions')}</Paragraph>
      </Figure>
      <Figure
        id="weeks"
        title={t('weeks')}
        intro={t('weeksIntro')}
        chart={charts.weeks}
        caption={t('weeksCaption')}
        hidden={t('hiddenCell')}
        details={t('showNumbers')}
        csv={csv('weeks')}
        csvLabel={t('csv', { table: t('weeks') })}
        table={{
          columns: [t('week'), t('days'), t('requests')],
          rows: demand.weeks.map((week) => ({ header: formatDate(week.week), cells: [String(week.days), count(week.requests)] })),
        }}
      />
      <Figure
        id="nights"
        title={t('nights')}
        intro={t('nightsIntro')}
        chart={charts.nights}
        caption={t('nightsCaption')}
        hidden={t('hiddenCell')}
        csv={csv('nights')}
        csvLabel={t('csv', { table: t('nights') })}
        table={{
          columns: [t('stayType'), ...demand.total.nights.classes.map((range) => `${classLabel(range)} ${t('nightClass').toLowerCase()}`)],
          rows: rows.map((row) => ({ header: stayTypeLabel(row.stayType), cells: row.nights.classes.map((range) => count(range.stays)) })),
        }}
      />
      <Figure
        id="seasons"
        title={t('seasons')}
        intro={t('seasonsIntro')}
        chart={charts.seasons}
        caption={t('seasonsCaption')}
        hidden={t('hiddenCell')}
        csv={csv('seasons')}
        csvLabel={t('csv', { table: t('seasons') })}
        table={{
          columns: [t('stayType'), ...seasons.map(seasonName)],
          // A season seen for less than two weeks has no rate: "–", not "hidden".
          rows: rows.map((row) => ({
            header: stayTypeLabel(row.stayType),
            cells: row.seasons.map((season) => (season.perWeek === null && !season.suppressed ? '–' : decimal(season.perWeek))),
          })),
        }}
      />
    </section>
  );
}

const wholeEuro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euroCents = (cents: number | null) => (cents === null ? null : wholeEuro.format(cents / 100));
const signed = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const perYear = (value: number | null) => (value === null ? null : two.format(value));
const signedOrHidden = (value: number | null) => (value === null ? null : signed.format(value));

/** "One more reserved bed": its cost a year beside the refusals it saves, at the price the MKBA uses for a reserved bed. */
function BedCost({ plan, reserved, t }: { plan: CapacityAnswer; reserved: number; t: Translate }) {
  const { bedYear, costs } = plan.reservation;
  const chosen = costs.find((row) => row.reserved === reserved);
  return (
    <div data-figure="bed-cost">
      <Heading3>{t('bedCostTitle')}</Heading3>
      <Paragraph>
        {bedYear ? t('bedCostExplain', { cost: euroCents(bedYear.cents)!, locations: bedYear.locations }) : t('bedCostUnknown')}
      </Paragraph>
      {chosen?.step && chosen.costCents !== null && (
        <Paragraph className="adempauze-capacity__conclusion">
          {t('bedCostChosen', {
            k: chosen.reserved,
            cost: euroCents(chosen.costCents)!,
            respite: signedOrHidden(chosen.step.plannedSaved) ?? t('hiddenCell'),
            all: signedOrHidden(chosen.step.allSaved) ?? t('hiddenCell'),
          })}
        </Paragraph>
      )}
      <NumberTable
        caption={t('bedCostCaption')}
        hidden={t('hiddenCell')}
        table={{
          columns: [t('keptBeds'), t('costPerYear'), t('respiteRefusedYear'), t('allRefusedYear'), t('oneMoreRespite'), t('oneMoreAll')],
          rows: costs.map((row) => ({
            header: String(row.reserved),
            // null is a number hidden for privacy; a cost without a tariff is unknown, not hidden.
            cells: [
              euroCents(row.costCents) ?? '–',
              perYear(row.refusedPerYear.planned),
              perYear(row.refusedPerYear.all),
              row.step === null ? '' : signedOrHidden(row.step.plannedSaved),
              row.step === null ? '' : signedOrHidden(row.step.allSaved),
            ],
          })),
        }}
      />
      <Paragraph>
        <Link className="utrecht-link" to={`/beleid/mkba?regio=${plan.region.id}`}>
          {t('bedCostMkba')}
        </Link>
      </Paragraph>
    </div>
  );
}

const interval = (estimate: Estimate | null) =>
  estimate === null ? null : `${formatShare(estimate.mean)} (${formatShare(estimate.low)} – ${formatShare(estimate.high)})`;

function PlanSections({
  plan,
  t,
  language,
  stayTypeLabel,
  csv,
  reserved,
  onReserved,
}: SectionProps & { plan: CapacityAnswer; reserved: number; onReserved: (k: number) => void }) {
  const targetText = formatShare(plan.target);
  const types = plan.stayTypes.map((row) => row.stayType);
  const option = plan.reservation.options.find((item) => item.reserved === reserved) ?? plan.reservation.options[0];
  const flexible = plan.reservation.options[0];
  const refusedOf = (outcome: { stayTypes: { stayType: string; refused: Estimate | null }[] } | undefined, type: StayType) =>
    outcome?.stayTypes.find((row) => row.stayType === type)?.refused ?? null;
  const charts = useMemo(
    () => ({
      needed: {
        kind: 'bar',
        labels: types.map(stayTypeLabel),
        summary: t('neededChart'),
        series: [
          { label: t('currentUnits'), data: plan.stayTypes.map((row) => row.currentUnits) },
          { label: t('unitsErlang'), data: plan.stayTypes.map((row) => row.unitsErlang) },
          { label: t('unitsSimulation'), data: plan.stayTypes.map((row) => row.unitsSimulation) },
        ],
      } satisfies ChartProps,
      pooling: {
        kind: 'bar',
        labels: [...types.map(stayTypeLabel), t('all')],
        summary: t('poolingChart'),
        format: formatPercent,
        series: (
          [
            [t('separate'), plan.pooling.separate],
            [t('pooled'), plan.pooling.pooled],
          ] as const
        ).map(([label, outcome]) => ({
          label,
          data: [...outcome.stayTypes, outcome.total].map((row) => (row.refused ? percentOfShare(row.refused.mean) : null)),
        })),
      } satisfies ChartProps,
      reserving: {
        kind: 'line',
        labels: plan.reservation.options.map((item) => String(item.reserved)),
        summary: t('reservingChart'),
        format: formatPercent,
        max: 100,
        series: types.map((type) => ({
          label: stayTypeLabel(type),
          data: plan.reservation.options.map((item) => {
            const refused = refusedOf(item, type);
            return refused ? percentOfShare(refused.mean) : null;
          }),
        })),
      } satisfies ChartProps,
    }),
    [plan, language],
  );

  const saved = plan.pooling.erlang.separateUnits - plan.pooling.erlang.pooledUnits;
  // One figure for "how is it now": all places shared by the central point, the beds kept for respite as they are.
  const now = plan.reservation.options.find((item) => item.reserved === plan.reservation.currentlyReserved)?.total.refused ?? null;
  return (
    <>
      {now && (
        <div className="adempauze-capacity__now">
          <Heading3>{t('refusedNowTitle')}</Heading3>
          <Paragraph>
            {t('refusedNow', {
              count: plan.reservation.currentlyReserved,
              share: formatShare(now.mean),
              low: formatShare(now.low),
              high: formatShare(now.high),
            })}
          </Paragraph>
        </div>
      )}
      <details className="adempauze-capacity__details">
        <summary>{t('glossary')}</summary>
        <Paragraph>{t('glossaryText')}</Paragraph>
      </details>
      <Figure
        id="needed"
        title={t('neededCaption', { target: targetText })}
        chart={charts.needed}
        caption={t('neededCaption', { target: targetText })}
        hidden={t('hiddenCell')}
        csv={csv('stay-types')}
        csvLabel={t('csv', { table: t('needed') })}
        table={{
          columns: [t('stayType'), t('load'), t('currentUnits'), t('unitsErlang'), t('unitsSimulation'), t('refusedAtSimulation')],
          rows: [
            ...plan.stayTypes.map((row) => ({
              header: stayTypeLabel(row.stayType),
              cells: [
                decimal(row.offeredLoad),
                String(row.currentUnits),
                count(row.unitsErlang),
                count(row.unitsSimulation),
                interval(row.simulatedAtSimulationUnits) ?? '–',
              ],
            })),
            {
              header: t('onePool'),
              cells: [
                decimal(plan.all.offeredLoad),
                String(plan.units.total),
                String(plan.all.unitsErlang),
                count(plan.all.unitsSimulation),
                interval(plan.all.simulatedAtSimulationUnits) ?? '–',
              ],
            },
          ],
        }}
      >
        <Paragraph>{t('neededNote')}</Paragraph>
      </Figure>

      <section className="adempauze-policy__figure" aria-labelledby="capacity-pooling" data-figure="pooling">
        <Heading2 id="capacity-pooling">{t('pooling')}</Heading2>
        <Paragraph>{t('poolingExplain')}</Paragraph>
        <Paragraph>{t('poolingErlang')}</Paragraph>
        <NumberTable
          caption={t('poolingErlangCaption', { target: targetText })}
          hidden={t('hiddenCell')}
          table={{
            columns: [t('provider'), t('load'), t('unitsErlang'), t('currentUnits')],
            rows: [
              ...plan.pooling.erlang.providers.map((row) => ({
                header: row.provider,
                cells: [decimal(row.offeredLoad), String(row.unitsErlang), String(row.currentUnits)],
              })),
              { header: t('separateTotal'), cells: ['', String(plan.pooling.erlang.separateUnits), String(plan.units.total)] },
              { header: t('pooledTotal'), cells: ['', String(plan.pooling.erlang.pooledUnits), String(plan.units.total)] },
            ],
          }}
        />
        {saved > 0 && <Paragraph className="adempauze-capacity__conclusion">{t('poolingSaves', { units: saved })}</Paragraph>}
        <Paragraph>
          <a className="utrecht-link" href={csv('providers')} download>
            {t('csv', { table: t('poolingErlangCaption', { target: targetText }) })}
          </a>
        </Paragraph>
        <Figure
          id="pooling-simulation"
          title={t('poolingSimulation')}
          chart={charts.pooling}
          caption={t('poolingCaption')}
          hidden={t('hiddenCell')}
          csv={csv('pooling')}
          csvLabel={t('csv', { table: t('poolingCaption') })}
          table={{
            columns: [t('stayType'), t('separate'), t('pooled')],
            rows: [...types, 'all' as const].map((type) => ({
              header: stayTypeLabel(type),
              cells:
                type === 'all'
                  ? [interval(plan.pooling.separate.total.refused) ?? '–', interval(plan.pooling.pooled.total.refused) ?? '–']
                  : [interval(refusedOf(plan.pooling.separate, type)) ?? '–', interval(refusedOf(plan.pooling.pooled, type)) ?? '–'],
            })),
          }}
        />
      </section>

      <section className="adempauze-policy__figure" aria-labelledby="capacity-reserving" data-figure="reserving">
        <Heading2 id="capacity-reserving">{t('reserving')}</Heading2>
        <Paragraph>{t('reservingExplain')}</Paragraph>
        <Paragraph>{t('reservedNow', { count: plan.reservation.currentlyReserved })}</Paragraph>
        <Slider
          id="capacity-reserved"
          label={t('reservedLabel')}
          help={t('targetHelp')}
          min={0}
          max={plan.reservation.options.at(-1)?.reserved ?? 0}
          step={1}
          value={reserved}
          onChange={onReserved}
          valueText={t('reservedValue', { value: reserved, beds: plan.reservation.beds })}
        />
        <Figure
          id="reserving-simulation"
          title={t('reservingCaption')}
          chart={charts.reserving}
          caption={t('reservedTableCaption', { k: reserved })}
          hidden={t('hiddenCell')}
          csv={csv('reservation')}
          csvLabel={t('csv', { table: t('reservingCaption') })}
          table={{
            columns: [t('stayType'), t('flexible'), t('withReserved', { k: reserved })],
            rows: [
              ...types.map((type) => ({
                header: stayTypeLabel(type),
                cells: [interval(refusedOf(flexible, type)) ?? '–', interval(refusedOf(option, type)) ?? '–'],
              })),
              {
                header: t('all'),
                cells: [interval(flexible?.total.refused ?? null) ?? '–', interval(option?.total.refused ?? null) ?? '–'],
              },
              { header: t('busyUnits'), cells: [decimal(flexible?.busyUnits.mean ?? null), decimal(option?.busyUnits.mean ?? null)] },
            ],
          }}
        >
          {plan.units.total > plan.reservation.beds && <Paragraph>{t('homeNights')}</Paragraph>}
        </Figure>
        <BedCost plan={plan} reserved={reserved} t={t} />
      </section>

      <section className="adempauze-policy__figure" aria-labelledby="capacity-method">
        <Heading2 id="capacity-method">{t('method')}</Heading2>
        <Paragraph>{t('methodText', { replications: plan.simulation.replications })}</Paragraph>
        <Paragraph>
          {t('simulationSettings', {
            replications: plan.simulation.replications,
            warmup: plan.simulation.warmupDays,
            seed: plan.simulation.seed,
          })}
        </Paragraph>
      </section>
    </>
  );
}
