import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addYearlyCost, endYearlyCostOn, yearlyCostsOf } from '../../services/yearly-cost.service.ts';
import type { AppContext } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { RegionParams } from '../schemas/registry.schemas.ts';
import { CreateYearlyCostBody, EndYearlyCostBody, YearlyCost } from '../schemas/yearly-cost.schemas.ts';
import type { AuditRule } from '../security/audit-hook.ts';

const TAGS = ['registry administration'];
const CREATE: AuditRule = { entity: 'registry', action: 'create', purpose: 'registry_management' };
const UPDATE: AuditRule = { entity: 'registry', action: 'update', purpose: 'registry_management' };
const CHANGE_ANSWERS = { 400: Problem, 403: Problem, 404: Problem };

/** A region's yearly costs outside the tariffs (staff, coordination, lump-sum contracts): kept by the administrator, read by policy staff. */
export function yearlyCostRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions/:regionId/yearly-costs',
      {
        config: { access: ['administrator', 'coordinator', 'policy_viewer'] },
        schema: {
          tags: TAGS,
          summary: "A region's yearly costs outside the night tariffs: staff, coordination and lump-sum contracts, with validity",
          params: RegionParams,
          response: { 200: z.array(YearlyCost), 404: Problem },
        },
      },
      async (request) => yearlyCostsOf(db, request.params.regionId),
    );

    app.post(
      '/regions/:regionId/yearly-costs',
      {
        config: { access: ['administrator'], audit: CREATE },
        schema: {
          tags: TAGS,
          summary: 'Record a yearly cost outside the night tariffs; the MKBA counts it from its first day',
          description: 'A contract (kind availability_contract) names the location of this region whose respite nights its lump sum pays.',
          params: RegionParams,
          body: CreateYearlyCostBody,
          response: { 201: YearlyCost, ...CHANGE_ANSWERS },
        },
      },
      async (request, reply) => reply.status(201).send(await addYearlyCost(db, request.params.regionId, request.body)),
    );

    app.post(
      '/yearly-costs/:id/end',
      {
        config: { access: ['administrator'], audit: UPDATE },
        schema: {
          tags: TAGS,
          summary: 'End a yearly cost on a day (exclusive); earlier periods keep it',
          params: IdParams,
          body: EndYearlyCostBody,
          response: { 200: YearlyCost, ...CHANGE_ANSWERS },
        },
      },
      async (request) => endYearlyCostOn(db, request.params.id, request.body.validUntil),
    );
  };
}
