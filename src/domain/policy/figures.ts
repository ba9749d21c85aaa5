import type { IsoDate } from '../dates.ts';
import type { ReferralKind } from '../referral.ts';
import { SMALL_CELL_THRESHOLD, roundedCount } from '../small-cells.ts';
import type { StayType } from '../stay-types.ts';
import { type Respondent, SURVEY_QUESTIONS } from '../survey.ts';
import { relationsBy, suppressLinked } from './suppression.ts';
import { mean, percent, quantile, round1, round2 } from './statistics.ts';

/**
 * The policy monitor's tables, built from counts the database gives: aggregates only. Every number that counts
 * people goes through suppressLinked; the relations name the sums a reader can see or work out, so that a hidden
 * cell cannot be recovered by subtraction. Which cells are linked is decided here, next to the table that shows them.
 */

/** Every figure of the monitor for one period, as the API gives it. */
export interface PolicyMonitor {
  window: { from: IsoDate; to: IsoDate };
  /** Counts of fewer people than this are hidden. */
  threshold: number;
  /** YYYY-MM of each month the period touches. */
  months: string[];
  /** The Mondays of the period. */
  weeks: IsoDate[];
  occupancyByLocation: OccupancyByLocationRow[];
  occupancyByStayType: OccupancyByStayTypeRow[];
  requestsByKind: RequestsByKindRow[];
  requestsByMunicipality: RequestsByMunicipalityRow[];
  placement: PlacementRow[];
  leadTimes: LeadTimeRow[];
  cancellations: CancellationRow[];
  waitingList: WaitingListRow[];
  satisfaction: SatisfactionRow[];
}

// ——— occupancy ———

export interface CapacityCount {
  readonly locationId: string;
  readonly location: string;
  readonly region: string;
  readonly month: string;
  readonly availableNights: number;
}

export interface OccupiedCount {
  readonly month: string;
  readonly nights: number;
}

export interface OccupiedByLocation extends OccupiedCount {
  readonly locationId: string;
}

export interface OccupiedByStayType extends OccupiedCount {
  readonly stayType: StayType;
  readonly people: number;
}

/**
 * Capacity, not people: a location's occupancy is what the public week calendar shows too, so it is not suppressed.
 * Its occupied nights are rounded to 5 all the same: two periods one day apart would otherwise differ by exactly the
 * number of guests that night.
 */
export interface OccupancyByLocationRow {
  month: string;
  region: string;
  location: string;
  availableNights: number;
  occupiedNights: number;
  percent: number | null;
}

/** Which kinds of stay filled the beds: a kind of stay says something about health, so fewer than 5 guests are hidden. */
export interface OccupancyByStayTypeRow {
  month: string;
  stayType: StayType;
  occupiedNights: number | null;
  /** Of all available nights of the month, so the kinds add up to the month's occupancy. */
  percent: number | null;
  suppressed: boolean;
}

export function occupancyByLocation(capacity: readonly CapacityCount[], occupied: readonly OccupiedByLocation[]): OccupancyByLocationRow[] {
  const nights = new Map<string, number>();
  for (const row of occupied)
    nights.set(`${row.locationId}|${row.month}`, (nights.get(`${row.locationId}|${row.month}`) ?? 0) + row.nights);
  return capacity
    .filter((row) => row.availableNights > 0)
    .map((row) => {
      const occupiedNights = roundedCount(nights.get(`${row.locationId}|${row.month}`) ?? 0);
      return {
        month: row.month,
        region: row.region,
        location: row.location,
        availableNights: row.availableNights,
        occupiedNights,
        percent: percent(occupiedNights, row.availableNights),
      };
    })
    .sort((a, b) => a.region.localeCompare(b.region, 'nl') || a.location.localeCompare(b.location, 'nl') || a.month.localeCompare(b.month));
}

export function occupancyByStayType(capacity: readonly CapacityCount[], occupied: readonly OccupiedByStayType[]): OccupancyByStayTypeRow[] {
  const available = new Map<string, number>();
  for (const row of capacity) available.set(row.month, (available.get(row.month) ?? 0) + row.availableNights);
  const cells = occupied
    .filter((row) => row.nights > 0)
    .toSorted((a, b) => a.month.localeCompare(b.month) || a.stayType.localeCompare(b.stayType));
  // The kinds of one month add up to that month's occupied nights, which the location table shows.
  const hidden = suppressLinked(
    cells,
    relationsBy(cells, (cell) => cell.month),
  );
  return cells.map((cell, index) => ({
    month: cell.month,
    stayType: cell.stayType,
    occupiedNights: hidden[index] ? null : roundedCount(cell.nights),
    // From the rounded nights: an exact percentage would give the exact nights back.
    percent: hidden[index] ? null : percent(roundedCount(cell.nights), available.get(cell.month) ?? 0),
    suppressed: hidden[index]!,
  }));
}

// ——— requests ———

export interface RequestCount {
  readonly requests: number;
  readonly people: number;
}

export interface RequestsByMonthAndKind extends RequestCount {
  readonly month: string;
  readonly kind: ReferralKind;
}

export interface RequestsByPostcode extends RequestCount {
  readonly pc4: string | null;
}

export interface RequestsByKindRow {
  month: string;
  kind: ReferralKind;
  requests: number | null;
  suppressed: boolean;
}

export interface RequestsByMunicipalityRow {
  municipality: string;
  requests: number | null;
  suppressed: boolean;
}

export function requestTables(
  byKind: readonly RequestsByMonthAndKind[],
  byPostcode: readonly RequestsByPostcode[],
  municipalityOf: (pc4: string | null) => string,
): { byKind: RequestsByKindRow[]; byMunicipality: RequestsByMunicipalityRow[] } {
  const kindCells = byKind
    .filter((row) => row.requests > 0)
    .toSorted((a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind));
  // A person lives in one postcode area, so people add up over the areas of a municipality.
  const municipalities = new Map<string, { municipality: string; requests: number; people: number }>();
  for (const row of byPostcode) {
    const municipality = municipalityOf(row.pc4);
    const total = municipalities.get(municipality) ?? { municipality, requests: 0, people: 0 };
    total.requests += row.requests;
    total.people += row.people;
    municipalities.set(municipality, total);
  }
  const municipalityCells = [...municipalities.values()].sort(
    (a, b) => b.requests - a.requests || a.municipality.localeCompare(b.municipality, 'nl'),
  );
  const cells = [...kindCells, ...municipalityCells];
  // Each month's column adds up to that month's requests; both tables add up to the same total of the period.
  const relations = [...relationsBy(kindCells, (cell) => cell.month), cells.map((_cell, index) => index)];
  const hidden = suppressLinked(cells, relations);
  return {
    byKind: kindCells.map((cell, index) => ({
      month: cell.month,
      kind: cell.kind,
      requests: hidden[index] ? null : roundedCount(cell.requests),
      suppressed: hidden[index]!,
    })),
    byMunicipality: municipalityCells.map((cell, index) => {
      const isHidden = hidden[kindCells.length + index]!;
      return { municipality: cell.municipality, requests: isHidden ? null : roundedCount(cell.requests), suppressed: isHidden };
    }),
  };
}

// ——— placement within the region ———

export interface PlacementCount extends RequestCount {
  readonly homeRegionId: string;
  readonly homeRegion: string;
  /** Placed at a location of the guest's own region. */
  readonly within: boolean;
}

export const ALL = 'all';

export interface PlacementRow {
  /** A region's id, or 'all' for every region together. */
  homeRegionId: string;
  homeRegion: string;
  within: number | null;
  outside: number | null;
  /** Shown only when both counts are: with one count and the share, the other follows. */
  percentWithin: number | null;
  suppressed: boolean;
}

export function placementTable(counts: readonly PlacementCount[], allRegionsName: string): PlacementRow[] {
  const regions = new Map<string, { id: string; name: string; within: RequestCount; outside: RequestCount }>();
  const empty = (): RequestCount => ({ requests: 0, people: 0 });
  const add = (a: RequestCount, b: RequestCount): RequestCount => ({ requests: a.requests + b.requests, people: a.people + b.people });
  for (const count of counts) {
    const region = regions.get(count.homeRegionId) ?? { id: count.homeRegionId, name: count.homeRegion, within: empty(), outside: empty() };
    if (count.within) region.within = add(region.within, count);
    else region.outside = add(region.outside, count);
    regions.set(count.homeRegionId, region);
  }
  const rows = [...regions.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  if (rows.length === 0) return [];
  // A person has one home region, so people add up over the regions.
  rows.push({
    id: ALL,
    name: allRegionsName,
    within: rows.reduce((sum, row) => add(sum, row.within), empty()),
    outside: rows.reduce((sum, row) => add(sum, row.outside), empty()),
  });
  // Cell 2i is row i's "within", 2i + 1 its "outside"; the last row is the total of the others.
  const cells = rows.flatMap((row) => [row.within, row.outside]);
  const last = rows.length - 1;
  const relations = [...rows.map((_row, i) => [2 * i, 2 * i + 1]), rows.map((_row, i) => 2 * i), rows.map((_row, i) => 2 * i + 1)];
  const hidden = suppressLinked(cells, relations);
  return rows.map((row, i) => {
    const [hideWithin, hideOutside] = [hidden[2 * i]!, hidden[2 * i + 1]!];
    const shown = !hideWithin && !hideOutside;
    const [within, outside] = [roundedCount(row.within.requests), roundedCount(row.outside.requests)];
    return {
      homeRegionId: row.id,
      homeRegion: i === last ? allRegionsName : row.name,
      within: hideWithin ? null : within,
      outside: hideOutside ? null : outside,
      percentWithin: shown && within + outside > 0 ? percent(within, within + outside) : null,
      suppressed: !shown,
    };
  });
}

// ——— time from referral to offer and to booking ———

export interface LeadTime {
  readonly kind: ReferralKind;
  /** Any key that is the same for one person; it only counts people and is never shown. */
  readonly person: string;
  readonly daysToOffer: number | null;
  readonly daysToBooking: number | null;
}

export type LeadTimeMeasure = 'offer' | 'booking';

export interface LeadTimeRow {
  /** A kind of referral, or 'all'. */
  kind: ReferralKind | typeof ALL;
  measure: LeadTimeMeasure;
  referrals: number | null;
  /** Days with two decimals: a crisis is offered in hours, planned respite in weeks. */
  medianDays: number | null;
  p90Days: number | null;
  suppressed: boolean;
}

export function leadTimeTable(leadTimes: readonly LeadTime[]): LeadTimeRow[] {
  const rows: LeadTimeRow[] = [];
  for (const measure of ['offer', 'booking'] as const) {
    const daysOf = (leadTime: LeadTime) => (measure === 'offer' ? leadTime.daysToOffer : leadTime.daysToBooking);
    const measured = leadTimes.filter((leadTime) => daysOf(leadTime) !== null);
    const kinds = [...new Set(measured.map((leadTime) => leadTime.kind))].sort();
    const groups = [
      ...kinds.map((kind) => ({ kind: kind as LeadTimeRow['kind'], items: measured.filter((leadTime) => leadTime.kind === kind) })),
      ...(measured.length > 0 ? [{ kind: ALL as LeadTimeRow['kind'], items: measured }] : []),
    ];
    // How many people waited is a count too: the kinds add up to the total.
    const cells = groups.map((group) => ({ people: new Set(group.items.map((item) => item.person)).size }));
    const hidden = suppressLinked(cells, [cells.map((_cell, index) => index)]);
    groups.forEach((group, index) => {
      const days = group.items.map((item) => daysOf(item)!);
      rows.push({
        kind: group.kind,
        measure,
        referrals: hidden[index] ? null : roundedCount(days.length),
        medianDays: hidden[index] ? null : round2(quantile(days, 0.5)),
        p90Days: hidden[index] ? null : round2(quantile(days, 0.9)),
        suppressed: hidden[index]!,
      });
    });
  }
  return rows;
}

// ——— cancellations ———

export interface Cancellation {
  /** The free text given when the stay was cancelled; blank after retention or erasure. */
  readonly reason: string | null;
  readonly person: string;
}

export interface CancellationRow {
  /** The reason as given, or null for all reasons given for fewer than 5 people together ("other"). */
  reason: string | null;
  stays: number | null;
  suppressed: boolean;
}

const normalisedReason = (reason: string) => reason.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * Cancelled stays per reason. A reason is free text, and free text can name or describe a person, so a reason is
 * shown only when it was given for at least 5 different people (spelled the same, apart from case and spaces);
 * every other reason counts as "other" and its text is never shown.
 */
export function cancellationTable(cancellations: readonly Cancellation[], threshold = SMALL_CELL_THRESHOLD): CancellationRow[] {
  const byReason = new Map<string, { spellings: Map<string, number>; stays: number; people: Set<string> }>();
  for (const cancellation of cancellations) {
    const key = cancellation.reason ? normalisedReason(cancellation.reason) : '';
    const group = byReason.get(key) ?? { spellings: new Map(), stays: 0, people: new Set() };
    const spelling = cancellation.reason?.trim().replace(/\s+/g, ' ') ?? '';
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
    group.stays++;
    group.people.add(cancellation.person);
    byReason.set(key, group);
  }
  const named: { reason: string | null; stays: number; people: number }[] = [];
  const other = { reason: null, stays: 0, people: new Set<string>() };
  for (const [key, group] of byReason) {
    if (key !== '' && group.people.size >= threshold) {
      // The most common spelling, then the first in Dutch order: the same text every time for the same data.
      const reason = [...group.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl'))[0]![0];
      named.push({ reason, stays: group.stays, people: group.people.size });
    } else {
      other.stays += group.stays;
      for (const person of group.people) other.people.add(person);
    }
  }
  named.sort((a, b) => b.stays - a.stays || a.reason!.localeCompare(b.reason!, 'nl'));
  const cells = [...named, ...(other.stays > 0 ? [{ reason: null, stays: other.stays, people: other.people.size }] : [])];
  const hidden = suppressLinked(cells, [cells.map((_cell, index) => index)], threshold);
  return cells.map((cell, index) => ({
    reason: cell.reason,
    stays: hidden[index] ? null : roundedCount(cell.stays),
    suppressed: hidden[index]!,
  }));
}

// ——— waiting list ———

export interface WaitingSpell {
  readonly person: string;
  /** The day the referral went on the waiting list. */
  readonly from: IsoDate;
  /** The day it left (offer, booking or closed); null while it waits. */
  readonly until: IsoDate | null;
}

export interface WaitingListRow {
  /** A Monday: who was on the list that day (went on it that day or before, and left after it). */
  week: IsoDate;
  waiting: number | null;
  suppressed: boolean;
}

/** People on the waiting list each Monday. Weeks are not added up anywhere, so each count stands alone. */
export function waitingListTable(mondays: readonly IsoDate[], spells: readonly WaitingSpell[]): WaitingListRow[] {
  return mondays.map((week) => {
    const people = new Set(
      spells.filter((spell) => spell.from <= week && (spell.until === null || spell.until > week)).map((spell) => spell.person),
    ).size;
    const hidden = suppressLinked([{ people }], [])[0]!;
    return { week, waiting: hidden ? null : roundedCount(people), suppressed: hidden };
  });
}

// ——— satisfaction ———

export interface SurveyAnswer {
  readonly respondent: Respondent;
  readonly person: string;
  readonly scores: Readonly<Record<string, unknown>>;
}

export interface SatisfactionRow {
  respondent: Respondent;
  question: string;
  answers: number | null;
  /** Mean score 1–5 with one decimal. */
  mean: number | null;
  suppressed: boolean;
}

/** Mean score per question: a mean of fewer than 5 people's answers is hidden (with its count). */
export function satisfactionTable(answers: readonly SurveyAnswer[]): SatisfactionRow[] {
  const rows: SatisfactionRow[] = [];
  for (const respondent of ['caregiver', 'guest'] as const) {
    for (const question of SURVEY_QUESTIONS[respondent]) {
      const given = answers.filter((answer) => answer.respondent === respondent && typeof answer.scores[question.id] === 'number');
      const people = new Set(given.map((answer) => answer.person)).size;
      const hidden = suppressLinked([{ people }], [])[0]!;
      const scores = given.map((answer) => answer.scores[question.id] as number);
      rows.push({
        respondent,
        question: question.id,
        answers: hidden ? null : roundedCount(scores.length),
        mean: hidden || scores.length === 0 ? null : round1(mean(scores)),
        suppressed: hidden,
      });
    }
  }
  return rows;
}
