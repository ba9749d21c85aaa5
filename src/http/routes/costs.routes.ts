import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimsCsv, costsOfStay, monthlyClaims } from '../../services/costs.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { showsClients } from '../security/audit-hook.ts';
import { IdParams, Problem, Uuid } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';
import { sendCsv } from '../csv-reply.ts';

const Split = z.enum(['by_route', 'equal_thirds', 'stay_wmo_care_zvw']).default('by_route').meta({
  description: 'by_route: the financier of the stay type (Wmo stay + Zvw care, Zvw ELV, Wlz); equal_thirds; stay_wmo_care_zvw',
});
const Financier = z.enum(['wmo', 'zvw', 'wlz', 'client']);
const CostLine = z.object({ financier: Financier, month: z.string(), nights: z.number().int(), cents: z.number().int() });

const ClaimsQuery = z.strictObject({
  month: z
    .string()
    .refine((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value), { params: { code: 'invalid_month' } })
    .meta({ example: '2027-01' }),
  financier: Financier,
  split: Split,
});

const Claims = z
  .object({
    claims: z.array(
      z.object({
        reference: z.string(),
        stayId: Uuid,
        financier: Financier,
        municipality: z.string(),
        clientId: Uuid,
        clientName: z.string(),
        dateOfBirth: z.string().nullable(),
        bsn: z.string().nullable(),
        location: z.string(),
        stayType: z.string(),
        nights: z.number().int(),
        cents: z.number().int(),
      }),
    ),
    withoutTariff: z.array(Uuid).meta({ description: 'Stays that cannot be claimed because a night has no valid tariff' }),
  })
  .meta({ id: 'Claims' });

export function costsRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/stays/:id/costs',
      {
        config: { access: ['coordinator', 'provider_planner'], audit: { entity: 'stay', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['financing'],
          summary: "What a stay costs per financier and month, with the client's co-payment",
          params: IdParams,
          querystring: z.strictObject({ split: Split }),
          response: {
            200: z
              .object({
                stayId: Uuid,
                clientId: Uuid,
                route: Financier,
                split: z.string(),
                lines: z.array(CostLine),
                totalCents: z.number().int(),
              })
              .meta({ id: 'StayCosts' }),
            400: Problem,
            404: Problem,
            422: Problem,
          },
        },
      },
      async (request) => costsOfStay(db, scopeOf(actorOf(request)), request.params.id, request.query.split),
    );

    app.get(
      '/claims',
      {
        config: { access: ['coordinator'], audit: { entity: 'stay', action: 'export', purpose: 'care_coordination' } },
        schema: {
          tags: ['financing'],
          summary: 'The claims of one month for one financier, one line per case',
          querystring: ClaimsQuery,
          response: { 200: Claims, 400: Problem },
        },
      },
      async (request) => monthlyClaims(db, request.query.month, request.query.financier, request.query.split),
    );

    app.get(
      '/claims.csv',
      {
        config: { access: ['coordinator'], audit: { entity: 'stay', action: 'export', purpose: 'care_coordination' } },
        schema: {
          tags: ['financing'],
          summary: 'The same claims as CSV (semicolons, decimal comma, UTF-8 with BOM) for the financier',
          querystring: ClaimsQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), 400: Problem },
        },
      },
      async (request, reply) => {
        const { month, financier, split } = request.query;
        const { claims } = await monthlyClaims(db, month, financier, split);
        showsClients(
          request,
          claims.map((claim) => claim.clientId),
        );
        return sendCsv(reply, `declaraties-${financier}-${month}.csv`, claimsCsv(claims));
      },
    );
  };
}
