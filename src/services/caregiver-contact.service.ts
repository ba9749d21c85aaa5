import type { Kysely } from 'kysely';
import { appClock } from '../clock.ts';
import {
  activeCoordinators,
  clientExists,
  dueCheckIns,
  findCaregiverContact,
  insertScreening,
  latestScores,
  screeningsOf,
  upsertCaregiverContact,
} from '../data/caregiver-contact.repository.ts';
import { withTransaction } from '../data/change-author.ts';
import type { Database } from '../data/schema.ts';
import { addDays } from '../domain/dates.ts';
import {
  BURDEN_ADVICE,
  type BurdenAnswers,
  SCREENING_VALID_DAYS,
  burdenLevelOf,
  nextCheckIn,
  scoreBurden,
} from '../domain/burden-screening.ts';
import type { BurdenLevel } from '../domain/triage/outcome.ts';
import { AppError, notFound } from '../errors.ts';

export interface CaregiverContactView {
  contact: { id: string; name: string } | null;
  nextCheckIn: string | null;
  optedOut: boolean;
  screenings: { id: string; score: number; level: BurdenLevel; takenBy: 'caregiver' | 'coordinator'; takenAt: string }[];
}

async function assertClient(db: Kysely<Database>, clientId: string) {
  if (!(await clientExists(db, clientId))) throw notFound('client');
}

/** The caregiver's contact person at the central point, the next check-in and the screenings so far, newest first. */
export async function caregiverContact(db: Kysely<Database>, clientId: string): Promise<CaregiverContactView> {
  await assertClient(db, clientId);
  const row = await findCaregiverContact(db, clientId);
  const screenings = await screeningsOf(db, clientId);
  return {
    contact: row?.contactUserId && row.contactName ? { id: row.contactUserId, name: row.contactName } : null,
    nextCheckIn: row?.nextCheckIn ?? null,
    optedOut: Boolean(row?.optedOutAt),
    screenings: screenings.map((screening) => ({
      id: screening.id,
      score: screening.score,
      level: burdenLevelOf(screening.score),
      takenBy: screening.taken_by,
      takenAt: screening.taken_at.toISOString(),
    })),
  };
}

/**
 * Names the contact person (a coordinator) and/or records the caregiver's wish about the yearly check-in. A first
 * contact person plans the first check-in a year ahead, unless one is planned already.
 */
export async function changeCaregiverContact(
  db: Kysely<Database>,
  clientId: string,
  change: { contactUserId?: string | null; optedOut?: boolean },
): Promise<CaregiverContactView> {
  await assertClient(db, clientId);
  const current = await findCaregiverContact(db, clientId);
  const update: Parameters<typeof upsertCaregiverContact>[2] = {};
  if (change.contactUserId !== undefined) {
    if (change.contactUserId !== null) {
      if ((await activeCoordinators(db, [change.contactUserId])).length === 0) {
        throw new AppError('validation_failed', { fields: [{ field: 'contactUserId', code: 'not_a_coordinator' }] });
      }
    }
    update.contact_user_id = change.contactUserId;
    if (!current?.nextCheckIn && change.contactUserId) update.next_check_in = nextCheckIn(appClock().today());
  }
  if (change.optedOut !== undefined) update.opted_out_at = change.optedOut ? appClock().now() : null;
  await withTransaction(db, (trx) => upsertCaregiverContact(trx, clientId, update));
  return caregiverContact(db, clientId);
}

/** A screening taken: stored with its score, and the next check-in a year from today. */
export async function recordScreening(
  db: Kysely<Database>,
  clientId: string,
  answers: BurdenAnswers,
  by: { takenBy: 'caregiver' | 'coordinator'; userId: string | null },
  locale: 'nl' | 'en',
) {
  await assertClient(db, clientId);
  const { score, level } = scoreBurden(answers);
  await withTransaction(db, async (trx) => {
    await insertScreening(trx, { clientId, answers, score, takenBy: by.takenBy, recordedBy: by.userId });
    await upsertCaregiverContact(trx, clientId, { next_check_in: nextCheckIn(appClock().today()) });
  });
  return { score, level, advice: BURDEN_ADVICE[level][locale] };
}

/** The check-in calls due today or earlier, for caregivers who did not say no to them. */
export async function checkInsDue(db: Kysely<Database>) {
  return (await dueCheckIns(db, appClock().today())).map((row) => ({
    clientId: row.clientId,
    clientName: row.clientName,
    dueOn: row.dueOn!,
    referralId: row.referralId,
    reference: row.reference,
    contact: row.contactUserId && row.contactName ? { id: row.contactUserId, name: row.contactName } : null,
    caregiver: { name: row.caregiverName, phone: row.caregiverPhone, email: row.caregiverEmail },
  }));
}

/** The burden level of each client's screening of the past year, for the waiting list's order. */
export async function screenedBurden(db: Kysely<Database>, clientIds: readonly string[]): Promise<Map<string, BurdenLevel>> {
  const since = new Date(`${addDays(appClock().today(), -SCREENING_VALID_DAYS)}T00:00:00Z`);
  const scores = await latestScores(db, clientIds, since);
  return new Map([...scores].map(([clientId, score]) => [clientId, burdenLevelOf(score)]));
}

/** On the status page: whether to ask "how are you doing?" now: not said no, and no screening of the past year or one due. */
export async function checkInAsked(
  db: Kysely<Database>,
  clientId: string,
): Promise<{ due: boolean; optedOut: boolean; contactName: string | null }> {
  const row = await findCaregiverContact(db, clientId);
  const optedOut = Boolean(row?.optedOutAt);
  const recent = (await screenedBurden(db, [clientId])).has(clientId);
  const due =
    !optedOut && (!recent || (row?.nextCheckIn !== null && row?.nextCheckIn !== undefined && row.nextCheckIn <= appClock().today()));
  return { due, optedOut, contactName: row?.contactUserId ? row.contactName : null };
}

export async function coordinators(db: Kysely<Database>) {
  return activeCoordinators(db);
}
