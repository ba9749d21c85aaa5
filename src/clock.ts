import { type IsoDate, isIsoDate, todayIso } from './domain/dates.ts';

/**
 * The app's one source of the current time. Every rule that depends on "now" (a hold's expiry, an offer's deadline,
 * tomorrow's arrivals, a date in the past, the demo year) asks the clock it was given, never `new Date()` or the
 * database's `now()`, so a demo or a test run can be set on another day as a whole.
 */
export interface Clock {
  now(): Date;
  /** The calendar date in the Netherlands (Europe/Amsterdam), which is not the UTC date between midnight and 1 or 2 a.m. */
  today(): IsoDate;
}

function clockOf(now: () => Date): Clock {
  return { now, today: () => todayIso(now()) };
}

export const systemClock: Clock = clockOf(() => new Date());

/**
 * A clock that starts at `start` and runs on at real speed from there, so that holds still lapse and timers still
 * fire: for demos and test runs on a chosen day.
 */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return clockOf(() => new Date(realNow() + offset));
}

/** A clock that stands still: for unit tests of a rule at one exact moment. */
export function fixedClock(at: Date): Clock {
  return clockOf(() => new Date(at.getTime()));
}

// An instant with its offset from UTC: a local time without one would be ambiguous on the night clocks go back.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses ADEMPAUZE_NOW ("2027-03-31T23:30:00+02:00"); a wrong value is an error, never silently today. */
export function parseClockStart(value: string): Date {
  const at = new Date(value);
  if (!INSTANT.test(value) || !isIsoDate(value.slice(0, 10)) || Number.isNaN(at.getTime())) {
    throw new Error(`ADEMPAUZE_NOW must be a date and time with its offset, such as 2027-03-31T23:30:00+02:00 (got "${value}")`);
  }
  return at;
}

/** The system clock, or with ADEMPAUZE_NOW set a clock that starts at that moment. */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env.ADEMPAUZE_NOW;
  return start ? clockStartingAt(parseClockStart(start)) : systemClock;
}

let current: Clock | undefined;

/**
 * The clock of this process, made from ADEMPAUZE_NOW on first use: the app, its jobs and the tests in one process
 * all read the same one. A test of a rule at one exact moment swaps it with `setAppClock` and puts the old one back.
 */
export function appClock(): Clock {
  current ??= clockFromEnvironment();
  return current;
}

export function setAppClock(clock: Clock): Clock {
  const previous = appClock();
  current = clock;
  return previous;
}
