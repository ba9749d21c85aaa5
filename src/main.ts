import { loadConfig } from './config.ts';
import { openDatabase } from './data/open-database.ts';
import { postgresHandle } from './data/database.ts';
import { migrate } from './data/migrate.ts';
import { renameFormerMunicipalities } from './data/municipality-names.repository.ts';
import { formerMunicipalityNames } from './data/pc4-table.ts';
import { hasDemoAccounts, printDemoAccounts } from './demo/print-demo-accounts.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { dailyJobs, minuteJobs } from './jobs/app-jobs.ts';
import { createJobRunner, schedule } from './jobs/job-runner.ts';
import { createMetrics } from './ops/metrics.ts';
import { buildApp } from './http/app.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './services/auth/auth-settings.ts';
import { AvailabilityReadModel } from './services/availability-read-model.ts';
import { createMailer } from './services/mail/mailer.ts';
import { greetFirstAdministrators } from './services/auth/first-administrator.ts';
import { appClock, clockStartingAt, setAppClock, systemClock } from './clock.ts';

const DAY_MS = 24 * 3_600_000;

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.clockStart) {
    setAppClock(clockStartingAt(config.clockStart));
    console.log(`Adempauze: the clock starts at ${config.clockStart.toISOString()} (ADEMPAUZE_NOW), not at the real time`);
  }
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Adempauze: opening the ${where} …`);
  const { handle, lock } = await openDatabase(config);
  // The public calendar and the policy pages may read from a replica; whoever just wrote reads the primary.
  const replica = config.replicaUrl ? postgresHandle(config.replicaUrl, config.poolSize) : undefined;
  if (replica) console.log('Reads of the public calendar and the policy pages may go to the replica (DATABASE_REPLICA_URL).');
  const applied = await migrate(handle);
  if (applied.length > 0) console.log(`Migrations applied: ${applied.join(', ')}`);
  const renamed = await renameFormerMunicipalities(handle.db, formerMunicipalityNames());
  if (renamed.regions + renamed.supportItems + renamed.coPaymentRules > 0)
    console.log(`Former municipality names brought up to date: ${JSON.stringify(renamed)}`);
  for (const conflict of renamed.coPaymentConflicts) {
    console.warn(
      `Co-payment rule of ${conflict.municipality} from ${conflict.validFrom} kept its former name: the municipality it merged into has a rule for those dates`,
    );
  }
  if (config.seedDemo) {
    const seeded = await seedDemo(handle.db, { today: appClock().today() });
    if (seeded.inserted) console.log(`Demo data created: ${JSON.stringify(seeded.counts)}`);
    if (await hasDemoAccounts(handle.db)) printDemoAccounts();
  }

  const availability = await AvailabilityReadModel.start(handle);
  const auth: AuthSettings = {
    ...DEFAULT_AUTH_SETTINGS,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionMaxHours,
    sessionCacheMs: config.sessionCacheMs,
    publicUrl: config.publicUrl,
  };
  const mailer = createMailer(handle.db, config.smtpUrl);
  await greetFirstAdministrators(handle.db, config.adminEmails, mailer, auth);
  const metrics = createMetrics({ process: true });
  metrics.watch(handle, availability);
  const app = await buildApp(
    {
      db: handle.db,
      booking: { defaultHoldMinutes: config.holdMinutes },
      availability,
      auth,
      mailer,
      metrics,
      metricsToken: config.metricsToken,
      replicaDb: replica?.db,
    },
    { logger: config.log, requestsPerMinute: config.requestsPerMinute, trustProxy: config.trustProxy },
  );
  // The background jobs (src/jobs/app-jobs.ts), claimed per tick so that several processes on one server run each once.
  const jobContext = {
    db: handle.db,
    mailer,
    availability,
    publicUrl: auth.publicUrl,
    holdMinutes: config.holdMinutes,
    sessionIdleMinutes: auth.sessionIdleMinutes,
    retentionMonths: config.retentionMonths,
    appNow: () => appClock().now(),
    realNow: () => systemClock.now(),
  };
  const runner = createJobRunner({ db: handle.db, kind: handle.kind, onReport: (report) => metrics.job(report) });
  const periodMs = config.jobIntervalSeconds * 1000;
  const schedules = [
    schedule(runner, minuteJobs(jobContext), periodMs),
    schedule(runner, dailyJobs(jobContext), DAY_MS, { firstAfterMs: periodMs }),
  ];

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping …`);
    // No new requests; those under way and a job under way finish first, then the database closes.
    await Promise.all([app.close(), ...schedules.map((scheduled) => scheduled.stop())]);
    await availability.close();
    await replica?.close();
    await handle.close();
    lock?.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Adempauze is running on http://localhost:${port}  (API description: http://localhost:${port}/api/openapi.json)`);
}

main().catch((error: unknown) => {
  // A refused lock or a bad setting is the user's to fix: the message says how, a stack trace would only distract.
  console.error('Adempauze cannot start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
