import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../data/schema.ts';
import type { ApiScope } from '../../domain/api-scopes.ts';
import type { Actor, Role } from '../../domain/roles.ts';
import { type ApiClient, clientOfKey } from '../../services/api-client.service.ts';
import { AppError } from '../../errors.ts';
import type { AuthSettings } from '../../services/auth/auth-settings.ts';
import { type SessionInfo, resolveSession } from '../../services/auth/session.service.ts';
import { CSRF_HEADER, SESSION_COOKIE, clearSessionCookie } from './session-cookie.ts';

/**
 * Every route declares who may call it:
 * - 'public': anyone, signed in or not;
 * - 'any_session': a signed-in person, also halfway through the second factor (to finish or to sign out);
 * - a list of roles: a fully signed-in person with one of those roles.
 * A route without a rule is a programming error: the app refuses to start.
 */
export type Access = 'public' | 'any_session' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** System clients (a key, `Authorization: Bearer …`) with this scope may call the route too. */
    apiScope?: ApiScope;
    /** A public route that checks its own Authorization header (GET /metrics and its token): no session, no key. */
    ownAuthorization?: boolean;
  }
  interface FastifyRequest {
    auth: SessionInfo | null;
    /** The system that called with a key; then `auth` stays null (a key and a cookie are never mixed). */
    apiClient: ApiClient | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function accessControl(db: Kysely<Database>, settings: AuthSettings) {
  return fp(async (app: FastifyInstance) => {
    await app.register(cookie);
    app.decorateRequest('auth', null);
    app.decorateRequest('apiClient', null);

    const described = new WeakSet<object>();
    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      if (access === undefined) {
        const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
        throw new Error(`Route ${method} ${route.url} declares no access rule (config.access)`);
      }
      // The rule goes into the API description too, so a client developer sees it next to the operation.
      // (A GET route's automatic HEAD twin shares its schema object: describe it once.)
      if (route.schema && !route.schema.hide && !described.has(route.schema)) {
        described.add(route.schema);
        const who =
          access === 'public'
            ? 'anyone, no sign-in'
            : access === 'any_session'
              ? 'anyone signed in'
              : access.length === 0
                ? 'system clients only'
                : access.join(', ');
        const apiScope = route.config?.apiScope;
        const system = apiScope ? `System clients with a key (Authorization: Bearer) need the scope ${apiScope}. ` : '';
        const schema = route.schema as { description?: string; security?: unknown };
        schema.description = `${schema.description ? `${schema.description}\n\n` : ''}${system}Access: ${who}.`;
        // OpenAPI: an empty requirement is "no sign-in"; alternatives are listed side by side.
        const people =
          access === 'public' ? (apiScope ? [{}] : []) : access === 'any_session' || access.length > 0 ? [{ session: [] }] : [];
        schema.security = apiScope ? [...people, { systemKey: [apiScope] }] : people;
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config.ownAuthorization && request.routeOptions.config.access === 'public') return;
      const authorization = request.headers.authorization;
      if (typeof authorization === 'string' && /^Bearer /i.test(authorization)) {
        // A system client: its key alone decides, and no cookie is read, so no CSRF token is needed either.
        request.apiClient = (await clientOfKey(db, authorization.slice(7).trim())) ?? null;
        if (!request.apiClient) throw new AppError('unauthenticated');
        if (request.is404) return;
        const { access, apiScope } = request.routeOptions.config;
        if (access !== 'public' && !(apiScope && request.apiClient.scopes.includes(apiScope))) throw new AppError('forbidden');
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        request.auth = (await resolveSession(db, token, settings)) ?? null;
        if (!request.auth) clearSessionCookie(reply);
      }
      // A session cookie travels with every request, also one forged by another site: changes need the token
      // that only our own pages can read.
      if (request.auth && !SAFE_METHODS.has(request.method)) {
        const header = request.headers[CSRF_HEADER];
        if (typeof header !== 'string' || !sameToken(header, request.auth.csrfToken)) throw new AppError('csrf_failed');
      }
      if (request.is404) return;
      checkAccess(request.routeOptions.config.access, request.auth);
    });
  });
}

/** Whether a session may call what an access rule allows; also for a rule a handler applies to part of a route. */
export function checkAccess(access: Access | undefined, session: SessionInfo | null): void {
  if (access === 'public') return;
  if (!session) throw new AppError('unauthenticated');
  if (access === 'any_session') return;
  if (session.stage !== 'full') throw new AppError('second_factor_required', { params: { stage: session.stage } });
  if (!access || !access.includes(session.actor.role)) throw new AppError('forbidden');
}

/** The signed-in person of a route whose access rule names roles (so the hook has already checked there is one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth.actor;
}

export function sessionOf(request: FastifyRequest): SessionInfo {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth;
}
