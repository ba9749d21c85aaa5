import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { insertAuditEvent } from '../../data/audit.repository.ts';
import { actingAs } from '../../data/change-author.ts';
import type { Database } from '../../data/schema.ts';
import { internalErrorProblem } from '../problem.ts';

/**
 * Routes that show or change personal or health data declare what they touch (NEN 7513: who, when, which client
 * and record, what, from which organisation, why). A change is recorded by the database in its own transaction,
 * with the author this hook hands to the handler; a read, and any refused or failed request, is recorded here
 * before the response leaves. If that event cannot be written the response fails: no personal data without a trace.
 */
export interface AuditRule {
  entity: 'client' | 'stay' | 'series' | 'user' | 'audit' | 'referral' | 'task' | 'survey' | 'registry';
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
  }
}

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Changes are recorded by the database inside their own transaction (see change-author.ts); reads here. */
const CHANGES: ReadonlySet<AuditRule['action']> = new Set(['create', 'update', 'delete', 'anonymise']);

export function auditTrail(db: Kysely<Database>) {
  return fp(async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const rule = route.config?.audit;
      if (!rule || !CHANGES.has(rule.action)) return;
      const handler = route.handler;
      route.handler = function (this: FastifyInstance, request, reply) {
        const actor = request.auth?.actor;
        return actingAs({
          userId: actor?.userId ?? null,
          email: actor?.email ?? null,
          role: actor?.role ?? null,
          organisationId: actor?.organisationId ?? null,
          purpose: rule.purpose,
          ip: request.ip,
          updateAction: rule.action === 'anonymise' ? 'anonymise' : 'update',
        }, () => handler.call(this, request, reply));
      };
    });

    app.addHook('preSerialization', async (request, _reply, payload) => {
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
      const recordId = asText(params.id) ?? asText(body?.id);
      const clientId = rule.clientId
        ? asText(rule.clientId(request, body))
        : rule.entity === 'client' ? recordId : asText(body?.clientId);
      const actor = request.auth?.actor;
      try {
        await insertAuditEvent(db, {
        userId: actor?.userId ?? null,
        userEmail: actor?.email ?? null,
        role: actor?.role ?? null,
        organisationId: actor?.organisationId ?? null,
        action: rule.action,
        entity: rule.entity,
        recordId,
        clientId,
        purpose: rule.purpose,
        outcome: reply.statusCode < 400 ? 'success' : reply.statusCode === 401 || reply.statusCode === 403 ? 'denied' : 'failed',
        httpStatus: reply.statusCode,
        ip: request.ip,
        });
      } catch (error) {
        // No trace, no data: the answer is withheld.
        request.log.error({ err: error }, 'audit event could not be written');
        reply.code(500).type('application/problem+json');
        return JSON.stringify(internalErrorProblem(request));
      }
      return payload;
    });
  });
}
