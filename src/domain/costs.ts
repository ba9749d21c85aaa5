import { addDays, nightsBetween } from './dates.ts';
import { type StayType, isStayType } from './stay-types.ts';

/**
 * What a stay costs and who pays which part. Each night is priced by the tariff valid on that night (a stay can
 * cross a tariff change), split into housing, stay and care. The financier follows the stay type (Wmo for respite
 * and Wmo crisis, Zvw for ELV, Wlz for Wlz stays); the municipality's co-payment (eigen bijdrage) is paid by the
 * client out of the Wmo part. Two fair-share splits from the pilots can replace the route: equal thirds between
 * Wmo, Zvw and Wlz, or the stay components to the Wmo and the care component to the Zvw.
 */
export type Financier = 'wmo' | 'zvw' | 'wlz' | 'client';
export type SplitMode = 'by_route' | 'equal_thirds' | 'stay_wmo_care_zvw';

export interface TariffPeriod {
  validFrom: string;
  validUntil: string | null;
  housingCents: number;
  stayCents: number;
  careCents: number;
}

export interface CoPaymentRule {
  validFrom: string;
  validUntil: string | null;
  centsPerNight: number;
}

export interface CostLine {
  financier: Financier;
  /** YYYY-MM of the nights, so claims can be made per month. */
  month: string;
  nights: number;
  cents: number;
}

export type CostResult = { ok: true; lines: CostLine[]; totalCents: number } | { ok: false; nightsWithoutTariff: string[] };

const ROUTE: Record<StayType, 'wmo' | 'zvw' | 'wlz'> = {
  respite: 'wmo',
  crisis_wmo: 'wmo',
  crisis_wlz: 'wlz',
  wlz_respite: 'wlz',
  elv_low_complex: 'zvw',
  elv_high_complex: 'zvw',
  elv_palliative: 'zvw',
};

/** Who pays a stay type. An unknown type is a programming error: it must not silently fall to the municipality. */
export function financierOf(stayType: string): 'wmo' | 'zvw' | 'wlz' {
  if (!isStayType(stayType)) throw new Error(`No financier for the unknown stay type "${stayType}"`);
  return ROUTE[stayType];
}

export function validOn<T extends { validFrom: string; validUntil: string | null }>(periods: readonly T[], night: string): T | undefined {
  return periods.find((period) => period.validFrom <= night && (period.validUntil === null || night < period.validUntil));
}

/** Whole cents divided into parts by weights, the remainder to the largest fractions, so the parts add up exactly. */
export function divideCents(cents: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (cents * weight) / total);
  const parts = exact.map(Math.floor);
  let remainder = cents - parts.reduce((sum, part) => sum + part, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder === 0) break;
    parts[index]! += 1;
    remainder -= 1;
  }
  return parts;
}

/** The cost lines of one night, by financier. */
function nightShares(stayType: string, tariff: TariffPeriod, coPaymentCents: number, mode: SplitMode): Partial<Record<Financier, number>> {
  const stayPart = tariff.housingCents + tariff.stayCents;
  const total = stayPart + tariff.careCents;
  let shares: Partial<Record<Financier, number>>;
  if (mode === 'equal_thirds') {
    const [wmo, zvw, wlz] = divideCents(total, [1, 1, 1]);
    shares = { wmo: wmo!, zvw: zvw!, wlz: wlz! };
  } else if (mode === 'stay_wmo_care_zvw') {
    shares = { wmo: stayPart, zvw: tariff.careCents };
  } else {
    const route = financierOf(stayType);
    // Under the Wmo the municipality pays the stay; nursing during it is claimed from the health insurer.
    shares = route === 'wmo' ? { wmo: stayPart, zvw: tariff.careCents } : { [route]: total };
  }
  const fromWmo = Math.min(coPaymentCents, shares.wmo ?? 0);
  if (fromWmo > 0) {
    shares.wmo = shares.wmo! - fromWmo;
    shares.client = fromWmo;
  }
  return shares;
}

export function stayCosts(
  stay: { stayType: string; arrival: string; departure: string },
  tariffs: readonly TariffPeriod[],
  coPayments: readonly CoPaymentRule[],
  mode: SplitMode = 'by_route',
): CostResult {
  const lines = new Map<string, CostLine>();
  const missing: string[] = [];
  const nights = nightsBetween(stay.arrival, stay.departure);
  for (let i = 0; i < nights; i++) {
    const night = addDays(stay.arrival, i);
    const tariff = validOn(tariffs, night);
    if (!tariff) {
      missing.push(night);
      continue;
    }
    // The co-payment is a Wmo rule: it applies to Wmo stays only, whatever the split between financiers.
    const coPayment = financierOf(stay.stayType) === 'wmo' ? (validOn(coPayments, night)?.centsPerNight ?? 0) : 0;
    const month = night.slice(0, 7);
    for (const [financier, cents] of Object.entries(nightShares(stay.stayType, tariff, coPayment, mode)) as [Financier, number][]) {
      if (cents === 0) continue;
      const key = `${financier}|${month}`;
      const line = lines.get(key) ?? { financier, month, nights: 0, cents: 0 };
      line.nights += 1;
      line.cents += cents;
      lines.set(key, line);
    }
  }
  if (missing.length > 0) return { ok: false, nightsWithoutTariff: missing };
  const sorted = [...lines.values()].sort((a, b) => a.month.localeCompare(b.month) || a.financier.localeCompare(b.financier));
  return { ok: true, lines: sorted, totalCents: sorted.reduce((sum, line) => sum + line.cents, 0) };
}
