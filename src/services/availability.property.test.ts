import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, neighbours } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { occupancyGrid, searchFreeUnits } from './availability.service.ts';
import { createStay } from './booking.service.ts';
import { closeUnit } from './registry.service.ts';
import { appClock } from '../clock.ts';
import type { StayType } from '../domain/stay-types.ts';

/**
 * After random units, stays (every status, live and lapsed holds, some through the booking service, some straight
 * into the table) and closures, searchFreeUnits and occupancyGrid agree with a brute-force oracle written here from
 * scratch: it reads the raw rows with plain SQL and decides every night of the period by hand.
 * Each run builds its own regions, so runs do not see each other's units; one database serves all runs.
 */

const NUM_RUNS = 40;

/** Replays a reported failure: PROPERTY_SEED=<seed> PROPERTY_PATH=<path> node --test <this file>. */
function replay(): { seed?: number; path?: string } {
  const seed = process.env.PROPERTY_SEED;
  return seed ? { seed: Number(seed), ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}) } : {};
}

const STAY_TYPES = ['respite', 'crisis_wmo', 'elv_low_complex'] as const;
// A type no unit of these runs accepts: every search for it must come back empty.
const QUERY_STAY_TYPES = [...STAY_TYPES, 'elv_palliative'] as const;
const FEATURES = ['wheelchair_accessible', 'nursing_24h', 'dementia_specialised'] as const;
const STATUSES = ['live_hold', 'lapsed_hold', 'confirmed', 'arrived', 'departed', 'cancelled', 'no_show', 'expired'] as const;

type NightState = 'free' | 'hold' | 'booked' | 'closed' | 'inactive';

// ---------- generators ----------

const featuresArb = fc.subarray([...FEATURES]);

const unitArb = fc
  .record({
    location: fc.nat(),
    accepted: fc.oneof(fc.constant<StayType[]>([...STAY_TYPES]), fc.subarray<StayType>([...STAY_TYPES], { minLength: 1 })),
    reserve: fc.option(fc.nat(), { freq: 3 }),
    features: featuresArb,
    // Most units have been open for long; some open or close inside the searched days.
    activeFrom: fc.oneof({ weight: 3, arbitrary: fc.constant(-400) }, { weight: 1, arbitrary: fc.integer({ min: -10, max: 30 }) }),
    activeNights: fc.option(fc.integer({ min: 1, max: 40 }), { freq: 2 }),
  })
  .map((u) => ({
    ...u,
    reservedFor: u.reserve === null ? null : u.accepted[u.reserve % u.accepted.length]!,
  }));

const stayArb = fc.record({
  unit: fc.nat(),
  arrival: fc.integer({ min: -10, max: 25 }),
  nights: fc.integer({ min: 1, max: 10 }),
  status: fc.constantFrom(...STATUSES),
  stayType: fc.constantFrom(...STAY_TYPES),
  viaService: fc.boolean(),
});

const closureArb = fc.record({ unit: fc.nat(), from: fc.integer({ min: -5, max: 25 }), nights: fc.integer({ min: 1, max: 6 }) });

const searchArb = fc.record({
  from: fc.integer({ min: -5, max: 25 }),
  nights: fc.integer({ min: 1, max: 20 }),
  stayType: fc.oneof({ weight: 3, arbitrary: fc.constant('respite') }, { weight: 2, arbitrary: fc.constantFrom(...QUERY_STAY_TYPES) }),
  features: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray([...FEATURES], { maxLength: 2 }) }),
  includeNeighbours: fc.boolean(),
});

const gridArb = fc.record({
  from: fc.integer({ min: -5, max: 25 }),
  nights: fc.integer({ min: 1, max: 25 }),
  stayType: fc.option(fc.constantFrom(...QUERY_STAY_TYPES), { nil: undefined, freq: 2 }),
  features: fc.option(fc.subarray([...FEATURES], { maxLength: 1 }), { nil: undefined, freq: 2 }),
  location: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
});

const worldArb = fc.record({
  homeLocations: fc.array(featuresArb, { minLength: 1, maxLength: 2 }),
  neighbourLocations: fc.array(featuresArb, { maxLength: 1 }),
  units: fc.array(unitArb, { minLength: 3, maxLength: 6 }),
  stays: fc.array(stayArb, { maxLength: 24, size: 'max' }),
  closures: fc.array(closureArb, { maxLength: 5, size: 'max' }),
  searches: fc.array(searchArb, { minLength: 1, maxLength: 6 }),
  grids: fc.array(gridArb, { minLength: 1, maxLength: 3 }),
});

// ---------- the oracle: plain dates, plain rows, one night at a time ----------

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The nights of [from, to): every date from the arrival up to, not including, the departure. */
function nightsOf(from: string, to: string): string[] {
  const nights: string[] = [];
  for (let d = dayNumber(from); d < dayNumber(to); d++) nights.push(isoOf(d));
  return nights;
}

interface RawUnit {
  id: string;
  location_id: string;
  region_id: string;
  accepted_stay_types: string[];
  reserved_for: string | null;
  unit_features: string[];
  location_features: string[];
  active_from: string;
  active_until: string | null;
}

interface RawStay {
  id: string;
  unit_id: string;
  arrival: string;
  departure: string;
  status: string;
  hold_live: boolean;
}

interface RawClosure {
  id: string;
  unit_id: string;
  starts_on: string;
  ends_on: string;
}

interface Raw {
  units: RawUnit[];
  stays: RawStay[];
  closures: RawClosure[];
}

function isActiveOn(unit: RawUnit, night: string): boolean {
  return unit.active_from <= night && (unit.active_until === null || night < unit.active_until);
}

function stateOn(raw: Raw, unit: RawUnit, night: string): NightState {
  const covers = (from: string, to: string) => from <= night && night < to;
  const stays = raw.stays.filter((s) => s.unit_id === unit.id && covers(s.arrival, s.departure));
  if (stays.some((s) => ['confirmed', 'arrived', 'departed'].includes(s.status))) return 'booked';
  if (stays.some((s) => s.status === 'hold' && s.hold_live)) return 'hold';
  if (raw.closures.some((c) => c.unit_id === unit.id && covers(c.starts_on, c.ends_on))) return 'closed';
  if (!isActiveOn(unit, night)) return 'inactive';
  return 'free';
}

function isCandidate(
  unit: RawUnit,
  query: { regionIds: readonly string[]; stayType?: string; features?: readonly string[]; locationId?: string; nights: readonly string[] },
): boolean {
  if (!query.regionIds.includes(unit.region_id)) return false;
  if (query.locationId !== undefined && unit.location_id !== query.locationId) return false;
  if (query.stayType !== undefined) {
    if (!unit.accepted_stay_types.includes(query.stayType)) return false;
    if (unit.reserved_for !== null && unit.reserved_for !== query.stayType) return false;
  }
  for (const feature of query.features ?? []) {
    if (!unit.unit_features.includes(feature) && !unit.location_features.includes(feature)) return false;
  }
  return query.nights.some((night) => isActiveOn(unit, night));
}

function freeStretches(nights: readonly string[], states: readonly NightState[]): { from: string; to: string }[] {
  const stretches: { from: string; to: string }[] = [];
  let start: number | null = null;
  for (let i = 0; i <= nights.length; i++) {
    const free = i < nights.length && states[i] === 'free';
    if (free && start === null) start = i;
    if (!free && start !== null) {
      stretches.push({ from: nights[start]!, to: isoOf(dayNumber(nights[i - 1]!) + 1) });
      start = null;
    }
  }
  return stretches;
}

async function readRaw(db: TestDatabase['db'], regionIds: readonly string[]): Promise<Raw> {
  const regions = sql.val([...regionIds]);
  const units = await sql<RawUnit>`
    SELECT u.id, u.location_id, l.region_id, u.accepted_stay_types, u.reserved_for, u.features AS unit_features,
           l.features AS location_features, u.active_from::text AS active_from, u.active_until::text AS active_until
      FROM capacity_unit u JOIN location l ON l.id = u.location_id
     WHERE l.region_id = ANY (${regions}::text[])`.execute(db);
  const unitIds = sql.val(units.rows.map((u) => u.id));
  const stays = await sql<RawStay>`
    SELECT id, unit_id, arrival::text AS arrival, departure::text AS departure, status,
           coalesce(hold_expires_at > ${appClock().now()}, false) AS hold_live
      FROM stay WHERE unit_id = ANY (${unitIds}::uuid[])`.execute(db);
  const closures = await sql<RawClosure>`
    SELECT id, unit_id, starts_on::text AS starts_on, ends_on::text AS ends_on
      FROM unit_closure WHERE unit_id = ANY (${unitIds}::uuid[])`.execute(db);
  return { units: units.rows, stays: stays.rows, closures: closures.rows };
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

describe(`availability against a brute-force oracle (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'})`, () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it('searchFreeUnits and occupancyGrid agree night by night with the raw rows', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const db = database.db;
        const home = await aRegion(db);
        const neighbour = await aRegion(db);
        const far = await aRegion(db);
        await neighbours(db, home, neighbour);
        const homeLocations: string[] = [];
        for (const features of world.homeLocations) homeLocations.push(await aLocation(db, home, { features }));
        const locations = [...homeLocations];
        for (const features of world.neighbourLocations) locations.push(await aLocation(db, neighbour, { features }));
        // A unit in a region that is no neighbour: it must never show up.
        await aUnit(db, await aLocation(db, far), { accepted: [...STAY_TYPES] });

        const unitIds: string[] = [];
        for (const [i, u] of world.units.entries()) {
          unitIds.push(
            await aUnit(db, locations[u.location % locations.length]!, {
              name: `Kamer ${i}`,
              accepted: u.accepted,
              reservedFor: u.reservedFor,
              features: u.features,
              activeFrom: inDays(u.activeFrom),
              activeUntil: u.activeNights === null ? null : inDays(u.activeFrom + u.activeNights),
            }),
          );
        }
        const clientId = await aClient(db);

        for (const c of world.closures) {
          await closeUnit(db, unitIds[c.unit % unitIds.length]!, {
            period: { from: inDays(c.from), to: inDays(c.from + c.nights) },
            reason: 'maintenance',
            note: null,
          });
        }
        for (const s of world.stays) {
          const unitId = unitIds[s.unit % unitIds.length]!;
          const arrival = inDays(s.arrival);
          const departure = inDays(s.arrival + s.nights);
          if (s.viaService && (s.status === 'live_hold' || s.status === 'confirmed') && s.arrival >= 0) {
            try {
              await createStay(
                db,
                {
                  unitId,
                  clientId,
                  stayType: s.stayType,
                  arrival,
                  departure,
                  status: s.status === 'live_hold' ? 'hold' : 'confirmed',
                  holdMinutes: 60,
                },
                { defaultHoldMinutes: 60 },
              );
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
            }
            continue;
          }
          const status = s.status === 'live_hold' || s.status === 'lapsed_hold' ? 'hold' : s.status;
          const holdExpiresAt =
            s.status === 'live_hold'
              ? new Date(appClock().now().getTime() + 3_600_000)
              : s.status === 'lapsed_hold'
                ? new Date(appClock().now().getTime() - 3_600_000)
                : null;
          try {
            await db
              .insertInto('stay')
              .values({
                unit_id: unitId,
                client_id: clientId,
                stay_type: s.stayType,
                arrival,
                departure,
                status,
                hold_expires_at: holdExpiresAt,
                cancel_reason: status === 'cancelled' ? 'property test' : null,
              })
              .execute();
          } catch (error) {
            // Refused by the exclusion constraint: that stay simply does not exist.
            if ((error as { code?: string }).code !== '23P01') throw error;
          }
        }

        const raw = await readRaw(db, [home, neighbour, far]);

        for (const q of world.searches) {
          const period = { from: inDays(q.from), to: inDays(q.from + q.nights) };
          const nights = nightsOf(period.from, period.to);
          const regionIds = q.includeNeighbours ? [home, neighbour] : [home];
          const result = await searchFreeUnits(db, {
            regionId: home,
            period,
            stayType: q.stayType,
            features: q.features,
            includeNeighbours: q.includeNeighbours,
          });

          const expectedFree: string[] = [];
          const expectedPartial: { unitId: string; freeRanges: { from: string; to: string }[] }[] = [];
          for (const unit of raw.units) {
            if (!isCandidate(unit, { regionIds, stayType: q.stayType, features: q.features, nights })) continue;
            const states = nights.map((night) => stateOn(raw, unit, night));
            if (states.every((state) => state === 'free')) expectedFree.push(unit.id);
            else if (states.includes('free')) expectedPartial.push({ unitId: unit.id, freeRanges: freeStretches(nights, states) });
          }
          const message = `search ${JSON.stringify({ ...q, period })}`;
          assert.deepEqual([...result.regionIds].sort(), [...regionIds].sort(), message);
          assert.deepEqual(result.free.map((u) => u.unitId).sort(), expectedFree.sort(), `free units differ: ${message}`);
          assert.deepEqual(
            result.partiallyFree.map((u) => ({ unitId: u.unitId, freeRanges: u.freeRanges })).sort(byKey((u) => u.unitId)),
            expectedPartial.sort(byKey((u) => u.unitId)),
            `partially free units differ: ${message}`,
          );
          for (const list of [result.free, result.partiallyFree]) {
            for (const option of list) {
              const unit = raw.units.find((u) => u.id === option.unitId)!;
              assert.equal(option.outsideRegion, unit.region_id !== home, message);
            }
            // Units inside the region come first.
            const flags = list.map((u) => u.outsideRegion);
            assert.deepEqual(
              flags,
              [...flags].sort((a, b) => Number(a) - Number(b)),
              `region order: ${message}`,
            );
          }
        }

        for (const g of world.grids) {
          const window = { from: inDays(g.from), to: inDays(g.from + g.nights) };
          const nights = nightsOf(window.from, window.to);
          const locationId = g.location === undefined ? undefined : homeLocations[g.location % homeLocations.length]!;
          const grid = await occupancyGrid(
            db,
            {
              regionId: home,
              window,
              ...(g.stayType !== undefined ? { stayType: g.stayType } : {}),
              ...(g.features !== undefined ? { features: g.features } : {}),
              ...(locationId !== undefined ? { locationId } : {}),
            },
            { kind: 'region' },
          );
          const message = `grid ${JSON.stringify({ ...g, window, locationId })}`;
          assert.deepEqual(grid.dates, nights, message);

          const expected = raw.units
            .filter((unit) => isCandidate(unit, { regionIds: [home], stayType: g.stayType, features: g.features, locationId, nights }))
            .map((unit) => {
              const overlaps = (from: string, to: string) => from < window.to && window.from < to;
              const occupations = [
                ...raw.stays
                  .filter((s) => s.unit_id === unit.id && overlaps(s.arrival, s.departure))
                  .filter((s) => ['confirmed', 'arrived', 'departed'].includes(s.status) || (s.status === 'hold' && s.hold_live))
                  .map((s) => ({ kind: s.status === 'hold' ? 'hold' : 'booked', from: s.arrival, to: s.departure, id: s.id })),
                ...raw.closures
                  .filter((c) => c.unit_id === unit.id && overlaps(c.starts_on, c.ends_on))
                  .map((c) => ({ kind: 'closed', from: c.starts_on, to: c.ends_on, id: c.id })),
              ].sort(byKey((o) => o.id));
              return { unitId: unit.id, states: nights.map((night) => stateOn(raw, unit, night)), occupations };
            })
            .sort(byKey((u) => u.unitId));
          const actual = grid.units
            .map((row) => ({
              unitId: row.unitId,
              states: row.states,
              occupations: row.occupations
                .map((o) => ({ kind: o.kind, from: o.from, to: o.to, id: (o.stayId ?? o.closureId)! }))
                .sort(byKey((o) => o.id)),
            }))
            .sort(byKey((u) => u.unitId));
          assert.deepEqual(actual, expected, message);
        }
      }),
      { numRuns: NUM_RUNS, ...replay() },
    );
  });
});
