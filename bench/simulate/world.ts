import { type Pc4Area, pc4AreasOfMunicipalities } from '../../src/data/pc4-table.ts';
import { buildRegistry, type Registry } from '../../src/demo/demo-registry.ts';
import type { DemoWindow } from '../../src/demo/pilot-demand.ts';
import { DEMO_NEIGHBOURS, DEMO_REGIONS } from '../../src/demo/pilot-regions.ts';
import { createRandom } from '../../src/demo/prng.ts';
import { effectiveFeatures } from '../../src/domain/care-features.ts';
import { addDays, type IsoDate, isoWeekday, nightsBetween } from '../../src/domain/dates.ts';
import type { AdmissionWindow, Candidate } from '../../src/domain/matching/rank.ts';

/**
 * The capacity the simulation runs on: exactly the demo registry (src/demo/pilot-regions.ts), with its closures and
 * the unit that opens later, laid on a year of day numbers. Nothing is added or left out.
 */
export interface SimUnit {
  /** What matching sees of the unit; `free` is set per question. */
  readonly candidate: Omit<Candidate, 'free'>;
  readonly kind: 'bed' | 'home_night';
  /** Half-open day ranges in which the unit cannot take anyone: not yet open, or closed. */
  readonly blocked: readonly (readonly [number, number])[];
}

export interface World {
  readonly window: DemoWindow;
  /** Day 0 of the simulated year. */
  readonly from: IsoDate;
  readonly units: readonly SimUnit[];
  readonly unitById: ReadonlyMap<string, SimUnit>;
  readonly regionIds: readonly string[];
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
  readonly homeAreas: ReadonlyMap<string, readonly Pc4Area[]>;
  /** The demo registry itself, for the demo's own home-address picker. */
  readonly registry: Registry;
  weekday(day: number): number;
}

/** The demo's window: nine months of history and three ahead; the simulation uses its 365 days as one year. */
const DAYS_BEFORE_TODAY = 274;
/** A fixed "today" so every run simulates the same calendar (weekdays decide admission hours). */
export const SIMULATION_TODAY: IsoDate = '2026-10-02';

export function buildWorld(today: IsoDate = SIMULATION_TODAY): World {
  const window: DemoWindow = { from: addDays(today, -DAYS_BEFORE_TODAY), days: 365, today: DAYS_BEFORE_TODAY };
  const areas = pc4AreasOfMunicipalities(DEMO_REGIONS.flatMap((region) => region.municipalities));
  // Unit ids only; the simulation draws nothing else from this stream.
  const registry = buildRegistry(areas, window, createRandom(0x1d5));
  const { rows } = registry;
  const organisations = new Map(rows.organisations.map((organisation) => [organisation.id, organisation.name]));
  const locations = new Map(rows.locations.map((location) => [location.id, location]));
  const openedOn = new Map(registry.units.map((unit) => [unit.id, unit.opensOn]));
  const closures = new Map<string, [number, number][]>();
  for (const closure of rows.closures) {
    const list = closures.get(closure.unit_id) ?? [];
    list.push([nightsBetween(window.from, closure.starts_on), nightsBetween(window.from, closure.ends_on)]);
    closures.set(closure.unit_id, list);
  }
  const units: SimUnit[] = rows.units.map((row) => {
    const location = locations.get(row.location_id)!;
    const opensOn = openedOn.get(row.id) ?? 0;
    return {
      kind: row.kind,
      candidate: {
        unitId: row.id,
        unitName: row.name,
        locationId: location.id,
        locationName: location.name,
        organisationName: organisations.get(location.organisation_id)!,
        regionId: location.region_id,
        location: { latitude: location.latitude, longitude: location.longitude },
        acceptedStayTypes: row.accepted_stay_types,
        reservedFor: row.reserved_for,
        features: effectiveFeatures(location.features, row.features),
        admissionHours: JSON.parse(location.admission_hours) as AdmissionWindow[],
      },
      // A unit that opens during the year was not there before it either.
      blocked: [...(opensOn > 0 ? [[Number.NEGATIVE_INFINITY, opensOn] as [number, number]] : []), ...(closures.get(row.id) ?? [])],
    };
  });
  return worldOf({ window, units, regionIds: DEMO_REGIONS.map((region) => region.id), neighbourPairs: DEMO_NEIGHBOURS, registry });
}

/** A world from its parts: the demo's in buildWorld, a few hand-made units in tests. */
export function worldOf(parts: {
  window: DemoWindow;
  units: readonly SimUnit[];
  regionIds: readonly string[];
  neighbourPairs: readonly (readonly [string, string])[];
  registry?: Registry;
}): World {
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of parts.neighbourPairs) {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const registry = parts.registry ?? { rows: emptyRows(), units: [], homeAreas: new Map(), neighbours };
  return {
    window: parts.window,
    from: parts.window.from,
    units: parts.units,
    unitById: new Map(parts.units.map((unit) => [unit.candidate.unitId, unit])),
    regionIds: parts.regionIds,
    neighbours,
    homeAreas: registry.homeAreas,
    registry,
    weekday: (day) => isoWeekday(addDays(parts.window.from, day)),
  };
}

function emptyRows(): Registry['rows'] {
  return {
    regions: [],
    regionPostcodes: [],
    regionNeighbours: [],
    organisations: [],
    locations: [],
    units: [],
    tariffs: [],
    closures: [],
    yearlyCosts: [],
  };
}

/** Regions that reach each other through neighbour links: the allocation problem falls apart along them. */
export function regionComponents(world: World): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of world.regionIds) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const region = queue.shift()!;
      component.push(region);
      for (const next of world.neighbours.get(region) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    components.push(component);
  }
  return components;
}

export function isBlocked(unit: SimUnit, start: number, end: number): boolean {
  return unit.blocked.some(([from, to]) => start < to && from < end);
}
