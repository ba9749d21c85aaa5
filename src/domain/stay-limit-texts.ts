import type { EntitlementWarning } from './stay-limits.ts';

/** The entitlement warnings in plain Dutch (B1) and English, for the coordinator before booking. */
export function entitlementWarningText(warning: EntitlementWarning, locale: 'nl' | 'en'): string {
  if (warning.code === 'crisis_over_maximum') {
    const { municipality, nights, max } = warning.params;
    return locale === 'nl'
      ? `Dit crisisverblijf duurt ${nights} nachten. De gemeente ${municipality} betaalt een crisisopname van hoogstens ${max} nachten. Overleg met de gemeente of kies een kortere periode.`
      : `This crisis stay lasts ${nights} nights. The municipality of ${municipality} pays for a crisis stay of at most ${max} nights. Consult the municipality or choose a shorter period.`;
  }
  const { municipality, year, used, planned, max } = warning.params;
  return locale === 'nl'
    ? `In ${year} heeft deze cliënt al ${used} logeernachten gehad of gepland. Met deze ${planned} nachten erbij komt het boven de ${max} nachten per jaar die de gemeente ${municipality} betaalt. Overleg met de gemeente.`
    : `In ${year} this client has already had or planned ${used} respite nights. With these ${planned} nights it exceeds the ${max} nights a year the municipality of ${municipality} pays for. Consult the municipality.`;
}
