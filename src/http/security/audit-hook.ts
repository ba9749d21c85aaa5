import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { insertAuditEvents } from '../../data/audit.repository.ts';
import { clientOfReferral, clientOfStay } from '../../data/ownership.repository.ts';
import { actingAs } from '../../data/change-author.ts';
import type { Database } from '../../data/schema.ts';
import { isDatabaseUnavailable } from '../../data/database.ts';
import { isUuid } from '../../domain/identifiers.ts';
import { AppError } from '../../errors.ts';
import { appErrorProblem, internalErrorProblem } from '../problem.ts';

/**
 * Routes that show or change personal or health data declare what they touch (NEN 7513: who, when, which client
 * and record, what, from which organisation, why). A change is recorded by the database in its own transaction,
 * with the author this hook hands to the handler; a read, and any refused or failed request, is recorded here
 * before the response leaves. If that event cannot be written the response fails: no personal data without a trace.
 */
export interface AuditRule {
  entity:
    | 'client'
    | 'stay'
    | 'series'
    | 'user'
    | 'audit'
    | 'referral'
    | 'task'
    | 'survey'
    | 'registry'
    | 'caregiver_contact'
    | 'api_client';
  action: 'read' | 'create' | 'update' | 'delete' | 'export' | 'anonymise';
  purpose: 'care_coordination' | 'care_delivery' | 'account_management' | 'accountability' | 'data_subject_request' | 'registry_management';
  /** Where the client's id is when it is neither the record itself (entity client) nor `clientId` of the answer. */
  clientId?: (request: FastifyRequest, body: Record<string, unknown> | undefined) => unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditRule;
  }
  interface FastifyRequest {
    responseBody?: Record<string, unknown>;
    /** Clients the answer shows that its JSON does not name by `clientId`: a CSV, an .ics file. */
    clientsShown?: Set<string>;
    /** A record of another organisation was asked for: the answer is 404, the attempt is denied and names its client. */
    refusedClient?: string;
  }
}

/** Names the clients an answer shows where the audit hook cannot find them itself (text answers). */
export function showsClients(request: FastifyRequest, clientIds: Iterable<string | null | undefined>): void {
  request.clientsShown ??= new Set();
  for (const id of clientIds) if (id) request.clientsShown.add(id);
}

/** Every `clientId` anywhere in an answer: a list of referrals, a day's movements, the lines of a claim. */
function clientIdsIn(value: unknown, found: Set<string>, depth = 0): Set<string> {
  if (depth > 6 || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) clientIdsIn(item, found, depth + 1);
    return found;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'clientId' && typeof inner === 'string') found.add(inner);
    else clientIdsIn(inner, found, depth + 1);
  }
  return found;
}

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Who is behind a request, as the audit log names them: a person, a system client by its key, or nobody. */
function whoCalls(request: FastifyRequest) {
  if (request.apiClient) {
    return {
      userId: null,
      email: `api-client:${request.apiClient.id} (${request.apiClient.name})`,
      role: 'api_client',
      organisationId: request.apiClient.organisationId,
    };
  }
  const actor = request.auth?.actor;
  return {
    userId: actor?.userId ?? null,
    email: actor?.email ?? null,
    role: actor?.role ?? null,
    organisationId: actor?.organisationId ?? null,
  };
}

/** Changes are recorded by the database inside their own transaction (see change-author.ts); reads here. */
const CHANGES: ReadonlySet<AuditRule['action']> = new Set(['create', 'update', 'delete', 'anonymise']);

export function auditTrail(db: Kysely<Database>) {
  return fp(async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const rule = route.config?.audit;
      if (!rule || !CHANGES.has(rule.action)) return;
      const handler = route.handler;
      route.handler = function (this: FastifyInstance, request, reply) {
        return actingAs(
          {
            ...whoCalls(request),
            purpose: rule.purpose,
            ip: request.ip,
            updateAction: rule.action === 'anonymise' ? 'anonymise' : 'update',
          },
          () => handler.call(this, request, reply),
        );
      };
    });

    app.addHook('preSerialization', async (request, _reply, payload) => {
      // The answer as the handler gave it, lists included, before serialisation drops what the schema does not show.
      if (request.routeOptions.config?.audit && payload && typeof payload === 'object') {
        request.responseBody = payload as Record<string, unknown>;
      }
      return payload;
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const rule = request.is404 ? undefined : request.routeOptions.config?.audit;
      if (!rule) return payload;
      // A change that went through was recorded with it; a refused or failed one changed nothing and is noted here.
      if (CHANGES.has(rule.action) && reply.statusCode < 400) return payload;
      const params = (request.params ?? {}) as Record<string, unknown>;
      const body = reply.statusCode < 300 ? request.responseBody : undefined;
      const recordId = asText(params.id) ?? (Array.isArray(body) ? null : asText(body?.id));
      // Every client the answer shows, so that each read lands in that client's access report (one row per client);
      // a route that names its client itself (the audit log about one client) is taken at its word.
      const named = rule.clientId ? asText(rule.clientId(request, body)) : rule.entity === 'client' ? recordId : null;
      const clients = rule.clientId ? new Set(named ? [named] : []) : clientIdsIn(body, new Set(named ? [named] : []));
      for (const id of request.clientsShown ?? []) clients.add(id);
      if (request.refusedClient) clients.add(request.refusedClient);
      const who = whoCalls(request);
      const refused = reply.statusCode === 401 || reply.statusCode === 403 || request.refusedClient !== undefined;
      const event = {
        userId: who.userId,
        userEmail: who.email,
        role: who.role,
        organisationId: who.organisationId,
        action: rule.action,
        entity: rule.entity,
        recordId,
        purpose: rule.purpose,
        outcome: reply.statusCode < 400 ? ('success' as const) : refused ? ('denied' as const) : ('failed' as const),
        httpStatus: reply.statusCode,
        ip: request.ip,
      };
      try {
        // An answer about one stay or referral that does not carry the client's id (the units a stay could move to,
        // a referral's stays or appointments) is about that record's client all the same.
        if (clients.size === 0 && body && recordId && isUuid(recordId)) {
          const owner =
            rule.entity === 'stay'
              ? await clientOfStay(db, recordId)
              : rule.entity === 'referral'
                ? await clientOfReferral(db, recordId)
                : undefined;
          if (owner) clients.add(owner);
        }
        await insertAuditEvents(
          db,
          clients.size === 0 ? [{ ...event, clientId: null }] : [...clients].map((clientId) => ({ ...event, clientId })),
        );
      } catch (error) {
        // No trace, no data: the answer is withheld. With the database gone that is a 503 to try again, not a fault.
        if (isDatabaseUnavailable(error)) {
          const { status, headers, body } = appErrorProblem(new AppError('database_unavailable'), request);
          reply.code(status).headers(headers).type('application/problem+json');
          return JSON.stringify(body);
        }
        request.log.error({ err: error }, 'audit event could not be written');
        reply.code(500).type('application/problem+json');
        return JSON.stringify(internalErrorProblem(request));
      }
      return payload;
    });
  });
}
