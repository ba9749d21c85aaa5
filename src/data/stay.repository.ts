import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database, NewStayRow, StayRow } from './schema.ts';

/** Serialises writes per unit: bookings, date changes and closures of one unit wait for each other. */
export async function lockUnits(trx: Transaction<Database>, unitIds: readonly string[]): Promise<string[]> {
  // Locking in id order keeps two moves between the same units from deadlocking.
  const sorted = [...new Set(unitIds)].sort();
  const rows = await trx
    .selectFrom('capacity_unit')
    .select('id')
    .where('id', 'in', sorted)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** Holds past their expiry stop occupying the unit before anything else is written on it. */
export async function expireHolds(db: Kysely<Database>, unitIds?: readonly string[]): Promise<number> {
  let query = db
    .updateTable('stay')
    .set({ status: 'expired', hold_expires_at: null, updated_at: sql`now()` })
    .where('status', '=', 'hold')
    .where('hold_expires_at', '<=', sql<Date>`now()`);
  if (unitIds) query = query.where('unit_id', 'in', [...unitIds]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findOverlappingStayIds(
  trx: Kysely<Database>,
  unitId: string,
  arrival: string,
  departure: string,
  excludeStayId?: string,
): Promise<string[]> {
  let query = trx
    .selectFrom('stay')
    .select('id')
    .where('unit_id', '=', unitId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['confirmed', 'arrived', 'departed']),
        eb.and([eb('status', '=', 'hold'), eb('hold_expires_at', '>', sql<Date>`now()`)]),
      ]),
    )
    .where(sql<boolean>`period && daterange(${arrival}::date, ${departure}::date, '[)')`);
  if (excludeStayId) query = query.where('id', '<>', excludeStayId);
  return (await query.execute()).map((row) => row.id);
}

export async function findOverlappingClosureIds(
  trx: Kysely<Database>,
  unitId: string,
  arrival: string,
  departure: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('unit_closure')
    .select('id')
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`period && daterange(${arrival}::date, ${departure}::date, '[)')`)
    .execute();
  return rows.map((row) => row.id);
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
  'created_at',
  'updated_at',
] as const;

export async function insertStays(trx: Kysely<Database>, rows: readonly NewStayRow[]): Promise<StayRow[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('stay').values([...rows]).returning(STAY_COLUMNS).execute() as Promise<StayRow[]>;
}

export async function findStay(db: Kysely<Database>, stayId: string, forUpdate = false): Promise<StayRow | undefined> {
  let query = db.selectFrom('stay').select(STAY_COLUMNS).where('id', '=', stayId);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) as StayRow | undefined;
}

export async function updateStay(
  trx: Kysely<Database>,
  stayId: string,
  changes: Partial<Pick<NewStayRow, 'status' | 'hold_expires_at' | 'cancel_reason' | 'arrival' | 'departure' | 'unit_id'>>,
): Promise<StayRow> {
  return (await trx
    .updateTable('stay')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', stayId)
    .returning(STAY_COLUMNS)
    .executeTakeFirstOrThrow()) as StayRow;
}

/** True when the error is PostgreSQL refusing an overlapping stay (SQLSTATE 23P01, exclusion violation). */
export function isOverlapViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23P01';
}
