import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

export const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

export const Task = z
  .object({
    id: Uuid,
    kind: z.string(),
    status: z.enum(['open', 'done']),
    dueOn: IsoDate,
    note: z.string().nullable(),
    referralId: Uuid,
    reference: z.string(),
    clientId: Uuid,
    clientName: z.string(),
    caregiver: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  })
  .meta({ id: 'Task' });

export const SurveyForm = z
  .object({
    respondent: z.enum(['caregiver', 'guest']),
    location: z.string(),
    arrival: IsoDate,
    departure: IsoDate,
    questions: z.array(z.object({ id: z.string(), text: z.string() })),
  })
  .meta({ id: 'SurveyForm' });

export const SurveyAnswer = z.strictObject({
  scores: z.record(z.string().max(40), z.number()).meta({ description: 'Question id → 1 to 5' }),
  comment: z.string().max(2000).optional(),
});
