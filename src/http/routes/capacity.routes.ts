import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capacityCsv, capacityPlan, demandCsv, demandModel } from '../../services/capacity.service.ts';
import { type AppContext, readerOf } from '../context.ts';
import { Problem } from '../schemas/common.ts';
import {
  CapacityCsvQuery,
  CapacityPlanSchema,
  CapacityQuery,
  DemandCsvQuery,
  DemandModelSchema,
  DemandQuery,
} from '../schemas/capacity.schemas.ts';
import { sendCsv } from '../csv-reply.ts';

const POLICY_READERS = ['policy_viewer', 'coordinator', 'administrator'] as const;

export function capacityRoutes(context: AppContext): FastifyPluginAsyncZod {
  // Aggregates a moment behind are fine: they may come from the read replica.
  const read = readerOf(context);
  return async (app) => {
    app.get(
      '/policy/demand',
      {
        config: { access: POLICY_READERS },
        schema: {
          tags: ['policy'],
          summary:
            'The demand model of a region: requests per week and season, stay lengths, placement outside the region, recurring guests, per stay type',
          description:
            "Demand of the region's residents (home postcode in the region), counted from the first day the region had a unit. " +
            'Aggregates only; counts of fewer than 5 people are hidden (null, suppressed), and more where a total would give one away.',
          querystring: DemandQuery,
          response: { 200: DemandModelSchema, 400: Problem, 404: Problem },
        },
      },
      async (request) => demandModel(await read(request), request.query),
    );

    app.get(
      '/policy/demand.csv',
      {
        config: { access: POLICY_READERS },
        schema: {
          tags: ['policy'],
          summary: 'One table of the demand model as CSV (semicolons, decimal comma, UTF-8 with BOM); hidden counts are empty',
          querystring: DemandCsvQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { table, ...query } = request.query;
        return sendCsv(
          reply,
          `vraag-${query.regionId}-${table}-${query.from}-${query.to}.csv`,
          demandCsv(await demandModel(await read(request), query), table),
        );
      },
    );

    app.get(
      '/policy/capacity',
      {
        config: { access: POLICY_READERS },
        schema: {
          tags: ['policy'],
          summary:
            'Units needed per stay type for a target share refused (Erlang B, checked by simulation), and pooling and reservation compared',
          description:
            'Offered load from the demand model; Erlang B for the units needed; a seeded discrete-event simulation of the observed demand ' +
            "(recurring guests at their interval, others Poisson at the season's rate, observed stay lengths) on (a) each provider's own pool, " +
            '(b) one regional pool of the units as they are, (c) k beds reserved for planned respite and (d) all beds shared.',
          querystring: CapacityQuery,
          response: { 200: CapacityPlanSchema, 400: Problem, 404: Problem },
        },
      },
      async (request) => capacityPlan(await read(request), request.query),
    );

    app.get(
      '/policy/capacity.csv',
      {
        config: { access: POLICY_READERS },
        schema: {
          tags: ['policy'],
          summary: 'One table of the capacity plan as CSV (semicolons, decimal comma, UTF-8 with BOM); shares in percent',
          querystring: CapacityCsvQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { table, ...query } = request.query;
        return sendCsv(
          reply,
          `capaciteit-${query.regionId}-${table}-${query.from}-${query.to}.csv`,
          capacityCsv(await capacityPlan(await read(request), query), table),
        );
      },
    );
  };
}
