import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it, type TestContext } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { lockDataDir } from '../data/data-dir-lock.ts';
import { type DatabaseHandle, openPglite, pgliteHandle, postgresHandle } from '../data/database.ts';
import { migrationFiles } from '../data/migrate.ts';
import type { Database } from '../data/schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { DEMO_REGIONS } from '../demo/pilot-regions.ts';
import { addDays } from '../domain/dates.ts';
import { currentTotpCode } from '../services/auth/totp.ts';
import { type Server, killServer, liveChildren, serverEnv, startServer, stopServer, withTimeout } from '../testing/child-server.ts';
import { emptyServerDatabase } from '../testing/test-database.ts';
import { tableChecksums } from './table-checksums.ts';
import { appClock } from '../clock.ts';

/**
 * Crash test: the real server (`node src/main.ts`) as a child process takes a storm of concurrent bookings and is
 * killed with SIGKILL in the middle of it, then started again on the same data. Every booking the server
 * acknowledged with 201 must be there, unchanged; no request it refused may have written anything; nothing may be
 * half-written (rows complete, indexes agreeing with their tables, no overlapping stays, demo data and migrations
 * untouched). Requests in flight at the kill are "unknown": they may or may not have been committed.
 *
 * Runs on the embedded PGlite (a temporary DATA_DIR; the restart also proves the killed process's lock is taken
 * over) and, when DATABASE_URL is set, on a fresh empty database on that PostgreSQL server.
 */

const CYCLES = 3;
const IN_FLIGHT = 24;
const KILL_AFTER_MS = { min: 300, max: 1500 };
/**
 * No time budget for a start or for the first acknowledged booking: on a busy machine seeding the demo takes a
 * minute. The test waits for the server's own signals (its "running on" line, an answer) or its exit; this only
 * ends a run that hangs.
 */
const HANG_LIMIT_MS = 15 * 60_000;
const REQUEST_TIMEOUT_MS = 120_000;
/** Bookings go this far ahead, past the demo year, so only the storm's own stays compete for the units. */
const FIRST_DAY_AHEAD = 500;
/** Each kill/restart cycle books in its own window of days. */
const WINDOW_DAYS = 40;
const UNITS = 8;
const CLIENTS = 8;

/** Tables neither the storm nor signing in writes to: their contents must be exactly as after the seed. */
const STABLE_TABLES = [
  'region',
  'region_postcode',
  'region_neighbour',
  'organisation',
  'location',
  'capacity_unit',
  'location_tariff',
  'unit_closure',
  'stay_series',
  'schema_migration',
] as const;

const COORDINATOR = DEMO_ACCOUNTS.find((account) => account.role === 'coordinator')!;

// ---------------------------------------------------------------------------------------------------------------
// HTTP as a browser would use it: a session cookie and the CSRF token

interface Session {
  cookie: string;
  csrfToken: string;
}

interface Answer {
  status: number;
  body: unknown;
  /** The session cookie the answer sets, if any. */
  cookie?: string | undefined;
}

async function call(baseUrl: string, method: string, path: string, options: { session?: Session; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.session) {
    headers.cookie = options.session.cookie;
    headers['x-csrf-token'] = options.session.csrfToken;
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, cookie: sessionCookieOf(response) };
}

function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('adempauze_session='));
}

function expectStatus(answer: Answer, status: number, what: string): Record<string, unknown> {
  assert.equal(answer.status, status, `${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}

/** The second factor accepts each time step once per account (and one step of drift): we track what we used. */
class TotpSteps {
  private last = Number.NEGATIVE_INFINITY;
  /** A step whose code the server accepts right now, or null when the usable ones are spent (wait for the next). */
  take(): number | null {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, this.last + 1);
    if (step > now + 1) return null;
    this.last = step;
    return step;
  }
}

/** Password first; the second factor when a TOTP step is free. Answers the full session, or null if the step was spent. */
async function signIn(baseUrl: string, steps: TotpSteps): Promise<Session | null> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR.email, password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(response.status, 200, `login: ${response.status} ${JSON.stringify(body)}`);
  assert.equal(body.stage, 'second_factor');
  const cookie = sessionCookieOf(response);
  assert.ok(cookie, 'login sets the session cookie');
  const step = steps.take();
  if (step === null) return null;
  const answer = await call(baseUrl, 'POST', '/api/auth/second-factor', {
    session: { cookie, csrfToken: String(body.csrfToken) },
    body: { code: currentTotpCode(COORDINATOR.totpSecret!, step * 30_000) },
  });
  const done = expectStatus(answer, 200, 'second factor');
  assert.equal(done.stage, 'full');
  // The second factor gives the session a new token and CSRF token.
  assert.ok(answer.cookie, 'the second factor sets the new session cookie');
  return { cookie: answer.cookie, csrfToken: String(done.csrfToken) };
}

async function assertSignedIn(baseUrl: string, session: Session, what: string): Promise<void> {
  const view = expectStatus(await call(baseUrl, 'GET', '/api/auth/session', { session }), 200, what);
  assert.equal(view.signedIn, true, `${what}: the session is gone`);
  assert.equal(view.stage, 'full', `${what}: the session lost its second factor`);
}

// ---------------------------------------------------------------------------------------------------------------
// The storm

interface StayJson {
  id: string;
  unitId: string;
  clientId: string;
  stayType: string;
  arrival: string;
  departure: string;
  status: string;
  holdExpiresAt: string | null;
  cancelReason: string | null;
  createdAt: string;
}

interface Attempt {
  readonly key: string;
  readonly cycle: number;
  readonly unitId: string;
  readonly clientId: string;
  readonly arrival: string;
  readonly departure: string;
  /**
   * acked: answered 201. refused: answered 4xx, must have written nothing. failed: answered 5xx.
   * unknown: no answer (in flight at the kill, or sent after it).
   */
  outcome: 'acked' | 'refused' | 'failed' | 'unknown';
  status?: number;
  /** The stay in the 201 answer; missing only if the kill cut the body after the status line. */
  stay?: StayJson;
  error?: string;
  /** Set when the request failed before the kill: a real error, not a consequence of the crash. */
  failedBeforeKill?: boolean;
}

const keyOf = (unitId: string, clientId: string, arrival: string, departure: string) => `${unitId}|${clientId}|${arrival}|${departure}`;

interface StormResult {
  attempts: Attempt[];
  /** The random delay drawn for the kill. */
  plannedKillMs: number;
  /** When the kill was sent, from the start of the storm (later than planned if nothing was acknowledged yet). */
  killedAtMs: number;
}

/**
 * IN_FLIGHT workers post confirmed bookings on few units in a small window (so many conflict) until the server is
 * killed, KILL_AFTER_MS after the start (and not before the first acknowledgement).
 */
async function storm(
  server: Server,
  session: Session,
  plan: { cycle: number; units: string[]; clients: string[]; firstDay: string; used: Set<string> },
): Promise<StormResult> {
  const attempts: Attempt[] = [];
  let killing = false;
  const random = (n: number) => Math.floor(Math.random() * n);
  const next = (): Attempt => {
    for (;;) {
      const unitId = plan.units[random(plan.units.length)]!;
      const clientId = plan.clients[random(plan.clients.length)]!;
      const arrival = addDays(plan.firstDay, random(WINDOW_DAYS - 8));
      const departure = addDays(arrival, 1 + random(7));
      const key = keyOf(unitId, clientId, arrival, departure);
      if (plan.used.has(key)) continue;
      plan.used.add(key);
      return { key, cycle: plan.cycle, unitId, clientId, arrival, departure, outcome: 'unknown' };
    }
  };
  let firstAck: () => void = () => {};
  const acknowledged = new Promise<void>((resolve) => (firstAck = resolve));

  const worker = async () => {
    while (!killing) {
      const attempt = next();
      attempts.push(attempt);
      try {
        const response = await fetch(`${server.baseUrl}/api/stays`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({
            unitId: attempt.unitId,
            clientId: attempt.clientId,
            stayType: 'respite',
            arrival: attempt.arrival,
            departure: attempt.departure,
            status: 'confirmed',
          }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        attempt.status = response.status;
        attempt.outcome = response.status === 201 ? 'acked' : response.status < 500 ? 'refused' : 'failed';
        if (response.status === 201) firstAck();
        try {
          const body = await response.json();
          if (response.status === 201) attempt.stay = body as StayJson;
        } catch {
          // The kill cut the body; the status line already said what happened.
        }
      } catch (error) {
        attempt.error =
          error instanceof Error ? `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` : String(error);
        if (!killing) attempt.failedBeforeKill = true;
      }
    }
  };

  const plannedKillMs = KILL_AFTER_MS.min + random(KILL_AFTER_MS.max - KILL_AFTER_MS.min + 1);
  const started = Date.now();
  const workers = Array.from({ length: IN_FLIGHT }, worker);
  try {
    await Promise.all([
      sleep(plannedKillMs),
      withTimeout(
        acknowledged,
        HANG_LIMIT_MS,
        () => `No booking was acknowledged within ${HANG_LIMIT_MS} ms of storm. First attempts: ${JSON.stringify(attempts.slice(0, 5))}`,
      ),
    ]);
  } catch (error) {
    killing = true;
    server.child.kill('SIGKILL');
    throw error;
  }
  const killedAtMs = Date.now() - started;
  killing = true;
  await killServer(server);
  await withTimeout(Promise.all(workers), REQUEST_TIMEOUT_MS + 5_000, () => 'Requests to the killed server did not end');
  return { attempts, plannedKillMs, killedAtMs };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks through the API (server running) and in the database (server stopped)

async function checkAckedThroughApi(baseUrl: string, session: Session, attempts: readonly Attempt[]): Promise<number> {
  const withBody = attempts.filter((attempt) => attempt.outcome === 'acked' && attempt.stay);
  let index = 0;
  const reader = async () => {
    while (index < withBody.length) {
      const attempt = withBody[index++]!;
      const stay = attempt.stay!;
      const answer = await call(baseUrl, 'GET', `/api/stays/${stay.id}`, { session });
      const found = expectStatus(answer, 200, `acknowledged stay ${stay.id} (cycle ${attempt.cycle}) after the restart`);
      assert.deepEqual(
        pick(found, [
          'id',
          'unitId',
          'clientId',
          'stayType',
          'arrival',
          'departure',
          'status',
          'holdExpiresAt',
          'cancelReason',
          'createdAt',
        ]),
        pick(stay as unknown as Record<string, unknown>, [
          'id',
          'unitId',
          'clientId',
          'stayType',
          'arrival',
          'departure',
          'status',
          'holdExpiresAt',
          'cancelReason',
          'createdAt',
        ]),
        `acknowledged stay ${stay.id} changed across the crash`,
      );
    }
  };
  await Promise.all(Array.from({ length: 16 }, reader));
  return withBody.length;
}

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

interface Baseline {
  stable: Record<string, { rows: number; md5: string }>;
  tables: string[];
  demoStays: { rows: number; md5: string };
  demoClients: { rows: number; md5: string };
  users: string[];
}

async function demoRows(db: Kysely<Database>, ourClients: readonly string[]): Promise<Pick<Baseline, 'demoStays' | 'demoClients'>> {
  const ours = ourClients.length > 0 ? ourClients : ['00000000-0000-0000-0000-000000000000'];
  // Only what no background job may change: holds may expire and the retention job may anonymise old clients.
  const stays = await sql<{ rows: number; md5: string }>`
    SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS md5 FROM (
      SELECT md5(concat_ws('|', id, unit_id, client_id, stay_type, arrival, departure, series_id, created_at AT TIME ZONE 'UTC')) AS h
      FROM stay WHERE client_id <> ALL (${ours}::uuid[])) AS hashed`.execute(db);
  const clients = await sql<{ rows: number; md5: string }>`
    SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS md5 FROM (
      SELECT md5(concat_ws('|', id, created_at AT TIME ZONE 'UTC')) AS h FROM client WHERE id <> ALL (${ours}::uuid[])) AS hashed`.execute(
    db,
  );
  return { demoStays: stays.rows[0]!, demoClients: clients.rows[0]! };
}

async function takeBaseline(db: Kysely<Database>): Promise<Baseline> {
  const sums = await tableChecksums(db);
  const users = await db.selectFrom('app_user').select('email').orderBy('email').execute();
  return {
    stable: Object.fromEntries(STABLE_TABLES.map((name) => [name, sums[name]!])),
    tables: Object.keys(sums),
    ...(await demoRows(db, [])),
    users: users.map((user) => user.email),
  };
}

interface DatabaseFigures {
  stormStays: number;
  unknownCommitted: number;
  failedCommitted: number;
}

async function checkDatabase(
  db: Kysely<Database>,
  context: {
    baseline: Baseline;
    attempts: readonly Attempt[];
    clients: readonly string[];
    units: readonly string[];
    stormFrom: string;
    stormTo: string;
  },
): Promise<DatabaseFigures> {
  const { baseline, attempts, clients } = context;

  // Migrations: every file recorded once, nothing else.
  const migrations = await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(db);
  assert.deepEqual(
    migrations.rows.map((row) => row.name),
    await migrationFiles(),
    'schema_migration after the crashes',
  );

  // Demo data and registry exactly as seeded.
  const sums = await tableChecksums(db);
  assert.deepEqual(Object.keys(sums), baseline.tables, 'the set of tables changed');
  for (const name of STABLE_TABLES) assert.deepEqual(sums[name], baseline.stable[name], `table ${name} changed across the crashes`);
  const demo = await demoRows(db, clients);
  assert.deepEqual(demo.demoStays, baseline.demoStays, 'the demo stays changed across the crashes');
  assert.deepEqual(demo.demoClients, baseline.demoClients, 'the demo clients changed across the crashes');
  const users = await db.selectFrom('app_user').select('email').orderBy('email').execute();
  assert.deepEqual(
    users.map((user) => user.email),
    baseline.users,
    'the accounts changed',
  );
  const ourClients = await db
    .selectFrom('client')
    .select('id')
    .where('id', 'in', [...clients])
    .execute();
  assert.equal(ourClients.length, clients.length, 'an acknowledged client is missing');

  // Every row complete and consistent (the constraints say so; after a crash we look instead of trusting).
  const broken = await sql<{ id: string }>`
    SELECT s.id FROM stay s
      LEFT JOIN client c ON c.id = s.client_id
      LEFT JOIN capacity_unit u ON u.id = s.unit_id
     WHERE c.id IS NULL OR u.id IS NULL OR s.arrival IS NULL OR s.departure IS NULL OR s.departure <= s.arrival
        OR s.period IS DISTINCT FROM daterange(s.arrival, s.departure, '[)')
        OR (s.status = 'hold') <> (s.hold_expires_at IS NOT NULL)
        OR (s.status = 'cancelled') <> (s.cancel_reason IS NOT NULL)
        OR s.status NOT IN ('hold', 'confirmed', 'arrived', 'departed', 'cancelled', 'no_show', 'expired')`.execute(db);
  assert.deepEqual(broken.rows, [], 'stay rows that are incomplete or inconsistent');

  // No unit holds two overlapping occupying stays.
  const overlaps = await sql<{ a: string; b: string }>`
    SELECT a.id AS a, b.id AS b FROM stay a JOIN stay b ON a.unit_id = b.unit_id AND a.id < b.id AND a.period && b.period
     WHERE a.status IN ('hold', 'confirmed', 'arrived', 'departed') AND b.status IN ('hold', 'confirmed', 'arrived', 'departed')`.execute(
    db,
  );
  assert.deepEqual(overlaps.rows, [], 'overlapping stays on one unit');

  // Indexes agree with their tables: the primary key and the exclusion constraint's GiST index.
  const scanned = await scanBothWays(db, context.units, context.stormFrom, context.stormTo);
  assert.deepEqual(scanned.byIndex, scanned.bySeqScan, 'an index disagrees with its table after the crash');

  // The storm's stays: each belongs to an acknowledged or unknown request, and every acknowledged one is there.
  const rows = await db
    .selectFrom('stay')
    .select(['id', 'unit_id', 'client_id', 'stay_type', 'arrival', 'departure', 'status', 'hold_expires_at', 'cancel_reason', 'created_at'])
    .where('client_id', 'in', [...clients])
    .execute();
  const byKey = new Map(attempts.map((attempt) => [attempt.key, attempt]));
  const rowByKey = new Map<string, (typeof rows)[number]>();
  const figures: DatabaseFigures = { stormStays: rows.length, unknownCommitted: 0, failedCommitted: 0 };
  const audited = new Set(
    (
      await db
        .selectFrom('audit_event')
        .select('record_id')
        .where('entity', '=', 'stay')
        .where('action', '=', 'create')
        .where('outcome', '=', 'success')
        .where('client_id', 'in', [...clients])
        .execute()
    ).map((row) => row.record_id),
  );
  for (const row of rows) {
    const key = keyOf(row.unit_id, row.client_id, row.arrival, row.departure);
    assert.ok(!rowByKey.has(key), `two stays for one request: ${key}`);
    rowByKey.set(key, row);
    const attempt = byKey.get(key);
    assert.ok(attempt, `a stay no request asked for: ${JSON.stringify(row)}`);
    assert.notEqual(attempt.outcome, 'refused', `a request answered ${attempt.status} still wrote stay ${row.id}`);
    assert.equal(row.status, 'confirmed', `stay ${row.id} of the storm is ${row.status}`);
    assert.equal(row.stay_type, 'respite');
    // The audit event commits with the stay (0006_change_audit.sql): also for a request whose answer was lost.
    assert.ok(audited.has(row.id), `stay ${row.id} was committed without its audit event`);
    if (attempt.outcome === 'unknown') figures.unknownCommitted++;
    if (attempt.outcome === 'failed') figures.failedCommitted++;
  }
  for (const attempt of attempts.filter((candidate) => candidate.outcome === 'acked')) {
    const row = rowByKey.get(attempt.key);
    assert.ok(row, `acknowledged booking lost in the crash: ${JSON.stringify(attempt)}`);
    if (attempt.stay) {
      assert.equal(row.id, attempt.stay.id, `acknowledged stay ${attempt.stay.id} has another id`);
      assert.equal(new Date(row.created_at).toISOString(), attempt.stay.createdAt);
    }
    assert.equal(row.hold_expires_at, null);
    assert.equal(row.cancel_reason, null);
  }
  return figures;
}

/** The storm's stays read through the indexes and by sequential scan: a torn index page shows as a difference. */
async function scanBothWays(db: Kysely<Database>, units: readonly string[], from: string, to: string) {
  const read = (seqscan: boolean) =>
    db.transaction().execute(async (trx) => {
      await sql.raw(`SET LOCAL enable_seqscan = ${seqscan ? 'on' : 'off'}`).execute(trx);
      await sql.raw(`SET LOCAL enable_indexscan = ${seqscan ? 'off' : 'on'}`).execute(trx);
      await sql.raw(`SET LOCAL enable_bitmapscan = ${seqscan ? 'off' : 'on'}`).execute(trx);
      await sql.raw(`SET LOCAL enable_indexonlyscan = ${seqscan ? 'off' : 'on'}`).execute(trx);
      const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stay WHERE id IS NOT NULL`.execute(trx);
      const ids = await sql<{ id: string }>`SELECT id FROM stay WHERE id > '00000000-0000-0000-0000-000000000000' ORDER BY id`.execute(trx);
      const occupying = await sql<{ id: string }>`
        SELECT id FROM stay WHERE unit_id = ANY (${[...units]}::uuid[]) AND period && daterange(${from}::date, ${to}::date, '[)')
           AND status IN ('hold', 'confirmed', 'arrived', 'departed') ORDER BY id`.execute(trx);
      return { all: all.rows[0]!.n, ids: ids.rows.map((row) => row.id), occupying: occupying.rows.map((row) => row.id) };
    });
  return { byIndex: await read(false), bySeqScan: await read(true) };
}

// ---------------------------------------------------------------------------------------------------------------
// One run per database kind

interface Target {
  readonly label: string;
  readonly env: NodeJS.ProcessEnv;
  /** The database opened directly; only while no server runs on it. */
  open(): Promise<DatabaseHandle & { done(): Promise<void> }>;
}

async function crashRun(t: TestContext, target: Target): Promise<void> {
  const began = Date.now();
  const note = (message: string) => t.diagnostic(`[${target.label}] ${message}`);

  // First start: migrations and demo data; then a proper stop and a look at what was seeded.
  let server = await startServer(target.env);
  const seeded = /Demo data created: (\{.*\})/.exec(server.output());
  assert.ok(seeded, `the first start seeds the demo data. Output:\n${server.output()}`);
  await stopServer(server);
  let handle = await target.open();
  const baseline = await takeBaseline(handle.db);
  await handle.done();
  assert.equal(baseline.demoStays.rows, JSON.parse(seeded[1]!).stay, 'the seed reported another number of stays');
  note(`seeded and baselined in ${Date.now() - began} ms`);

  server = await startServer(target.env);
  const steps = new TotpSteps();
  let session = await signIn(server.baseUrl, steps);
  assert.ok(session, 'the first sign-in gets a TOTP step');

  // Bookable units far ahead, and clients of our own to book for.
  const firstDay = addDays(appClock().today(), FIRST_DAY_AHEAD);
  const lastDay = addDays(firstDay, WINDOW_DAYS * CYCLES);
  const units: string[] = [];
  for (const region of DEMO_REGIONS) {
    const query = new URLSearchParams({ regionId: region.id, arrival: firstDay, departure: lastDay, stayType: 'respite' });
    const found = expectStatus(
      await call(server.baseUrl, 'GET', `/api/availability/search?${query}`, { session }),
      200,
      `search in ${region.id}`,
    );
    for (const unit of (found.free as { unitId: string }[]).slice(0, 2)) if (units.length < UNITS) units.push(unit.unitId);
  }
  assert.ok(units.length >= 4, `too few free units for the storm: ${units.length}`);
  const clients: string[] = [];
  const runId = randomUUID().slice(0, 8);
  for (let i = 0; i < CLIENTS; i++) {
    const client = expectStatus(
      await call(server.baseUrl, 'POST', '/api/clients', {
        session,
        body: { name: `Crashtest ${runId} ${i}`, dateOfBirth: '1940-01-01', pc4: '3262' },
      }),
      201,
      'create client',
    );
    clients.push(String(client.id));
  }

  const attempts: Attempt[] = [];
  const used = new Set<string>();
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const result = await storm(server, session, { cycle, units, clients, firstDay: addDays(firstDay, WINDOW_DAYS * (cycle - 1)), used });
    attempts.push(...result.attempts);
    const count = (outcome: Attempt['outcome']) => result.attempts.filter((attempt) => attempt.outcome === outcome).length;
    const beforeKill = result.attempts.filter((attempt) => attempt.failedBeforeKill);
    assert.deepEqual(beforeKill, [], 'requests failed before the kill');
    assert.ok(count('acked') > 0, 'the storm acknowledged nothing before the kill');
    // Conflicts answer 409; anything else refused means the storm asked for something unbookable.
    const statuses = result.attempts.filter((attempt) => attempt.outcome === 'refused').map((attempt) => attempt.status);
    assert.deepEqual(
      [...new Set(statuses)].filter((status) => status !== 409),
      [],
      'refusals other than 409',
    );

    // Restart on the same data: the killed process's lock (PGlite) must not stand in the way, nor must recovery.
    const restartBegan = Date.now();
    server = await startServer(target.env);
    const restartMs = Date.now() - restartBegan;
    assert.doesNotMatch(server.output(), /Demo data created|Migrations applied/, 'the restart migrated or seeded again: data was lost');

    // The acknowledged sign-in survived; a new one works too (when a TOTP step is free without waiting).
    await assertSignedIn(server.baseUrl, session, `the session from before crash ${cycle}`);
    const fresh = await signIn(server.baseUrl, steps);
    if (fresh) {
      await assertSignedIn(server.baseUrl, fresh, 'a new session after the restart');
      session = fresh;
    }
    const checked = await checkAckedThroughApi(server.baseUrl, session, attempts);
    note(
      `cycle ${cycle}: killed after ${result.killedAtMs} ms of storm (drawn: ${result.plannedKillMs} ms); ${result.attempts.length} requests: ` +
        `${count('acked')} acknowledged (201), ${count('refused')} refused (4xx), ${count('failed')} failed (5xx), ` +
        `${count('unknown')} unknown; restart in ${restartMs} ms; ${checked} acknowledged stays read back through the API; ` +
        `new sign-in: ${fresh ? 'yes' : 'password only (TOTP step spent)'}`,
    );
  }

  // A proper stop, then the database itself.
  await stopServer(server);
  handle = await target.open();
  let figures: DatabaseFigures;
  try {
    figures = await checkDatabase(handle.db, { baseline, attempts, clients, units, stormFrom: firstDay, stormTo: lastDay });
  } finally {
    await handle.done();
  }
  const acked = attempts.filter((attempt) => attempt.outcome === 'acked').length;
  note(
    `database: ${figures.stormStays} storm stays, each with its audit event = ${acked} acknowledged + ` +
      `${figures.unknownCommitted} unknown that were committed + ${figures.failedCommitted} answered 5xx; ` +
      `total ${Date.now() - began} ms`,
  );
  assert.equal(figures.stormStays, acked + figures.unknownCommitted + figures.failedCommitted);
}

// ---------------------------------------------------------------------------------------------------------------

describe('crash: kill -9 during a storm of bookings, restart, nothing acknowledged lost, nothing half-written', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const child of liveChildren) child.kill('SIGKILL');
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('on PGlite (DATA_DIR)', { timeout: 3 * HANG_LIMIT_MS }, async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'adempauze-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await crashRun(t, {
      label: 'PGlite',
      env: serverEnv({ DATA_DIR: dataDir, DATABASE_URL: '' }),
      async open() {
        const lock = lockDataDir(dataDir);
        try {
          const handle = pgliteHandle(await openPglite({ dataDir: join(dataDir, 'pgdata') }));
          return {
            ...handle,
            async done() {
              await handle.close();
              lock.release();
            },
          };
        } catch (error) {
          lock.release();
          throw error;
        }
      },
    });
  });

  const serverUrl = process.env.DATABASE_URL || undefined;
  it('on the PostgreSQL server (DATABASE_URL)', {
    timeout: 3 * HANG_LIMIT_MS,
    skip: serverUrl ? false : 'DATABASE_URL is not set',
  }, async (t) => {
    // Empty, not from the test template: the server migrates and seeds it itself, as in production.
    const database = await emptyServerDatabase(serverUrl!, 'adempauze_crash');
    cleanups.push(() => database.drop());
    const dataDir = mkdtempSync(join(tmpdir(), 'adempauze-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const url = database.url;
    await crashRun(t, {
      label: 'PostgreSQL server',
      env: serverEnv({ DATA_DIR: dataDir, DATABASE_URL: url }),
      async open() {
        const handle = postgresHandle(url, 2);
        return { ...handle, done: () => handle.close() };
      },
    });
  });
});
