/**
 * The code and identifier systems our FHIR resources use: the Dutch national ones where they exist (AGB, BSN, from
 * the Nictiz naming systems), HL7's own code systems, and ours for what has no national code (stay types, care
 * features, regions). docs/FHIR.md lists them with examples.
 */
export const SYSTEMS = {
  agb: 'http://fhir.nl/fhir/NamingSystem/agb-z',
  bsn: 'http://fhir.nl/fhir/NamingSystem/bsn',
  locationPhysicalType: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
  bedStatus: 'http://terminology.hl7.org/CodeSystem/v2-0116',
  measurePopulation: 'http://terminology.hl7.org/CodeSystem/measure-population',
  stayType: 'https://adempauze.nl/fhir/CodeSystem/stay-type',
  careFeature: 'https://adempauze.nl/fhir/CodeSystem/care-feature',
  capacityPopulation: 'https://adempauze.nl/fhir/CodeSystem/capacity-population',
  region: 'https://adempauze.nl/fhir/NamingSystem/region',
  heldExtension: 'https://adempauze.nl/fhir/StructureDefinition/bed-held',
  publicAvailabilityExtension: 'https://adempauze.nl/fhir/StructureDefinition/public-availability',
  capacityMeasure: 'https://adempauze.nl/fhir/Measure/temporary-stay-capacity',
  referralKind: 'https://adempauze.nl/fhir/CodeSystem/referral-kind',
  referrerKind: 'https://adempauze.nl/fhir/CodeSystem/referrer-kind',
  referralStatus: 'https://adempauze.nl/fhir/CodeSystem/referral-status',
  reference: 'https://adempauze.nl/fhir/NamingSystem/referral-reference',
} as const;

export const FHIR_JSON = 'application/fhir+json';
