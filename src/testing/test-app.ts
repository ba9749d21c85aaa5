import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { insertUser } from '../data/account.repository.ts';
import type { Role } from '../domain/roles.ts';
import { buildApp } from '../http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/security/session-cookie.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from '../services/auth/auth-settings.ts';
import { actorOf, startSession } from '../services/auth/session.service.ts';
import { AvailabilityReadModel } from '../services/availability-read-model.ts';
import { createMailer } from '../services/mail/mailer.ts';
import { type TestDatabase, createTestDatabase } from './test-database.ts';

export type SessionHeaders = Record<string, string>;

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  auth: AuthSettings;
  /**
   * Headers of a fully signed-in person with this role (a new account each call; organisation for referrers and
   * planners). Sign-in itself is tested in auth.test.ts; other tests start from here.
   */
  signIn(role: Role, organisationId?: string | null): Promise<SessionHeaders>;
  /** app.inject as a signed-in coordinator, or as `as` (headers from signIn, or 'anonymous'); headers are added. */
  inject(options: InjectOptions, as?: SessionHeaders | 'anonymous'): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real app on a fresh real database; requests go through Fastify's injector, no socket needed. */
export async function createTestApp(
  options: { holdMinutes?: number; poolSize?: number; readModel?: boolean; requestsPerMinute?: number; auth?: Partial<AuthSettings> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ poolSize: options.poolSize });
  const availability = options.readModel ? await AvailabilityReadModel.start(database) : undefined;
  const auth = { ...DEFAULT_AUTH_SETTINGS, ...options.auth };
  const app = await buildApp(
    { db: database.db, booking: { defaultHoldMinutes: options.holdMinutes ?? 30 }, availability, auth, mailer: createMailer(database.db, undefined) },
    // Tests send thousands of requests from one address; the limiter has its own test.
    { requestsPerMinute: options.requestsPerMinute ?? 1_000_000 },
  );

  async function signIn(role: Role, organisationId: string | null = null): Promise<SessionHeaders> {
    const user = await insertUser(database.db, { email: `${role}-${randomUUID()}@test.example`, name: `Test ${role}`, role, organisationId });
    const session = await startSession(database.db, user.id, actorOf(user), 'full', null, auth);
    return { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
  }

  let coordinator: Promise<SessionHeaders> | undefined;
  return {
    app,
    database,
    auth,
    signIn,
    async inject(request, as) {
      coordinator ??= signIn('coordinator');
      const session = as === 'anonymous' ? {} : (as ?? (await coordinator));
      return app.inject({ ...request, headers: { ...session, ...request.headers } });
    },
    async close() {
      await app.close();
      await availability?.close();
      await database.close();
    },
  };
}
