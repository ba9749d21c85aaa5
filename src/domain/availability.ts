import { type DateRange, type IsoDate, fromEpochDay, rangesOverlap, toEpochDay } from './dates.ts';

/** What a unit is doing on one night, as the board and public calendar show it. */
/** 'not_admitting': the unit is empty but has no staff (or must not admit for another reason) for now. */
export type DayState = 'free' | 'hold' | 'booked' | 'closed' | 'not_admitting' | 'inactive';

export interface Occupation {
  readonly range: DateRange;
  readonly kind: 'hold' | 'booked' | 'closed' | 'not_admitting';
}

export interface ActivePeriod {
  readonly activeFrom: IsoDate;
  /** Exclusive; null when the unit stays open-ended. */
  readonly activeUntil: IsoDate | null;
}

// When states coincide, the one that matters most to a planner wins: a guest in a closed room is still a guest.
const PRECEDENCE: Record<DayState, number> = { booked: 5, hold: 4, closed: 3, not_admitting: 2, inactive: 1, free: 0 };

export function isActiveThroughout(unit: ActivePeriod, range: DateRange): boolean {
  return unit.activeFrom <= range.from && (unit.activeUntil === null || range.to <= unit.activeUntil);
}

/** One state per night of the window. */
export function dayStates(window: DateRange, unit: ActivePeriod, occupations: readonly Occupation[]): DayState[] {
  const start = toEpochDay(window.from);
  const length = toEpochDay(window.to) - start;
  // Day numbers, not date strings: this runs for every night of every unit a search looks at.
  const activeFrom = toEpochDay(unit.activeFrom) - start;
  const activeUntil = unit.activeUntil === null ? Infinity : toEpochDay(unit.activeUntil) - start;
  const states: DayState[] = [];
  for (let i = 0; i < length; i++) states.push(i >= activeFrom && i < activeUntil ? 'free' : 'inactive');
  for (const occupation of occupations) {
    const from = Math.max(toEpochDay(occupation.range.from), start) - start;
    const to = Math.min(toEpochDay(occupation.range.to), start + length) - start;
    for (let i = from; i < to; i++) {
      if (PRECEDENCE[occupation.kind] > PRECEDENCE[states[i]!]) states[i] = occupation.kind;
    }
  }
  return states;
}

/** The maximal free stretches of a window, given the unit's active period and what occupies it. */
export function freeRanges(window: DateRange, unit: ActivePeriod, occupations: readonly Occupation[]): DateRange[] {
  const states = dayStates(window, unit, occupations);
  const start = toEpochDay(window.from);
  const ranges: DateRange[] = [];
  let runStart: number | null = null;
  for (let i = 0; i <= states.length; i++) {
    const free = i < states.length && states[i] === 'free';
    if (free && runStart === null) runStart = i;
    if (!free && runStart !== null) {
      ranges.push({ from: fromEpochDay(start + runStart), to: fromEpochDay(start + i) });
      runStart = null;
    }
  }
  return ranges;
}

export function isFreeThroughout(window: DateRange, unit: ActivePeriod, occupations: readonly Occupation[]): boolean {
  return isActiveThroughout(unit, window) && !occupations.some((occupation) => rangesOverlap(occupation.range, window));
}
