import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createClient, getClient } from '../../services/client.service.ts';
import type { AppContext } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { Client, CreateClientBody } from '../schemas/registry.schemas.ts';

const COORDINATOR = ['coordinator'] as const;

export function clientRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/clients', {
      config: { access: COORDINATOR, audit: { entity: 'client', action: 'create', purpose: 'care_coordination' } },
      schema: { tags: ['clients'], summary: 'Register a client to book for', body: CreateClientBody, response: { 201: Client, 400: Problem } },
    }, async (request, reply) => reply.status(201).send(await createClient(db, request.body)));

    app.get('/clients/:id', {
      config: { access: COORDINATOR, audit: { entity: 'client', action: 'read', purpose: 'care_coordination' } },
      schema: { tags: ['clients'], summary: 'One client', params: IdParams, response: { 200: Client, 400: Problem, 404: Problem } },
    }, async (request) => getClient(db, request.params.id));
  };
}
