import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policyMonitor, policyTableCsv, staysByOrigin } from '../../services/policy.service.ts';
import { type AppContext, readerOf } from '../context.ts';
import { IsoDate, Problem, RegionId, periodCheck } from '../schemas/common.ts';
import { POLICY_CSV_TABLES, PolicyCsvQuery, PolicyMonitorQuery, PolicyMonitorSchema } from '../schemas/policy.schemas.ts';
import { sendCsv } from '../csv-reply.ts';

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

export function policyRoutes(context: AppContext): FastifyPluginAsyncZod {
  // Aggregates a moment behind are fine: they may come from the read replica.
  const read = readerOf(context);
  return async (app) => {
    app.get(
      '/policy/stays-by-origin',
      {
        config: { access: POLICY_READERS },
        schema: {
          tags: ['policy'],
          summary: 'Stays arriving in a period per stay type and home municipality; counts under 5 are suppressed',
          querystring: PolicyQuery,
          response: { 200: z.array(StaysByOrigin), 400: Problem, 404: Problem },
        },
      },
      async (request) => staysByOrigin(await read(request), request.query.regionId, { from: request.query.from, to: request.query.to }),
    );

    app.get(
      '/policy/monitor',
      {
        config: { access: POLICY_READERS },
        schema: {
          tags: ['policy'],
          summary:
            'The policy monitor for a period: occupancy, requests, placement in the own region, lead times, cancellations, waiting list and satisfaction',
          description:
            'Aggregates only. Counts of fewer than 5 people are hidden (null, suppressed), and one more where a total would give a hidden count away.',
          querystring: PolicyMonitorQuery,
          response: { 200: PolicyMonitorSchema, 400: Problem, 404: Problem },
        },
      },
      async (request) =>
        policyMonitor(await read(request), { from: request.query.from, to: request.query.to, regionId: request.query.regionId }),
    );

    app.get(
      '/policy/monitor.csv',
      {
        config: { access: POLICY_READERS },
        schema: {
          tags: ['policy'],
          summary: 'One table of the policy monitor as CSV (semicolons, decimal comma, UTF-8 with BOM); hidden counts are empty',
          querystring: PolicyCsvQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { table, from, to, regionId } = request.query;
        const name = `beleidsmonitor-${table}${regionId ? `-${regionId}` : ''}-${from}-${to}.csv`;
        return sendCsv(reply, name, await policyTableCsv(await read(request), POLICY_CSV_TABLES[table], { from, to, regionId }));
      },
    );
  };
}
