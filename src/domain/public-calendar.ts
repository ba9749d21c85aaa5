import { type ActivePeriod, type Occupation, dayStates } from './availability.ts';
import { type DateRange, type IsoDate, addDays, nightsBetween } from './dates.ts';
import { STAY_TYPES, type StayType, unitTakesStayType } from './stay-types.ts';

/**
 * The public week calendar of a location: per night and stay type only free, limited or full. Anyone can read it
 * without signing in, so it carries no counts, units or stays: with a few beds an exact count (or a unit's own
 * nights) would let a neighbour tell when a particular guest arrives and leaves.
 */
export const PUBLIC_AVAILABILITY = ['free', 'limited', 'full'] as const;
export type PublicAvailability = (typeof PUBLIC_AVAILABILITY)[number];

export const WEEK_NIGHTS = 7;
/** Bookings are not planned further ahead than this, and a calendar beyond it would only invite scraping. */
export const MAX_DAYS_AHEAD = 365;

/**
 * - full: no place free, whether taken by a guest, held, closed or not in use;
 * - limited: exactly one place free while another is taken: the last place;
 * - free: two or more places free, or the only place a location has for this stay type.
 * A location with one place thus shows free or full; "limited" would wrongly suggest the others are taken.
 */
export function classifyNight(freePlaces: number, places: number): PublicAvailability {
  if (freePlaces <= 0) return 'full';
  if (freePlaces === 1 && places > 1) return 'limited';
  return 'free';
}

/** A unit of the location with what occupies it in the window; only its periods, never whose they are. */
export interface CalendarUnit extends ActivePeriod {
  readonly acceptedStayTypes: readonly string[];
  readonly reservedFor: string | null;
  readonly occupations: readonly Occupation[];
}

export interface StayTypeWeek {
  stayType: StayType;
  /** One per night of the window, in order. */
  days: PublicAvailability[];
}

/**
 * Per stay type that some unit of the location takes while in use during the window, in the fixed order of
 * STAY_TYPES. A unit in use on a night is a place that night; it is free when nothing occupies it.
 */
export function publicCalendar(window: DateRange, units: readonly CalendarUnit[]): StayTypeWeek[] {
  const states = units.map((unit) => dayStates(window, unit, unit.occupations));
  const nights = nightsBetween(window.from, window.to);
  const weeks: StayTypeWeek[] = [];
  for (const stayType of STAY_TYPES) {
    const taking = states.filter((_, i) => unitTakesStayType(units[i]!, stayType));
    if (!taking.some((unitStates) => unitStates.some((state) => state !== 'inactive'))) continue;
    const days: PublicAvailability[] = [];
    for (let night = 0; night < nights; night++) {
      const places = taking.filter((unitStates) => unitStates[night] !== 'inactive').length;
      const free = taking.filter((unitStates) => unitStates[night] === 'free').length;
      days.push(classifyNight(free, places));
    }
    weeks.push({ stayType, days });
  }
  return weeks;
}

export type WeekStartIssue = 'date_in_past' | 'week_too_far';

/** A week may start today at the earliest (the past is of no use to someone booking) and a year ahead at the latest. */
export function weekStartIssue(from: IsoDate, today: IsoDate): WeekStartIssue | null {
  if (from < today) return 'date_in_past';
  if (nightsBetween(today, from) > MAX_DAYS_AHEAD) return 'week_too_far';
  return null;
}

/**
 * The starts of the weeks before and after, within the allowed range, or null at its ends. A week that starts
 * less than seven days from today goes back to today, so the first week is always reachable.
 */
export function neighbouringWeeks(from: IsoDate, today: IsoDate): { previous: IsoDate | null; next: IsoDate | null } {
  const back = addDays(from, -WEEK_NIGHTS);
  const forward = addDays(from, WEEK_NIGHTS);
  return {
    previous: from <= today ? null : back < today ? today : back,
    next: weekStartIssue(forward, today) === null ? forward : null,
  };
}

export function weekOf(from: IsoDate): DateRange {
  return { from, to: addDays(from, WEEK_NIGHTS) };
}

/** How far ahead the month view goes: the month of today and the twelve after it. */
export const MAX_MONTHS_AHEAD = 12;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOfIndex = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The nights of a calendar month (YYYY-MM) still to come: from today in the current month, from the first otherwise,
 * to the first of the next month; with the months before and after within the range, or null at its ends.
 */
export function monthView(
  month: string,
  today: IsoDate,
): { window: DateRange; previous: string | null; next: string | null } | 'date_in_past' | 'month_too_far' {
  const offset = monthIndex(month) - monthIndex(today);
  if (offset < 0) return 'date_in_past';
  if (offset > MAX_MONTHS_AHEAD) return 'month_too_far';
  const first = `${month}-01`;
  return {
    window: { from: offset === 0 ? today : first, to: `${monthOfIndex(monthIndex(month) + 1)}-01` },
    previous: offset === 0 ? null : monthOfIndex(monthIndex(month) - 1),
    next: offset === MAX_MONTHS_AHEAD ? null : monthOfIndex(monthIndex(month) + 1),
  };
}
