/** A tariff or co-payment rule is valid from a first day up to (not including) `validUntil`; null: until further notice. */
export interface ValidityPeriod {
  readonly id: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
}

export interface PeriodPlan {
  /** Open-ended periods that the new one takes over from: they end on the new period's first day. */
  readonly close: readonly { id: string; until: string }[];
  /** Periods the new one overlaps otherwise: the caller must change them first. */
  readonly conflicts: readonly ValidityPeriod[];
}

export function periodsOverlap(a: Omit<ValidityPeriod, 'id'>, b: Omit<ValidityPeriod, 'id'>): boolean {
  return a.validFrom < (b.validUntil ?? '9999-12-31') && b.validFrom < (a.validUntil ?? '9999-12-31');
}

/**
 * "A new tariff from 1 January": the price that runs until further notice ends the day the new one starts, so a
 * provider never has to end the old one first. Anything else that overlaps is a real conflict (two prices for one
 * night), which the database refuses as well.
 */
export function planNewPeriod(existing: readonly ValidityPeriod[], next: Omit<ValidityPeriod, 'id'>): PeriodPlan {
  const close: { id: string; until: string }[] = [];
  const conflicts: ValidityPeriod[] = [];
  for (const period of existing) {
    if (!periodsOverlap(period, next)) continue;
    if (period.validUntil === null && period.validFrom < next.validFrom) close.push({ id: period.id, until: next.validFrom });
    else conflicts.push(period);
  }
  return { close, conflicts };
}
