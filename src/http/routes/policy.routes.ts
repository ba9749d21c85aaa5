import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staysByOrigin } from '../../services/policy.service.ts';
import type { AppContext } from '../context.ts';
import { IsoDate, Problem, RegionId, periodCheck } from '../schemas/common.ts';

const POLICY_READERS = ['policy_viewer', 'coordinator', 'administrator'] as const;

const PolicyQuery = z
  .strictObject({ regionId: RegionId, from: IsoDate, to: IsoDate.meta({ description: 'Exclusive end' }) })
  .check(periodCheck('from', 'to', 3 * 366));

const StaysByOrigin = z
  .object({
    stayType: z.string(),
    municipality: z.string(),
    stays: z.number().int().nullable(),
    nights: z.number().int().nullable(),
    suppressed: z.boolean().meta({ description: 'Hidden because fewer than 5 stays could point to a person' }),
  })
  .meta({ id: 'StaysByOrigin' });

export function policyRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/policy/stays-by-origin', {
      config: { access: POLICY_READERS },
      schema: {
        tags: ['policy'],
        summary: 'Stays arriving in a period per stay type and home municipality; counts under 5 are suppressed',
        querystring: PolicyQuery,
        response: { 200: z.array(StaysByOrigin), 400: Problem, 404: Problem },
      },
    }, async (request) => staysByOrigin(db, request.query.regionId, { from: request.query.from, to: request.query.to }));
  };
}
