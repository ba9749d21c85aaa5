import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

export const WaitingEntry = z
  .object({
    referralId: Uuid,
    reference: z.string(),
    urgency: z.enum(['today', 'within_48h', 'planned']),
    burdenLevel: z.enum(['low', 'moderate', 'high']),
    waitingSince: z.string(),
    wishedArrival: IsoDate.nullable(),
    wishedDeparture: IsoDate.nullable(),
    stayTypes: z.array(z.string()),
  })
  .meta({ id: 'WaitingEntry' });

export const Notification = z
  .object({
    id: Uuid,
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    referralId: Uuid.nullable(),
    stayId: Uuid.nullable(),
    reference: z.string().nullable().meta({ description: "The referral's reference" }),
    clientId: Uuid.nullable().meta({ description: 'Only for the central point and the referring organisation' }),
    clientName: z.string().nullable().meta({ description: 'Named only to the central point and the referring organisation' }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });
