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
import { dirname, join } from 'node:path';
import pg from 'pg';
import { appClock } from '../src/clock.ts';
import { identifyServer } from './cpu.ts';
import { SEED } from './generate.ts';
import { elapsedSeconds, log } from './log.ts';
import { measureBooking } from './run-booking.ts';
import { prepareData } from './run-data.ts';
import { measureSearch } from './run-search.ts';
import { type BenchRun, parseSettings } from './run-settings.ts';
import { type Server, createBenchDatabase, obtainServer } from './server.ts';
import { round2 } from './stats.ts';

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

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
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
  log(
    postmasterPid
      ? `server runs here (postmaster ${postmasterPid}): its CPU is accounted per run`
      : 'server not on this machine: CPU accounting counts every process named postgres',
  );

  const run: BenchRun = { settings, today, bench, admin, onCleanup: (step) => cleanups.push(step) };
  const data = await prepareData(run);
  const search = await measureSearch(run, data);
  const booking = await measureBooking(run, data.machine);
  const { readModelStats, ratioSearch, loadAfterSearch } = search;
  const { http, ratioBooking, doubleBookings } = booking;
  const machine = data.machine;

  const target = (description: string, value: number, met: boolean) => ({ target: description, value, met });
  const targets = {
    server_search_p95: target('server search p95 ≤ 10 ms', readModelStats.p95, readModelStats.p95 <= 10),
    server_search_vs_inmemory: target('server search p95 ≤ 3 × in-memory p95', ratioSearch, ratioSearch <= 3),
    http_confirmed_per_s: target('≥ 1000 confirmed bookings/s over HTTP', http.confirmed_per_s, http.confirmed_per_s >= 1000),
    http_vs_raw_sql: target('HTTP confirmed/s ≥ 0.5 × raw-SQL inserts/s (issue 18)', ratioBooking, ratioBooking >= 0.5),
    app_statements_per_request: target(
      '≤ 3 statements per booking request (issue 18)',
      http.app_statements_per_request ?? Number.NaN,
      (http.app_statements_per_request ?? Number.POSITIVE_INFINITY) <= 3,
    ),
    double_bookings: target('0 double bookings', doubleBookings, doubleBookings === 0),
  };

  const result = {
    machine: { ...machine, loadavg_at_start: loadAtStart, loadavg_after_search: loadAfterSearch, loadavg_at_end: os.loadavg().map(round2) },
    run: {
      mode: settings.mode,
      seed: SEED,
      started_at: started.toISOString(),
      duration_s: 0,
      database: server.throwaway
        ? 'throwaway server (scripts/throwaway-postgres.sh)'
        : 'server from DATABASE_URL (own database, dropped afterwards)',
      src_commit: gitHead(),
    },
    data: data.section,
    search: search.section,
    booking: booking.section,
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
    return (
      execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' }).trim() +
      (execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' }).trim()
        ? ' (src modified)'
        : '')
    );
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
