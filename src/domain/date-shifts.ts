import { type DateRange, addDays, rangesOverlap } from './dates.ts';
import { type ActivePeriod, type Occupation, isFreeThroughout } from './availability.ts';

/**
 * When the wished dates are taken on a unit, the nearest periods of the same length on that unit, later first at
 * equal distance (a planned stay is more often postponed than brought forward). The periods offered do not overlap
 * each other: "the 12th or the 13th" is one option, not two.
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
      if (found.some((offered) => rangesOverlap(offered, candidate))) continue;
      if (isFreeThroughout(candidate, unit, occupations)) found.push(candidate);
    }
  }
  return found;
}
