import { resolve } from 'node:path';
import { z } from 'zod';
import { parseClockStart } from './clock.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SEED_DEMO: z.enum(['true', 'false', 'auto']).default('auto'),
  LOG: z.enum(['true', 'false']).default('false'),
  PUBLIC_URL: z.url().optional(),
  ADMIN_EMAIL: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((email) => email.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email()).max(2)),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(600),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADEMPAUZE_NOW: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined))
    .superRefine((value, context) => {
      if (value === undefined) return;
      try {
        parseClockStart(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
});

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server, or undefined for the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  /** A streaming replica of that server for the public calendar and the policy pages (read-your-writes kept). */
  replicaUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  holdMinutes: number;
  /** Demo data goes into an empty embedded database by default, into a server only when asked. */
  seedDemo: boolean;
  log: boolean;
  /** Where people reach the app; used in links in e-mail. */
  publicUrl: string;
  /** Who becomes the first administrator of a new installation (invited on start while there is none). */
  /** The first administrators (at most two), invited on start while fewer than two exist. */
  adminEmails: string[];
  /** Mail server; without one mail is kept in the database and shown to administrators (development). */
  smtpUrl: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  sessionCacheMs: number;
  requestsPerMinute: number;
  trustProxy: boolean;
  /** Personal data of a client whose file has been closed this long is anonymised. */
  retentionMonths: number;
  /** How often the background jobs run (a tick); a minute, shorter only for tests. */
  jobIntervalSeconds: number;
  /** Bearer token for GET /metrics; without it the figures are served only on the machine itself. */
  metricsToken: string | undefined;
  /** Where the app's clock starts (demos and tests on another day); undefined: the real time. */
  clockStart: Date | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration in the environment:\n${problems}`);
  }
  const e = parsed.data;
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new Error('Invalid configuration in the environment:\n  DATABASE_REPLICA_URL: a replica needs its primary in DATABASE_URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    replicaUrl: e.DATABASE_REPLICA_URL,
    dataDir: resolve(e.DATA_DIR),
    poolSize: e.DB_POOL_SIZE,
    holdMinutes: e.HOLD_MINUTES,
    seedDemo: e.SEED_DEMO === 'auto' ? !e.DATABASE_URL : e.SEED_DEMO === 'true',
    log: e.LOG === 'true',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    adminEmails: e.ADMIN_EMAIL,
    smtpUrl: e.SMTP_URL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    sessionCacheMs: e.SESSION_CACHE_MS,
    requestsPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY === 'true',
    retentionMonths: e.RETENTION_MONTHS,
    jobIntervalSeconds: e.JOB_INTERVAL_SECONDS,
    metricsToken: e.METRICS_TOKEN,
    clockStart: e.ADEMPAUZE_NOW === undefined ? undefined : parseClockStart(e.ADEMPAUZE_NOW),
  };
}
