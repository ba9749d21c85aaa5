import { effectiveFeatures, satisfiersOf } from '../domain/care-features.ts';
import { type Kysely, sql } from 'kysely';
import type { Occupation } from '../domain/availability.ts';
import { OCCUPYING_STATUSES } from '../domain/stay-lifecycle.ts';
import type { DateRange } from '../domain/dates.ts';
import type { Database } from './schema.ts';
import { OCCUPYING_SQL } from './stay-statuses.ts';

/** The SQL twin of `unitTakesStayType` (domain/stay-types.ts) on the unit aliased `u`: accepted, and not kept for another. */
const takesStayTypeSql = (stayType: string) =>
  sql<boolean>`(${stayType} = ANY (u.accepted_stay_types) AND (u.reserved_for IS NULL OR u.reserved_for = ${stayType}))`;

export interface UnitCandidateRow {
  unitId: string;
  unitName: string;
  kind: 'bed' | 'home_night';
  acceptedStayTypes: string[];
  reservedFor: string | null;
  features: string[];
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

export interface CandidateFilter {
  regionIds: readonly string[];
  /** Only units that take this stay type (accepted, and not reserved for another type). */
  stayType?: string;
  /** Every feature, offered by the location or by the unit itself, or included in care it offers. */
  features?: readonly string[];
  locationId?: string;
  /** Only units active on at least one night of this window. */
  window: DateRange;
}

/** Units that meet the fixed criteria; whether they are free is decided from their occupations. */
export async function findCandidateUnits(db: Kysely<Database>, filter: CandidateFilter): Promise<UnitCandidateRow[]> {
  let query = db
    .selectFrom('capacity_unit as u')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select([
      'u.id as unitId',
      'u.name as unitName',
      'u.kind',
      'u.accepted_stay_types as acceptedStayTypes',
      'u.reserved_for as reservedFor',
      sql<string[]>`l.features || u.features`.as('features'),
      'u.active_from as activeFrom',
      'u.active_until as activeUntil',
      'l.id as locationId',
      'l.name as locationName',
      'l.city',
      'l.pc4',
      'l.latitude',
      'l.longitude',
      'l.region_id as regionId',
      'l.organisation_id as organisationId',
      'o.name as organisationName',
    ])
    .where('l.region_id', 'in', [...filter.regionIds])
    .where('u.active_from', '<', filter.window.to)
    .where((eb) => eb.or([eb('u.active_until', 'is', null), eb('u.active_until', '>', filter.window.from)]));
  if (filter.stayType) {
    query = query.where(takesStayTypeSql(filter.stayType));
  }
  // A required feature is met by itself or by care that includes it (night supervision by 24-hour nursing).
  for (const feature of filter.features ?? []) {
    query = query.where(sql<boolean>`(l.features || u.features) && ${sql.val(satisfiersOf(feature))}::text[]`);
  }
  if (filter.locationId) query = query.where('l.id', '=', filter.locationId);
  if (filter.regionIds.length === 0) return [];
  const rows = await query.orderBy('l.name').orderBy('u.name').execute();
  // What the unit offers, once each and sorted, with what its care includes: the read model and the callers compare
  // against this.
  return rows.map((row) => ({ ...row, features: effectiveFeatures(row.features, []) }));
}

export interface OccupationRow extends Occupation {
  unitId: string;
  stayId: string | null;
  closureId: string | null;
}

/**
 * Stays and closures that take a night of the window on the given units. A hold past its expiry at `now` no longer
 * counts, even before the sweeper has marked it expired.
 */
export async function findOccupations(
  db: Kysely<Database>,
  unitIds: readonly string[],
  window: DateRange,
  now: Date,
): Promise<OccupationRow[]> {
  if (unitIds.length === 0) return [];
  const range = sql`daterange(${window.from}::date, ${window.to}::date, '[)')`;
  const ids = sql`${sql.val([...unitIds])}::uuid[]`;
  const result = await sql<{
    unit_id: string;
    kind: 'hold' | 'booked' | 'closed' | 'not_admitting';
    starts: string;
    ends: string;
    stay_id: string | null;
    closure_id: string | null;
  }>`
    SELECT s.unit_id, CASE WHEN s.status = 'hold' THEN 'hold' ELSE 'booked' END AS kind,
           s.arrival AS starts, s.departure AS ends, s.id AS stay_id, NULL::uuid AS closure_id
      FROM unnest(${ids}) AS wanted (id)
      JOIN stay s ON s.unit_id = wanted.id AND s.period && ${range}
     -- Written so the filter stays inside the per-unit index scan; an OR across statuses made the planner add a
     -- scan of every live hold in the country (measured by the benchmark: 6 ms → 1.6 ms per call).
     WHERE s.status IN (${OCCUPYING_SQL}) AND (s.status <> 'hold' OR s.hold_expires_at > ${now})
    UNION ALL
    SELECT c.unit_id, CASE c.kind WHEN 'not_admitting' THEN 'not_admitting' ELSE 'closed' END, c.starts_on, c.ends_on, NULL, c.id
      FROM unnest(${ids}) AS wanted (id)
      JOIN unit_closure c ON c.unit_id = wanted.id AND c.period && ${range}
  `.execute(db);
  return result.rows.map((row) => ({
    unitId: row.unit_id,
    kind: row.kind,
    range: { from: row.starts, to: row.ends },
    stayId: row.stay_id,
    closureId: row.closure_id,
  }));
}

export async function regionWithNeighbours(db: Kysely<Database>, regionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('region_neighbour')
    .select('neighbour_id')
    .where('region_id', '=', regionId)
    .orderBy('neighbour_id')
    .execute();
  return [regionId, ...rows.map((row) => row.neighbour_id)];
}

export interface RegistrySnapshot {
  regions: { id: string; neighbours: string[] }[];
  /** Every unit, in display order. */
  units: UnitCandidateRow[];
}

export async function loadRegistrySnapshot(db: Kysely<Database>): Promise<RegistrySnapshot> {
  const regionRows = await db.selectFrom('region').select('id').execute();
  const neighbourRows = await db.selectFrom('region_neighbour').select(['region_id', 'neighbour_id']).execute();
  const regions = regionRows.map((region) => ({
    id: region.id,
    neighbours: neighbourRows.filter((row) => row.region_id === region.id).map((row) => row.neighbour_id),
  }));
  const units = await findCandidateUnits(db, {
    regionIds: regions.map((region) => region.id),
    window: { from: '0001-01-01', to: '9999-12-31' },
  });
  return { regions, units };
}

export interface OccupationSnapshotRow {
  kind: 'stay' | 'closure';
  id: string;
  unitId: string;
  from: string;
  to: string;
  /** A stay's status, or a closure's kind. */
  status: string;
  holdExpiresAt: Date | null;
}

/** A stay row as the read model keeps it. */
export function stayOccupation(stay: {
  id: string;
  unit_id: string;
  arrival: string;
  departure: string;
  status: string;
  hold_expires_at: Date | null;
}): OccupationSnapshotRow {
  return {
    kind: 'stay',
    id: stay.id,
    unitId: stay.unit_id,
    from: stay.arrival,
    to: stay.departure,
    status: stay.status,
    holdExpiresAt: stay.hold_expires_at,
  };
}

/** Stays that occupy a unit and closures, ending after the given date. */
export async function loadOccupationSnapshot(db: Kysely<Database>, endingAfter: string): Promise<OccupationSnapshotRow[]> {
  const stays = await db
    .selectFrom('stay')
    .select(['id', 'unit_id', 'arrival', 'departure', 'status', 'hold_expires_at'])
    .where('status', 'in', [...OCCUPYING_STATUSES])
    .where('departure', '>', endingAfter)
    .execute();
  const closures = await db
    .selectFrom('unit_closure')
    .select(['id', 'unit_id', 'starts_on', 'ends_on', 'kind'])
    .where('ends_on', '>', endingAfter)
    .execute();
  return [
    ...stays.map(stayOccupation),
    ...closures.map((c) => ({
      kind: 'closure' as const,
      id: c.id,
      unitId: c.unit_id,
      from: c.starts_on,
      to: c.ends_on,
      status: c.kind,
      holdExpiresAt: null,
    })),
  ];
}

/** A row of the change feed (0037) with the current state of what it names: none when the row is gone. */
export interface AvailabilityChange {
  kind: 'stay' | 'closure' | 'registry';
  rowId: string | null;
  current: OccupationSnapshotRow | null;
}

/**
 * Which transactions' changes are visible now (a pg_snapshot, as text), and its horizon: the oldest transaction still
 * running, so every change of an older one is committed (and visible) or rolled back.
 */
export interface FeedSnapshot {
  snapshot: string;
  horizon: string;
}

export async function changeFeedSnapshot(db: Kysely<Database>): Promise<FeedSnapshot> {
  const { rows } = await sql<FeedSnapshot>`
    SELECT pg_current_snapshot()::text AS snapshot, pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`.execute(db);
  return rows[0]!;
}

/**
 * The changes of the transactions that committed since the snapshot `since` (visible now, not then), each with its row
 * as it is now, and the snapshot for the next call: one statement, so the changes, the rows and the snapshot agree.
 * Each change is read once, however long its transaction ran.
 */
export async function readChangeFeed(
  db: Kysely<Database>,
  since: string,
): Promise<FeedSnapshot & { prunedBefore: string; changes: AvailabilityChange[] }> {
  const { rows } = await sql<{
    snapshot: string;
    horizon: string;
    pruned_before: string;
    kind: AvailabilityChange['kind'] | null;
    row_id: string | null;
    unit_id: string | null;
    starts: string | null;
    ends: string | null;
    status: string | null;
    hold_expires_at: Date | null;
  }>`
    SELECT pg_current_snapshot()::text AS snapshot, pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
           (SELECT before::text FROM availability_change_pruned) AS pruned_before, c.kind, c.row_id,
           coalesce(s.unit_id, k.unit_id) AS unit_id, coalesce(s.arrival, k.starts_on) AS starts,
           coalesce(s.departure, k.ends_on) AS ends, coalesce(s.status, k.kind) AS status, s.hold_expires_at
      FROM (VALUES (1)) AS one (x)
      LEFT JOIN availability_change c
             ON c.xid >= pg_snapshot_xmin(${since}::pg_snapshot) AND NOT pg_visible_in_snapshot(c.xid, ${since}::pg_snapshot)
      LEFT JOIN stay s ON c.kind = 'stay' AND s.id = c.row_id
      LEFT JOIN unit_closure k ON c.kind = 'closure' AND k.id = c.row_id`.execute(db);
  const changes: AvailabilityChange[] = [];
  for (const row of rows) {
    // The one row without a change: the feed had nothing new.
    if (row.kind === null) continue;
    const current: OccupationSnapshotRow | null =
      row.kind !== 'registry' && row.unit_id !== null
        ? {
            kind: row.kind,
            id: row.row_id!,
            unitId: row.unit_id,
            from: row.starts!,
            to: row.ends!,
            status: row.status!,
            holdExpiresAt: row.hold_expires_at,
          }
        : null;
    changes.push({ kind: row.kind, rowId: row.row_id, current });
  }
  return { snapshot: rows[0]!.snapshot, horizon: rows[0]!.horizon, prunedBefore: rows[0]!.pruned_before, changes };
}

/** Forgets the changes of transactions before `before`, and says so to the readers (readChangeFeed's prunedBefore). */
export async function pruneChangeFeed(db: Kysely<Database>, before: string): Promise<void> {
  await sql`
    WITH marked AS (UPDATE availability_change_pruned SET before = greatest(before, ${before}::xid8))
    DELETE FROM availability_change WHERE xid < ${before}::xid8`.execute(db);
}
