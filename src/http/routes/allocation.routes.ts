import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyBatch, planBatch } from '../../services/batch-allocation.service.ts';
import type { AppContext } from '../context.ts';
import { Placement, Plan, Unplaced } from '../schemas/allocation.schemas.ts';
import { Problem, Uuid } from '../schemas/common.ts';

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
