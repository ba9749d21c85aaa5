/**
 * npm run bench [-- --quick] [--pool=N] [--no-sweep] [--profile] [--out=path]
 *
 *   --quick     smaller data and workloads (under 2 minutes), same keys; writes bench/results/latest-quick.json
 *   --pool=N    app pool size for the booking runs (skips the pool sweep); --no-sweep uses 32
 *   --profile   CPU-profile the app's event loop during the main HTTP run (slows it down; for diagnosis only):
 *               summary in booking.profile, raw profile in bench/results/http-app.cpuprofile
 *   --out=path  where to write the JSON (stdout always gets it)
 *
 * 1. Data: a national-scale registry generated inside PostgreSQL (INSERT … SELECT generate_series, fixed seed),
 *    copied row for row into an in-memory PGlite (COPY FROM a blob) and into plain arrays (the brute-force baseline).
 * 2. Search: the same random queries through searchFreeUnits on the server and on PGlite, and through the in-memory
 *    brute force; warm-up first, then one query at a time, timed end to end; the answers are compared query by query.
 * 3. Booking: 64 concurrent clients booking overlapping periods on a fresh set of units, over HTTP against the real
 *    app (buildApp on 127.0.0.1) and, as the floor, as plain INSERTs on 64 pg connections; double bookings are
 *    counted afterwards in SQL.
 *
 * Progress goes to stderr; the result JSON to stdout and to bench/results/latest.json (--quick: latest-quick.json).
 * Without DATABASE_URL a throwaway server is started (scripts/throwaway-postgres.sh) and stopped at the end; with
 * DATABASE_URL a new database is created on that server for the run and dropped afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openPglite, pgliteHandle, postgresHandle, type DatabaseHandle } from '../src/data/database.ts';
import { migrate } from '../src/data/migrate.ts';
import type { Database } from '../src/data/schema.ts';
import { AvailabilityReadModel } from '../src/services/availability-read-model.ts';
import { type SearchRequest, searchFreeUnits } from '../src/services/availability.service.ts';
import {
  CLIENTS,
  LoadGenerator,
  type TimedRun,
  buildWishes,
  checkpoint,
  countDoubleBookings,
  countStored,
  createFixture,
  httpRun,
  sqlRun,
  toRequests,
} from './booking.ts';
import { FULL_SCALE, QUICK_SCALE, SEED, YEAR_DAYS, generationStatements } from './generate.ts';
import type { RunResult } from './load-worker.ts';
import { type CpuReport, identifyServer, startCpuWatch } from './cpu.ts';
import { elapsedSeconds, log, timed } from './log.ts';
import { machineInfo } from './machine.ts';
import { dumpTables, loadIntoPglite } from './snapshot.ts';
import {
  NIGHTS,
  buildQueries,
  compareRuns,
  explainSearch,
  firstDifference,
  loadMemory,
  runEngine,
  searchBreakdown,
  searchInMemory,
  serverEngine,
} from './search.ts';
import { round2, summary } from './stats.ts';
import { type Server, createBenchDatabase, obtainServer } from './server.ts';
import { fastFreeRanges, proposedSearchFreeUnits } from './whatif.ts';
import { appClock } from '../src/clock.ts';

interface Settings {
  mode: 'full' | 'quick';
  scale: typeof FULL_SCALE;
  search: { warmup: number; queries: number; breakdown: number; whatIf: number };
  booking: { units: number; regions: number; requests: number; days: number; warmupUnits: number; warmupRequests: number };
  sweep: { pools: number[]; units: number; requests: number } | null;
  defaultPool: number;
  profile: boolean;
  out: string;
}

const RAW_SQL_REPEATS = 3;

/** Used when the sweep is skipped (--no-sweep); --pool=N forces a size. */
const DEFAULT_POOL = 32;

function parseArgs(argv: string[]): Settings {
  const quick = argv.includes('--quick');
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const pool = flag('pool') ? Number(flag('pool')) : undefined;
  const noSweep = argv.includes('--no-sweep') || pool !== undefined;
  const resultsDir = join(import.meta.dirname, 'results');
  const out = resolve(flag('out') ?? join(resultsDir, quick ? 'latest-quick.json' : 'latest.json'));
  if (quick) {
    return {
      mode: 'quick',
      scale: QUICK_SCALE,
      search: { warmup: 50, queries: 300, breakdown: 100, whatIf: 150 },
      // Same ratio of requests to hot units as the full run, so a similar share of the requests conflicts.
      booking: { units: 208, regions: 1, requests: 6000, days: 365, warmupUnits: 64, warmupRequests: 500 },
      sweep: noSweep ? null : { pools: [20, 64], units: 52, requests: 1500 },
      defaultPool: pool ?? DEFAULT_POOL,
      profile: argv.includes('--profile'),
      out,
    };
  }
  return {
    mode: 'full',
    scale: FULL_SCALE,
    search: { warmup: 200, queries: 2000, breakdown: 300, whatIf: 600 },
    // ~29 requests per hot unit over a year of arrivals: about 38% of the requests hit a taken period.
    booking: { units: 688, regions: 4, requests: 20_000, days: 365, warmupUnits: 128, warmupRequests: 1500 },
    sweep: noSweep ? null : { pools: [20, 32, 48, 64], units: 104, requests: 3000 },
    defaultPool: pool ?? DEFAULT_POOL,
    profile: argv.includes('--profile'),
    out,
  };
}

/** The notify triggers of migration 0003 are switched off for bulk loading only (nobody listens yet). */
const TRIGGER_TABLES = ['region', 'region_neighbour', 'location', 'capacity_unit', 'unit_closure', 'stay'];
function userTriggers(enabled: boolean): string {
  return TRIGGER_TABLES.map((table) => `ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER;`).join('\n');
}

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        log(`cleanup step failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

function bookingSummary(result: TimedRun) {
  const confirmed = result.outcomes.ok ?? 0;
  const conflicts = result.outcomes.conflict ?? 0;
  const requests = Object.values(result.outcomes).reduce((a, b) => a + b, 0);
  return {
    requests,
    seconds: round2(result.seconds),
    confirmed,
    conflicts_409: conflicts,
    other_outcomes: Object.fromEntries(Object.entries(result.outcomes).filter(([k]) => k !== 'ok' && k !== 'conflict')),
    requests_per_s: round2(requests / result.seconds),
    confirmed_per_s: round2(confirmed / result.seconds),
    latency_ms: result.latencyMs,
    latency_by_outcome_ms: result.latencyByOutcomeMs,
    cpu: result.cpu,
    app_statements_per_request: result.appStatements === null ? null : round2(result.appStatements / requests),
    app_statement_times: result.statementTimes,
    profile: result.profile ?? null,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  const started = new Date();
  const loadAtStart = os.loadavg().map(round2);
  const today = appClock().today();
  log(`mode ${settings.mode}; seed ${SEED}; data year from ${today}; results to ${settings.out}`);
  log(`load average at start: ${loadAtStart.join(', ')} (other work on the machine skews every figure)`);

  const server: Server = await obtainServer();
  cleanups.push(() => server.stop());
  const bench = await createBenchDatabase(server.url);
  cleanups.push(async () => {
    log(`dropping database ${bench.name}`);
    await bench.drop();
  });
  log(`database ${bench.name} on ${server.throwaway ? 'the throwaway server' : 'the DATABASE_URL server'}`);

  const admin = new pg.Client({ connectionString: bench.url });
  await admin.connect();
  cleanups.push(() => admin.end());
  const postmasterPid = identifyServer((await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
  log(postmasterPid ? `server runs here (postmaster ${postmasterPid}): its CPU is accounted per run` : 'server not on this machine: CPU accounting counts every process named postgres');

  // ---------------------------------------------------------------------------------------------------- data
  const generation: Record<string, number> = {};
  const handle = postgresHandle(bench.url, 4);
  cleanups.push(() => handle.close());
  await timed('migrating the server database', () => migrate(handle));
  await admin.query(userTriggers(false));
  for (const statement of generationStatements(settings.scale, today)) {
    const start = performance.now();
    await timed(`generating ${statement.label}`, () => admin.query(statement.sql));
    generation[statement.label] = round2((performance.now() - start) / 1000);
  }
  await admin.query(userTriggers(true));
  await timed('VACUUM ANALYZE on the server', () => admin.query('VACUUM ANALYZE'));
  const serverGenerationSeconds = round2(Object.values(generation).reduce((a, b) => a + b, 0));

  let start = performance.now();
  const memory = await timed('loading units, locations, stays and closures into memory', () => loadMemory(bench.url));
  const memoryLoadSeconds = round2((performance.now() - start) / 1000);
  log(`data: ${JSON.stringify(memory.counts)}`);

  start = performance.now();
  const dumps = await timed('reading the tables for PGlite', () => dumpTables(bench.url));
  const pglite: PGlite = await timed('opening and migrating PGlite (in memory)', async () => {
    const instance = await openPglite();
    await migrate(pgliteHandle(instance));
    return instance;
  });
  const pgliteDb: DatabaseHandle = pgliteHandle(pglite);
  cleanups.push(() => pgliteDb.close());
  await pglite.exec(userTriggers(false));
  await timed('COPY into PGlite', () => loadIntoPglite(pglite, dumps));
  await pglite.exec(userTriggers(true));
  await timed('VACUUM ANALYZE on PGlite', () => pglite.exec('VACUUM ANALYZE'));
  const pgliteLoadSeconds = round2((performance.now() - start) / 1000);
  const pgliteStays = (await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM stay')).rows[0]!.n;
  if (pgliteStays !== memory.counts.stays) throw new Error(`PGlite has ${pgliteStays} stays, the server ${memory.counts.stays}`);
  dumps.length = 0;

  const machine = await machineInfo(admin, pglite);

  // -------------------------------------------------------------------------------------------------- search
  const all = buildQueries(memory, settings.search.warmup + settings.search.queries, SEED, today);
  const warmup = all.slice(0, settings.search.warmup);
  const queries = all.slice(settings.search.warmup);
  log(`search: ${warmup.length} warm-up + ${queries.length} measured queries per engine`);
  const searchCpu: Record<string, CpuReport> = {};
  const watched = async <T>(label: string, work: () => Promise<T>) => {
    const stop = startCpuWatch(() => undefined);
    const value = await work();
    searchCpu[label] = stop();
    return value;
  };
  const serverRun = await timed('search on the PostgreSQL server (searchFreeUnits, SQL path)', () =>
    watched('server', () => runEngine('server', serverEngine(handle.db), warmup, queries)));
  const pgliteRun = await timed('search on PGlite (searchFreeUnits, SQL path)', () =>
    watched('pglite', () => runEngine('pglite', serverEngine(pgliteDb.db), warmup, queries)));
  const memoryRun = await timed('search in memory (brute force, src/domain functions)', () =>
    watched('inmemory', () => runEngine('in-memory', (request) => searchInMemory(memory, request), warmup, queries)));
  await pgliteDb.close();

  // The app as src/main.ts wires it answers searches from its read model; measured too, for context.
  const readModel = await timed('starting the availability read model on the server', () => AvailabilityReadModel.start(handle));
  const covered = queries.filter((q) => readModel.covers(q.period)).length;
  const readModelRun = await timed('search with the read model (searchFreeUnits with readModel)', () =>
    runEngine('read model', (request) => searchFreeUnits(handle.db, request, readModel), warmup, queries));
  await readModel.close();

  const mismatches = {
    server: compareRuns(memoryRun, serverRun),
    pglite: compareRuns(memoryRun, pgliteRun),
    read_model: compareRuns(memoryRun, readModelRun),
  };
  log(`answers differing from the in-memory baseline: ${JSON.stringify(mismatches)}`);
  const inMemory = (request: SearchRequest) => searchInMemory(memory, request);
  const firstServerDifference = await firstDifference(memoryRun, serverRun, queries, { reference: inMemory, other: serverEngine(handle.db) });
  if (firstServerDifference) log(`first answer of the server that differs: ${JSON.stringify(firstServerDifference)}`);

  // Diagnostics: where the server's time goes, and what the proposed changes would give.
  const tunedPool = new pg.Pool({ connectionString: bench.url, max: 2, options: '-c random_page_cost=1.1' });
  const tunedDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: tunedPool }) });
  const breakdown = await timed('search diagnostics: data-layer steps one by one', () =>
    searchBreakdown(handle.db, tunedDb, queries.slice(0, settings.search.breakdown)));
  await tunedDb.destroy();
  const whatIfQueries = queries.slice(0, settings.search.whatIf);
  const memoryFastRun = await timed('what-if: in-memory with integer-day free ranges', () =>
    runEngine('in-memory (fast ranges)', (request) => searchInMemory(memory, request, fastFreeRanges), warmup, whatIfQueries));
  const proposedRun = await timed('what-if: server with the proposed occupation query + integer-day ranges', () =>
    runEngine('server (proposed)', (request) => proposedSearchFreeUnits(handle.db, request), warmup, whatIfQueries));
  const whatIfMismatches = compareRuns(memoryRun, proposedRun) + compareRuns(memoryRun, memoryFastRun);

  const largest = [...memory.unitsByRegion.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0];
  const explainRequest = queries.find((q) => q.regionId === largest && q.features.length === 0) ?? queries[0]!;
  const explainPool = new pg.Pool({ connectionString: bench.url, max: 1 });
  const explain = await explainSearch(explainPool, (capture) =>
    new Kysely<Database>({
      dialect: new PostgresDialect({ pool: explainPool }),
      log: (event) => {
        if (event.level === 'query') capture(event.query.sql, event.query.parameters);
      },
    }), explainRequest);
  await explainPool.end();

  const serverStats = summary(serverRun.timesMs);
  const pgliteStats = summary(pgliteRun.timesMs);
  const memoryStats = summary(memoryRun.timesMs);
  const readModelStats = summary(readModelRun.timesMs);
  const memoryFastStats = summary(memoryFastRun.timesMs);
  const proposedStats = summary(proposedRun.timesMs);
  const serverSubsetStats = summary(serverRun.timesMs.slice(0, whatIfQueries.length));
  const memorySubsetStats = summary(memoryRun.timesMs.slice(0, whatIfQueries.length));
  const loadAfterSearch = os.loadavg().map(round2);

  // ------------------------------------------------------------------------------------------------- booking
  const generator = new LoadGenerator();
  cleanups.push(async () => generator.close());
  const b = settings.booking;
  // Every warm-up books on the same units with guests of its own (a block of the fixture's guests per warm-up).
  const WARMUP_BLOCKS = 16;
  const warmFixture = await createFixture(admin, 'warm', b.warmupUnits, 1, b.warmupRequests * WARMUP_BLOCKS);
  let warmups = 0;
  const warmupRequests = (seed: number) => {
    if (warmups === WARMUP_BLOCKS) throw new Error(`more than ${WARMUP_BLOCKS} warm-ups: raise WARMUP_BLOCKS`);
    const wishes = buildWishes(b.warmupRequests, b.warmupUnits, b.days, seed, b.warmupRequests * warmups++);
    return toRequests(wishes, warmFixture, today);
  };

  const sweep: { pool_size: number; requests: number; seconds: number; confirmed_per_s: number; requests_per_s: number; conflicts_409: number; latency_ms: RunResult['latencyMs'] }[] = [];
  let poolSize = settings.defaultPool;
  if (settings.sweep) {
    const sweepWishes = buildWishes(settings.sweep.requests, settings.sweep.units, b.days, SEED + 11);
    for (const pool of settings.sweep.pools) {
      const fixture = await createFixture(admin, `sweep${pool}`, settings.sweep.units, 1, settings.sweep.requests);
      await checkpoint(admin);
      const result = await timed(`pool sweep: HTTP with pool size ${pool} (${settings.sweep.requests} requests)`, () =>
        httpRun(generator, bench.url, { poolSize: pool, readModel: true }, CLIENTS, warmupRequests(SEED + pool), toRequests(sweepWishes, fixture, today)));
      const s = bookingSummary(result);
      sweep.push({ pool_size: pool, requests: s.requests, seconds: s.seconds, confirmed_per_s: s.confirmed_per_s, requests_per_s: s.requests_per_s, conflicts_409: s.conflicts_409, latency_ms: s.latency_ms });
      log(`  pool ${pool}: ${s.confirmed_per_s} confirmed/s, ${s.requests_per_s} requests/s, p95 ${s.latency_ms.p95} ms`);
    }
    poolSize = [...sweep].sort((x, y) => y.confirmed_per_s - x.confirmed_per_s)[0]!.pool_size;
    log(`pool sweep: best pool size ${poolSize}`);
  }

  const wishes = buildWishes(b.requests, b.units, b.days, SEED + 7);
  const httpFixture = await createFixture(admin, 'http', b.units, b.regions, b.requests);
  const plainFixture = await createFixture(admin, 'plain', b.units, b.regions, b.requests);
  // The raw-SQL floor is short and, with the NOTIFY trigger serialising commits, sensitive to any other disk or CPU
  // activity: it runs three times on fresh units and the median counts.
  const sqlFixtures = [];
  for (let i = 1; i <= RAW_SQL_REPEATS; i++) sqlFixtures.push(await createFixture(admin, `sql${i}`, b.units, b.regions, b.requests));
  const quietFixture = await createFixture(admin, 'quiet', b.units, b.regions, b.requests);
  await admin.query('ANALYZE');

  await checkpoint(admin);
  const http = bookingSummary(await timed(`booking over HTTP (app as src/main.ts wires it, with read model): ${b.requests} requests, ${CLIENTS} clients, pool ${poolSize}`, () =>
    httpRun(generator, bench.url, { poolSize, readModel: true, profile: settings.profile }, CLIENTS, warmupRequests(SEED + 1), toRequests(wishes, httpFixture, today))));
  log(`  HTTP: ${http.confirmed_per_s} confirmed/s, ${http.conflicts_409} × 409, p95 ${http.latency_ms.p95} ms, cpu ${JSON.stringify(http.cpu?.cpu_s)}`);

  await checkpoint(admin);
  const plain = bookingSummary(await timed(`booking over HTTP without the read model: the same ${b.requests} requests`, () =>
    httpRun(generator, bench.url, { poolSize, readModel: false }, CLIENTS, warmupRequests(SEED + 3), toRequests(wishes, plainFixture, today))));
  log(`  HTTP without read model: ${plain.confirmed_per_s} confirmed/s, ${plain.conflicts_409} × 409, p95 ${plain.latency_ms.p95} ms`);

  const rawRuns: ReturnType<typeof bookingSummary>[] = [];
  for (const [i, fixture] of sqlFixtures.entries()) {
    await checkpoint(admin);
    const run = bookingSummary(await timed(`booking as raw SQL (${i + 1}/${sqlFixtures.length}): the same ${b.requests} inserts on ${CLIENTS} connections`, () =>
      sqlRun(generator, bench.url, CLIENTS, warmupRequests(SEED + 20 + i), toRequests(wishes, fixture, today))));
    log(`  raw SQL: ${run.confirmed_per_s} inserted/s, ${run.conflicts_409} exclusion violations, cpu ${JSON.stringify(run.cpu?.cpu_s)}`);
    rawRuns.push(run);
  }
  const raw = [...rawRuns].sort((x, y) => x.confirmed_per_s - y.confirmed_per_s)[Math.floor(rawRuns.length / 2)]!;

  // Diagnostic: the same inserts with the per-row NOTIFY trigger of migration 0003 switched off for this run only.
  await checkpoint(admin);
  await admin.query('ALTER TABLE stay DISABLE TRIGGER USER');
  let quiet: ReturnType<typeof bookingSummary>;
  try {
    quiet = bookingSummary(await timed('diagnostic: the same raw SQL inserts with the stay NOTIFY trigger disabled', () =>
      sqlRun(generator, bench.url, CLIENTS, warmupRequests(SEED + 4), toRequests(wishes, quietFixture, today))));
  } finally {
    await admin.query('ALTER TABLE stay ENABLE TRIGGER USER');
  }
  log(`  raw SQL without NOTIFY trigger: ${quiet.confirmed_per_s} inserted/s`);
  generator.close();

  const doubleBookings = await timed('counting double bookings (self-join over all stays)', () => countDoubleBookings(admin));
  const stored = {
    http: await countStored(admin, httpFixture.unitIds),
    without_read_model: await countStored(admin, plainFixture.unitIds),
    raw_sql: await Promise.all(sqlFixtures.map((fixture) => countStored(admin, fixture.unitIds))),
  };
  const totalStays = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM stay')).rows[0]!.n;

  // ------------------------------------------------------------------------------------------------- results
  // The app searches through its read model on the server (src/main.ts); that is the headline server figure,
  // as the issue allows. The SQL-only path is reported beside it.
  const ratioSearch = round2(readModelStats.p95 / memoryStats.p95);
  const ratioSqlSearch = round2(serverStats.p95 / memoryStats.p95);
  const ratioBooking = round2(http.confirmed_per_s / raw.confirmed_per_s);
  const target = (description: string, value: number, met: boolean) => ({ target: description, value, met });
  const targets = {
    server_search_p95: target('server search p95 ≤ 10 ms', readModelStats.p95, readModelStats.p95 <= 10),
    server_search_vs_inmemory: target('server search p95 ≤ 3 × in-memory p95', ratioSearch, ratioSearch <= 3),
    http_confirmed_per_s: target('≥ 1000 confirmed bookings/s over HTTP', http.confirmed_per_s, http.confirmed_per_s >= 1000),
    http_vs_raw_sql: target('HTTP confirmed/s ≥ 0.5 × raw-SQL inserts/s (issue 18)', ratioBooking, ratioBooking >= 0.5),
    app_statements_per_request: target('≤ 3 statements per booking request (issue 18)', http.app_statements_per_request ?? Number.NaN, (http.app_statements_per_request ?? Number.POSITIVE_INFINITY) <= 3),
    double_bookings: target('0 double bookings', doubleBookings, doubleBookings === 0),
  };

  const result = {
    machine: { ...machine, loadavg_at_start: loadAtStart, loadavg_after_search: loadAfterSearch, loadavg_at_end: os.loadavg().map(round2) },
    run: {
      mode: settings.mode,
      seed: SEED,
      started_at: started.toISOString(),
      duration_s: 0,
      database: server.throwaway ? 'throwaway server (scripts/throwaway-postgres.sh)' : 'server from DATABASE_URL (own database, dropped afterwards)',
      src_commit: gitHead(),
    },
    data: {
      regions: memory.counts.regions,
      locations: memory.counts.locations,
      units: memory.counts.units,
      stays: memory.counts.stays,
      closures: memory.counts.closures,
      clients: settings.scale.clients,
      year: `${today} + ${YEAR_DAYS} days (stays from 20 days before)`,
      load_s: {
        server_generate: serverGenerationSeconds,
        server_generate_by_step: generation,
        inmemory_load: memoryLoadSeconds,
        pglite_copy_total: pgliteLoadSeconds,
      },
      note: 'Generated on the server with INSERT … SELECT generate_series (hashtextextended of stable keys and a fixed seed, so the same rows every run, dates relative to the run day); PGlite gets the same rows through COPY FROM a blob; the in-memory baseline reads them into arrays. The NOTIFY triggers are disabled during the bulk load only.',
    },
    search: {
      units: memory.counts.units,
      stays: memory.counts.stays,
      queries: queries.length,
      warmup_queries: warmup.length,
      query_mix: `random region (of ${memory.counts.regions}), arrival uniform in the year, ${NIGHTS} nights, a stay type some unit of the region accepts, a required feature in 30%, includeNeighbours false`,
      server_p50_ms: readModelStats.p50,
      server_p95_ms: readModelStats.p95,
      server_sql_p50_ms: serverStats.p50,
      server_sql_p95_ms: serverStats.p95,
      server_sql_p99_ms: serverStats.p99,
      pglite_p50_ms: pgliteStats.p50,
      pglite_p95_ms: pgliteStats.p95,
      inmemory_p50_ms: memoryStats.p50,
      inmemory_p95_ms: memoryStats.p95,
      ratio_server_to_inmemory: ratioSearch,
      ratio_server_sql_to_inmemory: ratioSqlSearch,
      readmodel_covered_queries: covered,
      answers_differing_from_inmemory: mismatches,
      first_server_difference: firstServerDifference,
      cpu_during: {
        note: 'CPU seconds while each engine ran (warm-up included); other_processes is work on the machine that is not this benchmark',
        ...searchCpu,
      },
      free_units_per_query: { p50: summary(serverRun.freeCounts).p50, p95: summary(serverRun.freeCounts).p95 },
      partially_free_units_per_query: { p50: summary(serverRun.partialCounts).p50, p95: summary(serverRun.partialCounts).p95 },
      engines: {
        server: 'searchFreeUnits(db, request, readModel) with AvailabilityReadModel started on the server and kept in step by LISTEN/NOTIFY, as src/main.ts wires the app',
        server_sql: 'searchFreeUnits(db, request) without a read model: the SQL path (regionExists, findCandidateUnits, findOccupations) on the PostgreSQL server, pool of 4, one query at a time',
        pglite: 'the SQL path (no read model) on an in-memory PGlite holding the same rows',
        inmemory: 'brute force over arrays loaded once: per query the region\'s units, their stays and closures, decided with isFreeThroughout/freeRanges from src/domain/availability.ts',
      },
      diagnostics: {
        server_steps: breakdown,
        what_if: {
          queries: whatIfQueries.length,
          note: 'First queries of the same measured list; figures for the changes proposed for src/, not the headline figures.',
          server_src_p50_ms: serverSubsetStats.p50,
          server_src_p95_ms: serverSubsetStats.p95,
          inmemory_src_domain_p95_ms: memorySubsetStats.p95,
          inmemory_integer_day_ranges_p50_ms: memoryFastStats.p50,
          inmemory_integer_day_ranges_p95_ms: memoryFastStats.p95,
          server_proposed_query_and_ranges_p50_ms: proposedStats.p50,
          server_proposed_query_and_ranges_p95_ms: proposedStats.p95,
          answers_differing: whatIfMismatches,
        },
        explain,
      },
    },
    booking: {
      clients: CLIENTS,
      seconds: http.seconds,
      requests: http.requests,
      confirmed: http.confirmed,
      confirmed_per_s: http.confirmed_per_s,
      conflicts_409: http.conflicts_409,
      other_outcomes: http.other_outcomes,
      http_requests_per_s: http.requests_per_s,
      http_latency_ms: http.latency_ms,
      http_latency_by_outcome_ms: http.latency_by_outcome_ms,
      cpu: http.cpu,
      app_statements_per_request: http.app_statements_per_request,
      app_statement_times_note: 'Seen from the app: from sending a statement to its answer, so waiting for row locks, for a CPU and for the busy event loop is included; on a saturated 2-core machine that waiting, not execution, dominates every statement.',
      app_statement_times: http.app_statement_times,
      profile: http.profile,
      app: `buildApp({ db, booking: { defaultHoldMinutes: 30 }, availability }) with AvailabilityReadModel.start(handle), as src/main.ts wires it, listening on 127.0.0.1 in the bench process; postgresHandle pool size ${poolSize}`,
      pool_size: poolSize,
      pool_size_choice: settings.sweep ? 'best confirmed/s of the pool sweep (same app set-up, a smaller workload on its own units)' : `fixed (${settings.defaultPool})`,
      pool_sweep: sweep,
      without_read_model: {
        app: 'buildApp({ db, booking }) without availability (the set-up named in the issue)',
        seconds: plain.seconds,
        confirmed: plain.confirmed,
        confirmed_per_s: plain.confirmed_per_s,
        conflicts_409: plain.conflicts_409,
        other_outcomes: plain.other_outcomes,
        requests_per_s: plain.requests_per_s,
        latency_ms: plain.latency_ms,
        latency_by_outcome_ms: plain.latency_by_outcome_ms,
        cpu: plain.cpu,
        app_statements_per_request: plain.app_statements_per_request,
        app_statement_times: plain.app_statement_times,
      },
      raw_sql_per_s: raw.confirmed_per_s,
      raw_sql: {
        median_of: rawRuns.length,
        runs_inserted_per_s: rawRuns.map((r) => r.confirmed_per_s),
        seconds: raw.seconds,
        inserted: raw.confirmed,
        exclusion_violations: raw.conflicts_409,
        other_outcomes: raw.other_outcomes,
        statements_per_s: raw.requests_per_s,
        latency_ms: raw.latency_ms,
        cpu: raw.cpu,
      },
      ratio_http_to_raw_sql: ratioBooking,
      ratio_http_without_read_model_to_raw_sql: round2(plain.confirmed_per_s / raw.confirmed_per_s),
      raw_sql_without_notify_trigger: {
        note: 'Diagnostic only: the same inserts on their own units with the stay NOTIFY trigger (migration 0003) disabled for this run.',
        seconds: quiet.seconds,
        inserted: quiet.confirmed,
        inserted_per_s: quiet.confirmed_per_s,
        statements_per_s: quiet.requests_per_s,
        latency_ms: quiet.latency_ms,
        cpu: quiet.cpu,
      },
      double_bookings: doubleBookings,
      double_bookings_checked_over: `all ${totalStays} stays in the database (self-join on unit_id with overlapping periods, both occupying)`,
      stored_confirmed: {
        http: stored.http,
        http_matches_201s: stored.http === http.confirmed,
        without_read_model: stored.without_read_model,
        without_read_model_matches_201s: stored.without_read_model === plain.confirmed,
        raw_sql: stored.raw_sql,
        raw_sql_matches_inserts: stored.raw_sql.every((n, i) => n === rawRuns[i]!.confirmed),
      },
      errors: [...http.errors, ...plain.errors, ...rawRuns.flatMap((r) => r.errors), ...quiet.errors],
      workload: {
        hot_units: b.units,
        regions: b.regions,
        requests: b.requests,
        periods: `arrival uniform over the ${b.days} days from tomorrow, 2–14 nights, stay type random of the 3 the units take, status confirmed`,
        same_wishes_for_every_run: true,
        fresh_units: 'every run (each HTTP set-up, each raw-SQL run, each sweep step) books its own new units and clients, apart from the search data; warm-up requests go to a separate warm-up set',
        warmup_requests_per_run: b.warmupRequests,
      },
      load_generator: 'child process (fork of bench/load-worker.ts over IPC), closed loop: 64 workers, each sends its next request when the previous one answered; HTTP over node:http keep-alive (one socket per worker); raw SQL over 64 dedicated pg connections, plain parameterised INSERT in autocommit',
      note: `All on ${machine.cpus} cores: PostgreSQL (64+ backends), the app (one Node.js event loop, in the bench process) and the load generator (a second Node.js process) share the same CPUs; cpu.cpu_s shows how the timed part of each run split them, other_processes is work on the machine that is not this benchmark.`,
    },
    targets: { all_met: Object.values(targets).every((t) => t.met), ...targets },
  };
  result.run.duration_s = round2(elapsedSeconds());
  mkdirSync(dirname(settings.out), { recursive: true });
  writeFileSync(settings.out, `${JSON.stringify(result, null, 2)}\n`);
  log(`written ${settings.out}`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function gitHead(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' }).trim()
      + (execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' }).trim() ? ' (src modified)' : '');
  } catch {
    return null;
  }
}

main()
  .catch((error: unknown) => {
    log(`FAILED: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    log(`total ${elapsedSeconds().toFixed(1)} s`);
  });
