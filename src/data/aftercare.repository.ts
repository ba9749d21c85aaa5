import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, SurveyTable, TaskTable } from './schema.ts';

export type TaskRow = Selectable<TaskTable>;
export type SurveyRow = Selectable<SurveyTable>;

/** Departed stays of referrals that have no aftercare task yet: the work of ensureAftercare. */
export async function departedWithoutAftercare(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('stay as s')
    .innerJoin('referral as r', 'r.id', 's.referral_id')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select([
      's.id as stayId',
      's.departure',
      'r.id as referralId',
      'r.client_id as clientId',
      'r.caregiver_name as caregiverName',
      'r.caregiver_email as caregiverEmail',
      'l.name as locationName',
    ])
    .where('s.status', '=', 'departed')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('task as t').select(sql`1`.as('one')).whereRef('t.referral_id', '=', 'r.id').where('t.kind', '=', 'aftercare_call'),
        ),
      ),
    )
    .orderBy('s.departure')
    .limit(limit)
    .execute();
}

export async function insertAftercareTask(
  db: Kysely<Database>,
  task: { referralId: string; clientId: string; dueOn: string },
): Promise<boolean> {
  const created = await db
    .insertInto('task')
    .values({ referral_id: task.referralId, client_id: task.clientId, kind: 'aftercare_call', due_on: task.dueOn })
    .onConflict((conflict) => conflict.columns(['referral_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return created !== undefined;
}

export async function insertSurvey(
  db: Kysely<Database>,
  survey: { stayId: string; referralId: string; clientId: string; respondent: 'caregiver' | 'guest'; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('survey')
    .values({
      stay_id: survey.stayId,
      referral_id: survey.referralId,
      client_id: survey.clientId,
      respondent: survey.respondent,
      token_hash: survey.tokenHash,
      expires_at: survey.expiresAt,
    })
    .execute();
}

export async function findOpenSurvey(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('survey as v')
    .innerJoin('stay as s', 's.id', 'v.stay_id')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select(['v.id', 'v.respondent', 's.arrival', 's.departure', 'l.name as locationName'])
    .where('v.token_hash', '=', tokenHash)
    .where('v.answered_at', 'is', null)
    .where('v.expires_at', '>', sql<Date>`app_now()`)
    .executeTakeFirst();
}

export async function saveSurveyAnswers(
  db: Kysely<Database>,
  surveyId: string,
  scores: Record<string, number>,
  comment: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('survey')
    .set({ answered_at: sql<Date>`app_now()`, scores: JSON.stringify(scores), comment })
    .where('id', '=', surveyId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listTasks(db: Kysely<Database>, status: 'open' | 'done', limit: number) {
  return db
    .selectFrom('task as t')
    .innerJoin('referral as r', 'r.id', 't.referral_id')
    .innerJoin('client as c', 'c.id', 't.client_id')
    .select([
      't.id',
      't.kind',
      't.status',
      't.due_on',
      't.note',
      't.referral_id',
      't.client_id',
      'r.reference',
      'c.name as clientName',
      'r.caregiver_name',
      'r.caregiver_phone',
      'r.caregiver_email',
    ])
    .where('t.status', '=', status)
    .orderBy('t.due_on')
    .limit(limit)
    .execute();
}

export async function completeTask(db: Kysely<Database>, id: string, note: string | null, userId: string): Promise<TaskRow | undefined> {
  return db
    .updateTable('task')
    .set({ status: 'done', done_at: sql<Date>`app_now()`, done_by: userId, note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export async function findTask(db: Kysely<Database>, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst();
}
