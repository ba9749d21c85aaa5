import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { findReferral, moveReferral } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import {
  type TriageRow,
  insertTriage,
  insertTriageOverride,
  latestTriage,
  latestTriagesOf,
  overridesOf,
} from '../data/triage.repository.ts';
import { needsCoupleRoom } from '../domain/referral.ts';
import type { Actor } from '../domain/roles.ts';
import { explain } from '../domain/triage/explanations.ts';
import { type Override, applyOverrides } from '../domain/triage/overrides.ts';
import { CURRENT_QUESTIONNAIRE_VERSION, QUESTIONNAIRES, type RawAnswers, validateAnswers } from '../domain/triage/questionnaire.ts';
import type { TriageOutcome } from '../domain/triage/outcome.ts';
import { triageAnswers } from '../domain/triage/rules.ts';
import { AppError, notFound } from '../errors.ts';
import { appClock } from '../clock.ts';

export type Locale = 'nl' | 'en';

export function currentQuestionnaire() {
  return QUESTIONNAIRES[CURRENT_QUESTIONNAIRE_VERSION]!;
}

/** Triages a referral with the current questionnaire: the answers, the rules' conclusions and their reasons are kept. */
export async function triageReferral(db: Kysely<Database>, actor: Actor, referralId: string, answers: RawAnswers, locale: Locale) {
  const referral = await findReferral(db, referralId);
  if (!referral) throw notFound('referral');
  const issues = validateAnswers(currentQuestionnaire(), answers);
  if (issues.length > 0) {
    throw new AppError('validation_failed', {
      fields: issues.map((issue) => ({
        field: `answers.${issue.field}`,
        code: issue.code,
        ...(issue.params ? { params: issue.params } : {}),
      })),
    });
  }
  const outcome = triageAnswers(CURRENT_QUESTIONNAIRE_VERSION, answers, {
    couple: needsCoupleRoom({ kind: referral.kind, hasPartner: referral.partner_client_id !== null, atHome: referral.at_home }),
    today: appClock().today(),
  });
  const row = await withTransaction(db, async (trx) => {
    const saved = await insertTriage(trx, {
      referralId,
      clientId: referral.client_id,
      version: CURRENT_QUESTIONNAIRE_VERSION,
      answers,
      outcome,
      triagedBy: actor.userId,
    });
    await moveReferral(trx, referralId, 'triage');
    return saved;
  });
  return triageView(row, [], locale);
}

export async function overrideTriage(db: Kysely<Database>, actor: Actor, referralId: string, override: Override, locale: Locale) {
  const latest = await latestTriage(db, referralId);
  if (!latest) throw notFound('triage');
  await withTransaction(db, (trx) =>
    insertTriageOverride(trx, {
      triageId: latest.id,
      clientId: latest.client_id,
      topic: override.topic,
      value: override.value,
      reason: override.reason,
      overriddenBy: actor.userId,
    }),
  );
  return getTriage(db, referralId, locale);
}

export async function getTriage(db: Kysely<Database>, referralId: string, locale: Locale) {
  const latest = await latestTriage(db, referralId);
  if (!latest) throw notFound('triage');
  return triageView(latest, await overridesOf(db, latest.id), locale);
}

/** The effective outcome of a referral's latest triage, or undefined when it has not been triaged yet. */
export async function effectiveTriage(db: Kysely<Database>, referralId: string) {
  const latest = await latestTriage(db, referralId);
  if (!latest) return undefined;
  const overrides = (await overridesOf(db, latest.id)).map(
    (row) => ({ topic: row.topic, value: row.value, reason: row.reason }) as Override,
  );
  return applyOverrides(latest.outcome as TriageOutcome, overrides);
}

/** effectiveTriage for many referrals at once (by referral id; missing: not triaged). */
export async function effectiveTriages(db: Kysely<Database>, referralIds: readonly string[]): Promise<Map<string, TriageOutcome>> {
  const outcomes = new Map<string, TriageOutcome>();
  for (const { triage, overrides } of await latestTriagesOf(db, referralIds)) {
    const asOverrides = overrides.map((row) => ({ topic: row.topic, value: row.value, reason: row.reason }) as Override);
    outcomes.set(triage.referral_id, applyOverrides(triage.outcome, asOverrides));
  }
  return outcomes;
}

function triageView(row: TriageRow, overrides: Awaited<ReturnType<typeof overridesOf>>, locale: Locale) {
  const outcome = row.outcome;
  const asOverrides = overrides.map((override) => ({ topic: override.topic, value: override.value, reason: override.reason }) as Override);
  return {
    id: row.id,
    referralId: row.referral_id,
    clientId: row.client_id,
    questionnaireVersion: row.questionnaire_version,
    answers: row.answers,
    outcome,
    explanations: outcome.reasons.map((reason) => ({ topic: reason.topic, code: reason.code, text: explain(reason, locale) })),
    overrides: overrides.map((override) => ({
      topic: override.topic,
      value: override.value,
      reason: override.reason,
      by: override.overridden_by,
      at: override.created_at.toISOString(),
    })),
    effective: applyOverrides(outcome, asOverrides),
    triagedBy: row.triaged_by,
    triagedAt: row.created_at.toISOString(),
  };
}
