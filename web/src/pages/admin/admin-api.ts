import type { Role } from '../../auth/session.tsx';

/** What the administration pages read: the registry-administration and user endpoints (see openapi.json). */
export interface RegionSummary {
  id: string;
  name: string;
  municipalities: string[];
  neighbours: string[];
  postcodeCount: number;
  unitCount: number;
}

export interface RegionAdmin {
  id: string;
  name: string;
  municipalities: string[];
  postcodes: string[];
  neighbours: string[];
}

export interface Municipality {
  name: string;
  province: string;
  postcodeCount: number;
}

export interface MunicipalityPostcode {
  pc4: string;
  place: string;
  kind: 'address' | 'postbox' | 'address_and_postbox' | 'unknown';
  regionId: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  agbCode: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  locationCount: number;
}

export interface LocationAdmin {
  id: string;
  organisationId: string;
  organisationName: string;
  regionId: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  features: string[];
  phone: string | null;
  description: string | null;
  homeliness: string | null;
  confirmedAt: string;
  unitCount: number;
  notAdmittingUnits: number;
  notAdmittingUntil: string | null;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  secondFactor: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  pendingGrant: {
    id: string;
    role: Role;
    organisationId: string | null;
    invitation: boolean;
    requestedBy: string;
    requestedByName: string;
    requestedAt: string;
  } | null;
}

export interface Entitlement {
  municipality: string;
  crisisMaxNights: number | null;
  respiteNightsPerYear: number | null;
}

export interface CoPaymentRule {
  id: string;
  municipality: string;
  centsPerNight: number;
  validFrom: string;
  validUntil: string | null;
}

/** A location whose provider has not confirmed its details for this many days is shown as out of date. */
export const STALE_AFTER_DAYS = 30;
