import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** What stays of a client after anonymisation: the postcode area (for regional figures) and the stays without notes. */
export const ANONYMOUS_NAME = 'Geanonimiseerd';
const ANONYMOUS_REASON = '(geanonimiseerd)';

/**
 * Clients whose file is closed: no stay that is planned, held or running, the last departure (or, without stays,
 * the registration) longer ago than the cut-off, and not anonymised yet.
 */
export async function findClientsPastRetention(db: Kysely<Database>, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('client as c')
    .select('c.id')
    .where('c.anonymised_at', 'is', null)
    .where('c.created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('stay as s')
            .select(sql`1`.as('one'))
            .whereRef('s.client_id', '=', 'c.id')
            .where((eb) =>
              eb.or([eb('s.status', 'in', ['hold', 'confirmed', 'arrived']), eb('s.departure', '>=', sql<string>`${cutoff}::date`)]),
            ),
        ),
      ),
    )
    .orderBy('c.created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function hasOpenStays(db: Kysely<Database>, clientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('stay')
    .select('id')
    .where('client_id', '=', clientId)
    .where('status', 'in', ['hold', 'confirmed', 'arrived'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function anonymiseClient(db: Kysely<Database>, clientId: string): Promise<boolean> {
  const updated = await db
    .updateTable('client')
    .set({ name: ANONYMOUS_NAME, date_of_birth: null, anonymised_at: sql<Date>`app_now()` })
    .where('id', '=', clientId)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
  // Free text may name people; that the stay was cancelled stays in its status.
  await db
    .updateTable('stay')
    .set({ cancel_reason: ANONYMOUS_REASON })
    .where('client_id', '=', clientId)
    .where('cancel_reason', 'is not', null)
    .execute();
  // The caregiver's check-ins say how a person was doing; no figure needs them once the file is closed.
  await db.deleteFrom('burden_screening').where('client_id', '=', clientId).execute();
  await db.deleteFrom('caregiver_contact').where('client_id', '=', clientId).execute();
  return updated.numUpdatedRows > 0n;
}

/** When the client was anonymised; null while it is not. */
export async function anonymisedAtOf(db: Kysely<Database>, clientId: string): Promise<Date | null> {
  const row = await db.selectFrom('client').select('anonymised_at').where('id', '=', clientId).executeTakeFirstOrThrow();
  return row.anonymised_at;
}

export async function clientExport(db: Kysely<Database>, clientId: string) {
  const client = await db.selectFrom('client').selectAll().where('id', '=', clientId).executeTakeFirst();
  if (!client) return undefined;
  const stays = await db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select([
      's.id',
      's.stay_type',
      's.arrival',
      's.departure',
      's.status',
      's.cancel_reason',
      's.series_id',
      's.created_at',
      'u.name as unit_name',
      'l.name as location_name',
    ])
    .where('s.client_id', '=', clientId)
    .orderBy('s.arrival')
    .execute();
  const series = await db.selectFrom('stay_series').selectAll().where('client_id', '=', clientId).execute();
  const burdenScreenings = await db
    .selectFrom('burden_screening')
    .select(['id', 'answers', 'score', 'taken_by', 'taken_at'])
    .where('client_id', '=', clientId)
    .orderBy('taken_at')
    .execute();
  return { client, stays, series, burdenScreenings };
}
