/**
 * Recurring ("structural") respite stays: a series is an RFC 5545 RRULE plus a first arrival date
 * and a fixed number of nights per stay. `expandSeries` turns it into concrete stays, or explains
 * why it cannot. Pure: no I/O, no clock, no dependence on the process time zone.
 *
 * Decisions:
 * - Occurrences are exactly what the rule generates from DTSTART = firstArrival (rrule.js
 *   semantics). firstArrival is NOT added as an extra first stay when it does not match the rule:
 *   "FREQ=WEEKLY;BYDAY=MO" starting on a Wednesday starts on the following Monday. (RFC 5545 would
 *   count DTSTART as an instance anyway; for bookings a surprise extra stay is worse than a
 *   first stay that is later than the entered date, and the caller sees the real first arrival.)
 * - Dates are floating: firstArrival is midnight UTC and every occurrence is read back in UTC, so a
 *   daylight-saving change or the server's TZ can never move a stay to another date.
 * - Month days that do not exist are skipped, not clamped (RFC 5545): "FREQ=MONTHLY" from the 31st
 *   gives only months with 31 days.
 * - Only whole-day rules are accepted: FREQ DAILY/WEEKLY/MONTHLY/YEARLY; BYHOUR/BYMINUTE/BYSECOND,
 *   DTSTART/TZID inside the rule text (firstArrival carries the start), rrule.js extensions
 *   (BYEASTER) and combinations RFC 5545 forbids are rejected as 'invalid_rrule'.
 * - UNTIL is inclusive and read as a date; a time part (with or without Z) is ignored, because every
 *   occurrence starts at midnight of its date.
 * - COUNT above maxOccurrences is rejected up front, before any expansion.
 */
import rrulePkg from 'rrule';
import type { Options, Weekday } from 'rrule';
import { addDays, fromEpochDay, isIsoDate, toEpochDay, type IsoDate } from './dates.ts';

// rrule 2.8.1 ships CommonJS as its Node entry point (no "exports", no "type": "module"), so Node's
// ESM loader cannot see named exports: `import { RRule } from 'rrule'` throws a SyntaxError at load
// time. The default import is module.exports, which tsc (nodenext) types correctly.
const { RRule } = rrulePkg;

export interface SeriesSpec {
  /** An RRULE value such as "FREQ=MONTHLY;COUNT=6", with or without the "RRULE:" prefix. */
  rrule: string;
  /** DTSTART of the rule, as a floating date. */
  firstArrival: IsoDate;
  /** Length of every stay, 1..90. */
  nights: number;
}

export interface SeriesLimits {
  /** Default 104 (two years of weekly stays). */
  maxOccurrences?: number;
  /** No stay may arrive more than this many days after firstArrival. Default 731. */
  maxHorizonDays?: number;
}

export interface SeriesOccurrence {
  arrival: IsoDate;
  /** Exclusive, as everywhere: arrival + nights. */
  departure: IsoDate;
}

export type SeriesProblemCode =
  | 'invalid_rrule'
  | 'unbounded'
  | 'too_many'
  | 'too_far'
  | 'overlapping_occurrences'
  | 'invalid_nights'
  | 'no_occurrences';

export interface SeriesProblem {
  code: SeriesProblemCode;
  field: 'rrule' | 'nights' | 'firstArrival';
  /** English, for logs; the HTTP layer translates the code. */
  detail: string;
}

export type SeriesResult = { ok: true; occurrences: SeriesOccurrence[] } | { ok: false; problem: SeriesProblem };

export const DEFAULT_MAX_OCCURRENCES = 104;
export const DEFAULT_MAX_HORIZON_DAYS = 731;
export const MAX_NIGHTS = 90;

/**
 * How far past the horizon a sparse rule is followed to tell 'too_far' (it does yield stays, just
 * too late) from 'no_occurrences'. 28 years covers every weekday/leap-year combination of a century.
 */
const SCAN_BEYOND_HORIZON_DAYS = 28 * 366;

export function expandSeries(spec: SeriesSpec, limits: SeriesLimits = {}): SeriesResult {
  const maxOccurrences = limits.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
  const maxHorizonDays = limits.maxHorizonDays ?? DEFAULT_MAX_HORIZON_DAYS;
  if (!Number.isSafeInteger(maxOccurrences) || maxOccurrences < 1) {
    throw new RangeError(`maxOccurrences must be a positive integer, got ${maxOccurrences}`);
  }
  if (!Number.isSafeInteger(maxHorizonDays) || maxHorizonDays < 0) {
    throw new RangeError(`maxHorizonDays must be a non-negative integer, got ${maxHorizonDays}`);
  }

  if (typeof spec.firstArrival !== 'string' || !isIsoDate(spec.firstArrival)) {
    return problem('invalid_rrule', 'firstArrival', `firstArrival must be an ISO date (YYYY-MM-DD), got ${String(spec.firstArrival)}`);
  }
  if (!Number.isInteger(spec.nights) || spec.nights < 1 || spec.nights > MAX_NIGHTS) {
    return problem('invalid_nights', 'nights', `nights must be an integer from 1 to ${MAX_NIGHTS}, got ${String(spec.nights)}`);
  }

  const parsed = parseRrule(spec.rrule);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const rule = parsed.rule;
  if (rule.count === undefined && rule.until === undefined) {
    return problem('unbounded', 'rrule', 'the rule has neither COUNT nor UNTIL, so it never ends');
  }
  if (rule.count !== undefined && rule.count > maxOccurrences) {
    return problem('too_many', 'rrule', `COUNT=${rule.count} exceeds the maximum of ${maxOccurrences} stays`);
  }

  const startDay = toEpochDay(spec.firstArrival);
  const lastAllowedDay = startDay + maxHorizonDays;
  const scan = scanRule(rule, startDay, lastAllowedDay, maxOccurrences);
  const arrivals = scan.arrivals;

  if (scan.end === 'too_many') {
    return problem('too_many', 'rrule', `the rule yields more than ${maxOccurrences} stays`);
  }
  if (scan.end === 'too_far') {
    return problem(
      'too_far',
      'rrule',
      `a stay would arrive on ${fromEpochDay(scan.beyondDay)}, more than ${maxHorizonDays} days after ${spec.firstArrival}`,
    );
  }
  // When the scan budget ran out, every stay before scan.coveredUntilDay is known; with an UNTIL
  // before that day there can be no more.
  const coveredUntilDay = scan.end === 'budget' ? scan.coveredUntilDay : Infinity;
  const exhausted = scan.end === 'complete' || (rule.until !== undefined && toEpochDay(rule.until) < coveredUntilDay);
  if (arrivals.length === 0) {
    const window = exhausted ? '' : ` within ${coveredUntilDay - startDay} days`;
    return problem('no_occurrences', 'rrule', `the rule yields no stay${window} from ${spec.firstArrival}`);
  }
  // A natural end before COUNT is reached is rrule.js giving up at year 9999.
  const complete = exhausted && (rule.count === undefined || arrivals.length === rule.count);
  if (!complete) {
    return problem(
      'too_far',
      'rrule',
      rule.count !== undefined
        ? `only ${arrivals.length} of COUNT=${rule.count} stays arrive within ${maxHorizonDays} days after ${spec.firstArrival}`
        : `the rule runs until ${rule.until} and may continue more than ${maxHorizonDays} days after ${spec.firstArrival}`,
    );
  }

  for (let i = 1; i < arrivals.length; i++) {
    const previous = arrivals[i - 1]!;
    const next = arrivals[i]!;
    if (previous + spec.nights > next) {
      return problem(
        'overlapping_occurrences',
        'nights',
        `the stay arriving ${fromEpochDay(previous)} (${spec.nights} nights) overlaps the stay arriving ${fromEpochDay(next)}`,
      );
    }
  }

  return {
    ok: true,
    occurrences: arrivals.map((day) => {
      const arrival = fromEpochDay(day);
      return { arrival, departure: addDays(arrival, spec.nights) };
    }),
  };
}

function problem(code: SeriesProblemCode, field: SeriesProblem['field'], detail: string): SeriesResult {
  return { ok: false, problem: { code, field, detail } };
}

// ---------------------------------------------------------------------------------------------
// Parsing: strict, because rrule.js's own parser silently accepts garbage (FREQ=FOO, COUNT=abc).

type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
type WeekdayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

interface ParsedRule {
  freq: Freq;
  interval: number;
  count?: number;
  until?: IsoDate;
  byday?: { weekday: WeekdayCode; nth?: number }[];
  bymonthday?: number[];
  bymonth?: number[];
  byyearday?: number[];
  byweekno?: number[];
  bysetpos?: number[];
  wkst?: WeekdayCode;
}

type ParseResult = { ok: true; rule: ParsedRule } | { ok: false; problem: SeriesProblem };

const FREQS: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const SUB_DAILY_FREQS: readonly string[] = ['HOURLY', 'MINUTELY', 'SECONDLY'];
const WEEKDAY_CODES: readonly string[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const BYDAY_ITEM = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

function invalid(detail: string): ParseResult {
  return { ok: false, problem: { code: 'invalid_rrule', field: 'rrule', detail } };
}

function parseRrule(text: unknown): ParseResult {
  if (typeof text !== 'string') return invalid('the rule must be a string');
  const value = text.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|TZID/i.test(value)) {
    return invalid('DTSTART/TZID must not be part of the rule; firstArrival is the start date');
  }
  if (/[\r\n:]/.test(value)) return invalid('only a single RRULE value is accepted');
  if (value === '') return invalid('the rule is empty');

  const seen = new Set<string>();
  const rule: Partial<ParsedRule> = {};
  for (const part of value.split(';')) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(part);
    if (!match) return invalid(`malformed rule part "${part}"`);
    const key = match[1]!.toUpperCase();
    const raw = match[2]!.toUpperCase();
    if (seen.has(key)) return invalid(`${key} appears more than once`);
    seen.add(key);

    switch (key) {
      case 'FREQ':
        if (SUB_DAILY_FREQS.includes(raw)) return invalid(`FREQ=${raw} is not supported: stays are whole days`);
        if (!FREQS.includes(raw)) return invalid(`unknown FREQ "${raw}"`);
        rule.freq = raw as Freq;
        break;
      case 'INTERVAL':
      case 'COUNT': {
        const n = /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
        if (n < 1) return invalid(`${key} must be a positive integer, got "${raw}"`);
        if (key === 'INTERVAL') rule.interval = n;
        else rule.count = n;
        break;
      }
      case 'UNTIL': {
        const m = UNTIL_VALUE.exec(raw);
        const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
        const timeOk = !m || m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 61);
        if (!m || !isIsoDate(date) || !timeOk) return invalid(`UNTIL must be a date like 20271231, got "${raw}"`);
        rule.until = date;
        break;
      }
      case 'BYDAY': {
        const days: NonNullable<ParsedRule['byday']> = [];
        for (const item of raw.split(',')) {
          const m = BYDAY_ITEM.exec(item);
          const nth = m?.[1] === undefined ? undefined : Number(m[1]);
          if (!m || (nth !== undefined && (nth === 0 || Math.abs(nth) > 53))) return invalid(`invalid BYDAY value "${item}"`);
          days.push(nth === undefined ? { weekday: m[2] as WeekdayCode } : { weekday: m[2] as WeekdayCode, nth });
        }
        rule.byday = days;
        break;
      }
      case 'BYMONTHDAY':
      case 'BYMONTH':
      case 'BYYEARDAY':
      case 'BYWEEKNO':
      case 'BYSETPOS': {
        const [max, signed] = NUMBER_LISTS[key];
        const list = parseIntList(raw, max, signed);
        if (!list) return invalid(`invalid ${key} value "${raw}"`);
        if (key === 'BYMONTHDAY') rule.bymonthday = list;
        else if (key === 'BYMONTH') rule.bymonth = list;
        else if (key === 'BYYEARDAY') rule.byyearday = list;
        else if (key === 'BYWEEKNO') rule.byweekno = list;
        else rule.bysetpos = list;
        break;
      }
      case 'WKST':
        if (!WEEKDAY_CODES.includes(raw)) return invalid(`invalid WKST "${raw}"`);
        rule.wkst = raw as WeekdayCode;
        break;
      case 'BYHOUR':
      case 'BYMINUTE':
      case 'BYSECOND':
        return invalid(`${key} is not supported: stays are whole days`);
      default:
        return invalid(`unsupported rule part ${key}`);
    }
  }

  const freq = rule.freq;
  if (freq === undefined) return invalid('FREQ is required');
  // Combinations RFC 5545 forbids; rrule.js would silently reinterpret some of them.
  if (rule.count !== undefined && rule.until !== undefined) return invalid('COUNT and UNTIL must not both be given');
  if (rule.byday?.some((d) => d.nth !== undefined) && !(freq === 'MONTHLY' || (freq === 'YEARLY' && !rule.byweekno))) {
    return invalid('a numbered BYDAY (like 1FR) is only allowed with FREQ=MONTHLY or YEARLY without BYWEEKNO');
  }
  if (rule.bymonthday && freq === 'WEEKLY') return invalid('BYMONTHDAY is not allowed with FREQ=WEEKLY');
  if (rule.byyearday && freq !== 'YEARLY') return invalid('BYYEARDAY is only allowed with FREQ=YEARLY');
  if (rule.byweekno && freq !== 'YEARLY') return invalid('BYWEEKNO is only allowed with FREQ=YEARLY');
  if (rule.bysetpos && !(rule.byday || rule.bymonthday || rule.bymonth || rule.byyearday || rule.byweekno)) {
    return invalid('BYSETPOS needs another BYxxx part to select from');
  }
  return { ok: true, rule: { ...rule, freq, interval: rule.interval ?? 1 } };
}

/** [largest absolute value, whether negative values are allowed]. Zero is never allowed. */
const NUMBER_LISTS = {
  BYMONTHDAY: [31, true],
  BYMONTH: [12, false],
  BYYEARDAY: [366, true],
  BYWEEKNO: [53, true],
  BYSETPOS: [366, true],
} as const;

function parseIntList(raw: string, max: number, signed: boolean): number[] | undefined {
  const list: number[] = [];
  for (const item of raw.split(',')) {
    if (!(signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(item)) return undefined;
    const n = Number(item);
    if (n === 0 || Math.abs(n) > max) return undefined;
    list.push(n);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Expansion with rrule.js, with a hard bound on the work done.

type ScanResult =
  | { end: 'too_many'; arrivals: number[] }
  | { end: 'too_far'; arrivals: number[]; beyondDay: number }
  | { end: 'complete'; arrivals: number[] }
  | { end: 'budget'; arrivals: number[]; coveredUntilDay: number };

class ScanBudgetExhausted extends Error {}

const DAY_MS = 86_400_000;
/** Lower bound of one FREQ step in days, to turn a number of days into a number of periods. */
const MIN_PERIOD_DAYS: Record<Freq, number> = { DAILY: 1, WEEKLY: 7, MONTHLY: 28, YEARLY: 365 };

/**
 * Collects arrival days (epoch days) up to the first one past lastAllowedDay or past maxOccurrences.
 *
 * rrule.js 2.8.1 checks COUNT and UNTIL only when a date matches, so a rule whose parts never (or
 * rarely) match, e.g. "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20290101", iterates day by day up to
 * year 9999: 6-8 seconds of CPU. The library offers no way to stop a scan between matches, so the
 * number of periods is bounded through the parsed options: its iterator reads `options.interval`
 * once when it starts and twice per period (the "interval === 0" check and DateTime.add), and a
 * getter that throws after the budget ends the scan. Should a later rrule version stop reading it
 * there, results stay correct, only unbounded in time again (series.test.ts has a timing test).
 */
function scanRule(rule: ParsedRule, startDay: number, lastAllowedDay: number, maxOccurrences: number): ScanResult {
  const rrule = new RRule(toRruleOptions(rule, startDay), true);

  const coveredUntilDay = lastAllowedDay + 1 + SCAN_BEYOND_HORIZON_DAYS;
  // +2: the first period may start before firstArrival (week, month or year start) and rounding.
  const periods = Math.ceil((coveredUntilDay - startDay) / (rule.interval * MIN_PERIOD_DAYS[rule.freq])) + 2;
  const maxReads = 1 + 2 * periods;
  let reads = 0;
  const interval = rrule.options.interval;
  Object.defineProperty(rrule.options, 'interval', {
    configurable: true,
    enumerable: true,
    get() {
      if (++reads > maxReads) throw new ScanBudgetExhausted();
      return interval;
    },
  });

  const arrivals: number[] = [];
  let stop: { end: 'too_many' } | { end: 'too_far'; beyondDay: number } | undefined;
  try {
    rrule.all((date) => {
      const day = Math.round(date.getTime() / DAY_MS);
      if (day > lastAllowedDay) {
        stop = { end: 'too_far', beyondDay: day };
        return false;
      }
      if (arrivals.length === maxOccurrences) {
        stop = { end: 'too_many' };
        return false;
      }
      arrivals.push(day);
      return true;
    });
  } catch (error) {
    if (!(error instanceof ScanBudgetExhausted)) throw error;
    return { end: 'budget', arrivals, coveredUntilDay };
  }
  return stop ? { ...stop, arrivals } : { end: 'complete', arrivals };
}

function toRruleOptions(rule: ParsedRule, startDay: number): Partial<Options> {
  // Only set what the rule has: rrule.js derives defaults from DTSTART (the weekday for WEEKLY, the
  // month day for MONTHLY) only when byweekday is null, and an empty array would disable that.
  const options: Partial<Options> = {
    freq: FREQ_VALUES[rule.freq],
    dtstart: new Date(startDay * DAY_MS),
    interval: rule.interval,
    tzid: null,
  };
  if (rule.count !== undefined) options.count = rule.count;
  if (rule.until !== undefined) options.until = new Date(toEpochDay(rule.until) * DAY_MS);
  if (rule.byday) options.byweekday = rule.byday.map((d) => (d.nth === undefined ? WEEKDAYS[d.weekday] : WEEKDAYS[d.weekday].nth(d.nth)));
  if (rule.bymonthday) options.bymonthday = rule.bymonthday;
  if (rule.bymonth) options.bymonth = rule.bymonth;
  if (rule.byyearday) options.byyearday = rule.byyearday;
  if (rule.byweekno) options.byweekno = rule.byweekno;
  if (rule.bysetpos) options.bysetpos = rule.bysetpos;
  if (rule.wkst) options.wkst = WEEKDAYS[rule.wkst];
  return options;
}

const FREQ_VALUES: Record<Freq, Options['freq']> = {
  DAILY: RRule.DAILY,
  WEEKLY: RRule.WEEKLY,
  MONTHLY: RRule.MONTHLY,
  YEARLY: RRule.YEARLY,
};

const WEEKDAYS: Record<WeekdayCode, Weekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};
