import { SEED } from './generate.ts';
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
import type { RunResult } from './load-worker.ts';
import { log, timed } from './log.ts';
import type { BenchRun } from './run-settings.ts';
import { round2 } from './stats.ts';

const RAW_SQL_REPEATS = 3;

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

/**
 * 3. Booking: 64 concurrent clients booking overlapping periods on a fresh set of units, over HTTP against the real
 * app and, as the floor, as plain INSERTs on 64 pg connections; double bookings are counted afterwards in SQL.
 * Returns the JSON's `booking` section and the figures the targets need.
 */
export async function measureBooking({ settings, today, bench, admin, onCleanup }: BenchRun, machine: { cpus: number }) {
  const generator = new LoadGenerator();
  onCleanup(async () => generator.close());
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

  const sweep: {
    pool_size: number;
    requests: number;
    seconds: number;
    confirmed_per_s: number;
    requests_per_s: number;
    conflicts_409: number;
    latency_ms: RunResult['latencyMs'];
  }[] = [];
  let poolSize = settings.defaultPool;
  if (settings.sweep) {
    const sweepWishes = buildWishes(settings.sweep.requests, settings.sweep.units, b.days, SEED + 11);
    for (const pool of settings.sweep.pools) {
      const fixture = await createFixture(admin, `sweep${pool}`, settings.sweep.units, 1, settings.sweep.requests);
      await checkpoint(admin);
      const result = await timed(`pool sweep: HTTP with pool size ${pool} (${settings.sweep.requests} requests)`, () =>
        httpRun(
          generator,
          bench.url,
          { poolSize: pool, readModel: true },
          CLIENTS,
          warmupRequests(SEED + pool),
          toRequests(sweepWishes, fixture, today),
        ),
      );
      const s = bookingSummary(result);
      sweep.push({
        pool_size: pool,
        requests: s.requests,
        seconds: s.seconds,
        confirmed_per_s: s.confirmed_per_s,
        requests_per_s: s.requests_per_s,
        conflicts_409: s.conflicts_409,
        latency_ms: s.latency_ms,
      });
      log(`  pool ${pool}: ${s.confirmed_per_s} confirmed/s, ${s.requests_per_s} requests/s, p95 ${s.latency_ms.p95} ms`);
    }
    poolSize = [...sweep].sort((x, y) => y.confirmed_per_s - x.confirmed_per_s)[0]!.pool_size;
    log(`pool sweep: best pool size ${poolSize}`);
  }

  const wishes = buildWishes(b.requests, b.units, b.days, SEED + 7);
  const httpFixture = await createFixture(admin, 'http', b.units, b.regions, b.requests);
  const plainFixture = await createFixture(admin, 'plain', b.units, b.regions, b.requests);
  // The raw-SQL floor is short and, bound by the commits' WAL flushes, sensitive to any other disk or CPU
  // activity: it runs three times on fresh units and the median counts.
  const sqlFixtures = [];
  for (let i = 1; i <= RAW_SQL_REPEATS; i++) sqlFixtures.push(await createFixture(admin, `sql${i}`, b.units, b.regions, b.requests));
  const quietFixture = await createFixture(admin, 'quiet', b.units, b.regions, b.requests);
  await admin.query('ANALYZE');

  await checkpoint(admin);
  const http = bookingSummary(
    await timed(
      `booking over HTTP (app as src/main.ts wires it, with read model): ${b.requests} requests, ${CLIENTS} clients, pool ${poolSize}`,
      () =>
        httpRun(
          generator,
          bench.url,
          { poolSize, readModel: true, profile: settings.profile },
          CLIENTS,
          warmupRequests(SEED + 1),
          toRequests(wishes, httpFixture, today),
        ),
    ),
  );
  log(
    `  HTTP: ${http.confirmed_per_s} confirmed/s, ${http.conflicts_409} × 409, p95 ${http.latency_ms.p95} ms, cpu ${JSON.stringify(http.cpu?.cpu_s)}`,
  );

  await checkpoint(admin);
  const plain = bookingSummary(
    await timed(`booking over HTTP without the read model: the same ${b.requests} requests`, () =>
      httpRun(
        generator,
        bench.url,
        { poolSize, readModel: false },
        CLIENTS,
        warmupRequests(SEED + 3),
        toRequests(wishes, plainFixture, today),
      ),
    ),
  );
  log(`  HTTP without read model: ${plain.confirmed_per_s} confirmed/s, ${plain.conflicts_409} × 409, p95 ${plain.latency_ms.p95} ms`);

  const rawRuns: ReturnType<typeof bookingSummary>[] = [];
  for (const [i, fixture] of sqlFixtures.entries()) {
    await checkpoint(admin);
    const run = bookingSummary(
      await timed(`booking as raw SQL (${i + 1}/${sqlFixtures.length}): the same ${b.requests} inserts on ${CLIENTS} connections`, () =>
        sqlRun(generator, bench.url, CLIENTS, warmupRequests(SEED + 20 + i), toRequests(wishes, fixture, today)),
      ),
    );
    log(`  raw SQL: ${run.confirmed_per_s} inserted/s, ${run.conflicts_409} exclusion violations, cpu ${JSON.stringify(run.cpu?.cpu_s)}`);
    rawRuns.push(run);
  }
  const raw = [...rawRuns].sort((x, y) => x.confirmed_per_s - y.confirmed_per_s)[Math.floor(rawRuns.length / 2)]!;

  // Diagnostic: the same inserts with all user triggers of the stay switched off for this run only: what they cost.
  await checkpoint(admin);
  await admin.query('ALTER TABLE stay DISABLE TRIGGER USER');
  let quiet: ReturnType<typeof bookingSummary>;
  try {
    quiet = bookingSummary(
      await timed('diagnostic: the same raw SQL inserts with the stay triggers disabled', () =>
        sqlRun(generator, bench.url, CLIENTS, warmupRequests(SEED + 4), toRequests(wishes, quietFixture, today)),
      ),
    );
  } finally {
    await admin.query('ALTER TABLE stay ENABLE TRIGGER USER');
  }
  log(`  raw SQL without stay triggers: ${quiet.confirmed_per_s} inserted/s`);
  generator.close();

  const doubleBookings = await timed('counting double bookings (self-join over all stays)', () => countDoubleBookings(admin));
  const stored = {
    http: await countStored(admin, httpFixture.unitIds),
    without_read_model: await countStored(admin, plainFixture.unitIds),
    raw_sql: await Promise.all(sqlFixtures.map((fixture) => countStored(admin, fixture.unitIds))),
  };
  const totalStays = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM stay')).rows[0]!.n;

  const ratioBooking = round2(http.confirmed_per_s / raw.confirmed_per_s);
  const section = {
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
    app_statement_times_note:
      'Seen from the app: from sending a statement to its answer, so waiting for row locks, for a CPU and for the busy event loop is included; on a saturated 2-core machine that waiting, not execution, dominates every statement.',
    app_statement_times: http.app_statement_times,
    profile: http.profile,
    app: `buildApp({ db, booking: { defaultHoldMinutes: 30 }, availability }) with AvailabilityReadModel.start(handle), as src/main.ts wires it, listening on 127.0.0.1 in the bench process; postgresHandle pool size ${poolSize}`,
    pool_size: poolSize,
    pool_size_choice: settings.sweep
      ? 'best confirmed/s of the pool sweep (same app set-up, a smaller workload on its own units)'
      : `fixed (${settings.defaultPool})`,
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
    raw_sql_without_stay_triggers: {
      note: 'Diagnostic only: the same inserts on their own units with every user trigger of the stay (change feed, audit, referral events) disabled for this run (ALTER TABLE stay DISABLE TRIGGER USER).',
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
      fresh_units:
        'every run (each HTTP set-up, each raw-SQL run, each sweep step) books its own new units and clients, apart from the search data; warm-up requests go to a separate warm-up set',
      warmup_requests_per_run: b.warmupRequests,
    },
    load_generator:
      'child process (fork of bench/load-worker.ts over IPC), closed loop: 64 workers, each sends its next request when the previous one answered; HTTP over node:http keep-alive (one socket per worker); raw SQL over 64 dedicated pg connections, plain parameterised INSERT in autocommit',
    note: `All on ${machine.cpus} cores: PostgreSQL (64+ backends), the app (one Node.js event loop, in the bench process) and the load generator (a second Node.js process) share the same CPUs; cpu.cpu_s shows how the timed part of each run split them, other_processes is work on the machine that is not this benchmark.`,
  };
  return { section, http, ratioBooking, doubleBookings };
}
