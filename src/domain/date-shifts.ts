import { type DateRange, addDays } from './dates.ts';
import { type ActivePeriod, type Occupation, isFreeThroughout } from './availability.ts';

/**
 * When the wished dates are taken on a unit, the nearest periods of the same length on that unit, alternating
 * later and earlier (later first: a planned stay is more often postponed than brought forward).
 */
export function nearestFreeShifts(
  wished: DateRange,
  unit: ActivePeriod,
  occupations: readonly Occupation[],
  options: { maxShiftDays: number; limit: number; earliest: string },
): DateRange[] {
  const found: DateRange[] = [];
  for (let shift = 1; shift <= options.maxShiftDays && found.length < options.limit; shift++) {
    for (const days of [shift, -shift]) {
      const candidate = { from: addDays(wished.from, days), to: addDays(wished.to, days) };
      if (candidate.from < options.earliest || found.length >= options.limit) continue;
      if (isFreeThroughout(candidate, unit, occupations)) found.push(candidate);
    }
  }
  return found;
}
