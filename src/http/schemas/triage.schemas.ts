import { z } from 'zod';
import { DISPOSITIONS } from '../../domain/triage/outcome.ts';
import { CareFeatureCode, StayTypeCode, Uuid } from './common.ts';

const Reason = z.string().trim().min(5).max(500);
const Urgency = z.enum(['today', 'within_48h', 'planned']);
const Disposition = z.enum(DISPOSITIONS);
const Financing = z.enum(['wmo_stay_zvw_care', 'zvw_elv', 'wlz']);

export const TriageBody = z.strictObject({
  answers: z.record(z.string().max(60), z.union([z.boolean(), z.string().max(500), z.array(z.string().max(60)).max(20), z.number()])).meta({
    description: 'linkId → answer: true/false, an option code, a list of codes, text, an ISO date (YYYY-MM-DD) or a whole number',
  }),
});

export const OverrideBody = z.discriminatedUnion('topic', [
  z.strictObject({ topic: z.literal('disposition'), value: Disposition, reason: Reason }),
  z.strictObject({ topic: z.literal('stay_types'), value: z.array(StayTypeCode).max(7), reason: Reason }),
  z.strictObject({ topic: z.literal('urgency'), value: Urgency, reason: Reason }),
  z.strictObject({ topic: z.literal('financing'), value: Financing.nullable(), reason: Reason }),
  z.strictObject({ topic: z.literal('features'), value: z.array(CareFeatureCode).max(10), reason: Reason }),
]);

const Outcome = z.object({
  disposition: Disposition,
  stayTypes: z.array(StayTypeCode),
  urgency: Urgency,
  requiredFeatures: z.array(CareFeatureCode),
  contraIndications: z.array(z.string()),
  financing: Financing.nullable(),
  burdenScore: z.number().int(),
  burdenLevel: z.enum(['low', 'moderate', 'high']),
  reasons: z.array(
    z.object({ topic: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  ),
  complexity: z.enum(['low', 'high']).optional().meta({ description: 'Version 2: ELV complexity' }),
  bridgeUntilWlz: z.boolean().optional().meta({ description: 'Version 2: the stay bridges the time until the Wlz decision' }),
  neededFrom: z.string().optional().meta({ description: 'Version 2: the day a place is needed from (discharge date or today)' }),
  partner: z.object({ needsCare: z.boolean(), financing: z.enum(['wmo_stay_zvw_care', 'own_cost']) }).optional(),
});

export const TriageView = z
  .object({
    id: Uuid,
    referralId: Uuid,
    clientId: Uuid,
    questionnaireVersion: z.string(),
    answers: z.record(z.string(), z.unknown()),
    outcome: Outcome,
    explanations: z.array(z.object({ topic: z.string(), code: z.string(), text: z.string() })),
    overrides: z.array(z.object({ topic: z.string(), value: z.unknown(), reason: z.string(), by: Uuid.nullable(), at: z.string() })),
    effective: Outcome.extend({ overridden: z.array(z.string()) }),
    triagedBy: Uuid.nullable(),
    triagedAt: z.string(),
  })
  .meta({ id: 'Triage' });

export const QuestionnaireResource = z
  .object({ resourceType: z.literal('Questionnaire'), url: z.string(), version: z.string(), item: z.array(z.unknown()) })
  .loose()
  .meta({ id: 'Questionnaire', description: 'FHIR R4 Questionnaire' });
