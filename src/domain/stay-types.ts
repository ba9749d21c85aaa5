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
