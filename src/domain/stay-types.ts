/** The kinds of temporary stay the access point arranges. Codes are stored in the database. */
export const STAY_TYPES = [
  'respite',
  'crisis_wmo',
  'crisis_wlz',
  'elv_low_complex',
  'elv_high_complex',
  'elv_palliative',
  'wlz_respite',
] as const;
export type StayType = (typeof STAY_TYPES)[number];

export const STAY_TYPE_LABELS: Record<StayType, { nl: string; en: string }> = {
  respite: { nl: 'Logeerzorg', en: 'Planned respite stay' },
  crisis_wmo: { nl: 'Crisisopname (Wmo)', en: 'Crisis admission (Wmo)' },
  crisis_wlz: { nl: 'Crisisopname (Wlz)', en: 'Crisis admission (Wlz)' },
  elv_low_complex: { nl: 'ELV laag complex', en: 'Short-term stay, low complexity' },
  elv_high_complex: { nl: 'ELV hoog complex', en: 'Short-term stay, high complexity' },
  elv_palliative: { nl: 'ELV palliatief', en: 'Short-term stay, palliative' },
  wlz_respite: { nl: 'Wlz-logeren', en: 'Respite stay (Wlz)' },
};

export function isStayType(value: string): value is StayType {
  return (STAY_TYPES as readonly string[]).includes(value);
}

/** The part of a unit that decides which stay types it takes. */
export interface StayTypeRule {
  readonly acceptedStayTypes: readonly string[];
  /** Kept for this one stay type (a bed reserved for respite), or null. */
  readonly reservedFor: string | null;
}

/** Why a unit does not take a stay type: not among its types, or kept for another. Null when it takes it. */
export function stayTypeRefusal(unit: StayTypeRule, stayType: string): 'stay_type' | 'reserved' | null {
  if (!unit.acceptedStayTypes.includes(stayType)) return 'stay_type';
  if (unit.reservedFor !== null && unit.reservedFor !== stayType) return 'reserved';
  return null;
}

/**
 * The one rule for "this unit takes this stay type", used by matching, booking, the read model and the public
 * calendar; the SQL twin is `takesStayTypeSql` in data/availability.repository.ts, held to the same answers by the
 * availability tests that compare the read model with SQL.
 */
export function unitTakesStayType(unit: StayTypeRule, stayType: string): boolean {
  return stayTypeRefusal(unit, stayType) === null;
}
