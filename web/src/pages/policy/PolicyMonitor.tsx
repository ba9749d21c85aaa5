import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays } from '../../../../src/domain/dates.ts';
import type { PolicyMonitor as Monitor } from '../../../../src/domain/policy/figures.ts';
import type { ReferralKind } from '../../../../src/domain/referral.ts';
import { STAY_TYPE_LABELS, type StayType } from '../../../../src/domain/stay-types.ts';
import { SURVEY_QUESTIONS } from '../../../../src/domain/survey.ts';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatMonth, formatNumber, formatShortMonth } from '../../i18n/format.ts';
import { SelectField } from '../../forms/fields.tsx';
import { type Language, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { MkbaLink } from '../mkba/MkbaLink.tsx';
import { CapacityLink } from '../capacity/CapacityLink.tsx';
import { ChartCanvas, type ChartProps } from './Chart.tsx';
import { TEXTS } from './texts.ts';
import { incompleteMonths } from './months.ts';
import { occupancyPercent } from './occupancy.ts';
import { DateField, NumberTable, type TableData, periodFromParams, periodProblems, weekLabel } from './period-and-tables.tsx';
import './policy.css';
import { serverToday } from '../../api/clock.ts';

const monthLabel = (month: string) => formatShortMonth(month);
const formatPercent = (value: number) => `${formatNumber(value)}%`;

/** The last twelve months, this one included: the first day of the month eleven months ago to the end of this month. */
function defaultPeriod(today = serverToday()): { from: string; to: string } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const start = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  const next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return { from: start, to: addDays(next, -1) };
}

type Translate = ReturnType<typeof useTexts<keyof (typeof TEXTS)['nl']>>;

interface Figure {
  id: string;
  csv: string;
  title: string;
  intro: string;
  chart: ChartProps;
  caption: string;
  table: TableData;
}

/** The policy monitor: aggregates only, each figure a chart with its numbers in a table and a CSV download. */
export default function PolicyMonitor() {
  const { language } = useI18n();
  const t = useTexts(TEXTS);
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const period = periodFromParams(params, fallback);
  const regionId = params.get('regio') ?? '';
  const regions = useApiQuery<{ id: string; name: string }[]>('/regions').data ?? [];
  const query = new URLSearchParams({ from: period.from, to: addDays(period.to, 1), ...(regionId ? { regionId } : {}) });
  const { data: monitor, error } = useApiQuery<Monitor>(`/policy/monitor?${query}`);
  const [fieldErrors, setFieldErrors] = useState<{ from?: string; to?: string }>({});

  useEffect(() => {
    // The API's end is the day after the period: its message about "to" is about the last day here.
    if (error instanceof ApiError) setFieldErrors({ from: error.fieldError('from'), to: error.fieldError('to') });
  }, [error]);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [from, to] = [String(form.get('from') ?? ''), String(form.get('to') ?? '')];
    const found = periodProblems(from, to);
    const problems = { from: found.from && t(found.from), to: found.to && t(found.to) };
    setFieldErrors(problems);
    if (problems.from || problems.to) {
      document.getElementById(problems.from ? 'policy-from' : 'policy-to')?.focus();
      return;
    }
    const region = String(form.get('regio') ?? '');
    setParams({ van: from, tot: to, ...(region ? { regio: region } : {}) });
  };

  const today = serverToday();
  const figures = useMemo(() => (monitor ? buildFigures(monitor, t, language, today) : []), [monitor, language, today]);
  const csvQuery = (table: string) =>
    new URLSearchParams({ table, from: period.from, to: addDays(period.to, 1), ...(regionId ? { regionId } : {}) }).toString();
  const partial = monitor ? incompleteMonths(monitor.months, period, today) : [];

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <CapacityLink />
      <MkbaLink />
      <Paragraph>{t('privacy', { threshold: monitor?.threshold ?? 5 })}</Paragraph>
      <form className="adempauze-toolbar" onSubmit={apply} noValidate aria-label={t('filter')}>
        <DateField id="policy-from" name="from" label={t('from')} value={period.from} error={fieldErrors.from} />
        <DateField id="policy-to" name="to" label={t('to')} value={period.to} error={fieldErrors.to} />
        <SelectField
          key={`${regionId}-${regions.length}`}
          id="policy-region"
          name="regio"
          label={t('region')}
          error={null}
          defaultValue={regionId}
          options={[{ value: '', label: t('allRegions') }, ...regions.map((region) => ({ value: region.id, label: region.name }))]}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('apply')}
        </Button>
      </form>
      {error !== null && <ErrorAlert error={error} />}
      {monitor === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {monitor && (
        <>
          <Paragraph className="adempauze-policy__period">
            {t('period', { from: formatDate(period.from), to: formatDate(period.to) })}
            {regionId && `, ${regions.find((region) => region.id === regionId)?.name ?? regionId}`}
          </Paragraph>
          {partial.length > 0 && (
            <Paragraph>
              {t('partialNote', {
                months: partial.map(formatMonth).join(', '),
                count: partial.length,
                date: formatDate(minDate(period.to, addDays(today, -1))),
              })}
            </Paragraph>
          )}
          <Paragraph>
            <Link
              className="utrecht-link"
              to={`/beleid/samenvatting?${new URLSearchParams({ van: period.from, tot: period.to, ...(regionId ? { regio: regionId } : {}) })}`}
            >
              {t('summary')}
            </Link>
          </Paragraph>
          {figures.map((figure) => (
            <FigureSection
              key={figure.id}
              figure={figure}
              hidden={t('hiddenCell')}
              empty={t('empty')}
              csvHref={`/api/policy/monitor.csv?${csvQuery(figure.csv)}`}
              csvLabel={t('csv', { table: figure.title })}
            />
          ))}
        </>
      )}
    </>
  );
}

function FigureSection({
  figure,
  hidden,
  empty,
  csvHref,
  csvLabel,
}: {
  figure: Figure;
  hidden: string;
  empty: string;
  csvHref: string;
  csvLabel: string;
}) {
  const headingId = useId();
  return (
    <section className="adempauze-policy__figure" aria-labelledby={headingId} data-figure={figure.id}>
      <Heading2 id={headingId}>{figure.title}</Heading2>
      <Paragraph>{figure.intro}</Paragraph>
      {figure.table.rows.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <>
          <figure className="adempauze-policy__chart">
            <ChartCanvas {...figure.chart} />
            <figcaption>{figure.caption}</figcaption>
          </figure>
          <NumberTable caption={figure.caption} table={figure.table} hidden={hidden} />
        </>
      )}
      <Paragraph>
        <a className="utrecht-link" href={csvHref} download>
          {csvLabel}
        </a>
      </Paragraph>
    </section>
  );
}

/**
 * A pivot: one row per key, one column per month. A cell is its text, null when the API hid it, or `missing` when there
 * is no row for it (nobody counted, or no capacity that month).
 */
function pivot<T>(
  items: readonly T[],
  rowOf: (item: T) => string,
  columnOf: (item: T) => string,
  columns: readonly string[],
  cellOf: (item: T) => string | null,
  missing: (column: string) => string,
): TableData['rows'] {
  const rows = new Map<string, Map<string, string | null>>();
  for (const item of items) {
    const row = rows.get(rowOf(item)) ?? new Map<string, string | null>();
    row.set(columnOf(item), cellOf(item));
    rows.set(rowOf(item), row);
  }
  return [...rows].map(([header, cells]) => ({
    header,
    cells: columns.map((column) => (cells.has(column) ? cells.get(column)! : missing(column))),
  }));
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** With more locations than this, the occupancy chart draws a summary; the table keeps every location. */
const MAX_LINES = 8;
const EXTREMES = 3;

function buildFigures(monitor: Monitor, t: Translate, language: Language, today: string): Figure[] {
  const months = monitor.months;
  const partial = new Set(incompleteMonths(months, { from: monitor.window.from, to: addDays(monitor.window.to, -1) }, today));
  const monthLabels = months.map((month) => (partial.has(month) ? t('partialMonth', { month: monthLabel(month) }) : monthLabel(month)));
  const count = (value: number | null) => (value === null ? null : formatNumber(value));
  const share = (value: number | null) => (value === null ? null : formatPercent(value));
  const kindLabel = (kind: ReferralKind | 'all') => (kind === 'all' ? t('all') : REFERRAL_KIND_LABELS[kind][language]);
  const stayTypeLabel = (type: StayType) => STAY_TYPE_LABELS[type][language];
  const duration = (days: number | null) =>
    days === null ? null : days < 2 ? t('hours', { value: formatNumber(Math.round(days * 24)) }) : t('days', { value: formatNumber(days) });
  // Months without a figure are zero in a chart, except where the table says "hidden".
  const monthSeries = <T extends { month: string }>(items: readonly T[], figureOf: (item: T) => number | null) =>
    months.map((month) => {
      const item = items.find((candidate) => candidate.month === month);
      return item ? figureOf(item) : 0;
    });

  const monthsWithBeds = new Set(monitor.occupancyByLocation.map((row) => row.month));
  const locations = [...new Set(monitor.occupancyByLocation.map((row) => `${row.location} (${row.region})`))];
  const locationOf = (row: Monitor['occupancyByLocation'][number]) => `${row.location} (${row.region})`;
  const locationLine = (location: string) => ({
    label: location,
    data: months.map(
      (month) => monitor.occupancyByLocation.find((row) => locationOf(row) === location && row.month === month)?.percent ?? null,
    ),
  });
  // Thirty lines are unreadable: then all locations together, and the highest and lowest few by their mean.
  const meanOf = (location: string) => occupancyPercent(monitor.occupancyByLocation.filter((row) => locationOf(row) === location)) ?? 0;
  const ranked = [...locations].sort((a, b) => meanOf(b) - meanOf(a));
  const together = {
    label: t('average'),
    data: months.map((month) => occupancyPercent(monitor.occupancyByLocation.filter((row) => row.month === month))),
  };
  const locationSeries =
    locations.length <= MAX_LINES
      ? locations.map(locationLine)
      : [together, ...ranked.slice(0, EXTREMES).map(locationLine), ...ranked.slice(-EXTREMES).map(locationLine)];
  const stayTypes = [...new Set(monitor.occupancyByStayType.map((row) => row.stayType))];
  const kinds = [...new Set(monitor.requestsByKind.map((row) => row.kind))];
  const leadKinds = [...new Set(monitor.leadTimes.map((row) => row.kind))];
  const lead = (kind: ReferralKind | 'all', measure: 'offer' | 'booking') =>
    monitor.leadTimes.find((row) => row.kind === kind && row.measure === measure);
  const questionLabel = (row: Monitor['satisfaction'][number]) =>
    `${row.respondent === 'caregiver' ? t('caregiver') : t('guest')}: ${SURVEY_QUESTIONS[row.respondent].find((question) => question.id === row.question)?.[language] ?? row.question}`;
  const cancellationLabel = (reason: string | null) => reason ?? t('otherReasons');

  return [
    {
      id: 'occupancy-location',
      csv: 'occupancy-by-location',
      title: t('occupancyLocation'),
      intro:
        locations.length <= MAX_LINES
          ? t('occupancyLocationIntro')
          : `${t('occupancyLocationIntro')} ${t('manyLocations', { count: EXTREMES })}`,
      caption: t('occupancyLocationCaption'),
      chart: {
        kind: 'line',
        labels: monthLabels,
        summary: t('occupancyLocationChart'),
        format: formatPercent,
        max: 100,
        series: locationSeries,
      },
      table: {
        columns: [t('location'), ...monthLabels],
        rows: pivot(
          monitor.occupancyByLocation,
          locationOf,
          (row) => row.month,
          months,
          (row) => share(row.percent),
          () => '–',
        ),
      },
    },
    {
      id: 'occupancy-type',
      csv: 'occupancy-by-stay-type',
      title: t('occupancyType'),
      intro: t('occupancyTypeIntro'),
      caption: t('occupancyTypeCaption'),
      chart: {
        kind: 'bar',
        stacked: true,
        labels: monthLabels,
        summary: t('occupancyTypeChart'),
        format: formatPercent,
        series: stayTypes.map((type) => ({
          label: stayTypeLabel(type),
          data: monthSeries(
            monitor.occupancyByStayType.filter((row) => row.stayType === type),
            (row) => row.percent,
          ),
        })),
      },
      table: {
        columns: [t('stayType'), ...monthLabels],
        rows: pivot(
          monitor.occupancyByStayType,
          (row) => stayTypeLabel(row.stayType),
          (row) => row.month,
          months,
          (row) => share(row.percent),
          (month) => (monthsWithBeds.has(month) ? formatPercent(0) : '–'),
        ),
      },
    },
    {
      id: 'requests-kind',
      csv: 'requests-by-kind',
      title: t('requestsKind'),
      intro: t('requestsKindIntro'),
      caption: t('requestsKindCaption'),
      chart: {
        kind: 'bar',
        stacked: true,
        labels: monthLabels,
        summary: t('requestsKindChart'),
        series: kinds.map((kind) => ({
          label: kindLabel(kind),
          data: monthSeries(
            monitor.requestsByKind.filter((row) => row.kind === kind),
            (row) => row.requests,
          ),
        })),
      },
      table: {
        columns: [t('kind'), ...monthLabels],
        rows: pivot(
          monitor.requestsByKind,
          (row) => kindLabel(row.kind),
          (row) => row.month,
          months,
          (row) => count(row.requests),
          () => '0',
        ),
      },
    },
    {
      id: 'requests-municipality',
      csv: 'requests-by-municipality',
      title: t('requestsMunicipality'),
      intro: t('requestsMunicipalityIntro'),
      caption: t('requestsMunicipalityCaption'),
      chart: {
        kind: 'bar',
        horizontal: true,
        labels: monitor.requestsByMunicipality.map((row) => row.municipality),
        summary: t('requestsMunicipalityChart'),
        series: [{ label: t('requests'), data: monitor.requestsByMunicipality.map((row) => row.requests) }],
      },
      table: {
        columns: [t('municipality'), t('requests')],
        rows: monitor.requestsByMunicipality.map((row) => ({ header: row.municipality, cells: [count(row.requests)] })),
      },
    },
    {
      id: 'placement',
      csv: 'placement',
      title: t('placement'),
      intro: t('placementIntro'),
      caption: t('placementCaption'),
      chart: {
        kind: 'bar',
        labels: monitor.placement.map((row) => row.homeRegion),
        summary: t('placementChart'),
        format: formatPercent,
        max: 100,
        series: [{ label: t('shareWithin'), data: monitor.placement.map((row) => row.percentWithin) }],
      },
      table: {
        columns: [t('homeRegion'), t('within'), t('outside'), t('shareWithin')],
        rows: monitor.placement.map((row) => ({
          header: row.homeRegion,
          cells: [count(row.within), count(row.outside), share(row.percentWithin)],
        })),
      },
    },
    {
      id: 'lead-times',
      csv: 'lead-times',
      title: t('leadTimes'),
      intro: t('leadTimesIntro'),
      caption: t('leadTimesCaption'),
      chart: {
        kind: 'bar',
        horizontal: true,
        labels: leadKinds.map(kindLabel),
        summary: t('leadTimesChart'),
        series: (
          [
            ['offer', 'medianDays', t('medianToOffer')],
            ['offer', 'p90Days', t('p90ToOffer')],
            ['booking', 'medianDays', t('medianToBooking')],
            ['booking', 'p90Days', t('p90ToBooking')],
          ] as const
        ).map(([measure, key, label]) => ({ label, data: leadKinds.map((kind) => lead(kind, measure)?.[key] ?? null) })),
      },
      table: {
        columns: [
          t('kind'),
          `${t('referrals')} ${t('toOffer')}`,
          `${t('median')} ${t('toOffer')}`,
          `${t('p90')} ${t('toOffer')}`,
          `${t('referrals')} ${t('toBooking')}`,
          `${t('median')} ${t('toBooking')}`,
          `${t('p90')} ${t('toBooking')}`,
        ],
        rows: leadKinds.map((kind) => {
          const [offer, booking] = [lead(kind, 'offer'), lead(kind, 'booking')];
          return {
            header: kindLabel(kind),
            cells: [
              count(offer?.referrals ?? null),
              duration(offer?.medianDays ?? null),
              duration(offer?.p90Days ?? null),
              count(booking?.referrals ?? null),
              duration(booking?.medianDays ?? null),
              duration(booking?.p90Days ?? null),
            ],
          };
        }),
      },
    },
    {
      id: 'cancellations',
      csv: 'cancellations',
      title: t('cancellations'),
      intro: t('cancellationsIntro', { threshold: monitor.threshold }),
      caption: t('cancellationsCaption'),
      chart: {
        kind: 'bar',
        horizontal: true,
        labels: monitor.cancellations.map((row) => cancellationLabel(row.reason)),
        summary: t('cancellationsChart'),
        series: [{ label: t('cancelledStays'), data: monitor.cancellations.map((row) => row.stays) }],
      },
      table: {
        columns: [t('reason'), t('cancelledStays')],
        rows: monitor.cancellations.map((row) => ({ header: cancellationLabel(row.reason), cells: [count(row.stays)] })),
      },
    },
    {
      id: 'waiting-list',
      csv: 'waiting-list',
      title: t('waitingList'),
      intro: t('waitingListIntro'),
      caption: t('waitingListCaption'),
      chart: {
        kind: 'line',
        labels: monitor.waitingList.map((row) => weekLabel(row.week)),
        summary: t('waitingListChart'),
        series: [{ label: t('waiting'), data: monitor.waitingList.map((row) => row.waiting) }],
      },
      table: {
        columns: [t('week'), t('waiting')],
        rows: monitor.waitingList.map((row) => ({ header: formatDate(row.week), cells: [count(row.waiting)] })),
      },
    },
    {
      id: 'satisfaction',
      csv: 'satisfaction',
      title: t('satisfaction'),
      intro: t('satisfactionIntro'),
      caption: t('satisfactionCaption'),
      chart: {
        kind: 'bar',
        horizontal: true,
        labels: monitor.satisfaction.map(questionLabel),
        summary: t('satisfactionChart'),
        max: 5,
        series: [{ label: t('meanScore'), data: monitor.satisfaction.map((row) => row.mean) }],
      },
      table: {
        columns: [t('question'), t('answers'), t('meanScore')],
        rows: monitor.satisfaction.map((row) => ({
          header: questionLabel(row),
          cells: [count(row.answers), row.mean !== null ? formatNumber(row.mean) : row.suppressed ? null : '–'],
        })),
      },
    },
  ];
}
