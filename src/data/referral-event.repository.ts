import type { Kysely } from 'kysely';
import type { Database, ReferralChangeDetails } from './schema.ts';

/**
 * A referral's history comes from two kinds of source. Stay events (and going on the waiting list) are written by
 * 0013's triggers into referral_event, because stay rows change in place. The other steps are already rows of their
 * own, written in the transaction of the step with its time and author: the referral, each triage and override,
 * each offer, the aftercare task. They are read from there rather than copied, so there is one truth for each.
 */

export async function recordedEventsOf(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('referral_event')
    .select(['kind', 'at', 'actor_role as actorRole', 'stay_id as stayId', 'details'])
    .where('referral_id', '=', referralId)
    .orderBy('id')
    .execute();
}

export async function referralCreation(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('referral as r')
    .leftJoin('app_user as u', 'u.id', 'r.referrer_user_id')
    .select([
      'r.id',
      'r.reference',
      'r.client_id as clientId',
      'r.referrer_organisation_id as organisationId',
      'r.source',
      'r.kind',
      'r.created_at as at',
      'u.role as actorRole',
      'r.cancel_reason as cancelReason',
      'r.close_reason as closeReason',
    ])
    .where('r.id', '=', referralId)
    .executeTakeFirst();
}

export async function triagesOf(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('triage as t')
    .leftJoin('app_user as u', 'u.id', 't.triaged_by')
    .select(['t.id', 't.questionnaire_version as questionnaireVersion', 't.created_at as at', 'u.role as actorRole'])
    .where('t.referral_id', '=', referralId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

export async function triageOverridesOf(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('triage_override as o')
    .innerJoin('triage as t', 't.id', 'o.triage_id')
    .leftJoin('app_user as u', 'u.id', 'o.overridden_by')
    .select(['o.topic', 'o.created_at as at', 'u.role as actorRole'])
    .where('t.referral_id', '=', referralId)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
}

export async function offersOf(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('offer as o')
    .innerJoin('stay as s', 's.id', 'o.stay_id')
    .select(['o.stay_id as stayId', 'o.unit_id as unitId', 's.arrival', 's.departure', 'o.created_at as at'])
    .where('o.referral_id', '=', referralId)
    .orderBy('o.created_at')
    .execute();
}

export async function aftercareTasksOf(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('task as t')
    .leftJoin('app_user as u', 'u.id', 't.done_by')
    .select(['t.kind', 't.due_on as dueOn', 't.created_at as createdAt', 't.done_at as doneAt', 'u.role as doneByRole'])
    .where('t.referral_id', '=', referralId)
    .orderBy('t.created_at')
    .execute();
}

/** Cancellation reasons as they are now: retention and erasure blank them on the stay. */
export async function cancelReasons(db: Kysely<Database>, stayIds: readonly string[]): Promise<Map<string, string | null>> {
  if (stayIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stay')
    .select(['id', 'cancel_reason'])
    .where('id', 'in', [...new Set(stayIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.cancel_reason]));
}

/**
 * Takes bookings and changes whose notices are still to be sent, optionally of one stay only. SKIP LOCKED lets two
 * processes deliver at once without sending a notice twice; the claim commits with the notifications it leads to.
 */
export async function claimPendingNotices(db: Kysely<Database>, options: { stayIds?: readonly string[]; limit: number }) {
  return db
    .updateTable('referral_event')
    .set({ notice_pending: false })
    .where('id', 'in', (eb) => {
      let pending = eb.selectFrom('referral_event').select('id').where('notice_pending', '=', true);
      if (options.stayIds)
        pending = pending.where(
          'stay_id',
          'in',
          options.stayIds.length > 0 ? [...options.stayIds] : ['00000000-0000-0000-0000-000000000000'],
        );
      return pending.orderBy('id').limit(options.limit).forUpdate().skipLocked();
    })
    .returning(['referral_id as referralId', 'stay_id as stayId', 'kind', 'at', 'details'])
    .execute();
}

/** A step of the referral itself (changed, withdrawn, closed), written in the transaction of that step. */
export async function insertReferralEvent(
  trx: Kysely<Database>,
  event: {
    referralId: string;
    kind: 'referral_changed' | 'referral_withdrawn' | 'referral_closed';
    actorRole: string;
    details: ReferralChangeDetails | Record<string, never>;
  },
): Promise<void> {
  await trx
    .insertInto('referral_event')
    .values({ referral_id: event.referralId, kind: event.kind, actor_role: event.actorRole, details: JSON.stringify(event.details) })
    .execute();
}
