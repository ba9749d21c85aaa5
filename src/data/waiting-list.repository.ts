import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export async function referralsWaiting(db: Kysely<Database>) {
  return db
    .selectFrom('referral as r')
    .innerJoin('client as c', 'c.id', 'r.client_id')
    .select([
      'r.id',
      'r.reference',
      'r.kind',
      'r.created_at',
      'r.wished_arrival',
      'r.wished_departure',
      'r.expected_nights',
      'r.referrer_user_id',
      'r.client_id',
      'c.pc4',
    ])
    .where('r.status', '=', 'waiting')
    .execute();
}

export async function offeredUnitIds(db: Kysely<Database>, referralId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('offer').select('unit_id').where('referral_id', '=', referralId).execute();
  return new Set(rows.map((row) => row.unit_id));
}

export async function insertOffer(db: Kysely<Database>, offer: { referralId: string; stayId: string; unitId: string }): Promise<void> {
  await db.insertInto('offer').values({ referral_id: offer.referralId, stay_id: offer.stayId, unit_id: offer.unitId }).execute();
}

/**
 * A referral whose offer lapsed or was turned down is back to 'triaged' by the status trigger; it was waiting, so it
 * goes back on the waiting list.
 */
export async function returnLapsedOffersToWaiting(db: Kysely<Database>): Promise<number> {
  const result = await db
    .updateTable('referral')
    .set({ status: 'waiting', updated_at: sql<Date>`app_now()` })
    .where('status', '=', 'triaged')
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('offer as o').select(sql`1`.as('one')).whereRef('o.referral_id', '=', 'referral.id')),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
