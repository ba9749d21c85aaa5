import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_SCOPES } from '../../domain/api-scopes.ts';
import { apiClients, createApiClient, revoke } from '../../services/api-client.service.ts';
import type { AppContext } from '../context.ts';
import { ApiClient } from '../schemas/api-client.schemas.ts';
import { IdParams, Problem, Uuid } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';

const ADMINISTRATOR = ['administrator'] as const;
const AUDIT = { entity: 'api_client', purpose: 'account_management' } as const;

/** Keys for the systems that call the FHIR endpoint (docs/FHIR.md), made and revoked by an administrator. */
export function apiClientRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/api-clients',
      {
        config: { access: ADMINISTRATOR, audit: { ...AUDIT, action: 'read' } },
        schema: {
          tags: ['admin'],
          summary: 'The system clients and their scopes (never their keys)',
          response: { 200: z.array(ApiClient) },
        },
      },
      async () => apiClients(db),
    );

    app.post(
      '/admin/api-clients',
      {
        config: { access: ADMINISTRATOR, audit: { ...AUDIT, action: 'create' } },
        schema: {
          tags: ['admin'],
          summary: 'A key for a system of an organisation; the key is in this answer only (store it in that system at once)',
          body: z.strictObject({
            organisationId: Uuid,
            name: z.string().trim().min(2).max(100),
            scopes: z
              .array(z.enum(API_SCOPES))
              .min(1)
              .max(API_SCOPES.length)
              .refine((scopes) => new Set(scopes).size === scopes.length, { params: { code: 'duplicate' } }),
          }),
          response: {
            201: ApiClient.extend({ key: z.string().meta({ description: 'Send as `Authorization: Bearer {key}`' }) }),
            400: Problem,
          },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiClient(db, actorOf(request), request.body)),
    );

    app.delete(
      '/admin/api-clients/:id',
      {
        config: { access: ADMINISTRATOR, audit: { ...AUDIT, action: 'update' } },
        schema: {
          tags: ['admin'],
          summary: 'Revoke a key: the system is refused from the next request on',
          params: IdParams,
          response: { 204: z.null(), 404: Problem },
        },
      },
      async (request, reply) => {
        await revoke(db, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
