import type { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../domain/roles.ts';
import { createMetrics } from '../ops/metrics.ts';
import { buildApp } from '../http/app.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from '../services/auth/auth-settings.ts';
import { AvailabilityReadModel } from '../services/availability-read-model.ts';
import { type Mailer, createMailer } from '../services/mail/mailer.ts';
import { type SessionHeaders, sessionHeaders } from './sessions.ts';
import { type StatementLog, logStatements } from './statement-counter.ts';
import { type TestDatabase, createTestDatabase, withDatabase } from './test-database.ts';
import { postgresHandle } from '../data/database.ts';

export type { SessionHeaders } from './sessions.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  auth: AuthSettings;
  /**
   * Headers of a fully signed-in person with this role (a new account each call; organisation for referrers and
   * planners). Sign-in itself is tested in auth.test.ts; other tests start from here.
   */
  signIn(role: Role, organisationId?: string | null): Promise<SessionHeaders>;
  /** With `logStatements`: every statement sent so far; reset it before the requests to count. */
  statements: StatementLog | undefined;
  /** The read model, when asked for: `sync()` waits until it has every committed change (a unit just added). */
  availability: AvailabilityReadModel | undefined;
  /** app.inject as a signed-in coordinator, or as `as` (headers from signIn, or 'anonymous'); headers are added. */
  inject(options: InjectOptions, as?: SessionHeaders | 'anonymous'): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real app on a fresh real database; requests go through Fastify's injector, no socket needed. */
export async function createTestApp(
  options: {
    holdMinutes?: number;
    poolSize?: number;
    readModel?: boolean;
    requestsPerMinute?: number;
    auth?: Partial<AuthSettings>;
    mailer?: Mailer;
    logStatements?: boolean;
    /** How often the read model polls the change feed by itself (default: as in the app). */
    readModelPollMs?: number;
    /** Prometheus figures at GET /metrics, behind this token when given. */
    metrics?: { token?: string };
    /** The JSON log lines go to this stream. */
    log?: Writable;
    /** A streaming replica of the test server: the app reads the public calendar and policy pages from it. */
    replicaServerUrl?: string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ poolSize: options.poolSize });
  // Before anything uses the handle: every statement of the app and its read model is logged.
  const statements = options.logStatements ? logStatements(database) : undefined;
  const availability = options.readModel ? await AvailabilityReadModel.start(database, { pollMs: options.readModelPollMs }) : undefined;
  const auth = { ...DEFAULT_AUTH_SETTINGS, ...options.auth };
  const metrics = options.metrics ? createMetrics() : undefined;
  const replica =
    options.replicaServerUrl && database.name ? postgresHandle(withDatabase(options.replicaServerUrl, database.name), 2) : undefined;
  metrics?.watch(database, availability);
  const app = await buildApp(
    {
      db: database.db,
      booking: { defaultHoldMinutes: options.holdMinutes ?? 30 },
      availability,
      auth,
      mailer: options.mailer ?? createMailer(database.db, undefined),
      metrics,
      metricsToken: options.metrics?.token,
      replicaDb: replica?.db,
    },
    // Tests send thousands of requests from one address; the limiter has its own test.
    { requestsPerMinute: options.requestsPerMinute ?? 1_000_000, ...(options.log ? { logger: options.log } : {}) },
  );

  const signIn = (role: Role, organisationId: string | null = null) => sessionHeaders(database.db, auth, { role, organisationId });

  let coordinator: Promise<SessionHeaders> | undefined;
  return {
    app,
    database,
    auth,
    signIn,
    statements,
    availability,
    async inject(request, as) {
      coordinator ??= signIn('coordinator');
      const session = as === 'anonymous' ? {} : (as ?? (await coordinator));
      return app.inject({ ...request, headers: { ...session, ...request.headers } });
    },
    async close() {
      await app.close();
      await availability?.close();
      await replica?.close();
      await database.close();
    },
  };
}
