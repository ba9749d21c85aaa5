import type { Kysely } from 'kysely';
import {
  completeTask,
  departedWithoutAftercare,
  findOpenSurvey,
  findTask,
  insertAftercareTask,
  insertSurvey,
  listTasks,
  saveSurveyAnswers,
} from '../data/aftercare.repository.ts';
import { withTransaction } from '../data/change-author.ts';
import type { Database } from '../data/schema.ts';
import { moveReferral } from '../data/referral.repository.ts';
import { addDays } from '../domain/dates.ts';
import type { Actor } from '../domain/roles.ts';
import { AFTERCARE_DUE_DAYS, type Respondent, SURVEY_QUESTIONS, SURVEY_VALID_DAYS, surveyScoresProblem } from '../domain/survey.ts';
import { AppError, notFound } from '../errors.ts';
import { newToken, tokenHash } from './auth/tokens.ts';
import type { Mailer } from './mail/mailer.ts';
import { appClock } from '../clock.ts';

const BATCH = 100;

/**
 * For every departed stay of a referral without aftercare yet: a task to call the caregiver, the referral in state
 * aftercare, and a survey link for the caregiver and one for the guest, mailed to the caregiver when an address is
 * known. Idempotent, so it runs after each departure and again from the minute sweeper: a crash in between loses nothing.
 */
export async function ensureAftercare(db: Kysely<Database>, mailer: Mailer, publicUrl: string): Promise<number> {
  let started = 0;
  for (const stay of await departedWithoutAftercare(db, BATCH)) {
    const links = await withTransaction(db, async (trx) => {
      const created = await insertAftercareTask(trx, {
        referralId: stay.referralId,
        clientId: stay.clientId,
        dueOn: addDays(stay.departure, AFTERCARE_DUE_DAYS),
      });
      if (!created) return undefined;
      await moveReferral(trx, stay.referralId, 'start_aftercare');
      const expiresAt = new Date(appClock().now().getTime() + SURVEY_VALID_DAYS * 86_400_000);
      const tokens: Record<Respondent, string> = { caregiver: newToken(), guest: newToken() };
      for (const respondent of ['caregiver', 'guest'] as const) {
        await insertSurvey(trx, {
          stayId: stay.stayId,
          referralId: stay.referralId,
          clientId: stay.clientId,
          respondent,
          tokenHash: tokenHash(tokens[respondent]),
          expiresAt,
        });
      }
      return tokens;
    });
    if (!links) continue;
    started++;
    if (stay.caregiverEmail) {
      await mailer.send({
        to: stay.caregiverEmail,
        subject: 'Hoe was het logeren?',
        text:
          `Beste ${stay.caregiverName ?? 'mantelzorger'},\n\nHet verblijf in ${stay.locationName} is voorbij. We horen graag hoe het was. ` +
          `Het invullen duurt 2 minuten.\n\nVoor u: ${publicUrl}/enquete/${links.caregiver}\n` +
          `Voor uw naaste (misschien samen invullen): ${publicUrl}/enquete/${links.guest}\n\n` +
          `De links werken ${SURVEY_VALID_DAYS} dagen. Binnenkort belt iemand van het centrale aanmeldpunt u ook even op.\n`,
      });
    }
  }
  return started;
}

export async function openSurvey(db: Kysely<Database>, token: string, locale: 'nl' | 'en') {
  const survey = await findOpenSurvey(db, tokenHash(token));
  if (!survey) throw new AppError('token_invalid');
  return {
    respondent: survey.respondent,
    location: survey.locationName,
    arrival: survey.arrival,
    departure: survey.departure,
    questions: SURVEY_QUESTIONS[survey.respondent].map((question) => ({ id: question.id, text: question[locale] })),
  };
}

export async function answerSurvey(
  db: Kysely<Database>,
  token: string,
  answer: { scores: Record<string, number>; comment?: string },
): Promise<void> {
  const survey = await findOpenSurvey(db, tokenHash(token));
  if (!survey) throw new AppError('token_invalid');
  const problem = surveyScoresProblem(survey.respondent, answer.scores);
  if (problem) throw new AppError('validation_failed', { fields: [problem] });
  const saved = await withTransaction(db, (trx) => saveSurveyAnswers(trx, survey.id, answer.scores, answer.comment?.trim() || null));
  if (!saved) throw new AppError('token_invalid');
}

export async function openTasks(db: Kysely<Database>, status: 'open' | 'done', limit: number) {
  return (await listTasks(db, status, limit)).map((task) => ({
    id: task.id,
    kind: task.kind,
    status: task.status,
    dueOn: task.due_on,
    note: task.note,
    referralId: task.referral_id,
    reference: task.reference,
    clientId: task.client_id,
    clientName: task.clientName,
    caregiver: { name: task.caregiver_name, phone: task.caregiver_phone, email: task.caregiver_email },
  }));
}

/** The call is made: the task is done and the referral closed. */
export async function finishTask(db: Kysely<Database>, actor: Actor, id: string, note: string | null) {
  return withTransaction(db, async (trx) => {
    const done = await completeTask(trx, id, note, actor.userId);
    if (!done) {
      const task = await findTask(trx, id);
      if (!task) throw notFound('task');
      throw new AppError('invalid_transition', { params: { status: task.status } });
    }
    await moveReferral(trx, done.referral_id, 'finish_aftercare');
    return {
      id: done.id,
      status: done.status,
      referralId: done.referral_id,
      clientId: done.client_id,
      doneAt: done.done_at!.toISOString(),
    };
  });
}
