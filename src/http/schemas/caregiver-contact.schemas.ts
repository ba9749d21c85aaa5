import { z } from 'zod';
import { BURDEN_ANSWERS, BURDEN_STATEMENTS } from '../../domain/burden-screening.ts';
import { IsoDate, Uuid } from './common.ts';

const BurdenLevel = z.enum(['low', 'moderate', 'high']);

export const BurdenAnswersBody = z
  .strictObject({
    answers: z
      .strictObject(
        Object.fromEntries(BURDEN_STATEMENTS.map((statement) => [statement.id, z.enum(BURDEN_ANSWERS)])) as Record<
          (typeof BURDEN_STATEMENTS)[number]['id'],
          z.ZodEnum<{ no: 'no'; somewhat: 'somewhat'; yes: 'yes' }>
        >,
      )
      .meta({
        description: `One answer per statement: ${BURDEN_STATEMENTS.map((statement) => `${statement.id} ("${statement.nl}")`).join(', ')}`,
      }),
  })
  .meta({ id: 'BurdenScreeningAnswers' });

export const BurdenResult = z
  .object({
    score: z.number().int().min(0).max(BURDEN_STATEMENTS.length).meta({ description: '"Somewhat" and "yes" count one point each' }),
    level: BurdenLevel.meta({ description: '0–3 low, 4–6 moderate, 7–9 high' }),
    advice: z.string().meta({ description: 'Plain advice for the caregiver, in the language asked for' }),
  })
  .meta({ id: 'BurdenScreeningResult' });

export const CaregiverContact = z
  .object({
    contact: z
      .object({ id: Uuid, name: z.string() })
      .nullable()
      .meta({ description: "The caregiver's fixed contact person at the central point" }),
    nextCheckIn: IsoDate.nullable().meta({ description: 'When the contact person next asks how the caregiver is doing' }),
    optedOut: z.boolean().meta({ description: 'The caregiver said no to the yearly check-in' }),
    screenings: z
      .array(
        z.object({
          id: Uuid,
          score: z.number().int(),
          level: BurdenLevel,
          takenBy: z.enum(['caregiver', 'coordinator']),
          takenAt: z.string(),
        }),
      )
      .meta({ description: 'Newest first; the latest of the past year can raise the waiting-list priority' }),
  })
  .meta({ id: 'CaregiverContact' });

export const CaregiverContactBody = z.strictObject({
  contactUserId: Uuid.nullable().optional(),
  optedOut: z.boolean().optional(),
});

export const CheckInDue = z
  .object({
    clientId: Uuid,
    clientName: z.string(),
    dueOn: IsoDate,
    referralId: Uuid,
    reference: z.string(),
    contact: z.object({ id: Uuid, name: z.string() }).nullable(),
    caregiver: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  })
  .meta({ id: 'CheckInDue' });

export const CheckInPreferenceBody = z.strictObject({ optedOut: z.boolean() });
