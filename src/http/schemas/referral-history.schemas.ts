import { z } from 'zod';
import { HISTORY_KINDS } from '../../services/referral-history.service.ts';
import { IsoDate, Uuid } from './common.ts';

const HistoryDetails = z
  .object({
    source: z.enum(['professional', 'public']).optional(),
    questionnaireVersion: z.string().optional(),
    topic: z.string().optional().meta({ description: 'What a triage override changed (the reason is in the triage record)' }),
    status: z.string().optional().meta({ description: "The stay's status after this step" }),
    previousStatus: z.string().optional(),
    unitId: Uuid.optional(),
    unitName: z.string().optional(),
    locationName: z.string().optional(),
    arrival: IsoDate.optional(),
    departure: IsoDate.optional(),
    previousArrival: IsoDate.optional(),
    previousDeparture: IsoDate.optional(),
    previousUnitId: Uuid.optional(),
    previousUnitName: z.string().optional(),
    previousLocationName: z.string().optional(),
    reason: z.string().nullable().optional().meta({ description: 'Why a stay was cancelled; null once retention blanked it' }),
    dueOn: IsoDate.optional(),
    fields: z.array(z.string()).optional().meta({ description: 'Which fields of the referral a change touched' }),
  })
  .meta({ id: 'ReferralHistoryDetails' });

export const ReferralHistory = z
  .object({
    referralId: Uuid,
    reference: z.string(),
    clientId: Uuid,
    events: z.array(
      z.object({
        kind: z.enum(HISTORY_KINDS),
        text: z.string().meta({ description: 'The step in plain words (Dutch, or English with Accept-Language: en)' }),
        at: z.string(),
        actorRole: z.string().nullable().meta({ description: 'Role of who did it; null for the system or a public request' }),
        stayId: Uuid.nullable(),
        details: HistoryDetails,
      }),
    ),
  })
  .meta({ id: 'ReferralHistory' });
