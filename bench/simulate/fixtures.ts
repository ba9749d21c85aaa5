import type { DemoWindow } from '../../src/demo/pilot-demand.ts';
import type { GeoPoint } from '../../src/domain/geo.ts';
import type { SimRequest } from './demand.ts';
import { type SimUnit, type World, worldOf } from './world.ts';

/** Hand-made pieces for the simulation's tests: a Monday as day 0, two regions that are neighbours. */
export const WINDOW: DemoWindow = { from: '2026-01-05', days: 60, today: 0 };
export const HOME: GeoPoint = { latitude: 51.82, longitude: 4.41 };

export function aUnit(id: string, overrides: Partial<SimUnit['candidate']> = {}, blocked: SimUnit['blocked'] = []): SimUnit {
  return {
    kind: 'bed',
    blocked,
    candidate: {
      unitId: id,
      unitName: id,
      locationId: `loc-${id}`,
      locationName: `Location ${id}`,
      organisationName: `Provider ${id}`,
      regionId: 'a',
      location: HOME,
      acceptedStayTypes: ['respite', 'elv_low_complex', 'crisis_wmo'],
      reservedFor: null,
      features: [],
      admissionHours: [],
      ...overrides,
    },
  };
}

export function aWorld(units: readonly SimUnit[]): World {
  return worldOf({ window: WINDOW, units, regionIds: ['a', 'b'], neighbourPairs: [['a', 'b']] });
}

export function aRequest(id: string, overrides: Partial<SimRequest> = {}): SimRequest {
  return {
    id,
    guestId: id,
    kind: 'elv',
    stayType: 'elv_low_complex',
    unitKind: 'bed',
    regionId: 'a',
    home: HOME,
    requiredFeatures: [],
    nights: 3,
    arrival: 0,
    arrivalTime: '10:00',
    desired: 0,
    earliest: 0,
    latest: 2,
    urgency: 'within_48h',
    burden: 'moderate',
    ...overrides,
  };
}

/** A point about `km` kilometres north of HOME. */
export function north(km: number): GeoPoint {
  return { latitude: HOME.latitude + km / 111.2, longitude: HOME.longitude };
}
