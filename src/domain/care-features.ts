/** What a location or a single unit can offer. Matching requires every feature the guest needs. */
export const CARE_FEATURES = [
  'secured_unit',
  'nursing_24h',
  'dementia_specialised',
  'wheelchair_accessible',
  'hoist_accessible',
  'couple_room',
] as const;
export type CareFeature = (typeof CARE_FEATURES)[number];

export const CARE_FEATURE_LABELS: Record<CareFeature, { nl: string; en: string }> = {
  secured_unit: { nl: 'Gesloten afdeling (bij dwaalgedrag)', en: 'Secured unit (for guests who wander)' },
  nursing_24h: { nl: '24 uur per dag verpleging aanwezig', en: '24/7 nursing on site' },
  dementia_specialised: { nl: 'Gespecialiseerd in dementie', en: 'Specialised in dementia' },
  wheelchair_accessible: { nl: 'Rolstoeltoegankelijk', en: 'Wheelchair accessible' },
  hoist_accessible: { nl: 'Geschikt voor tillift', en: 'Hoist accessible' },
  couple_room: { nl: 'Koppelkamer (samen logeren)', en: 'Couple room' },
};

/** A unit offers what its location offers plus what the room itself has. */
export function effectiveFeatures(locationFeatures: readonly string[], unitFeatures: readonly string[]): string[] {
  return [...new Set([...locationFeatures, ...unitFeatures])].sort();
}

export function hasAllFeatures(offered: readonly string[], required: readonly string[]): boolean {
  return required.every((feature) => offered.includes(feature));
}
