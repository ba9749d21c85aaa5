import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeUnitInScope, deleteClosure, getLocation, listRegionLocations, listRegions } from '../../services/registry.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';
import { Closure, CreateClosureBody, Location, LocationDetail, Region, RegionParams } from '../schemas/registry.schemas.ts';

/** The central point closes any unit; a provider's planner only its own. */
const CLOSERS = ['coordinator', 'provider_planner'] as const;

export function registryRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions',
      {
        config: { access: 'public' },
        schema: { tags: ['registry'], summary: 'All regions with neighbours and size', response: { 200: z.array(Region) } },
      },
      async () => listRegions(db),
    );

    app.get(
      '/regions/:regionId/locations',
      {
        config: { access: 'public' },
        schema: {
          tags: ['registry'],
          summary: 'Locations in a region',
          params: RegionParams,
          response: { 200: z.array(Location), 400: Problem },
        },
      },
      async (request) => listRegionLocations(db, request.params.regionId),
    );

    app.get(
      '/locations/:id',
      {
        config: { access: 'public' },
        schema: {
          tags: ['registry'],
          summary: 'A location with its units and tariffs',
          params: IdParams,
          response: { 200: LocationDetail, 400: Problem, 404: Problem },
        },
      },
      async (request) => getLocation(db, request.params.id),
    );

    app.post(
      '/units/:id/closures',
      {
        config: { access: CLOSERS },
        schema: {
          tags: ['registry'],
          summary: 'Close a unit for new stays (admission stop, maintenance)',
          params: IdParams,
          body: CreateClosureBody,
          response: { 201: Closure, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { startsOn, endsOn, reason, note } = request.body;
        const closure = await closeUnitInScope(db, scopeOf(actorOf(request)), request.params.id, {
          period: { from: startsOn, to: endsOn },
          reason,
          note: note ?? null,
        });
        return reply.status(201).send(closure);
      },
    );

    app.delete(
      '/closures/:id',
      {
        config: { access: CLOSERS },
        schema: { tags: ['registry'], summary: 'Reopen: remove a closure', params: IdParams, response: { 204: z.null(), 404: Problem } },
      },
      async (request, reply) => {
        await deleteClosure(db, scopeOf(actorOf(request)), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
