/** What our FHIR endpoint supports, exactly: a client reads it at /fhir/R4/metadata before it asks anything else. */
export interface SupportedResource {
  type: string;
  interactions: readonly ('read' | 'search-type' | 'create' | 'update')[];
  searchParams: readonly { name: string; type: 'token' | 'string' | 'reference' | 'date'; documentation: string }[];
  documentation: string;
}

export const SUPPORTED: readonly SupportedResource[] = [
  {
    type: 'Organization',
    interactions: ['read', 'search-type'],
    documentation: 'Care providers of the region; public.',
    searchParams: [
      { name: 'identifier', type: 'token', documentation: 'AGB code: http://fhir.nl/fhir/NamingSystem/agb-z|{code}' },
      { name: 'name', type: 'string', documentation: 'Starts with, case-insensitive' },
    ],
  },
  {
    type: 'Location',
    interactions: ['read', 'search-type'],
    documentation:
      "Locations (buildings) are public. Their units (partOf a location: bed, room or nights at home) with tonight's bed status " +
      '(v2-0116) are for signed-in professionals.',
    searchParams: [
      { name: 'partof', type: 'reference', documentation: 'Location/{id}: the units of a location (signed in)' },
      { name: 'organization', type: 'reference', documentation: 'Organization/{id}' },
      { name: 'address-postalcode', type: 'string', documentation: 'Starts with, e.g. 3262' },
    ],
  },
  {
    type: 'HealthcareService',
    interactions: ['read', 'search-type'],
    documentation: 'What each location offers: stay types, care features, admission hours; public.',
    searchParams: [
      { name: 'organization', type: 'reference', documentation: 'Organization/{id}' },
      { name: 'service-type', type: 'token', documentation: 'A stay type of https://adempauze.nl/fhir/CodeSystem/stay-type' },
      { name: 'characteristic', type: 'token', documentation: 'A care feature of https://adempauze.nl/fhir/CodeSystem/care-feature' },
    ],
  },
  {
    type: 'MeasureReport',
    interactions: ['read', 'search-type'],
    documentation:
      'Beds by stay type per region and night (total, staffed, occupied, free), after SANER; for policy staff and the central point. ' +
      'Read by id {region}-{YYYY-MM-DD}.',
    searchParams: [
      { name: 'subject', type: 'token', documentation: 'The region: https://adempauze.nl/fhir/NamingSystem/region|{id}, or just the id' },
      { name: 'period', type: 'date', documentation: 'The night, YYYY-MM-DD; today when left out' },
    ],
  },
  {
    type: 'Schedule',
    interactions: ['read'],
    documentation:
      "A location's public calendar (id = the location's), or a unit's (id = the unit's; for signed-in professionals and keys with scope availability).",
    searchParams: [],
  },
  {
    type: 'Slot',
    interactions: ['search-type'],
    documentation:
      '$find-style: each unit of a region or location as one Slot over the nights asked (free, busy, busy-unavailable), free first, ' +
      "for signed-in professionals and keys with scope availability; for anyone else a location's nights per stay type (at most 28) " +
      'with the extension public-availability: free, limited or full.',
    searchParams: [
      { name: 'region', type: 'token', documentation: 'Our region id' },
      { name: 'location', type: 'reference', documentation: 'Location/{id}' },
      { name: 'start', type: 'date', documentation: 'The day of arrival (required)' },
      { name: 'end', type: 'date', documentation: 'The day of departure (required)' },
      { name: 'service-type', type: 'token', documentation: 'A stay type' },
      { name: 'characteristic', type: 'token', documentation: 'A care feature the guest needs' },
    ],
  },
  {
    type: 'ServiceRequest',
    interactions: ['create', 'read', 'update'],
    documentation:
      'A referral from a system client (scope referrals) with its Patient contained as subject; update only to status revoked (withdraw before placement).',
    searchParams: [],
  },
  {
    type: 'Task',
    interactions: ['read', 'search-type'],
    documentation: 'Where a sent referral stands; output: the Appointments booked. Scope referrals.',
    searchParams: [{ name: 'focus', type: 'reference', documentation: 'ServiceRequest/{id}' }],
  },
  {
    type: 'Appointment',
    interactions: ['search-type'],
    documentation: 'The places held or booked for a sent referral. Scope referrals.',
    searchParams: [{ name: 'based-on', type: 'reference', documentation: 'ServiceRequest/{id}' }],
  },
];

export function capabilityStatement(baseUrl: string, version: string, date: string) {
  return {
    resourceType: 'CapabilityStatement' as const,
    status: 'active' as const,
    date,
    kind: 'instance' as const,
    software: { name: 'Adempauze', version },
    implementation: { description: 'Adempauze: one access point for temporary stays of elderly people', url: baseUrl },
    fhirVersion: '4.0.1' as const,
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server' as const,
        documentation:
          'People sign in to the web app and send its session cookie; systems send their key as Authorization: Bearer (made by an administrator, with scopes).',
        security: {
          description:
            'A session cookie for people; for systems a Bearer key per organisation with the scopes availability, capacity and referrals',
        },
        resource: SUPPORTED.map((resource) => ({
          type: resource.type,
          documentation: resource.documentation,
          interaction: resource.interactions.map((code) => ({ code })),
          searchParam: resource.searchParams.map((param) => ({ name: param.name, type: param.type, documentation: param.documentation })),
        })),
      },
    ],
  };
}
