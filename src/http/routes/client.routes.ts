import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createClient, getClient } from '../../services/client.service.ts';
import { eraseClient, exportClientData } from '../../services/privacy.service.ts';
import type { AppContext } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { Client, ClientErased, ClientExport, CreateClientBody } from '../schemas/registry.schemas.ts';

const COORDINATOR = ['coordinator'] as const;

export function clientRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/clients',
      {
        config: { access: COORDINATOR, audit: { entity: 'client', action: 'create', purpose: 'care_coordination' } },
        schema: {
          tags: ['clients'],
          summary: 'Register a client to book for',
          body: CreateClientBody,
          response: { 201: Client, 400: Problem },
        },
      },
      async (request, reply) => reply.status(201).send(await createClient(db, request.body)),
    );

    app.get(
      '/clients/:id',
      {
        config: { access: COORDINATOR, audit: { entity: 'client', action: 'read', purpose: 'care_coordination' } },
        schema: { tags: ['clients'], summary: 'One client', params: IdParams, response: { 200: Client, 400: Problem, 404: Problem } },
      },
      async (request) => getClient(db, request.params.id),
    );

    app.get(
      '/clients/:id/export',
      {
        config: { access: COORDINATOR, audit: { entity: 'client', action: 'export', purpose: 'data_subject_request' } },
        schema: {
          tags: ['clients'],
          summary: 'Everything held about a client, for an access or portability request (AVG/GDPR art. 15 and 20)',
          params: IdParams,
          response: { 200: ClientExport, 400: Problem, 404: Problem },
        },
      },
      async (request) => exportClientData(db, request.params.id),
    );

    app.delete(
      '/clients/:id',
      {
        config: { access: COORDINATOR, audit: { entity: 'client', action: 'anonymise', purpose: 'data_subject_request' } },
        schema: {
          tags: ['clients'],
          summary: 'Erase a client on request: name and date of birth go, stays remain as anonymous records',
          description:
            'Refused (409) while the client has a planned or current stay. Financing records must be kept, ' +
            'so stays are not deleted; they no longer point to an identifiable person.',
          params: IdParams,
          response: { 200: ClientErased, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => eraseClient(db, request.params.id),
    );
  };
}
