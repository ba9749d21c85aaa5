import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ASSUMPTION_KEYS, type AssumptionValues } from '../../domain/mkba/assumptions.ts';
import { mkbaCsv, mkbaReport, pilotYearReport } from '../../services/mkba.service.ts';
import { type AppContext, readerOf } from '../context.ts';
import { Problem } from '../schemas/common.ts';
import { MkbaQuery, type MkbaQueryValues, MkbaSchema, PilotYearSchema, overrideField } from '../schemas/mkba.schemas.ts';
import { sendCsv } from '../csv-reply.ts';

const MKBA_READERS = ['policy_viewer', 'coordinator', 'administrator'] as const;

function windowOf(query: MkbaQueryValues) {
  return query.year !== undefined ? { from: `${query.year}-01-01`, to: `${query.year + 1}-01-01` } : { from: query.from!, to: query.to! };
}

function overridesOf(query: MkbaQueryValues): Partial<AssumptionValues> {
  const overrides: Partial<AssumptionValues> = {};
  for (const key of ASSUMPTION_KEYS) {
    const value = query[overrideField(key)];
    if (value !== undefined) overrides[key] = value;
  }
  return overrides;
}

const DESCRIPTION =
  "The social cost-benefit analysis (MKBA) of a region's respite care for a year, after the pilots' analysis: benefits of " +
  'delayed nursing-home admission, prevented crisis admissions and less sick leave of working caregivers; costs of the nights ' +
  'at their tariffs, of every night of the beds reserved for respite, and of staff, coordination and lump-sum contracts as the ' +
  'registry keeps them (nights without a tariff are named and make the result incomplete); a positive scenario and a conservative one (expert estimates halved); per stakeholder. Aggregates only; ' +
  'fewer than 5 guests gives no figures. Change any assumption with a.<key>=value.';

export function mkbaRoutes(context: AppContext): FastifyPluginAsyncZod {
  // Aggregates a moment behind are fine: they may come from the read replica.
  const read = readerOf(context);
  return async (app) => {
    app.get(
      '/policy/mkba',
      {
        config: { access: MKBA_READERS },
        schema: {
          tags: ['policy'],
          summary: 'Social costs and benefits of respite care in a region for a year or period, in two scenarios',
          description: DESCRIPTION,
          querystring: MkbaQuery,
          response: { 200: MkbaSchema, 400: Problem, 404: Problem },
        },
      },
      async (request) => mkbaReport(await read(request), request.query.regionId, windowOf(request.query), overridesOf(request.query)),
    );

    app.get(
      '/policy/mkba/pilot-2019',
      {
        config: { access: MKBA_READERS },
        schema: {
          tags: ['policy'],
          summary:
            "Pilot year 2019: this MKBA computed for the three respite pilots from the reports' inputs, beside the report's own figures",
          response: { 200: PilotYearSchema },
        },
      },
      async () => pilotYearReport(),
    );

    app.get(
      '/policy/mkba.csv',
      {
        config: { access: MKBA_READERS },
        schema: {
          tags: ['policy'],
          summary:
            'The MKBA as CSV (semicolons, decimal comma, UTF-8 with BOM): inputs, assumptions per scenario, every line per stakeholder, totals and ratio',
          querystring: MkbaQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const window = windowOf(request.query);
        const report = await mkbaReport(await read(request), request.query.regionId, window, overridesOf(request.query));
        return sendCsv(reply, `mkba-${report.region.id}-${window.from}-${window.to}.csv`, mkbaCsv(report));
      },
    );
  };
}
