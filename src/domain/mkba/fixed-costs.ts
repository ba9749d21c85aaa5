import { divideCents } from '../costs.ts';
import { type DateRange, nightsBetween } from '../dates.ts';
import type { FixedCost, FixedCostKind } from './mkba.ts';

/** A cost per year outside the night tariff, as the registry keeps it: staff, coordination or a lump-sum contract. */
export interface YearlyCost {
  readonly kind: FixedCostKind;
  readonly description: string;
  readonly centsPerYear: number;
  /** `validUntil` is exclusive; null: open-ended. */
  readonly validFrom: string;
  readonly validUntil: string | null;
  /** Who pays, in percent; the three add up to 100. */
  readonly shares: { readonly municipality: number; readonly insurer: number; readonly careOffice: number };
}

const daysInYear = (year: number) => nightsBetween(`${year}-01-01`, `${year + 1}-01-01`);

/**
 * The part of a yearly cost that falls in the period: per calendar year, the days of that year in both the period
 * and the cost's validity, as a share of the year's days (so a whole leap year costs one year, not 366/365 of it).
 * Null when nothing falls in the period.
 */
export function costInPeriod(cost: YearlyCost, window: DateRange): FixedCost | null {
  const from = cost.validFrom > window.from ? cost.validFrom : window.from;
  const to = cost.validUntil !== null && cost.validUntil < window.to ? cost.validUntil : window.to;
  if (from >= to) return null;
  let share = 0;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const start = `${year}-01-01` > from ? `${year}-01-01` : from;
    const end = `${year + 1}-01-01` < to ? `${year + 1}-01-01` : to;
    if (start < end) share += nightsBetween(start, end) / daysInYear(year);
  }
  const cents = Math.round(cost.centsPerYear * share);
  const [municipality, insurer, careOffice] = divideCents(cents, [cost.shares.municipality, cost.shares.insurer, cost.shares.careOffice]);
  return {
    kind: cost.kind,
    description: cost.description,
    costsCents: { municipality: municipality!, insurer: insurer!, careOffice: careOffice! },
  };
}
