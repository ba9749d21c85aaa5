import { z } from 'zod';
import { IsoDate, StayTypeCode, Uuid } from './common.ts';

const Urgency = z.enum(['today', 'within_48h', 'planned']);

const Wish = {
  referralId: Uuid,
  reference: z.string(),
  urgency: Urgency,
  arrival: IsoDate.describe("First night: the wished one, or one within the referral's flexibility"),
  departure: IsoDate,
  wishedArrival: IsoDate,
};

export const Placement = z
  .object({
    ...Wish,
    unitId: Uuid,
    unitName: z.string(),
    locationName: z.string(),
    organisationName: z.string(),
    stayType: StayTypeCode,
    distanceKm: z.number().nullable(),
    outsideRegion: z.boolean(),
  })
  .meta({ id: 'BatchPlacement' });

export const Unplaced = z.object({
  ...Wish,
  candidates: z.number().int().describe('Free units that fit on their own, but went to others'),
});

export const Plan = z
  .object({
    placed: z.array(Placement),
    unplaced: z.array(Unplaced),
    totalDistanceKm: z.number(),
    provenOptimal: z.boolean().describe('The solver proved this plan optimal (always false for greedy)'),
  })
  .meta({ id: 'BatchPlan' });
