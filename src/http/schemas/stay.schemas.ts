import { z } from 'zod';
import { STAY_STATUSES } from '../../domain/stay-lifecycle.ts';
import { IsoDate, StayTypeCode, Uuid, periodCheck } from './common.ts';

export const Stay = z
  .object({
    id: Uuid,
    unitId: Uuid,
    clientId: Uuid,
    stayType: StayTypeCode,
    arrival: IsoDate,
    departure: IsoDate,
    status: z.enum(STAY_STATUSES),
    holdExpiresAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    seriesId: Uuid.nullable(),
    referralId: Uuid.nullable(),
    openEnded: z.boolean().meta({ description: 'The departure is an expectation (crisis, ELV): extend or shorten when the end is known' }),
    requiredFeatures: z
      .array(z.string())
      .meta({ description: 'What the guest needs, from the triage; the unit offers it unless overridden' }),
    featureOverride: z
      .object({ reason: z.string(), by: Uuid.nullable() })
      .nullable()
      .meta({ description: 'A coordinator placed the guest on a unit that lacks some required features: why, and who' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Stay' });

/** One stay as its page shows it: who stays, where. */
export const StayDetail = Stay.extend({
  guestName: z.string(),
  unitName: z.string(),
  locationId: Uuid,
  locationName: z.string(),
}).meta({ id: 'StayDetail' });

/** What a hold or booking asks for besides unit and client (a stay for a referral takes the referral's client). */
const bookingFields = {
  stayType: StayTypeCode,
  arrival: IsoDate,
  departure: IsoDate.meta({ description: 'Day of departure (not a night of the stay)' }),
  status: z.enum(['hold', 'confirmed']).default('hold'),
  holdMinutes: z.number().int().min(1).max(1440).optional(),
};

export const CreateStayBody = z.strictObject({ unitId: Uuid, clientId: Uuid, ...bookingFields }).check(periodCheck('arrival', 'departure'));

export const CancelStayBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

export const ChangeDatesBody = z
  .strictObject({ arrival: IsoDate.optional(), departure: IsoDate.optional() })
  .refine((body) => body.arrival !== undefined || body.departure !== undefined, {
    path: ['departure'],
    params: { code: 'required' },
  });

export const MoveStayBody = z.strictObject({ unitId: Uuid });

export const ReferralStayBody = z
  .strictObject({
    unitId: Uuid,
    ...bookingFields,
    featureOverride: z
      .strictObject({ reason: z.string().trim().min(5).max(500) })
      .optional()
      .meta({
        description:
          'Book a unit that lacks some of what the guest needs, with the reason why it is still the best place (audited, shown on the referral)',
      }),
  })
  .check(periodCheck('arrival', 'departure'));
