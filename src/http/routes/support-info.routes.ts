import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addSupportItem, changeSupportItem, findSupport, removeSupportItem } from '../../services/support-info.service.ts';
import type { AppContext } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { SupportItem, SupportItemBody, SupportQuery, SupportSearch } from '../schemas/support-info.schemas.ts';
import { actorOf } from '../security/access.ts';

/** The central point and administrators keep the information up to date; there is no personal data in it. */
const EDITORS = ['coordinator', 'administrator'] as const;

export function supportInfoRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/support',
      {
        config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: 'Support for caregivers in one place: search by words, municipality and kind',
          description: 'Items for the municipality and those for the whole region. Every word must occur in an item.',
          querystring: SupportQuery,
          response: { 200: SupportSearch, 400: Problem },
        },
      },
      async (request) => findSupport(db, request.query),
    );

    app.post(
      '/support',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['public'],
          summary: 'Add support information',
          body: SupportItemBody,
          response: { 201: SupportItem, 400: Problem },
        },
      },
      async (request, reply) => reply.status(201).send(await addSupportItem(db, actorOf(request), request.body)),
    );

    app.put(
      '/support/:id',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['public'],
          summary: 'Change support information',
          params: IdParams,
          body: SupportItemBody,
          response: { 200: SupportItem, 400: Problem, 404: Problem },
        },
      },
      async (request) => changeSupportItem(db, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/support/:id',
      {
        config: { access: EDITORS },
        schema: { tags: ['public'], summary: 'Remove support information', params: IdParams, response: { 204: z.null(), 404: Problem } },
      },
      async (request, reply) => {
        await removeSupportItem(db, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
