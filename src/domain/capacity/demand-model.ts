import { type DateRange, type IsoDate, addDays, isoWeekday, nightsBetween } from '../dates.ts';
import { mean, quantile } from '../policy/statistics.ts';
import { relationsBy, suppressLinked } from '../policy/suppression.ts';
import { SMALL_CELL_THRESHOLD, roundedCount } from '../small-cells.ts';
import { STAY_TYPES, type StayType } from '../stay-types.ts';

/**
 * The demand model of one region: how many stays its residents asked for, per stay type, how long they stayed, how
 * many got a place in the region, outside it or none, and who came back. Built from one record per stay asked for
 * (see DemandRecord); the figures it publishes are aggregates with counts of fewer than 5 people hidden, linked as in
 * the policy monitor so that no hidden count follows from a total. The planner gets the unsuppressed version
 * (PlanningDemand), which never leaves the server: it holds no person either, only counts, lengths and intervals.
 */

/** One stay asked for by a resident of the region. */
export interface DemandRecord {
  /** Who asked: counted for suppression and recurrence, never shown. */
  readonly person: string;
  readonly stayType: StayType;
  /** The first night: the stay's arrival, or the wished arrival of a request that got no stay. */
  readonly date: IsoDate;
  /** Nights of the stay; for a request without a stay the nights wished for, when known. */
  readonly nights: number | null;
  readonly outcome: 'in_region' | 'outside_region' | 'not_placed';
}

export const SEASONS = ['winter', 'spring', 'summer', 'autumn'] as const;
export type Season = (typeof SEASONS)[number];

/** Meteorological seasons: winter is December to February. */
export function seasonOf(date: IsoDate): Season {
  const month = Number(date.slice(5, 7));
  return SEASONS[Math.floor((month % 12) / 3)]!;
}

/** Classes of stay length in nights; the last is open. */
export const NIGHT_CLASSES: readonly { from: number; to: number | null }[] = [
  { from: 1, to: 1 },
  { from: 2, to: 3 },
  { from: 4, to: 7 },
  { from: 8, to: 14 },
  { from: 15, to: 21 },
  { from: 22, to: 28 },
  { from: 29, to: 42 },
  { from: 43, to: null },
];

const classOf = (nights: number) => NIGHT_CLASSES.findIndex((range) => nights >= range.from && (range.to === null || nights <= range.to));

export interface SeasonFigure {
  season: Season;
  /** Days of this season in the observed period. */
  days: number;
  requests: number | null;
  /** Requests per week in this season; null when hidden, or when the period holds fewer than 14 days of it. */
  perWeek: number | null;
  suppressed: boolean;
}

export interface NightClassFigure {
  from: number;
  /** null: and longer. */
  to: number | null;
  stays: number | null;
  suppressed: boolean;
}

export interface StayTypeDemand {
  stayType: StayType | 'all';
  /** Stays asked for in the observed period. */
  requests: number | null;
  /** Requests per week on average (requests ÷ observed days × 7). */
  perWeek: number | null;
  /**
   * Variance ÷ mean of the requests per full week: about 1 for random (Poisson) arrivals, above 1 when requests come
   * in bunches, below 1 when they come evenly (fixed rhythms). null with fewer than 4 full weeks, or when hidden.
   */
  dispersion: number | null;
  seasons: SeasonFigure[];
  /** Length of the stays that took place (in the region or outside it). */
  nights: { mean: number | null; median: number | null; p90: number | null; classes: NightClassFigure[] };
  /** Requests less those placed outside the region and those not placed: shown only when all three are. */
  inRegion: number | null;
  outsideRegion: number | null;
  notPlaced: number | null;
  percentOutside: number | null;
  percentNotPlaced: number | null;
  /** Different people who asked. */
  guests: number | null;
  /** People who asked two times or more for this stay type in the period. */
  recurringGuests: number | null;
  percentRecurring: number | null;
  suppressed: boolean;
}

export interface WeekFigure {
  /** The Monday that starts the week. */
  week: IsoDate;
  /** Days of this week inside the observed period (less than 7 at its ends). */
  days: number;
  requests: number | null;
  suppressed: boolean;
}

export interface DemandFigures {
  observed: DateRange & { days: number };
  threshold: number;
  weeks: WeekFigure[];
  stayTypes: StayTypeDemand[];
  total: StayTypeDemand;
}

/** What the planner needs per stay type, unsuppressed; stays on the server. */
export interface PlanningStayType {
  stayType: StayType;
  requests: number;
  /** Mean nights of the stays that took place (or, without any, of those wished for); null when nothing is known. */
  meanNights: number | null;
  /** The nights of each such stay, to draw from. */
  nights: number[];
  /** Every how many days each recurring guest came (observed days ÷ their requests). */
  recurringIntervals: number[];
  /** Requests of one-time guests per day, for each day of a 365-day cycle that starts on the first observed day. */
  oneTimePerDay: number[];
}

export interface PlanningDemand {
  observedDays: number;
  stayTypes: PlanningStayType[];
}

const round2 = (value: number) => Math.round(value * 100) / 100 + 0;
const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 + 0 : null);
const mondayOf = (date: IsoDate) => addDays(date, 1 - isoWeekday(date));
const CYCLE_DAYS = 365;
/** A season seen for fewer days than this gets the one-time guests' overall rate, not a rate from a handful of days. */
const MIN_SEASON_DAYS = 14;
/** With fewer one-time requests than this (about ten a season), a season's count is mostly chance: the rate stays flat. */
const MIN_SEASONAL_REQUESTS = 40;

function seasonDays(observed: DateRange): Map<Season, number> {
  const days = new Map<Season, number>(SEASONS.map((season) => [season, 0]));
  for (let day = observed.from; day < observed.to; day = addDays(day, 1)) days.set(seasonOf(day), days.get(seasonOf(day))! + 1);
  return days;
}

/** The records inside the observed period only; the caller's query may be wider. */
function inPeriod(records: readonly DemandRecord[], observed: DateRange) {
  return records.filter((record) => record.date >= observed.from && record.date < observed.to);
}

const distinct = (records: readonly DemandRecord[]) => new Set(records.map((record) => record.person)).size;

/** The published demand model: aggregates, small cells hidden. */
export function demandFigures(allRecords: readonly DemandRecord[], observed: DateRange, threshold = SMALL_CELL_THRESHOLD): DemandFigures {
  const records = inPeriod(allRecords, observed);
  const days = nightsBetween(observed.from, observed.to);
  const daysOfSeason = seasonDays(observed);
  const seasons = SEASONS.filter((season) => daysOfSeason.get(season)! > 0);
  const types = STAY_TYPES.filter((type) => records.some((record) => record.stayType === type));

  // Every count that is shown is a cell; a relation lists cells whose shown values add up (one minus the others).
  const people: number[] = [];
  const shown: number[] = [];
  const cell = (subset: readonly DemandRecord[], value = subset.length) => {
    people.push(distinct(subset));
    shown.push(value);
    return people.length - 1;
  };
  const relations: number[][] = [];

  interface Cells {
    requests: number;
    seasons: number[];
    classes: number[];
    outside: number;
    notPlaced: number;
    guests: number;
    recurring: number;
  }
  const cellsOf = (subset: readonly DemandRecord[], sameTypeRecurrence: boolean): Cells => {
    const placed = subset.filter((record) => record.outcome !== 'not_placed' && record.nights !== null);
    const counts = new Map<string, number>();
    for (const record of subset) {
      // Across stay types, a guest comes back when they ask twice for the same type.
      const key = sameTypeRecurrence ? `${record.person}|${record.stayType}` : record.person;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const recurringSet = new Set(
      subset
        .filter((record) => counts.get(sameTypeRecurrence ? `${record.person}|${record.stayType}` : record.person)! >= 2)
        .map((record) => record.person),
    );
    const result: Cells = {
      requests: cell(subset),
      seasons: seasons.map((season) => cell(subset.filter((record) => seasonOf(record.date) === season))),
      classes: NIGHT_CLASSES.map((_range, index) => cell(placed.filter((record) => classOf(record.nights!) === index))),
      outside: cell(subset.filter((record) => record.outcome === 'outside_region')),
      notPlaced: cell(subset.filter((record) => record.outcome === 'not_placed')),
      guests: cell(subset, distinct(subset)),
      recurring: cell(
        subset.filter((record) => recurringSet.has(record.person)),
        recurringSet.size,
      ),
    };
    relations.push([...result.seasons, result.requests]);
    // The stays in the length classes are the requests that got a place: requests minus those that got none. (Placed
    // in the region is not shown as a count of its own, so outside the region is in no sum.)
    relations.push([...result.classes, result.notPlaced, result.requests]);
    // Guests who came once are guests minus recurring guests: hiding one of the two must hide the other.
    relations.push([
      result.guests,
      result.recurring,
      cell(
        subset.filter((record) => !recurringSet.has(record.person)),
        distinct(subset) - recurringSet.size,
      ),
    ]);
    return result;
  };

  const byType = types.map((type) =>
    cellsOf(
      records.filter((record) => record.stayType === type),
      false,
    ),
  );
  const total = cellsOf(records, true);
  const weekStarts = [...new Set(allDates(observed).map(mondayOf))];
  const weekCells = weekStarts.map((week) => cell(records.filter((record) => mondayOf(record.date) === week)));
  relations.push([...weekCells, total.requests]);
  relations.push([...byType.map((cells) => cells.requests), total.requests]);
  for (const s of seasons.keys()) relations.push([...byType.map((cells) => cells.seasons[s]!), total.seasons[s]!]);
  for (const c of NIGHT_CLASSES.keys()) relations.push([...byType.map((cells) => cells.classes[c]!), total.classes[c]!]);
  relations.push([...byType.map((cells) => cells.outside), total.outside]);
  relations.push([...byType.map((cells) => cells.notPlaced), total.notPlaced]);

  const hidden = suppressLinked(
    people.map((count) => ({ people: count })),
    relations,
    threshold,
  );
  // Rounded to 5 like every shown count of people (small-cells.ts): two overlapping periods must not differ by 1–4.
  const value = (index: number) => (hidden[index] ? null : roundedCount(shown[index]!));

  const figure = (stayType: StayType | 'all', cells: Cells, subset: readonly DemandRecord[]): StayTypeDemand => {
    const suppressed = hidden[cells.requests]!;
    const placed = subset.filter((record) => record.outcome !== 'not_placed' && record.nights !== null);
    // Lengths of fewer than 5 people's stays are not shown, nor those of a hidden stay type.
    const placedShown = !suppressed && distinct(placed) >= threshold;
    const nights = placed.map((record) => record.nights!);
    const [outsideRegion, notPlaced] = [value(cells.outside), value(cells.notPlaced)];
    const requests = value(cells.requests);
    const guests = value(cells.guests);
    const recurringGuests = value(cells.recurring);
    return {
      stayType,
      requests,
      perWeek: requests === null ? null : round2((requests / days) * 7),
      dispersion: suppressed ? null : dispersionOf(subset, observed),
      seasons: seasons.map((season, s) => {
        const count = value(cells.seasons[s]!);
        const seasonLength = daysOfSeason.get(season)!;
        // A rate over a few days of a season says nothing about the season.
        const perWeek = count === null || seasonLength < MIN_SEASON_DAYS ? null : round2((count / seasonLength) * 7);
        return { season, days: seasonLength, requests: count, perWeek, suppressed: hidden[cells.seasons[s]!]! };
      }),
      nights: {
        mean: placedShown && nights.length > 0 ? round2(mean(nights)) : null,
        median: placedShown && nights.length > 0 ? round2(quantile(nights, 0.5)) : null,
        p90: placedShown && nights.length > 0 ? round2(quantile(nights, 0.9)) : null,
        classes: NIGHT_CLASSES.map((range, c) => ({
          from: range.from,
          to: range.to,
          stays: value(cells.classes[c]!),
          suppressed: hidden[cells.classes[c]!]!,
        })),
      },
      inRegion: requests === null || outsideRegion === null || notPlaced === null ? null : requests - outsideRegion - notPlaced,
      outsideRegion,
      notPlaced,
      percentOutside: outsideRegion === null || requests === null ? null : percentOf(outsideRegion, requests),
      percentNotPlaced: notPlaced === null || requests === null ? null : percentOf(notPlaced, requests),
      guests,
      recurringGuests,
      percentRecurring: guests === null || recurringGuests === null ? null : percentOf(recurringGuests, guests),
      suppressed,
    };
  };

  return {
    observed: { ...observed, days },
    threshold,
    weeks: weekStarts.map((week, index) => ({
      week,
      days: nightsBetween(week < observed.from ? observed.from : week, addDays(week, 7) > observed.to ? observed.to : addDays(week, 7)),
      requests: value(weekCells[index]!),
      suppressed: hidden[weekCells[index]!]!,
    })),
    stayTypes: types.map((type, index) =>
      figure(
        type,
        byType[index]!,
        records.filter((record) => record.stayType === type),
      ),
    ),
    total: figure('all', total, records),
  };
}

function allDates(range: DateRange): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let day = range.from; day < range.to; day = addDays(day, 1)) dates.push(day);
  return dates;
}

/** Variance ÷ mean of requests per full week in the period. */
export function dispersionOf(records: readonly DemandRecord[], observed: DateRange): number | null {
  const firstMonday = addDays(observed.from, (8 - isoWeekday(observed.from)) % 7);
  const weeks: IsoDate[] = [];
  for (let week = firstMonday; addDays(week, 7) <= observed.to; week = addDays(week, 7)) weeks.push(week);
  if (weeks.length < 4) return null;
  const counts = new Map(weeks.map((week) => [week, 0]));
  for (const record of records) {
    const week = mondayOf(record.date);
    if (counts.has(week)) counts.set(week, counts.get(week)! + 1);
  }
  const values = [...counts.values()];
  const average = mean(values);
  if (average === 0) return null;
  const variance = values.reduce((sum, count) => sum + (count - average) ** 2, 0) / (values.length - 1);
  return round2(variance / average);
}

/** The demand as the planner simulates it: recurring guests at their own rhythm, the others at the season's rate. */
export function planningDemand(allRecords: readonly DemandRecord[], observed: DateRange): PlanningDemand {
  const records = inPeriod(allRecords, observed);
  const observedDays = nightsBetween(observed.from, observed.to);
  const daysOfSeason = seasonDays(observed);
  const cycleSeasons = Array.from({ length: CYCLE_DAYS }, (_x, day) => seasonOf(addDays(observed.from, day)));
  const stayTypes = STAY_TYPES.flatMap((stayType): PlanningStayType[] => {
    const ofType = records.filter((record) => record.stayType === stayType);
    if (ofType.length === 0) return [];
    const placed = ofType.filter((record) => record.outcome !== 'not_placed' && record.nights !== null).map((record) => record.nights!);
    const wished = ofType.filter((record) => record.nights !== null).map((record) => record.nights!);
    const nights = placed.length > 0 ? placed : wished;
    const perPerson = relationsBy(ofType, (record) => record.person).map((indexes) => indexes.map((index) => ofType[index]!));
    const recurring = perPerson.filter((requests) => requests.length >= 2);
    const oneTime = perPerson.filter((requests) => requests.length === 1).map((requests) => requests[0]!);
    const overall = oneTime.length / observedDays;
    const seasonRate = new Map(
      SEASONS.map((season) => {
        const seen = daysOfSeason.get(season)!;
        return [
          season,
          seen >= MIN_SEASON_DAYS && oneTime.length >= MIN_SEASONAL_REQUESTS
            ? oneTime.filter((record) => seasonOf(record.date) === season).length / seen
            : overall,
        ];
      }),
    );
    return [
      {
        stayType,
        requests: ofType.length,
        meanNights: nights.length > 0 ? mean(nights) : null,
        nights,
        recurringIntervals: recurring.map((requests) => observedDays / requests.length),
        oneTimePerDay: cycleSeasons.map((season) => seasonRate.get(season)!),
      },
    ];
  });
  return { observedDays, stayTypes };
}

/**
 * The stay type a request without a stay asked for: the latest triage's first advice (after an override); none when
 * triage advised no temporary stay (a hospital, say). Untriaged, its kind decides. An untriaged ELV request counts
 * as high complex, the most common kind of ELV (19 610 of 38 435 in 2018).
 */
export function stayTypeOfRequest(kind: string, wlzProfile: string | null, triaged: readonly StayType[] | null): StayType | null {
  if (triaged !== null) return triaged[0] ?? null;
  switch (kind) {
    case 'respite_once':
    case 'respite_recurring':
    case 'trial_stay':
    case 'couple_stay':
      return 'respite';
    case 'wlz_respite':
      return 'wlz_respite';
    case 'crisis':
      return wlzProfile ? 'crisis_wlz' : 'crisis_wmo';
    case 'elv_after_hospital':
    case 'elv_from_gp':
      return 'elv_high_complex';
    default:
      return null;
  }
}
