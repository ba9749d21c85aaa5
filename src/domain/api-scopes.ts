/**
 * What a system client may do over FHIR, one scope per kind of exchange. A key has one or more; a route that system
 * clients may call names the scope it needs (`config.apiScope`). Codes are stored in the database.
 */
export const API_SCOPES = ['availability', 'capacity', 'referrals'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, { nl: string; en: string }> = {
  availability: { nl: 'Vrije bedden per locatie zien (zoals een verwijzer)', en: 'See free beds per location (as a referrer does)' },
  capacity: { nl: 'Capaciteit per regio ophalen (voor een monitor)', en: 'Pull capacity per region (for a monitor)' },
  referrals: {
    nl: 'Aanmeldingen sturen en volgen (ServiceRequest, Task, Appointment)',
    en: 'Send and follow referrals (ServiceRequest, Task, Appointment)',
  },
};

/** The key a system presents as `Authorization: Bearer …`; the prefix tells a leaked key for what it is. */
export const API_KEY_PREFIX = 'adp_';
