import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database, NewStayRow, StayRow } from './schema.ts';
import { OCCUPYING_STATUSES } from '../domain/stay-lifecycle.ts';
import { OCCUPYING_SQL } from './stay-statuses.ts';

/** Serialises writes per unit: bookings, date changes and closures of one unit wait for each other. */
export async function lockUnits(trx: Transaction<Database>, unitIds: readonly string[]): Promise<string[]> {
  // Locking in id order keeps two moves between the same units from deadlocking.
  const sorted = [...new Set(unitIds)].sort();
  const rows = await trx.selectFrom('capacity_unit').select('id').where('id', 'in', sorted).orderBy('id').forUpdate().execute();
  return rows.map((row) => row.id);
}

/** The sweeper: holds past their expiry at `now` (the app's clock, see domain/holds.ts) stop occupying their unit. */
export async function expireHolds(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .updateTable('stay')
    .set({ status: 'expired', hold_expires_at: null, updated_at: sql`app_now()` })
    .where('status', '=', 'hold')
    .where('hold_expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface Blocker {
  /**
   * 'lapsed_hold': a hold past its expiry that the sweeper has not marked yet; it blocks only the constraint.
   * 'client_stay' / 'client_lapsed_hold': the same for a stay of the guest on any unit (stay_client_no_overlap).
   */
  kind: 'closure' | 'stay' | 'lapsed_hold' | 'client_stay' | 'client_lapsed_hold';
  id: string;
}

/**
 * Everything that overlaps a period, in one round trip: closures and occupying stays on the unit, and with a
 * client, the occupying stays of that client anywhere.
 */
export async function findBlockers(
  db: Kysely<Database>,
  unitId: string,
  period: { from: string; to: string },
  now: Date,
  options: { excludeStayId?: string; clientId?: string } = {},
): Promise<Blocker[]> {
  const range = sql`daterange(${period.from}::date, ${period.to}::date, '[)')`;
  const excluded = options.excludeStayId ?? '00000000-0000-0000-0000-000000000000';
  const lapsed = sql`status = 'hold' AND hold_expires_at <= ${now}`;
  const clientStays = options.clientId
    ? sql`
    UNION ALL
    SELECT CASE WHEN ${lapsed} THEN 'client_lapsed_hold' ELSE 'client_stay' END, id
      FROM stay
     WHERE client_id = ${options.clientId}::uuid AND period && ${range}
       AND status IN (${OCCUPYING_SQL})
       AND id <> ${excluded}::uuid`
    : sql``;
  const result = await sql<Blocker>`
    SELECT 'closure' AS kind, id FROM unit_closure WHERE unit_id = ${unitId} AND period && ${range}
    UNION ALL
    SELECT CASE WHEN ${lapsed} THEN 'lapsed_hold' ELSE 'stay' END, id
      FROM stay
     WHERE unit_id = ${unitId} AND period && ${range}
       AND status IN (${OCCUPYING_SQL})
       AND id <> ${excluded}::uuid${clientStays}`.execute(db);
  return result.rows;
}

/** The occupying stays of a client that overlap a period, with where they are: what a refusal names. */
export async function findClientOverlaps(
  db: Kysely<Database>,
  clientId: string,
  period: { from: string; to: string },
  excludeStayId?: string,
) {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select(['s.id', 's.arrival', 's.departure', 's.status', 's.referral_id as referralId', 'u.name as unitName', 'l.name as locationName'])
    .where('s.client_id', '=', clientId)
    .where(sql<boolean>`s.period && daterange(${period.from}::date, ${period.to}::date, '[)')`)
    .where('s.status', 'in', [...OCCUPYING_STATUSES])
    .where('s.id', '<>', excludeStayId ?? '00000000-0000-0000-0000-000000000000')
    .orderBy('s.arrival')
    .execute();
}

/**
 * Marks lapsed holds expired while the caller holds their unit's lock. A hold another transaction has locked is
 * skipped rather than waited for: waiting on a stay while holding its unit would invert the lock order (stay, then
 * unit) and could deadlock. A skipped hold still blocks, and the caller sees a conflict.
 */
export async function expireHoldsById(trx: Kysely<Database>, stayIds: readonly string[]): Promise<void> {
  if (stayIds.length === 0) return;
  await sql`
    UPDATE stay SET status = 'expired', hold_expires_at = NULL, updated_at = app_now()
     WHERE id IN (SELECT id FROM stay WHERE id = ANY (${sql.val([...stayIds])}::uuid[]) AND status = 'hold'
                  FOR UPDATE SKIP LOCKED)`.execute(trx);
}

const STAY_COLUMNS = [
  'id',
  'unit_id',
  'client_id',
  'stay_type',
  'arrival',
  'departure',
  'status',
  'hold_expires_at',
  'cancel_reason',
  'series_id',
  'referral_id',
  'open_ended',
  'required_features',
  'feature_override_reason',
  'feature_override_by',
  'created_at',
  'updated_at',
] as const;

export async function insertStays(trx: Kysely<Database>, rows: readonly NewStayRow[]): Promise<StayRow[]> {
  if (rows.length === 0) return [];
  return trx
    .insertInto('stay')
    .values([...rows])
    .returning(STAY_COLUMNS)
    .execute() as Promise<StayRow[]>;
}

/** The unit's rules as the application checked them; place_stay inserts only while the unit still has them. */
export interface CheckedUnit {
  id: string;
  acceptedStayTypes: readonly string[];
  reservedFor: string | null;
  activeFrom: string;
  activeUntil: string | null;
}

/**
 * A booking in one round trip, outside any transaction (place_stay: 0034, without its sync marker since 0037): the
 * unit locked and compared with `unit`, no closure on the period, the insert under the exclusion constraints, with the
 * change author for the audit trigger. Undefined when the unit changed or is closed; an overlapping stay throws 23P01
 * as an insert does.
 */
export async function placeStay(
  db: Kysely<Database>,
  unit: CheckedUnit,
  stay: Omit<NewStayRow, 'unit_id'> & Required<Pick<NewStayRow, 'client_id' | 'stay_type' | 'arrival' | 'departure' | 'status'>>,
  actor: string | null,
): Promise<StayRow | undefined> {
  const result = await sql<StayRow>`
    SELECT ${sql.join(STAY_COLUMNS.map((column) => sql.ref(column)))} FROM place_stay(
      ${actor}, ${unit.id}::uuid, ${sql.val([...unit.acceptedStayTypes])}::text[], ${unit.reservedFor},
      ${unit.activeFrom}::date, ${unit.activeUntil}::date, ${stay.client_id}::uuid, ${stay.stay_type}, ${stay.arrival}::date,
      ${stay.departure}::date, ${stay.status}, ${stay.hold_expires_at ?? null}::timestamptz, ${stay.referral_id ?? null}::uuid,
      ${stay.open_ended ?? false}, ${sql.val([...(stay.required_features ?? [])])}::text[], ${stay.feature_override_reason ?? null},
      ${stay.feature_override_by ?? null}::uuid)`.execute(db);
  return result.rows[0];
}

export async function findStay(db: Kysely<Database>, stayId: string, forUpdate = false): Promise<StayRow | undefined> {
  let query = db.selectFrom('stay').select(STAY_COLUMNS).where('id', '=', stayId);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) as StayRow | undefined;
}

export async function updateStay(
  trx: Kysely<Database>,
  stayId: string,
  changes: Partial<
    Pick<
      NewStayRow,
      | 'status'
      | 'hold_expires_at'
      | 'cancel_reason'
      | 'arrival'
      | 'departure'
      | 'unit_id'
      | 'feature_override_reason'
      | 'feature_override_by'
    >
  >,
): Promise<StayRow> {
  return (await trx
    .updateTable('stay')
    .set({ ...changes, updated_at: sql`app_now()` })
    .where('id', '=', stayId)
    .returning(STAY_COLUMNS)
    .executeTakeFirstOrThrow()) as StayRow;
}

/** True when the insert named a client that does not exist (SQLSTATE 23503 on the stay's client key). */
export function isUnknownClient(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23503' && e.constraint === 'stay_client_id_fkey';
}

/** True when the error is PostgreSQL refusing an overlapping stay (SQLSTATE 23P01, exclusion violation). */
export function isOverlapViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23P01';
}

/** True when the database refused a unit that lacks a feature the guest needs (0026_required_features.sql). */
export function isMissingFeaturesViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === '23514' &&
    (error as { constraint?: unknown }).constraint === 'stay_required_features'
  );
}

/** True when the refused overlap is the guest's, not the unit's: stay_client_no_overlap. */
export function isClientOverlapViolation(error: unknown): boolean {
  return isOverlapViolation(error) && (error as { constraint?: unknown }).constraint === 'stay_client_no_overlap';
}

/** A stay with where it takes place: what a calendar entry needs, and nothing about the guest. */
export async function findStayPlace(db: Kysely<Database>, stayId: string) {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select([
      's.id',
      's.stay_type',
      's.arrival',
      's.departure',
      's.status',
      's.revision',
      's.updated_at',
      'u.name as unit_name',
      'l.name as location_name',
      'l.street',
      'l.house_number',
      'l.postcode',
      'l.city',
      'l.latitude',
      'l.longitude',
    ])
    .where('s.id', '=', stayId)
    .executeTakeFirst();
}

/** Who stays and where: the names a stay's page shows beside its dates. */
export async function findStayNames(db: Kysely<Database>, stayId: string) {
  return db
    .selectFrom('stay as s')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select(['c.name as guestName', 'u.name as unitName', 'l.id as locationId', 'l.name as locationName'])
    .where('s.id', '=', stayId)
    .executeTakeFirst();
}

/** The stays booked or held for a referral, with where they are, earliest first. */
/** Per referral the first stay that holds or held a place (earliest arrival): the place its list shows. */
export async function placesOfReferrals(db: Kysely<Database>, referralIds: readonly string[]) {
  type Place = {
    status: 'hold' | 'confirmed' | 'arrived' | 'departed';
    arrival: string;
    departure: string;
    unitName: string;
    locationName: string;
  };
  if (referralIds.length === 0) return new Map<string, Place>();
  const rows = await db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .distinctOn('s.referral_id')
    .select(['s.referral_id as referralId', 's.status', 's.arrival', 's.departure', 'u.name as unitName', 'l.name as locationName'])
    .where('s.referral_id', 'in', [...referralIds])
    .where('s.status', 'in', [...OCCUPYING_STATUSES])
    .orderBy('s.referral_id')
    .orderBy('s.arrival')
    .execute();
  return new Map(rows.map(({ referralId, ...place }) => [referralId!, place as Place]));
}

export async function staysOfReferral(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select([
      's.id',
      's.status',
      's.stay_type as stayType',
      's.arrival',
      's.departure',
      sql<string | null>`to_json(s.hold_expires_at) #>> '{}'`.as('holdExpiresAt'),
      's.open_ended as openEnded',
      'u.name as unitName',
      'l.name as locationName',
      's.feature_override_reason as featureOverrideReason',
    ])
    .where('s.referral_id', '=', referralId)
    .orderBy('s.arrival')
    .orderBy('s.id')
    .execute();
}

/**
 * The stays of a referral that still hold a place or are under way (hold, confirmed, arrived), locked in id order
 * until the transaction ends: what a withdrawal cancels, or what keeps a referral from being closed.
 */
export async function lockPlannedStaysOfReferral(trx: Transaction<Database>, referralId: string) {
  return trx
    .selectFrom('stay')
    .select(['id', 'status'])
    .where('referral_id', '=', referralId)
    .where('status', 'in', ['hold', 'confirmed', 'arrived'])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Cancels the stays with one reason; a hold's expiry goes, since a cancelled stay holds nothing. */
export async function cancelStays(trx: Kysely<Database>, stayIds: readonly string[], reason: string): Promise<void> {
  if (stayIds.length === 0) return;
  await trx
    .updateTable('stay')
    .set({ status: 'cancelled', hold_expires_at: null, cancel_reason: reason, updated_at: sql<Date>`app_now()` })
    .where('id', 'in', [...stayIds])
    .execute();
}

/** The series a repeated booking's stays belong to: the rule they were made by, for the history and the export. */
export async function insertStaySeries(
  trx: Kysely<Database>,
  series: { clientId: string; rrule: string; nights: number },
): Promise<string> {
  const row = await trx
    .insertInto('stay_series')
    .values({ client_id: series.clientId, rrule: series.rrule, nights: series.nights })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
