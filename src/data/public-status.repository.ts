import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export async function insertStatusLink(db: Kysely<Database>, referralId: string, tokenHash: string): Promise<void> {
  await db.insertInto('referral_status_link').values({ referral_id: referralId, token_hash: tokenHash }).execute();
}

/** The public request behind a status link, with what its page shows. */
export async function findReferralByStatusToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('referral_status_link as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select([
      'r.id',
      'r.reference',
      'r.kind',
      'r.status',
      'r.client_id as clientId',
      'r.wished_arrival as wishedArrival',
      'r.wished_departure as wishedDeparture',
      'r.message',
      'r.created_at as createdAt',
    ])
    .where('k.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The caregivers who asked through the public form, by referral: they hear of changes by mail. */
export async function publicCaregivers(db: Kysely<Database>, referralIds: readonly string[]) {
  if (referralIds.length === 0) return new Map<string, { email: string; reference: string }>();
  const rows = await db
    .selectFrom('referral')
    .select(['id', 'reference', 'caregiver_email'])
    .where('id', 'in', [...referralIds])
    .where('source', '=', 'public')
    .where('caregiver_email', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.id, { email: row.caregiver_email!, reference: row.reference }]));
}

export async function findAccessPointContact(db: Kysely<Database>) {
  return db.selectFrom('access_point_contact').select(['phone', 'email', 'hours']).executeTakeFirstOrThrow();
}

export async function updateAccessPointContact(
  db: Kysely<Database>,
  contact: { phone: string | null; email: string | null; hours: string | null },
) {
  return db
    .updateTable('access_point_contact')
    .set({ ...contact, updated_at: sql<Date>`app_now()` })
    .returning(['phone', 'email', 'hours'])
    .executeTakeFirstOrThrow();
}
