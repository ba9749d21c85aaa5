import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { type UnitCandidateRow, findCandidateUnits, findOccupations } from '../src/data/availability.repository.ts';
import { regionExists } from '../src/data/registry.repository.ts';
import type { Database } from '../src/data/schema.ts';
import { createRandom } from '../src/demo/prng.ts';
import { type ActivePeriod, type Occupation, freeRanges, isFreeThroughout } from '../src/domain/availability.ts';
import { effectiveFeatures, hasAllFeatures } from '../src/domain/care-features.ts';
import { type DateRange, addDays } from '../src/domain/dates.ts';
import { type SearchRequest, type SearchResult, type UnitOption, searchFreeUnits, toOption } from '../src/services/availability.service.ts';
import { FEATURES, SEED, YEAR_DAYS } from './generate.ts';
import { log } from './log.ts';
import { round2, summary } from './stats.ts';
import { appClock } from '../src/clock.ts';

export const NIGHTS = 14;

// ---------------------------------------------------------------------------------------------------------------
// The in-memory brute force: everything in arrays, loaded once; every query scans the region's units and their stays.
// ---------------------------------------------------------------------------------------------------------------

interface MemUnit {
  unitId: string;
  unitName: string;
  kind: 'bed' | 'home_night';
  acceptedStayTypes: string[];
  reservedFor: string | null;
  unitFeatures: string[];
  locationFeatures: string[];
  activeFrom: string;
  activeUntil: string | null;
  locationId: string;
  locationName: string;
  city: string;
  pc4: string;
  latitude: number;
  longitude: number;
  regionId: string;
  organisationId: string;
  organisationName: string;
}

interface MemStay {
  id: string;
  arrival: string;
  departure: string;
  status: string;
  /** Epoch ms, for holds only. */
  holdExpiresAt: number | null;
}

interface MemClosure {
  id: string;
  startsOn: string;
  endsOn: string;
}

export interface MemoryData {
  regions: string[];
  neighbours: Map<string, string[]>;
  /** Per region, in the order the SQL query returns them (location name, unit name). */
  unitsByRegion: Map<string, MemUnit[]>;
  staysByUnit: Map<string, MemStay[]>;
  closuresByUnit: Map<string, MemClosure[]>;
  counts: { units: number; stays: number; closures: number; locations: number; regions: number };
}

export async function loadMemory(serverDbUrl: string): Promise<MemoryData> {
  const client = new pg.Client({ connectionString: serverDbUrl });
  await client.connect();
  try {
    const regions = (await client.query<{ id: string }>('SELECT id FROM region ORDER BY id')).rows.map((r) => r.id);
    const neighbours = new Map<string, string[]>();
    for (const row of (
      await client.query<{ region_id: string; neighbour_id: string }>(
        'SELECT region_id, neighbour_id FROM region_neighbour ORDER BY region_id, neighbour_id',
      )
    ).rows) {
      neighbours.set(row.region_id, [...(neighbours.get(row.region_id) ?? []), row.neighbour_id]);
    }
    const units = await client.query<MemUnit>(`
      SELECT u.id AS "unitId", u.name AS "unitName", u.kind, u.accepted_stay_types AS "acceptedStayTypes",
             u.reserved_for AS "reservedFor", u.features AS "unitFeatures", l.features AS "locationFeatures",
             u.active_from::text AS "activeFrom", u.active_until::text AS "activeUntil", l.id AS "locationId",
             l.name AS "locationName", l.city, l.pc4, l.latitude, l.longitude, l.region_id AS "regionId",
             o.id AS "organisationId", o.name AS "organisationName"
        FROM capacity_unit u JOIN location l ON l.id = u.location_id JOIN organisation o ON o.id = l.organisation_id
       ORDER BY l.name, u.name`);
    const unitsByRegion = new Map<string, MemUnit[]>(regions.map((id) => [id, []]));
    for (const unit of units.rows) unitsByRegion.get(unit.regionId)?.push(unit);

    const stays = await client.query<{
      id: string;
      unit_id: string;
      arrival: string;
      departure: string;
      status: string;
      hold: Date | null;
    }>('SELECT id, unit_id, arrival::text, departure::text, status, hold_expires_at AS hold FROM stay');
    const staysByUnit = new Map<string, MemStay[]>();
    for (const s of stays.rows) {
      const stay: MemStay = {
        id: s.id,
        arrival: s.arrival,
        departure: s.departure,
        status: s.status,
        holdExpiresAt: s.hold?.getTime() ?? null,
      };
      const list = staysByUnit.get(s.unit_id);
      if (list) list.push(stay);
      else staysByUnit.set(s.unit_id, [stay]);
    }
    const closures = await client.query<{ id: string; unit_id: string; starts_on: string; ends_on: string }>(
      'SELECT id, unit_id, starts_on::text, ends_on::text FROM unit_closure',
    );
    const closuresByUnit = new Map<string, MemClosure[]>();
    for (const c of closures.rows) {
      const closure = { id: c.id, startsOn: c.starts_on, endsOn: c.ends_on };
      const list = closuresByUnit.get(c.unit_id);
      if (list) list.push(closure);
      else closuresByUnit.set(c.unit_id, [closure]);
    }
    const locations = new Set(units.rows.map((u) => u.locationId)).size;
    return {
      regions,
      neighbours,
      unitsByRegion,
      staysByUnit,
      closuresByUnit,
      counts: { units: units.rows.length, stays: stays.rows.length, closures: closures.rows.length, locations, regions: regions.length },
    };
  } finally {
    await client.end();
  }
}

const OCCUPYING = new Set(['confirmed', 'arrived', 'departed']);

/** Decides free / partially free for one unit; by default the pure functions of src/domain/availability.ts. */
export type RangesFunction = (window: DateRange, unit: ActivePeriod, occupations: readonly Occupation[]) => DateRange[];

/** The same answer as searchFreeUnits, computed by brute force over the arrays. */
export function searchInMemory(data: MemoryData, request: SearchRequest, ranges?: RangesFunction): SearchResult {
  const home = data.unitsByRegion.get(request.regionId);
  if (!home) throw new Error(`unknown region ${request.regionId}`);
  const regionIds = request.includeNeighbours ? [request.regionId, ...(data.neighbours.get(request.regionId) ?? [])] : [request.regionId];
  const { from, to } = request.period;
  const now = Date.now();
  const result: SearchResult = { period: request.period, regionIds, free: [], partiallyFree: [] };
  for (const regionId of regionIds) {
    for (const unit of data.unitsByRegion.get(regionId) ?? []) {
      if (!(unit.activeFrom < to && (unit.activeUntil === null || unit.activeUntil > from))) continue;
      if (!unit.acceptedStayTypes.includes(request.stayType)) continue;
      if (unit.reservedFor !== null && unit.reservedFor !== request.stayType) continue;
      const features = effectiveFeatures(unit.locationFeatures, unit.unitFeatures);
      if (!hasAllFeatures(features, request.features)) continue;
      const taken: Occupation[] = [];
      for (const stay of data.staysByUnit.get(unit.unitId) ?? []) {
        if (stay.arrival >= to || stay.departure <= from) continue;
        if (OCCUPYING.has(stay.status)) taken.push({ range: { from: stay.arrival, to: stay.departure }, kind: 'booked' });
        else if (stay.status === 'hold' && stay.holdExpiresAt !== null && stay.holdExpiresAt > now) {
          taken.push({ range: { from: stay.arrival, to: stay.departure }, kind: 'hold' });
        }
      }
      for (const closure of data.closuresByUnit.get(unit.unitId) ?? []) {
        if (closure.startsOn < to && closure.endsOn > from)
          taken.push({ range: { from: closure.startsOn, to: closure.endsOn }, kind: 'closed' });
      }
      const candidate: UnitCandidateRow = {
        unitId: unit.unitId,
        unitName: unit.unitName,
        kind: unit.kind,
        acceptedStayTypes: unit.acceptedStayTypes,
        reservedFor: unit.reservedFor,
        features,
        activeFrom: unit.activeFrom,
        activeUntil: unit.activeUntil,
        locationId: unit.locationId,
        locationName: unit.locationName,
        city: unit.city,
        pc4: unit.pc4,
        latitude: unit.latitude,
        longitude: unit.longitude,
        regionId: unit.regionId,
        organisationId: unit.organisationId,
        organisationName: unit.organisationName,
      };
      const option = toOption(candidate, request.regionId);
      if (ranges) {
        const free = ranges(request.period, candidate, taken);
        if (free.length === 1 && free[0]!.from === from && free[0]!.to === to) result.free.push(option);
        else if (free.length > 0) result.partiallyFree.push({ ...option, freeRanges: free });
      } else if (isFreeThroughout(request.period, candidate, taken)) {
        result.free.push(option);
      } else {
        const free = freeRanges(request.period, candidate, taken);
        if (free.length > 0) result.partiallyFree.push({ ...option, freeRanges: free });
      }
    }
  }
  const byRegion = (a: UnitOption, b: UnitOption) => Number(a.outsideRegion) - Number(b.outsideRegion);
  result.free.sort(byRegion);
  result.partiallyFree.sort(byRegion);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Queries and measurement
// ---------------------------------------------------------------------------------------------------------------

/** Random region, random 14-night period in the year, a stay type the region's units take, sometimes a feature. */
export function buildQueries(data: MemoryData, count: number, seed: number, yearStart: string): SearchRequest[] {
  const random = createRandom(seed);
  const typesByRegion = new Map<string, string[]>();
  for (const [regionId, units] of data.unitsByRegion) {
    typesByRegion.set(regionId, [...new Set(units.flatMap((u) => u.acceptedStayTypes))].sort());
  }
  return Array.from({ length: count }, () => {
    const regionId = random.pick(data.regions);
    const from = addDays(yearStart, random.int(0, YEAR_DAYS - NIGHTS));
    return {
      regionId,
      period: { from, to: addDays(from, NIGHTS) },
      stayType: random.pick(typesByRegion.get(regionId)!),
      features: random.chance(0.3) ? [random.pick(FEATURES)] : [],
      includeNeighbours: false,
    };
  });
}

export type SearchEngine = (request: SearchRequest) => Promise<SearchResult> | SearchResult;

export interface EngineRun {
  timesMs: number[];
  signatures: string[];
  freeCounts: number[];
  partialCounts: number[];
}

/** A compact fingerprint of an answer, to check the engines agree query by query. */
export function signature(result: SearchResult): string {
  const free = result.free
    .map((u) => u.unitId)
    .sort()
    .join(',');
  const partial = result.partiallyFree
    .map((u) => `${u.unitId}@${u.freeRanges.map((r) => `${r.from}/${r.to}`).join('+')}`)
    .sort()
    .join(',');
  return createHash('sha1').update(`${free}|${partial}`).digest('hex');
}

/** Warm-up queries first (not measured), then every query one after the other, timed end to end. */
export async function runEngine(
  label: string,
  engine: SearchEngine,
  warmup: readonly SearchRequest[],
  queries: readonly SearchRequest[],
): Promise<EngineRun> {
  for (const request of warmup) await engine(request);
  const run: EngineRun = { timesMs: [], signatures: [], freeCounts: [], partialCounts: [] };
  const logEvery = Math.max(1, Math.floor(queries.length / 4));
  for (const [i, request] of queries.entries()) {
    const start = performance.now();
    const result = await engine(request);
    run.timesMs.push(performance.now() - start);
    run.signatures.push(signature(result));
    run.freeCounts.push(result.free.length);
    run.partialCounts.push(result.partiallyFree.length);
    if ((i + 1) % logEvery === 0) log(`  ${label}: ${i + 1}/${queries.length} queries`);
  }
  return run;
}

export function serverEngine(db: Kysely<Database>): SearchEngine {
  return (request) => searchFreeUnits(db, request);
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics on the server: where the time goes, and what a rewritten occupation query would cost.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The occupation query as proposed for src/data/availability.repository.ts (findOccupations): the status filter
 * written so it implies the partial index predicate of stay_no_overlap without an OR that the planner turns into a
 * BitmapOr over every live hold in the country, and the unit list joined as a set (unnest) so each unit is one
 * index probe on (unit_id, period).
 */
export async function proposedFindOccupations(db: Kysely<Database>, unitIds: readonly string[], window: { from: string; to: string }) {
  if (unitIds.length === 0) return [];
  const range = sql`daterange(${window.from}::date, ${window.to}::date, '[)')`;
  const ids = sql`${sql.val([...unitIds])}::uuid[]`;
  const result = await sql<{
    unit_id: string;
    kind: string;
    starts: string;
    ends: string;
    stay_id: string | null;
    closure_id: string | null;
  }>`
    SELECT s.unit_id, CASE WHEN s.status = 'hold' THEN 'hold' ELSE 'booked' END AS kind,
           s.arrival AS starts, s.departure AS ends, s.id AS stay_id, NULL::uuid AS closure_id
      FROM unnest(${ids}) AS wanted(id)
      JOIN stay s ON s.unit_id = wanted.id
     WHERE s.period && ${range}
       AND s.status IN ('hold', 'confirmed', 'arrived', 'departed')
       AND (s.status <> 'hold' OR s.hold_expires_at > now())
    UNION ALL
    SELECT c.unit_id, 'closed', c.starts_on, c.ends_on, NULL, c.id
      FROM unnest(${ids}) AS wanted(id)
      JOIN unit_closure c ON c.unit_id = wanted.id
     WHERE c.period && ${range}
  `.execute(db);
  return result.rows;
}

/** Only the status predicate rewritten; the unit list stays "= ANY (array)". */
export async function statusFixFindOccupations(db: Kysely<Database>, unitIds: readonly string[], window: { from: string; to: string }) {
  if (unitIds.length === 0) return [];
  const range = sql`daterange(${window.from}::date, ${window.to}::date, '[)')`;
  const ids = sql`${sql.val([...unitIds])}::uuid[]`;
  const result = await sql<{ unit_id: string }>`
    SELECT s.unit_id, CASE WHEN s.status = 'hold' THEN 'hold' ELSE 'booked' END AS kind,
           s.arrival AS starts, s.departure AS ends, s.id AS stay_id, NULL::uuid AS closure_id
      FROM stay s
     WHERE s.unit_id = ANY (${ids}) AND s.period && ${range}
       AND s.status IN ('hold', 'confirmed', 'arrived', 'departed')
       AND (s.status <> 'hold' OR s.hold_expires_at > now())
    UNION ALL
    SELECT c.unit_id, 'closed', c.starts_on, c.ends_on, NULL, c.id
      FROM unit_closure c
     WHERE c.unit_id = ANY (${ids}) AND c.period && ${range}
  `.execute(db);
  return result.rows;
}

export interface Breakdown {
  queries: number;
  region_exists_ms: { p50: number; p95: number };
  find_candidate_units_ms: { p50: number; p95: number };
  /** The same query on connections with random_page_cost = 1.1 (the usual SSD setting) instead of the default 4. */
  find_candidate_units_random_page_cost_1_1_ms: { p50: number; p95: number };
  find_occupations_ms: { p50: number; p95: number };
  find_occupations_status_rewrite_ms: { p50: number; p95: number };
  find_occupations_proposed_ms: { p50: number; p95: number };
  proposed_rows_match: boolean;
  candidates_per_query: { p50: number; p95: number };
  occupation_rows_per_query: { p50: number; p95: number };
}

/** Times each data-layer step of the search separately, next to the rewritten occupation queries. */
export async function searchBreakdown(
  db: Kysely<Database>,
  tunedDb: Kysely<Database>,
  queries: readonly SearchRequest[],
): Promise<Breakdown> {
  const t = {
    exists: [] as number[],
    candidates: [] as number[],
    tuned: [] as number[],
    occ: [] as number[],
    statusFix: [] as number[],
    proposed: [] as number[],
  };
  const counts = { candidates: [] as number[], occupations: [] as number[] };
  let rowsMatch = true;
  const time = async <T>(into: number[], work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await work();
    into.push(performance.now() - start);
    return value;
  };
  for (const request of queries) {
    await time(t.exists, () => regionExists(db, request.regionId));
    const candidates = await time(t.candidates, () =>
      findCandidateUnits(db, {
        regionIds: [request.regionId],
        stayType: request.stayType,
        features: request.features,
        window: request.period,
      }),
    );
    await time(t.tuned, () =>
      findCandidateUnits(tunedDb, {
        regionIds: [request.regionId],
        stayType: request.stayType,
        features: request.features,
        window: request.period,
      }),
    );
    const ids = candidates.map((c) => c.unitId);
    const occupations = await time(t.occ, () => findOccupations(db, ids, request.period, appClock().now()));
    await time(t.statusFix, () => statusFixFindOccupations(db, ids, request.period));
    const proposed = await time(t.proposed, () => proposedFindOccupations(db, ids, request.period));
    counts.candidates.push(ids.length);
    counts.occupations.push(occupations.length);
    const a = occupations
      .map((o) => `${o.unitId}${o.range.from}${o.range.to}${o.kind}`)
      .sort()
      .join();
    const b = proposed
      .map((o) => `${o.unit_id}${o.starts}${o.ends}${o.kind}`)
      .sort()
      .join();
    if (a !== b) rowsMatch = false;
  }
  const pp = (values: number[]) => {
    const s = summary(values);
    return { p50: s.p50, p95: s.p95 };
  };
  return {
    queries: queries.length,
    region_exists_ms: pp(t.exists),
    find_candidate_units_ms: pp(t.candidates),
    find_candidate_units_random_page_cost_1_1_ms: pp(t.tuned),
    find_occupations_ms: pp(t.occ),
    find_occupations_status_rewrite_ms: pp(t.statusFix),
    find_occupations_proposed_ms: pp(t.proposed),
    proposed_rows_match: rowsMatch,
    candidates_per_query: pp(counts.candidates),
    occupation_rows_per_query: pp(counts.occupations),
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact SQL that findCandidateUnits and findOccupations send for one request,
 * captured through Kysely's query log. Long uuid arrays in the plan are shortened.
 */
export async function explainSearch(
  pool: pg.Pool,
  makeDb: (log: (sqlText: string, params: readonly unknown[]) => void) => Kysely<Database>,
  request: SearchRequest,
) {
  const captured: { sql: string; params: readonly unknown[] }[] = [];
  const db = makeDb((sqlText, params) => captured.push({ sql: sqlText, params }));
  const candidates = await findCandidateUnits(db, {
    regionIds: [request.regionId],
    stayType: request.stayType,
    features: request.features,
    window: request.period,
  });
  await findOccupations(
    db,
    candidates.map((c) => c.unitId),
    request.period,
    appClock().now(),
  );
  await proposedFindOccupations(
    db,
    candidates.map((c) => c.unitId),
    request.period,
  );
  const plans: Record<string, string[]> = {};
  const names = ['find_candidate_units', 'find_occupations', 'find_occupations_proposed'];
  for (const [i, query] of captured.entries()) {
    const result = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.params]);
    plans[names[i] ?? `query_${i}`] = result.rows.map((row) =>
      row['QUERY PLAN'].replace(/'\{[0-9a-f-]{36}(,[0-9a-f-]{36})*\}'/g, (m) => `'{…${m.split(',').length} uuids…}'`),
    );
  }
  return { request, candidates: candidates.length, plans };
}

/** How many answers differ, over the queries both runs answered (a what-if run covers only the first ones). */
export function compareRuns(reference: EngineRun, other: EngineRun): number {
  let mismatches = 0;
  const n = Math.min(reference.signatures.length, other.signatures.length);
  for (let i = 0; i < n; i++) if (other.signatures[i] !== reference.signatures[i]) mismatches++;
  return mismatches;
}

/** The first query whose answers differ, and how: what a reader needs to find the engine that is wrong. */
export async function firstDifference(
  reference: EngineRun,
  other: EngineRun,
  queries: readonly SearchRequest[],
  engines: { reference: SearchEngine; other: SearchEngine },
) {
  const index = reference.signatures.findIndex((signature, i) => other.signatures[i] !== signature);
  if (index < 0) return null;
  const request = queries[index]!;
  const describe = (result: SearchResult) =>
    new Map([
      ...result.free.map((unit) => [unit.unitId, 'free'] as const),
      ...result.partiallyFree.map((unit) => [unit.unitId, unit.freeRanges.map((r) => `${r.from}/${r.to}`).join('+')] as const),
    ]);
  const [expected, actual] = [describe(await engines.reference(request)), describe(await engines.other(request))];
  const units = [...new Set([...expected.keys(), ...actual.keys()])].filter((id) => expected.get(id) !== actual.get(id));
  return {
    query: request,
    units: units.map((unitId) => ({ unitId, reference: expected.get(unitId) ?? 'absent', other: actual.get(unitId) ?? 'absent' })),
  };
}

export { round2, SEED };
