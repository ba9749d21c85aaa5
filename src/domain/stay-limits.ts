import { type DateRange, addDays, nightsBetween } from './dates.ts';

/**
 * The longest temporary stay the access point arranges, in one referral or one stay: half a year. Longer is no
 * temporary stay any more; the Wlz is the route then. A typing error in a year (2207 for 2027) is caught here too.
 */
export const MAX_STAY_NIGHTS = 182;

export function isTooLong(period: DateRange): boolean {
  return nightsBetween(period.from, period.to) > MAX_STAY_NIGHTS;
}

/** The field issue for a period that is too long, named on the field the person changed (the departure by default). */
export function tooLongIssue(field = 'departure') {
  return { field, code: 'stay_too_long', params: { max: MAX_STAY_NIGHTS } } as const;
}

/** The last departure a stay from this arrival may have. */
export function latestDeparture(arrival: string): string {
  return addDays(arrival, MAX_STAY_NIGHTS);
}

export interface Entitlement {
  municipality: string;
  /** The longest Wmo crisis stay the municipality pays, in nights; null: no limit set. */
  crisisMaxNights: number | null;
  /** Wmo respite nights a client has per calendar year; null: no limit set. */
  respiteNightsPerYear: number | null;
}

export type EntitlementWarning =
  | { code: 'crisis_over_maximum'; params: { municipality: string; nights: number; max: number } }
  | { code: 'respite_nights_over_year'; params: { municipality: string; year: number; used: number; planned: number; max: number } };

/** A stay of the client that counts against the yearly respite nights (any that holds or held a place). */
export interface CountedStay {
  stayType: string;
  period: DateRange;
}

/**
 * What a triagist must watch before booking: a Wmo crisis stay longer than the municipality pays for, or respite
 * nights beyond the client's yearly entitlement (counted per calendar year, the nights of the planned stay in that
 * year plus those of the client's other respite stays). Warnings, not refusals: the municipality can decide otherwise.
 */
export function entitlementWarnings(
  entitlement: Entitlement | undefined,
  planned: CountedStay,
  others: readonly CountedStay[],
): EntitlementWarning[] {
  if (!entitlement) return [];
  const warnings: EntitlementWarning[] = [];
  const nights = nightsBetween(planned.period.from, planned.period.to);
  if (planned.stayType === 'crisis_wmo' && entitlement.crisisMaxNights !== null && nights > entitlement.crisisMaxNights) {
    warnings.push({
      code: 'crisis_over_maximum',
      params: { municipality: entitlement.municipality, nights, max: entitlement.crisisMaxNights },
    });
  }
  const max = entitlement.respiteNightsPerYear;
  if (planned.stayType === 'respite' && max !== null) {
    for (const year of yearsOf(planned.period)) {
      const inYear = (stay: CountedStay) => nightsInYear(stay.period, year);
      const used = others.filter((stay) => stay.stayType === 'respite').reduce((sum, stay) => sum + inYear(stay), 0);
      const plannedNights = inYear(planned);
      if (used + plannedNights > max) {
        warnings.push({
          code: 'respite_nights_over_year',
          params: { municipality: entitlement.municipality, year, used, planned: plannedNights, max },
        });
      }
    }
  }
  return warnings;
}

function yearsOf(period: DateRange): number[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(addDays(period.to, -1).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function nightsInYear(period: DateRange, year: number): number {
  const from = period.from > `${year}-01-01` ? period.from : `${year}-01-01`;
  const to = period.to < `${year + 1}-01-01` ? period.to : `${year + 1}-01-01`;
  return to > from ? nightsBetween(from, to) : 0;
}
