import { z } from 'zod';
import { CARE_FEATURES } from '../domain/care-features.ts';
import { STAY_STATUSES } from '../domain/stay-lifecycle.ts';
import { STAY_TYPES } from '../domain/stay-types.ts';
import type { RawAnswers } from '../domain/triage/questionnaire.ts';
import {
  BURDEN_LEVELS,
  COMPLEXITIES,
  CONTRA_INDICATIONS,
  DISPOSITIONS,
  FINANCING_ROUTES,
  TOPICS,
  type TriageOutcome,
  URGENCIES,
} from '../domain/triage/outcome.ts';
import type { StayEventDetails } from './schema.ts';

/**
 * JSON the database stores is parsed when it is read, like any other input: a row written by an older version, by
 * hand or by a bug fails here with the column's name, not three calls later inside a rule. One schema per column.
 */
export class StoredJsonError extends Error {
  constructor(column: string, issues: string) {
    super(`Stored JSON in ${column} does not have the expected shape: ${issues}`);
  }
}

function parser<T>(column: string, schema: z.ZodType<T>) {
  return (value: unknown): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw new StoredJsonError(column, z.prettifyError(result.error));
    return result.data;
  };
}

const TriageOutcomeSchema: z.ZodType<TriageOutcome> = z.looseObject({
  disposition: z.enum(DISPOSITIONS),
  stayTypes: z.array(z.enum(STAY_TYPES)),
  urgency: z.enum(URGENCIES),
  requiredFeatures: z.array(z.enum(CARE_FEATURES)),
  contraIndications: z.array(z.enum(CONTRA_INDICATIONS)),
  financing: z.enum(FINANCING_ROUTES).nullable(),
  burdenScore: z.number(),
  burdenLevel: z.enum(BURDEN_LEVELS),
  reasons: z.array(
    z.object({ topic: z.enum(TOPICS), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  ),
  complexity: z.enum(COMPLEXITIES).optional(),
  bridgeUntilWlz: z.boolean().optional(),
  neededFrom: z.string().optional(),
  partner: z.object({ needsCare: z.boolean(), financing: z.enum(['wmo_stay_zvw_care', 'own_cost']) }).optional(),
});

const AnswersSchema: z.ZodType<RawAnswers> = z.record(z.string(), z.union([z.boolean(), z.string(), z.array(z.string()), z.number()]));

const StayEventDetailsSchema: z.ZodType<StayEventDetails> = z.looseObject({
  unitId: z.string(),
  arrival: z.string(),
  departure: z.string(),
  status: z.enum(STAY_STATUSES),
  previousStatus: z.enum(STAY_STATUSES).optional(),
  previousArrival: z.string().optional(),
  previousDeparture: z.string().optional(),
  previousUnitId: z.string().optional(),
  seriesId: z.string().optional(),
});

/** triage.outcome: what the triage concluded, in any questionnaire version. */
export const parseTriageOutcome = parser('triage.outcome', TriageOutcomeSchema);
/** triage.answers: linkId → answer. */
export const parseAnswers = parser('triage.answers', AnswersSchema);
/** referral.proposed_answers: the answers a sending system proposed, in the same shape. */
export const parseProposedAnswers = parser('referral.proposed_answers', AnswersSchema);
/** burden_screening.answers: statement → the answer's code. */
export const parseScreeningAnswers = parser('burden_screening.answers', z.record(z.string(), z.string()));
/** referral_event.details of a stay's step (0013's trigger); other events carry other details. */
export function stayEventDetails(details: object): StayEventDetails | undefined {
  return 'unitId' in details ? parser('referral_event.details', StayEventDetailsSchema)(details) : undefined;
}
