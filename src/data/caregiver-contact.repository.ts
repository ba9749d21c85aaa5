import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export async function findCaregiverContact(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom('caregiver_contact as c')
    .leftJoin('app_user as u', 'u.id', 'c.contact_user_id')
    .select([
      'c.client_id as clientId',
      'c.contact_user_id as contactUserId',
      'u.name as contactName',
      'c.next_check_in as nextCheckIn',
      'c.opted_out_at as optedOutAt',
    ])
    .where('c.client_id', '=', clientId)
    .executeTakeFirst();
}

/** Sets the contact person and/or the next check-in; a caregiver's row is made on first use. */
export async function upsertCaregiverContact(
  db: Kysely<Database>,
  clientId: string,
  change: { contact_user_id?: string | null; next_check_in?: string | null; opted_out_at?: Date | null },
): Promise<void> {
  await db
    .insertInto('caregiver_contact')
    .values({ client_id: clientId, contact_user_id: null, ...change })
    .onConflict((conflict) => conflict.column('client_id').doUpdateSet({ ...change, updated_at: sql<Date>`app_now()` }))
    .execute();
}

export async function insertScreening(
  db: Kysely<Database>,
  screening: { clientId: string; answers: object; score: number; takenBy: 'caregiver' | 'coordinator'; recordedBy: string | null },
) {
  return db
    .insertInto('burden_screening')
    .values({
      client_id: screening.clientId,
      answers: JSON.stringify(screening.answers),
      score: screening.score,
      taken_by: screening.takenBy,
      recorded_by: screening.recordedBy,
    })
    .returning(['id', 'taken_at'])
    .executeTakeFirstOrThrow();
}

export async function screeningsOf(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom('burden_screening')
    .select(['id', 'score', 'taken_by', 'taken_at'])
    .where('client_id', '=', clientId)
    .orderBy('taken_at', 'desc')
    .execute();
}

/** The score of each client's latest screening taken since `since`. */
export async function latestScores(db: Kysely<Database>, clientIds: readonly string[], since: Date): Promise<Map<string, number>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('burden_screening')
    .distinctOn('client_id')
    .select(['client_id', 'score'])
    .where('client_id', 'in', clientIds)
    .where('taken_at', '>=', since)
    .orderBy('client_id')
    .orderBy('taken_at', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.client_id, row.score]));
}

/**
 * Check-ins due by `today`, earliest first, for caregivers who did not opt out, with the guest's latest referral
 * (its reference and the caregiver's phone and e-mail) to call or mail from.
 */
export async function dueCheckIns(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('caregiver_contact as c')
    .innerJoin('client as cl', 'cl.id', 'c.client_id')
    .leftJoin('app_user as u', 'u.id', 'c.contact_user_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('referral as r')
          .select(['r.id', 'r.reference', 'r.caregiver_name', 'r.caregiver_phone', 'r.caregiver_email'])
          .whereRef('r.client_id', '=', 'c.client_id')
          .orderBy('r.created_at', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .select([
      'c.client_id as clientId',
      'cl.name as clientName',
      'c.next_check_in as dueOn',
      'u.name as contactName',
      'c.contact_user_id as contactUserId',
      'latest.id as referralId',
      'latest.reference',
      'latest.caregiver_name as caregiverName',
      'latest.caregiver_phone as caregiverPhone',
      'latest.caregiver_email as caregiverEmail',
    ])
    .where('c.opted_out_at', 'is', null)
    .where('c.next_check_in', '<=', today)
    .orderBy('c.next_check_in')
    .orderBy('c.client_id')
    .execute();
}

export async function clientExists(db: Kysely<Database>, clientId: string): Promise<boolean> {
  return (await db.selectFrom('client').select('id').where('id', '=', clientId).executeTakeFirst()) !== undefined;
}

/** The central point's staff who can be a caregiver's contact person. */
export async function activeCoordinators(db: Kysely<Database>, ids?: readonly string[]) {
  let query = db.selectFrom('app_user').select(['id', 'name']).where('role', '=', 'coordinator').where('disabled', '=', false);
  if (ids) query = query.where('id', 'in', ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('name').execute();
}
