import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { locationsNear } from '../../services/nearby.service.ts';
import { publicWeek } from '../../services/public-calendar.service.ts';
import type { AppContext } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { LocationWeek, LocationWeekQuery, NearbyLocations, NearbyQuery } from '../schemas/public.schemas.ts';

/** A person clicks through a few weeks; a robot walking every location and week for a year soon meets the limit. */
const CALENDAR_LIMIT = { max: 60, timeWindow: '1 minute' };

export function publicRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/locations/:id/week', {
      config: { access: 'public', rateLimit: CALENDAR_LIMIT },
      schema: {
        tags: ['public'],
        summary: 'The public week calendar of a location: per night and stay type free, limited or full',
        description: 'free: two or more places free, or the only place of the location; limited: the last free place; '
          + 'full: no place free (taken, held, closed or not in use). Counts, units and stays are never shown.',
        params: IdParams,
        querystring: LocationWeekQuery,
        response: { 200: LocationWeek, 400: Problem, 404: Problem, 429: Problem },
      },
    }, async (request) => publicWeek(db, request.params.id, request.query.from));

    app.get('/public/locations', {
      config: { access: 'public', rateLimit: CALENDAR_LIMIT },
      schema: {
        tags: ['public'],
        summary: 'Places to stay near a home postcode, nearest first: what each offers, what a night costs, and room in the coming weeks',
        description: 'For caregivers: no account needed. Room is given per week as free, limited or full only.',
        querystring: NearbyQuery,
        response: { 200: NearbyLocations, 400: Problem, 429: Problem },
      },
    }, async (request) => locationsNear(db, request.query));
  };
}
