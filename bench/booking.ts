import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { postgresHandle } from '../src/data/database.ts';
import { createRandom } from '../src/demo/prng.ts';
import { addDays } from '../src/domain/dates.ts';
import { buildApp } from '../src/http/app.ts';
import { DEFAULT_AUTH_SETTINGS } from '../src/services/auth/auth-settings.ts';
import { createMailer } from '../src/services/mail/mailer.ts';
import { sessionHeaders } from '../src/testing/sessions.ts';
import { AvailabilityReadModel } from '../src/services/availability-read-model.ts';
import type { BookingRequest, RunMessage, RunResult } from './load-worker.ts';
import { type CpuReport, startCpuWatch } from './cpu.ts';
import { uid } from './generate.ts';
import { type ProfileSummary, Profiler } from './profile.ts';
import { log } from './log.ts';
import { appClock } from '../src/clock.ts';

/** Units of the booking phase take these types; requests pick one of them. */
const BOOKING_STAY_TYPES = ['respite', 'crisis_wmo', 'elv_low_complex'];
const UNITS_PER_LOCATION = 16;
export const CLIENTS = 64;

/** The same uuid as uid() in generate.ts makes in SQL: md5 with version nibble 4 and variant nibble 8. */
export function md5Uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

export interface Fixture {
  label: string;
  unitIds: string[];
  clientIds: string[];
  regionIds: string[];
}

/**
 * A fresh set of regions, locations, units and clients for one booking run, apart from the search data: nothing
 * else ever books these units, so every overlap comes from the run itself. Regions have no neighbours. One guest
 * per request (`guests`): a guest never stays twice in a night (stay_client_no_overlap), and the run measures
 * conflicts over units, not over guests.
 */
export async function createFixture(client: pg.Client, label: string, units: number, regions: number, guests: number): Promise<Fixture> {
  const locations = Math.ceil(units / UNITS_PER_LOCATION);
  await client.query(`
    INSERT INTO organisation (id, name) VALUES (${uid(`'book-org-${label}'`)}, 'Boekingsbench ${label}');
    INSERT INTO region (id, name) SELECT 'bench-book-${label}-' || r, 'Boekregio ${label} ' || r FROM generate_series(1, ${regions}) r;
    INSERT INTO location (id, organisation_id, region_id, name, street, house_number, postcode, city, pc4, latitude, longitude, features)
    SELECT ${uid(`'book-loc-${label}-' || l`)}, ${uid(`'book-org-${label}'`)}, 'bench-book-${label}-' || (1 + (l - 1) % ${regions}),
           'Boeklocatie ' || lpad(l::text, 4, '0'), 'Boekstraat', l::text, '3262 AB', 'Oud-Beijerland', '3262',
           51.8 + (l % 10) * 0.01, 4.4 + (l % 7) * 0.01, ARRAY['wheelchair_accessible']
      FROM generate_series(1, ${locations}) l;
    INSERT INTO capacity_unit (id, location_id, name, accepted_stay_types, active_from)
    SELECT ${uid(`'book-unit-${label}-' || n`)}, ${uid(`'book-loc-${label}-' || (1 + (n - 1) / ${UNITS_PER_LOCATION})`)},
           'Kamer ' || lpad(n::text, 4, '0'), ARRAY[${BOOKING_STAY_TYPES.map((t) => `'${t}'`).join(', ')}], DATE '2020-01-01'
      FROM generate_series(1, ${units}) n;
    INSERT INTO client (id, name) SELECT ${uid(`'book-client-${label}-' || c`)}, 'Boekcliënt ' || c FROM generate_series(1, ${guests}) c;`);
  const fixture = {
    label,
    unitIds: Array.from({ length: units }, (_, i) => md5Uuid(`book-unit-${label}-${i + 1}`)),
    clientIds: Array.from({ length: guests }, (_, i) => md5Uuid(`book-client-${label}-${i + 1}`)),
    regionIds: Array.from({ length: regions }, (_, i) => `bench-book-${label}-${i + 1}`),
  };
  const found = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM capacity_unit WHERE id = ANY ($1::uuid[])', [
    fixture.unitIds,
  ]);
  if (found.rows[0]!.n !== units) throw new Error(`fixture ${label}: ${found.rows[0]!.n} of ${units} unit ids found`);
  return fixture;
}

/** A booking wish as indices, so the same workload can be replayed on another fixture. */
export interface Wish {
  unit: number;
  client: number;
  stayType: string;
  /** Days after today (≥ 1: arrival in the past is refused). */
  offset: number;
  nights: number;
}

/**
 * Random units of the (hot) set, random 2–14 night periods starting within `days` days from tomorrow; each wish
 * for a guest of its own, counted from `firstGuest`.
 */
export function buildWishes(count: number, units: number, days: number, seed: number, firstGuest = 0): Wish[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    unit: random.int(0, units - 1),
    client: firstGuest + i,
    stayType: random.pick(BOOKING_STAY_TYPES),
    offset: random.int(1, days),
    nights: random.int(2, 14),
  }));
}

export function toRequests(wishes: readonly Wish[], fixture: Fixture, today = appClock().today()): BookingRequest[] {
  return wishes.map((w) => ({
    unitId: fixture.unitIds[w.unit % fixture.unitIds.length]!,
    clientId: fixture.clientIds[w.client]!,
    stayType: w.stayType,
    arrival: addDays(today, w.offset),
    departure: addDays(today, w.offset + w.nights),
  }));
}

export type TimedRun = RunResult & {
  cpu: CpuReport | null;
  appStatements: number | null;
  statementTimes: StatementTime[] | null;
  profile?: ProfileSummary | null;
};

/** The child process that generates the load (see load-worker.ts). */
export class LoadGenerator {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(join(import.meta.dirname, 'load-worker.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * One run; CPU and the app's statements are counted between the child's 'started' and 'finished' messages (the
   * timed part only), and `onStarted`/`onFinished` let the caller profile exactly that window.
   */
  run(message: Omit<RunMessage, 'type'>, hooks: { onStarted?: () => void; onFinished?: () => void } = {}): Promise<TimedRun> {
    return new Promise((resolve, reject) => {
      let stopWatch: (() => CpuReport) | undefined;
      let cpu: CpuReport | undefined;
      let statementsAtStart = 0;
      let statements: number | null = null;
      let times: Map<string, { calls: number; ms: number }> | undefined;
      const onMessage = (reply: RunResult | { type: 'started' } | { type: 'finished' } | { type: 'failed'; error: string }) => {
        if (reply.type === 'started') {
          hooks.onStarted?.();
          statementsAtStart = statementCount;
          if (message.mode === 'http') recording = times = new Map();
          stopWatch = startCpuWatch(() => this.child.pid);
          return;
        }
        if (reply.type === 'finished') {
          cpu = stopWatch?.();
          statements = statementCount - statementsAtStart;
          recording = undefined;
          hooks.onFinished?.();
          this.child.send({ type: 'ack' });
          return;
        }
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        const requests = message.requests.length;
        if (reply.type === 'result') {
          resolve({
            ...reply,
            cpu: cpu ?? null,
            appStatements: message.mode === 'http' ? statements : null,
            statementTimes: times ? statementReport(times, requests) : null,
          });
        } else {
          reject(new Error(`load generator failed: ${reply.error}`));
        }
      };
      const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send({ type: 'run', ...message } satisfies RunMessage);
    });
  }

  close(): void {
    if (this.child.connected) this.child.send({ type: 'exit' });
    setTimeout(() => this.child.kill(), 2000).unref();
  }
}

/**
 * Counts and times the statements the app sends: every pg.Client#query call in this process (the app's pool, with
 * the read model's polls; the load generator is another process). Installed once; recorded only during the timed part
 * of a run. The time is seen from the app: from sending a statement to its answer, so it includes waiting for locks
 * and for a CPU, not only execution.
 */
let statementCount = 0;
let recording: Map<string, { calls: number; ms: number }> | undefined;
let counterInstalled = false;

function statementKey(first: unknown): string {
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, 90) : '(other)';
}

function installStatementCounter(): void {
  if (counterInstalled) return;
  counterInstalled = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    statementCount++;
    const into = recording;
    if (!into) return original.apply(this, args);
    const key = statementKey(args[0]);
    const start = performance.now();
    const record = () => {
      const entry = into.get(key) ?? { calls: 0, ms: 0 };
      entry.calls++;
      entry.ms += performance.now() - start;
      into.set(key, entry);
    };
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = function (this: unknown, ...callbackArgs: unknown[]) {
        record();
        return (last as (...a: unknown[]) => unknown).apply(this, callbackArgs);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as { then?: (ok: () => void, fail: () => void) => void } | undefined;
    if (result && typeof result.then === 'function') result.then(record, record);
    return result;
  };
}

export interface StatementTime {
  statement: string;
  calls: number;
  per_request: number;
  total_s: number;
  mean_ms: number;
  share: string;
}

function statementReport(times: Map<string, { calls: number; ms: number }>, requests: number): StatementTime[] {
  const total = [...times.values()].reduce((sum, t) => sum + t.ms, 0);
  return [...times]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 12)
    .map(([statement, t]) => ({
      statement,
      calls: t.calls,
      per_request: Math.round((t.calls / requests) * 100) / 100,
      total_s: Math.round(t.ms / 10) / 100,
      mean_ms: Math.round((t.ms / t.calls) * 100) / 100,
      share: `${((100 * t.ms) / total).toFixed(1)}%`,
    }));
}

export interface AppSetup {
  poolSize: number;
  /** Profile the app's event loop during the timed part (node:inspector) and return the profile. */
  profile?: boolean;
  /** Wire the app as src/main.ts does: with the in-memory availability read model (polling the change feed, sync on writes). */
  readModel: boolean;
}

/** Starts the real app (buildApp) on 127.0.0.1 with its own pool, runs one HTTP load, stops the app. */
export async function httpRun(
  generator: LoadGenerator,
  databaseUrl: string,
  setup: AppSetup,
  clients: number,
  warmup: BookingRequest[],
  requests: BookingRequest[],
): Promise<TimedRun> {
  installStatementCounter();
  const handle = postgresHandle(databaseUrl, setup.poolSize);
  const availability = setup.readModel ? await AvailabilityReadModel.start(handle) : undefined;
  const auth = DEFAULT_AUTH_SETTINGS;
  const app = await buildApp(
    {
      db: handle.db,
      booking: { defaultHoldMinutes: 30 },
      auth,
      mailer: createMailer(handle.db, undefined),
      ...(availability ? { availability } : {}),
    },
    // The load comes from one address; the limiter is not what this measures.
    { requestsPerMinute: 100_000_000 },
  );
  // A session made directly in the database: the benchmark measures booking, not signing in.
  const headers = await sessionHeaders(handle.db, auth, { role: 'coordinator', name: 'Benchmark' });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const message = { mode: 'http' as const, target: `http://127.0.0.1:${address.port}`, headers, concurrency: clients, warmup, requests };
    if (!setup.profile) return await generator.run(message);
    const profiler = new Profiler();
    await profiler.open();
    const result = await generator.run(message, { onStarted: () => profiler.start(), onFinished: () => profiler.stop() });
    return { ...result, profile: await profiler.result() };
  } finally {
    await app.close();
    await availability?.close();
    await handle.close();
  }
}

export async function sqlRun(
  generator: LoadGenerator,
  databaseUrl: string,
  clients: number,
  warmup: BookingRequest[],
  requests: BookingRequest[],
) {
  return generator.run({ mode: 'sql', target: databaseUrl, concurrency: clients, warmup, requests });
}

/** Pairs of stays on one unit whose periods overlap while both occupy it: must be 0. */
export async function countDoubleBookings(client: pg.Client, unitIds?: readonly string[]): Promise<number> {
  const filter = unitIds ? 'AND a.unit_id = ANY ($1::uuid[])' : '';
  const result = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM stay a JOIN stay b ON a.unit_id = b.unit_id AND a.id < b.id AND a.period && b.period
      WHERE a.status IN ('hold', 'confirmed', 'arrived', 'departed') AND b.status IN ('hold', 'confirmed', 'arrived', 'departed')
            ${filter}`,
    unitIds ? [[...unitIds]] : [],
  );
  return result.rows[0]!.n;
}

export async function countStored(client: pg.Client, unitIds: readonly string[]): Promise<number> {
  const result = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM stay WHERE unit_id = ANY ($1::uuid[]) AND status = 'confirmed'",
    [[...unitIds]],
  );
  return result.rows[0]!.n;
}

/** Flushes dirty pages before a timed run so a checkpoint is less likely to land inside it (needs superuser). */
export async function checkpoint(client: pg.Client): Promise<void> {
  try {
    await client.query('CHECKPOINT');
  } catch (error) {
    log(`CHECKPOINT not allowed (${(error as Error).message}); continuing`);
  }
}
