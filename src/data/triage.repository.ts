import type { Kysely, Selectable } from 'kysely';
import type { Topic, TriageOutcome } from '../domain/triage/outcome.ts';
import type { RawAnswers } from '../domain/triage/questionnaire.ts';
import type { Database, TriageOverrideTable, TriageTable } from './schema.ts';
import { parseAnswers, parseTriageOutcome } from './stored-json.ts';

/** A triage with its stored answers and outcome parsed. */
export type TriageRow = Omit<Selectable<TriageTable>, 'answers' | 'outcome'> & { answers: RawAnswers; outcome: TriageOutcome };

function parsed(row: Selectable<TriageTable>): TriageRow {
  return { ...row, answers: parseAnswers(row.answers), outcome: parseTriageOutcome(row.outcome) };
}
export type TriageOverrideRow = Selectable<TriageOverrideTable>;

export async function insertTriage(
  db: Kysely<Database>,
  triage: { referralId: string; clientId: string; version: string; answers: RawAnswers; outcome: TriageOutcome; triagedBy: string | null },
): Promise<TriageRow> {
  const row = await db
    .insertInto('triage')
    .values({
      referral_id: triage.referralId,
      client_id: triage.clientId,
      questionnaire_version: triage.version,
      answers: JSON.stringify(triage.answers),
      outcome: JSON.stringify(triage.outcome),
      triaged_by: triage.triagedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return parsed(row);
}

export async function latestTriage(db: Kysely<Database>, referralId: string): Promise<TriageRow | undefined> {
  const row = await db
    .selectFrom('triage')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && parsed(row);
}

/** The latest triage of each of these referrals, with its overrides: for lists, in two queries instead of two per row. */
export async function latestTriagesOf(db: Kysely<Database>, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  const triages = await db
    .selectFrom('triage')
    .selectAll()
    .distinctOn('referral_id')
    .where('referral_id', 'in', [...referralIds])
    .orderBy('referral_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const overrides =
    triages.length === 0
      ? []
      : await db
          .selectFrom('triage_override')
          .selectAll()
          .where(
            'triage_id',
            'in',
            triages.map((triage) => triage.id),
          )
          .orderBy('created_at')
          .orderBy('id')
          .execute();
  return triages.map((triage) => ({ triage: parsed(triage), overrides: overrides.filter((override) => override.triage_id === triage.id) }));
}

export async function insertTriageOverride(
  db: Kysely<Database>,
  override: { triageId: string; clientId: string; topic: Topic; value: unknown; reason: string; overriddenBy: string | null },
): Promise<void> {
  await db
    .insertInto('triage_override')
    .values({
      triage_id: override.triageId,
      client_id: override.clientId,
      topic: override.topic,
      value: JSON.stringify(override.value),
      reason: override.reason,
      overridden_by: override.overriddenBy,
    })
    .execute();
}

export async function overridesOf(db: Kysely<Database>, triageId: string): Promise<TriageOverrideRow[]> {
  return db.selectFrom('triage_override').selectAll().where('triage_id', '=', triageId).orderBy('created_at').orderBy('id').execute();
}
