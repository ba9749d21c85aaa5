/** What a location or a single unit can offer. Matching and booking require every feature the guest needs. */
export const CARE_FEATURES = [
  'secured_unit',
  'nursing_24h',
  'night_supervision',
  'dementia_specialised',
  'wheelchair_accessible',
  'hoist_accessible',
  'couple_room',
  'isolation_room',
  'bariatric_bed',
  'korsakov_competent',
  'psychiatric_care',
  'addiction_care',
] as const;
export type CareFeature = (typeof CARE_FEATURES)[number];

export const CARE_FEATURE_LABELS: Record<CareFeature, { nl: string; en: string }> = {
  secured_unit: { nl: 'Gesloten afdeling (bij dwaalgedrag)', en: 'Secured unit (for guests who wander)' },
  nursing_24h: { nl: '24 uur per dag verpleging aanwezig', en: '24/7 nursing on site' },
  night_supervision: { nl: 'Toezicht in de nacht', en: 'Supervision at night' },
  dementia_specialised: { nl: 'Gespecialiseerd in dementie', en: 'Specialised in dementia' },
  wheelchair_accessible: { nl: 'Rolstoeltoegankelijk', en: 'Wheelchair accessible' },
  hoist_accessible: { nl: 'Geschikt voor tillift', en: 'Hoist accessible' },
  couple_room: { nl: 'Koppelkamer (samen logeren)', en: 'Couple room' },
  isolation_room: { nl: 'Isolatiekamer (bijvoorbeeld bij MRSA)', en: 'Isolation room (for instance for MRSA)' },
  bariatric_bed: { nl: 'Bed en tillift voor zware mensen (bariatrisch)', en: 'Bariatric bed and hoist' },
  korsakov_competent: { nl: 'Ervaring met Korsakov', en: 'Experienced with Korsakoff syndrome' },
  psychiatric_care: { nl: 'Begeleiding bij psychiatrische problemen', en: 'Support for psychiatric problems' },
  addiction_care: { nl: 'Begeleiding bij verslaving', en: 'Support for addiction' },
};

/**
 * Care that includes other care: nurses on duty day and night, or a secured unit with its round-the-clock staff,
 * also supervise at night. The database check (0026_required_features.sql) applies the same rule.
 */
export const IMPLIED_FEATURES: Readonly<Partial<Record<CareFeature, readonly CareFeature[]>>> = {
  nursing_24h: ['night_supervision'],
  secured_unit: ['night_supervision'],
};

/** A unit offers what its location offers plus what the room itself has, and what that care includes. */
export function effectiveFeatures(locationFeatures: readonly string[], unitFeatures: readonly string[]): string[] {
  const offered = [...locationFeatures, ...unitFeatures];
  const implied = offered.flatMap((feature) => IMPLIED_FEATURES[feature as CareFeature] ?? []);
  return [...new Set([...offered, ...implied])].sort();
}

/** Each offer that satisfies a required feature: the feature itself, or care that includes it (a query's any-of). */
export function satisfiersOf(required: string): string[] {
  const including = Object.entries(IMPLIED_FEATURES)
    .filter(([, implied]) => implied?.includes(required as CareFeature))
    .map(([feature]) => feature);
  return [required, ...including].sort();
}

export function hasAllFeatures(offered: readonly string[], required: readonly string[]): boolean {
  return missingFeatures(offered, required).length === 0;
}

/** The required features an offer lacks, counting what its care includes. */
export function missingFeatures(offered: readonly string[], required: readonly string[]): string[] {
  const all = effectiveFeatures(offered, []);
  return required.filter((feature) => !all.includes(feature));
}
