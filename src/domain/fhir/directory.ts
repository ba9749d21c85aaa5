import { CARE_FEATURE_LABELS, type CareFeature } from '../care-features.ts';
import type { DayState } from '../availability.ts';
import { STAY_TYPE_LABELS, type StayType } from '../stay-types.ts';
import { SYSTEMS } from './systems.ts';

/** Our registry rows as the mapping needs them (the data layer's shapes, not FHIR's). */
export interface DirectoryOrganisation {
  id: string;
  name: string;
  agbCode: string | null;
}
export interface DirectoryLocation {
  id: string;
  organisationId: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  description: string | null;
  features: readonly string[];
  acceptedStayTypes: readonly string[];
  admissionHours: readonly { weekday: number; from: string; until: string }[];
}
export interface DirectoryUnit {
  id: string;
  locationId: string;
  name: string;
  kind: 'bed' | 'home_night';
  features: readonly string[];
  /** Tonight's state; left out where the caller may not know it (the public directory). */
  state?: DayState;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function organisationResource(organisation: DirectoryOrganisation) {
  return {
    resourceType: 'Organization' as const,
    id: organisation.id,
    active: true,
    ...(organisation.agbCode ? { identifier: [{ system: SYSTEMS.agb, value: organisation.agbCode }] } : {}),
    name: organisation.name,
  };
}

export function locationResource(location: DirectoryLocation) {
  return {
    resourceType: 'Location' as const,
    id: location.id,
    status: 'active' as const,
    name: location.name,
    mode: 'instance' as const,
    physicalType: { coding: [{ system: SYSTEMS.locationPhysicalType, code: 'bu', display: 'Building' }] },
    ...(location.phone ? { telecom: [{ system: 'phone' as const, value: location.phone }] } : {}),
    address: {
      use: 'work' as const,
      line: [`${location.street} ${location.houseNumber}`],
      postalCode: location.postcode,
      city: location.city,
      country: 'NL',
    },
    position: { latitude: location.latitude, longitude: location.longitude },
    managingOrganization: { reference: `Organization/${location.organisationId}` },
    ...(location.description ? { description: location.description } : {}),
  };
}

/**
 * A unit as a Location that is part of its location: a bed, a room for two (koppelkamer) or nights of care in the
 * guest's own house. Its state tonight as v2-0116 bed status: free and held are "unoccupied" (held with our
 * extension, since the code list has no reserved bed), booked "occupied", closed or not admitting "closed".
 */
export function unitResource(unit: DirectoryUnit, organisationId: string) {
  const physical =
    unit.kind === 'home_night'
      ? { code: 'ho', display: 'House' }
      : unit.features.includes('couple_room')
        ? { code: 'ro', display: 'Room' }
        : { code: 'bd', display: 'Bed' };
  const state = unit.state;
  const status =
    state === 'booked'
      ? { code: 'O', display: 'Occupied' }
      : state === 'closed' || state === 'not_admitting'
        ? { code: 'C', display: 'Closed' }
        : state === 'free' || state === 'hold'
          ? { code: 'U', display: 'Unoccupied' }
          : undefined;
  return {
    resourceType: 'Location' as const,
    id: unit.id,
    status: state === 'inactive' ? ('inactive' as const) : ('active' as const),
    ...(status ? { operationalStatus: { system: SYSTEMS.bedStatus, ...status } } : {}),
    ...(state === 'hold' || state === 'free' ? { extension: [{ url: SYSTEMS.heldExtension, valueBoolean: state === 'hold' }] } : {}),
    name: unit.name,
    mode: 'instance' as const,
    physicalType: { coding: [{ system: SYSTEMS.locationPhysicalType, ...physical }] },
    managingOrganization: { reference: `Organization/${organisationId}` },
    partOf: { reference: `Location/${unit.locationId}` },
  };
}

/** What a location offers: the stay types it takes, its care features, and when it admits guests. */
export function healthcareServiceResource(location: DirectoryLocation) {
  const types = location.acceptedStayTypes.filter((type): type is StayType => type in STAY_TYPE_LABELS);
  const features = location.features.filter((feature): feature is CareFeature => feature in CARE_FEATURE_LABELS);
  return {
    resourceType: 'HealthcareService' as const,
    id: location.id,
    active: true,
    providedBy: { reference: `Organization/${location.organisationId}` },
    location: [{ reference: `Location/${location.id}` }],
    name: location.name,
    ...(types.length > 0
      ? { type: types.map((type) => ({ coding: [{ system: SYSTEMS.stayType, code: type, display: STAY_TYPE_LABELS[type].nl }] })) }
      : {}),
    ...(features.length > 0
      ? {
          characteristic: features.map((feature) => ({
            coding: [{ system: SYSTEMS.careFeature, code: feature, display: CARE_FEATURE_LABELS[feature].nl }],
          })),
        }
      : {}),
    ...(location.phone ? { telecom: [{ system: 'phone' as const, value: location.phone }] } : {}),
    ...(location.admissionHours.length > 0
      ? {
          availableTime: location.admissionHours.map((window) => ({
            daysOfWeek: [DAYS[window.weekday - 1]!],
            availableStartTime: `${window.from}:00`,
            availableEndTime: `${window.until}:00`,
          })),
        }
      : {}),
    ...(location.description ? { comment: location.description } : {}),
  };
}

/** A unit's calendar: one Schedule per unit, for the stay types it takes. */
export function scheduleResource(unit: {
  id: string;
  name: string;
  acceptedStayTypes: readonly string[];
  activeFrom: string;
  activeUntil: string | null;
}) {
  const types = unit.acceptedStayTypes.filter((type): type is StayType => type in STAY_TYPE_LABELS);
  return {
    resourceType: 'Schedule' as const,
    id: unit.id,
    active: true,
    ...(types.length > 0
      ? { serviceType: types.map((type) => ({ coding: [{ system: SYSTEMS.stayType, code: type, display: STAY_TYPE_LABELS[type].nl }] })) }
      : {}),
    actor: [{ reference: `Location/${unit.id}`, display: unit.name }],
    planningHorizon: { start: unit.activeFrom, ...(unit.activeUntil ? { end: unit.activeUntil } : {}) },
  };
}

/**
 * A unit over the nights asked, as one Slot: free when every night is free, busy when a guest is booked or held on a
 * night, busy-unavailable when it is closed, without staff or not in use on one. `start` and `end` are the instants
 * of the first arrival and the last departure (Dutch time), like the Appointments.
 */
export function slotResource(unitId: string, nights: readonly DayState[], period: { start: string; end: string }) {
  const status = nights.every((night) => night === 'free')
    ? ('free' as const)
    : nights.some((night) => night === 'closed' || night === 'not_admitting' || night === 'inactive')
      ? ('busy-unavailable' as const)
      : ('busy' as const);
  return {
    resourceType: 'Slot' as const,
    id: `${unitId}-${period.start.slice(0, 10)}-${period.end.slice(0, 10)}`,
    schedule: { reference: `Schedule/${unitId}` },
    status,
    start: period.start,
    end: period.end,
  };
}

/**
 * The public aggregate as Slots: a location's night for a stay type, free (two or more places, or the only one),
 * limited (the last place) or full, as the public calendar says it. The FHIR status is free or busy; our extension
 * carries the three words, since the code list has no "limited".
 */
export function publicSlotResource(
  locationId: string,
  stayType: string,
  night: { date: string; availability: 'free' | 'limited' | 'full' },
  period: { start: string; end: string },
) {
  return {
    resourceType: 'Slot' as const,
    id: `${locationId}-${stayType}-${night.date}`,
    extension: [{ url: SYSTEMS.publicAvailabilityExtension, valueCode: night.availability }],
    serviceType: [{ coding: [{ system: SYSTEMS.stayType, code: stayType }] }],
    schedule: { reference: `Schedule/${locationId}` },
    status: night.availability === 'full' ? ('busy' as const) : ('free' as const),
    start: period.start,
    end: period.end,
  };
}

/** A location's public calendar as a Schedule: the stay types it takes, for the public Slots. */
export function locationScheduleResource(location: DirectoryLocation) {
  const { planningHorizon: _unitsOnly, ...schedule } = scheduleResource({ ...location, activeFrom: '', activeUntil: null });
  return schedule;
}
