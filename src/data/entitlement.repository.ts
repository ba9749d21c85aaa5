import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import type { Entitlement } from '../domain/stay-limits.ts';
import { OCCUPYING_STATUSES } from '../domain/stay-lifecycle.ts';

const toEntitlement = (row: {
  municipality: string;
  crisis_max_nights: number | null;
  respite_nights_per_year: number | null;
}): Entitlement => ({
  municipality: row.municipality,
  crisisMaxNights: row.crisis_max_nights,
  respiteNightsPerYear: row.respite_nights_per_year,
});

export async function listEntitlements(db: Kysely<Database>): Promise<Entitlement[]> {
  return (await db.selectFrom('municipality_entitlement').selectAll().orderBy('municipality').execute()).map(toEntitlement);
}

export async function entitlementOf(db: Kysely<Database>, municipality: string): Promise<Entitlement | undefined> {
  const row = await db.selectFrom('municipality_entitlement').selectAll().where('municipality', '=', municipality).executeTakeFirst();
  return row ? toEntitlement(row) : undefined;
}

export async function saveEntitlement(db: Kysely<Database>, entitlement: Entitlement): Promise<Entitlement> {
  const values = {
    municipality: entitlement.municipality,
    crisis_max_nights: entitlement.crisisMaxNights,
    respite_nights_per_year: entitlement.respiteNightsPerYear,
  };
  const row = await db
    .insertInto('municipality_entitlement')
    .values(values)
    .onConflict((conflict) => conflict.column('municipality').doUpdateSet({ ...values, updated_at: sql<Date>`app_now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntitlement(row);
}

/** The client's stays that hold or held a place, for counting nights against an entitlement. */
export async function placedStaysOfClient(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom('stay')
    .select(['stay_type as stayType', 'arrival', 'departure'])
    .where('client_id', '=', clientId)
    .where('status', 'in', [...OCCUPYING_STATUSES])
    .execute();
}
