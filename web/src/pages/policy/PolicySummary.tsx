import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import { Link, useSearchParams } from 'react-router';
import { addDays } from '../../../../src/domain/dates.ts';
import type { PolicyMonitor } from '../../../../src/domain/policy/figures.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatMonth, formatNumber } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { serverToday } from '../../api/clock.ts';
import { incompleteMonths } from './months.ts';
import { occupancyPercent } from './occupancy.ts';
import './policy.css';

type Key =
  | 'title'
  | 'allRegions'
  | 'period'
  | 'print'
  | 'back'
  | 'loading'
  | 'key'
  | 'occupancy'
  | 'requests'
  | 'people'
  | 'within'
  | 'toBooking'
  | 'waiting'
  | 'satisfaction'
  | 'hidden'
  | 'none'
  | 'perMonth'
  | 'month'
  | 'occupancyShare'
  | 'requestsCount'
  | 'byKind'
  | 'kind'
  | 'privacy'
  | 'partial'
  | 'days';

const texts: Texts<Key> = {
  nl: {
    title: 'Samenvatting tijdelijk verblijf',
    allRegions: "alle regio's samen",
    period: '{region}, {from} tot en met {to}',
    print: 'Printen',
    back: 'Terug naar alle cijfers',
    loading: 'Cijfers laden…',
    key: 'De belangrijkste cijfers',
    occupancy: 'Bezetting van de plekken',
    requests: 'Aanvragen',
    people: '{count} aanvragen',
    within: 'Geplaatst in de eigen regio',
    toBooking: 'Tijd tot een boeking (de helft binnen)',
    waiting: 'Op de wachtlijst (laatste maandag)',
    satisfaction: 'Tevredenheid mantelzorgers (1 tot 5)',
    hidden: 'verborgen (minder dan {threshold} mensen)',
    none: 'geen gegevens',
    perMonth: 'Per maand',
    month: 'Maand',
    occupancyShare: 'Bezetting',
    requestsCount: 'Aanvragen',
    byKind: 'Aanvragen per soort',
    kind: 'Soort',
    privacy: 'Alleen totalen. Getallen over minder dan {threshold} mensen zijn verborgen.',
    partial: '{month} (nog niet compleet)',
    days: '{value} dagen',
  },
  en: {
    title: 'Summary of temporary stays',
    allRegions: 'all regions together',
    period: '{region}, {from} to {to} (including)',
    print: 'Print',
    back: 'Back to all figures',
    loading: 'Loading figures…',
    key: 'The key figures',
    occupancy: 'Occupancy of the places',
    requests: 'Requests',
    people: '{count} requests',
    within: 'Placed in the own region',
    toBooking: 'Time to a booking (half within)',
    waiting: 'On the waiting list (last Monday)',
    satisfaction: 'Caregiver satisfaction (1 to 5)',
    hidden: 'hidden (fewer than {threshold} people)',
    none: 'no data',
    perMonth: 'Per month',
    month: 'Month',
    occupancyShare: 'Occupancy',
    requestsCount: 'Requests',
    byKind: 'Requests by kind',
    kind: 'Kind',
    privacy: 'Totals only. Numbers about fewer than {threshold} people are hidden.',
    partial: '{month} (not complete yet)',
    days: '{value} days',
  },
};

const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

/** One page per region for the council or the insurer: the monitor's key figures, made to print. */
export default function PolicySummary() {
  const t = useTexts(texts);
  const { language } = useI18n();
  const [params] = useSearchParams();
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  const regionId = params.get('regio') ?? '';
  const query = new URLSearchParams({ from, to: to ? addDays(to, 1) : '', ...(regionId ? { regionId } : {}) });
  const monitor = useApiQuery<PolicyMonitor>(`/policy/monitor?${query}`);
  const regions = useApiQuery<{ id: string; name: string }[]>('/regions');
  const regionName = regionId ? (regions.data?.find((region) => region.id === regionId)?.name ?? regionId) : t('allRegions');
  const back = `/beleid?${new URLSearchParams({ van: from, tot: to, ...(regionId ? { regio: regionId } : {}) })}`;

  if (monitor.error !== null)
    return (
      <>
        <Paragraph>
          <Link className="utrecht-link" to={back}>
            {t('back')}
          </Link>
        </Paragraph>
        <ErrorAlert error={monitor.error} />
      </>
    );
  const data = monitor.data;
  if (!data) return <Paragraph role="status">{t('loading')}</Paragraph>;
  const hidden = t('hidden', { threshold: data.threshold });
  const partial = new Set(incompleteMonths(data.months, { from, to }, serverToday()));
  const monthName = (month: string) => (partial.has(month) ? t('partial', { month: formatMonth(month) }) : formatMonth(month));
  const percent = (value: number | null) => (value === null ? t('none') : `${formatNumber(value)}%`);
  const requestsIn = (rows: PolicyMonitor['requestsByKind']) =>
    rows.some((row) => row.suppressed) ? null : sum(rows.map((row) => row.requests));
  const placement = data.placement.find((row) => (regionId ? row.homeRegionId === regionId : row.homeRegionId === 'all'));
  const booking = data.leadTimes.find((row) => row.kind === 'all' && row.measure === 'booking');
  const lastWeek = data.waitingList.at(-1);
  const caregivers = data.satisfaction.find((row) => row.respondent === 'caregiver' && row.question === 'overall');
  const kinds = [...new Set(data.requestsByKind.map((row) => row.kind))];
  const totalRequests = requestsIn(data.requestsByKind);

  return (
    <article className="adempauze-policy-summary">
      <Paragraph className="adempauze-no-print">
        <Link className="utrecht-link" to={back}>
          {t('back')}
        </Link>{' '}
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          {t('print')}
        </Button>
      </Paragraph>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('period', { region: regionName, from: formatDate(from), to: formatDate(to) })}</Paragraph>
      <Heading2>{t('key')}</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>{t('occupancy')}</DataListKey>
          <DataListValue>{percent(occupancyPercent(data.occupancyByLocation))}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('requests')}</DataListKey>
          <DataListValue>{totalRequests === null ? hidden : formatNumber(totalRequests)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('within')}</DataListKey>
          <DataListValue>
            {placement ? (placement.percentWithin === null ? hidden : `${formatNumber(placement.percentWithin)}%`) : t('none')}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('toBooking')}</DataListKey>
          <DataListValue>
            {booking ? (booking.medianDays === null ? hidden : t('days', { value: formatNumber(booking.medianDays) })) : t('none')}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('waiting')}</DataListKey>
          <DataListValue>{lastWeek ? (lastWeek.waiting === null ? hidden : formatNumber(lastWeek.waiting)) : t('none')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('satisfaction')}</DataListKey>
          <DataListValue>{caregivers ? (caregivers.mean === null ? hidden : formatNumber(caregivers.mean)) : t('none')}</DataListValue>
        </DataListItem>
      </DataList>
      <Table>
        <TableCaption>{t('perMonth')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('month')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('occupancyShare')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('requestsCount')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.months.map((month) => {
            const requests = requestsIn(data.requestsByKind.filter((row) => row.month === month));
            return (
              <TableRow key={month}>
                <TableHeaderCell scope="row">{monthName(month)}</TableHeaderCell>
                <TableCell>{percent(occupancyPercent(data.occupancyByLocation.filter((row) => row.month === month)))}</TableCell>
                <TableCell>{requests === null ? hidden : formatNumber(requests)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {kinds.length > 0 && (
        <Table>
          <TableCaption>{t('byKind')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('requestsCount')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kinds.map((kind) => {
              const requests = requestsIn(data.requestsByKind.filter((row) => row.kind === kind));
              return (
                <TableRow key={kind}>
                  <TableHeaderCell scope="row">{REFERRAL_KIND_LABELS[kind][language]}</TableHeaderCell>
                  <TableCell>{requests === null ? hidden : formatNumber(requests)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Paragraph>{t('privacy', { threshold: data.threshold })}</Paragraph>
    </article>
  );
}
