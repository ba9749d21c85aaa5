import { join } from 'node:path';
import { type Config, loadConfig } from './config.ts';
import { type DataDirLock, lockDataDir } from './data/data-dir-lock.ts';
import { type DatabaseHandle, openPglite, pgliteHandle, postgresHandle } from './data/database.ts';
import { migrate } from './data/migrate.ts';
import { expireHolds } from './data/stay.repository.ts';
import { deleteExpiredSessions } from './data/account.repository.ts';
import { hasDemoAccounts, printDemoAccounts } from './demo/print-demo-accounts.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { todayIso } from './domain/dates.ts';
import { buildApp } from './http/app.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './services/auth/auth-settings.ts';
import { AvailabilityReadModel } from './services/availability-read-model.ts';
import { createMailer } from './services/mail/mailer.ts';

// Lapsed holds and ended sessions are cleared once a minute.
const HOLD_SWEEP_MS = 60_000;

async function openDatabase(config: Config): Promise<{ handle: DatabaseHandle; lock?: DataDirLock }> {
  if (config.databaseUrl) return { handle: postgresHandle(config.databaseUrl, config.poolSize) };
  // The lock comes before PGlite touches the directory: a second process must not even open it.
  const lock = lockDataDir(config.dataDir);
  try {
    return { handle: pgliteHandle(await openPglite({ dataDir: join(config.dataDir, 'pgdata') })), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Adempauze: opening the ${where} …`);
  const { handle, lock } = await openDatabase(config);
  const applied = await migrate(handle);
  if (applied.length > 0) console.log(`Migrations applied: ${applied.join(', ')}`);
  if (config.seedDemo) {
    const seeded = await seedDemo(handle.db, { today: todayIso() });
    if (seeded.inserted) console.log(`Demo data created: ${JSON.stringify(seeded.counts)}`);
    if (await hasDemoAccounts(handle.db)) printDemoAccounts();
  }

  const availability = await AvailabilityReadModel.start(handle);
  const auth: AuthSettings = {
    ...DEFAULT_AUTH_SETTINGS,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionMaxHours,
    publicUrl: config.publicUrl,
  };
  const app = await buildApp(
    { db: handle.db, booking: { defaultHoldMinutes: config.holdMinutes }, availability, auth, mailer: createMailer(handle.db, config.smtpUrl) },
    { logger: config.log, requestsPerMinute: config.requestsPerMinute, trustProxy: config.trustProxy },
  );
  const sweeper = setInterval(() => {
    expireHolds(handle.db).catch((error: unknown) => console.error('Expiring holds failed:', error));
    deleteExpiredSessions(handle.db, auth.sessionIdleMinutes).catch((error: unknown) => console.error('Removing sessions failed:', error));
  }, HOLD_SWEEP_MS);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping …`);
    clearInterval(sweeper);
    await app.close();
    await availability.close();
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
