import { type TariffPeriod, validOn } from './costs.ts';
import { type DateRange, addDays, nightsBetween } from './dates.ts';

/**
 * What keeping a bed available costs: every night of the window at the tariff valid that night (housing, stay and
 * care), whether anyone sleeps in it or not. A reserved bed is paid for when it stands empty (004 §7: the Hoeksche
 * Waard paid 365 nights of its one respite bed). The MKBA counts the region's reserved beds with it, and the
 * capacity planner prices "one more reserved bed" with it, so both pages give the same figure for the same bed.
 */
export interface BedCost {
  readonly nights: number;
  /** The nights that had a tariff, priced. */
  readonly cents: number;
  /** Nights without a valid tariff: not priced, named so a total that lacks them is not taken for complete. */
  readonly nightsWithoutTariff: number;
}

export const nightlyCents = (tariff: TariffPeriod) => tariff.housingCents + tariff.stayCents + tariff.careCents;

/** `paidElsewhere`: nights another arrangement pays for (a contract's lump sum); they are left out. */
export function bedCost(
  tariffs: readonly TariffPeriod[],
  window: DateRange,
  paidElsewhere: (night: string) => boolean = () => false,
): BedCost {
  let [nights, cents, nightsWithoutTariff] = [0, 0, 0];
  for (let index = 0; index < nightsBetween(window.from, window.to); index++) {
    const night = addDays(window.from, index);
    if (paidElsewhere(night)) continue;
    nights += 1;
    const tariff = validOn(tariffs, night);
    if (tariff) cents += nightlyCents(tariff);
    else nightsWithoutTariff += 1;
  }
  return { nights, cents, nightsWithoutTariff };
}

/** A year of one bed at one price per night. */
export const bedYearCents = (centsPerNight: number, nights = 365) => centsPerNight * nights;

/**
 * The region's price of "one more reserved bed" for a year: the middle of its locations' bed-years (the mean of the
 * two middle ones for an even number, to the cent), over the locations whose tariff covers the whole year.
 */
export function typicalBedYear(costs: readonly BedCost[]): { cents: number; locations: number } | null {
  const priced = costs
    .filter((cost) => cost.nightsWithoutTariff === 0 && cost.nights > 0)
    .map((cost) => cost.cents)
    .sort((a, b) => a - b);
  if (priced.length === 0) return null;
  const middle = Math.floor(priced.length / 2);
  const cents = priced.length % 2 === 1 ? priced[middle]! : Math.round((priced[middle - 1]! + priced[middle]!) / 2);
  return { cents, locations: priced.length };
}
