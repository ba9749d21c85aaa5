import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyBatch, planBatch } from '../../services/batch-allocation.service.ts';
import type { AppContext } from '../context.ts';
import { IsoDate, Problem, StayTypeCode, Uuid } from '../schemas/common.ts';

const Urgency = z.enum(['today', 'within_48h', 'planned']);
const Wish = {
  referralId: Uuid,
  reference: z.string(),
  urgency: Urgency,
  arrival: IsoDate.describe("First night: the wished one, or one within the referral's flexibility"),
  departure: IsoDate,
  wishedArrival: IsoDate,
};
const Placement = z
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
const Unplaced = z.object({ ...Wish, candidates: z.number().int().describe('Free units that fit on their own, but went to others') });
const Plan = z
  .object({
    placed: z.array(Placement),
    unplaced: z.array(Unplaced),
    totalDistanceKm: z.number(),
    provenOptimal: z.boolean().describe('The solver proved this plan optimal (always false for greedy)'),
  })
  .meta({ id: 'BatchPlan' });

export function allocationRoutes({ db, booking, availability }: AppContext): FastifyPluginAsyncZod {
  const settings = { ...booking, availability };
  return async (app) => {
    app.get(
      '/allocations/batch',
      {
        config: { access: ['coordinator'], audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['matching'],
          summary: 'Allocate all pending referrals at once: the minimum-cost plan and the greedy one, side by side',
          description:
            'Pending: triaged or waiting, with wished dates from today. The minimum-cost plan places as many as ' +
            'possible, the urgent first where they compete, then nearest to home; "no bed" is an option. A stay may move ' +
            "within the referral's flexibility (flexibilityDays), at a price per day. Nothing is held.",
          response: { 200: z.object({ pending: z.number().int(), optimal: Plan, greedy: Plan }) },
        },
      },
      async () => planBatch(db),
    );

    app.post(
      '/allocations/batch',
      {
        config: { access: ['coordinator'], audit: { entity: 'stay', action: 'create', purpose: 'care_coordination' } },
        schema: {
          tags: ['matching'],
          summary: 'Hold the units of a batch plan; a unit taken in the meantime is reported, the other holds stand',
          // No default: holding beds for many people at once is a deliberate choice of plan.
          body: z.strictObject({ method: z.enum(['optimal', 'greedy']) }),
          response: {
            200: z.object({
              method: z.enum(['optimal', 'greedy']),
              held: z.array(Placement.extend({ stayId: Uuid })),
              failed: z.array(z.object({ referralId: Uuid, reference: z.string(), code: z.string() })),
              unplaced: z.array(Unplaced),
              provenOptimal: z.boolean(),
            }),
            400: Problem,
          },
        },
      },
      async (request) => applyBatch(db, request.body.method, settings),
    );
  };
}
