import { type IsoDate, addDays } from './dates.ts';
import { type PublicAvailability, WEEK_NIGHTS } from './public-calendar.ts';

/**
 * "Is there room in that week?" at a glance, for a caregiver comparing places near home: full when no night has a
 * place, free when every night has two or more (or the only one), limited otherwise. Coarser than the week calendar,
 * which the location's own page shows night by night.
 */
export function weekGlance(nights: readonly PublicAvailability[]): PublicAvailability {
  if (nights.every((night) => night === 'full')) return 'full';
  if (nights.every((night) => night === 'free')) return 'free';
  return 'limited';
}

/** The nights of a window of whole weeks from `from`, cut into weeks, each at a glance. */
export function weeksAtAGlance(
  from: IsoDate,
  nights: readonly PublicAvailability[],
): { from: IsoDate; availability: PublicAvailability }[] {
  const weeks: { from: IsoDate; availability: PublicAvailability }[] = [];
  for (let start = 0; start + WEEK_NIGHTS <= nights.length; start += WEEK_NIGHTS) {
    weeks.push({ from: addDays(from, start), availability: weekGlance(nights.slice(start, start + WEEK_NIGHTS)) });
  }
  return weeks;
}
