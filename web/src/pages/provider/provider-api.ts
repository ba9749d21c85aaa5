import type { CareFeature } from '../../../../src/domain/care-features.ts';
import type { HandoverCare } from '../../../../src/domain/provider/handover.ts';
import type { MovementAction } from '../../../../src/domain/provider/movements.ts';
import type { StayStatus } from '../../../../src/domain/stay-lifecycle.ts';
import type { StayType } from '../../../../src/domain/stay-types.ts';

/** What the provider's workspace reads: GET /provider/overview, /provider/movements and /stays/{id}/handover. */
export type PlannedClosureReason = 'admission_stop' | 'maintenance' | 'other';
export type NotAdmittingReason = 'staff_shortage' | 'outbreak' | 'care_load' | 'other';
export type ClosureReason = PlannedClosureReason | NotAdmittingReason;

export interface ProviderUnit {
  id: string;
  name: string;
  kind: 'bed' | 'home_night';
  acceptedStayTypes: StayType[];
  reservedFor: StayType | null;
  features: CareFeature[];
  activeFrom: string;
  activeUntil: string | null;
}

export interface ClosureGroup {
  closureIds: string[];
  unitIds: string[];
  startsOn: string;
  /** For 'not_admitting': the expected first day of admitting again. */
  endsOn: string;
  kind: 'closure' | 'not_admitting';
  reason: ClosureReason;
  note: string | null;
  wholeLocation: boolean;
}

export interface Tariff {
  stayType: StayType;
  funding: 'in_kind' | 'personal_budget';
  housingCents: number;
  stayCents: number;
  careCents: number;
  validFrom: string;
  validUntil: string | null;
}

export interface ProviderLocation {
  id: string;
  organisationName: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  features: CareFeature[];
  admissionHours: { weekday: number; from: string; until: string }[];
  phone: string | null;
  description: string | null;
  homeliness: string | null;
  confirmedAt: string;
  units: ProviderUnit[];
  closures: ClosureGroup[];
  tariffs: Tariff[];
}

export interface Overview {
  today: string;
  locations: ProviderLocation[];
}

export interface Movement {
  stayId: string;
  clientName: string;
  stayType: StayType;
  arrival: string;
  departure: string;
  status: StayStatus;
  unitName: string;
  actions: MovementAction[];
}

export interface Movements {
  date: string;
  locations: { locationId: string; locationName: string; arrivals: Movement[]; departures: Movement[] }[];
}

export interface Handover {
  stayId: string;
  guest: { name: string; dateOfBirth: string | null };
  stayType: StayType;
  arrival: string;
  departure: string;
  status: StayStatus;
  unit: { id: string; name: string; features: CareFeature[] };
  location: { id: string; name: string };
  referral: { id: string; reference: string; kind: string } | null;
  caregiver: { name: string | null; relation: string | null; phone: string | null; email: string | null } | null;
  care: HandoverCare | null;
  note: string | null;
  withheld: 'not_coming' | 'ended' | null;
}
