import { loadConfig } from './config.ts';
import { openDatabase } from './data/open-database.ts';
import { migrate } from './data/migrate.ts';
import { renameFormerMunicipalities } from './data/municipality-names.repository.ts';
import { formerMunicipalityNames } from './data/pc4-table.ts';
import { expireHolds } from './data/stay.repository.ts';
import { deleteExpiredSessions } from './data/account.repository.ts';
import { hasDemoAccounts, printDemoAccounts } from './demo/print-demo-accounts.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { ensureAftercare } from './services/aftercare.service.ts';
import { runRetention } from './services/privacy.service.ts';
import { makeOffers } from './services/waiting-list.service.ts';
import { deliverStayNotices, sendArrivalReminders } from './services/notification.service.ts';
import { buildApp } from './http/app.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './services/auth/auth-settings.ts';
import { AvailabilityReadModel } from './services/availability-read-model.ts';
import { createMailer } from './services/mail/mailer.ts';
import { greetFirstAdministrators } from './services/auth/first-administrator.ts';
import { appClock, clockStartingAt, setAppClock, systemClock } from './clock.ts';

// Once a minute: lapsed holds and ended sessions are cleared, aftercare starts for stays that ended, freed units
// are offered to the waiting list, notices a request could not send go out, and tomorrow's guests are announced.
const HOLD_SWEEP_MS = 60_000;
const RETENTION_INTERVAL_MS = 24 * 3_600_000;

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.clockStart) {
    setAppClock(clockStartingAt(config.clockStart));
    console.log(`Adempauze: the clock starts at ${config.clockStart.toISOString()} (ADEMPAUZE_NOW), not at the real time`);
  }
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Adempauze: opening the ${where} …`);
  const { handle, lock } = await openDatabase(config);
  const applied = await migrate(handle);
  if (applied.length > 0) console.log(`Migrations applied: ${applied.join(', ')}`);
  const renamed = await renameFormerMunicipalities(handle.db, formerMunicipalityNames());
  if (renamed.regions + renamed.supportItems + renamed.coPaymentRules > 0) console.log(`Former municipality names brought up to date: ${JSON.stringify(renamed)}`);
  for (const conflict of renamed.coPaymentConflicts) {
    console.warn(`Co-payment rule of ${conflict.municipality} from ${conflict.validFrom} kept its former name: the municipality it merged into has a rule for those dates`);
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
    publicUrl: config.publicUrl,
  };
  const mailer = createMailer(handle.db, config.smtpUrl);
  await greetFirstAdministrators(handle.db, config.adminEmails, mailer, auth);
  const app = await buildApp(
    { db: handle.db, booking: { defaultHoldMinutes: config.holdMinutes }, availability, auth, mailer },
    { logger: config.log, requestsPerMinute: config.requestsPerMinute, trustProxy: config.trustProxy },
  );
  // In order, each on its own: a failing step is reported and the others still run. Expired holds go first, so
  // the units they held can be offered to the waiting list in the same round.
  const minuteJobs: [string, () => Promise<unknown>][] = [
    ['Expiring holds', () => expireHolds(handle.db, appClock().now())],
    ['Removing ended sessions', () => deleteExpiredSessions(handle.db, auth.sessionIdleMinutes, systemClock.now())],
    ['Starting aftercare', () => ensureAftercare(handle.db, mailer, auth.publicUrl)],
    ['Offering free units to the waiting list', () => makeOffers(handle.db, mailer, { defaultHoldMinutes: config.holdMinutes, availability })],
    ['Sending notices of bookings and changes', () => deliverStayNotices(handle.db, { mailer, publicUrl: auth.publicUrl })],
    ['Sending reminders for tomorrow\'s arrivals', () => sendArrivalReminders(handle.db, { mailer, publicUrl: auth.publicUrl })],
  ];
  let sweeping = false;
  const sweeper = setInterval(async () => {
    if (sweeping) return;
    sweeping = true;
    for (const [name, job] of minuteJobs) await job().catch((error: unknown) => console.error(`${name} failed:`, error));
    sweeping = false;
  }, HOLD_SWEEP_MS);

  // The retention job runs once a day; a client's file that closes today is anonymised in `retentionMonths`.
  const retention = () =>
    runRetention(handle.db, { months: config.retentionMonths })
      .then((result) => result.clients > 0 && console.log(`Retention: ${result.clients} clients anonymised (closed before ${result.cutoff})`))
      .catch((error: unknown) => console.error('Retention job failed:', error));
  const nightly = setInterval(retention, RETENTION_INTERVAL_MS);
  setTimeout(retention, HOLD_SWEEP_MS).unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping …`);
    clearInterval(sweeper);
    clearInterval(nightly);
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
