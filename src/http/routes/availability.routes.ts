import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { occupancyGrid, searchFreeUnits } from '../../services/availability.service.ts';
import { type Actor, ROLES } from '../../domain/roles.ts';
import { type Scope, scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { actorOf } from '../security/access.ts';
import { GridQuery, GridResponse, SearchQuery, SearchResponse } from '../schemas/availability.schemas.ts';
import { Problem } from '../schemas/common.ts';

/** Everyone who plans or monitors sees the board; stays behind it only where their scope allows. */
const GRID_READERS = ['coordinator', 'provider_planner', 'referrer', 'policy_viewer', 'administrator'] as const;

function gridScope(actor: Actor): Scope {
  // Policy staff, administrators and referrers see occupancy, never which stay it is.
  if (actor.role === 'policy_viewer' || actor.role === 'administrator' || actor.role === 'referrer')
    return { kind: 'organisation', organisationId: '' };
  return scopeOf(actor);
}

export function availabilityRoutes({ db, availability }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/availability/search',
      {
        // Exact free nights per unit, also in the past, let anyone rebuild who stays when: for signed-in professionals
        // only. The public sees a location's week as free / limited / full (GET /api/locations/{id}/week).
        config: { access: ROLES },
        schema: {
          tags: ['availability'],
          summary: 'Units free for a period, stay type and care features; units free for part of it alongside',
          querystring: SearchQuery,
          response: { 200: SearchResponse, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
        },
      },
      async (request) => {
        const q = request.query;
        return searchFreeUnits(
          db,
          {
            regionId: q.regionId,
            period: { from: q.arrival, to: q.departure },
            stayType: q.stayType,
            features: q.features ?? [],
            includeNeighbours: q.includeNeighbours,
          },
          availability,
        );
      },
    );

    app.get(
      '/availability/grid',
      {
        config: { access: GRID_READERS },
        schema: {
          tags: ['availability'],
          summary: 'Units × nights occupancy of a region (the board and the public calendar)',
          querystring: GridQuery,
          response: { 200: GridResponse, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        const q = request.query;
        return occupancyGrid(
          db,
          {
            regionId: q.regionId,
            window: { from: q.from, to: q.to },
            stayType: q.stayType,
            features: q.features,
            locationId: q.locationId,
          },
          gridScope(actorOf(request)),
        );
      },
    );
  };
}
