/**
 * npm run bench:processes [-- --quick]
 *
 * Sizing for docs/OPERATIONS.md: confirmed bookings per second over HTTP with 1, 2 and 3 app processes
 * (`node src/main.ts`) on one PostgreSQL server, the 64 clients' requests spread over the processes in turn as a load
 * balancer would, each run on its own fresh units; double bookings are counted afterwards (must be 0). The ratio
 * to one process is the figure: on this project's 2-core machine the server, the processes and the load generator
 * share the same two cores.
 *
 * Without DATABASE_URL a throwaway server is started and stopped; with it, a new database is made and dropped.
 * Prints JSON and writes bench/results/processes.json (--quick: processes-quick.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresHandle } from '../src/data/database.ts';
import { migrate } from '../src/data/migrate.ts';
import { DEFAULT_AUTH_SETTINGS } from '../src/services/auth/auth-settings.ts';
import { type Server, serverEnv, startServer, stopServer } from '../src/testing/child-server.ts';
import { sessionHeaders } from '../src/testing/sessions.ts';
import { CLIENTS, LoadGenerator, buildWishes, countDoubleBookings, createFixture, toRequests } from './booking.ts';
import { log } from './log.ts';
import { createBenchDatabase, obtainServer } from './server.ts';

const quick = process.argv.includes('--quick');
const PROCESS_COUNTS = [1, 2, 3];
const UNITS = quick ? 200 : 600;
const REQUESTS = quick ? 1_500 : 6_000;
const WARMUP = quick ? 200 : 600;
const DAYS = 120;
/** The connections the processes share: each process gets its part, so the server sees the same total. */
const TOTAL_POOL = 32;

async function main() {
  const server = await obtainServer();
  const database = await createBenchDatabase(server.url);
  const url = database.url;
  const handle = postgresHandle(url, 2);
  const client = new pg.Client({ connectionString: url });
  const generator = new LoadGenerator();
  try {
    await migrate(handle);
    await client.connect();
    const headers = await sessionHeaders(handle.db, DEFAULT_AUTH_SETTINGS, { role: 'coordinator', name: 'Benchmark' });
    const runs = [];
    for (const count of PROCESS_COUNTS) {
      const fixture = await createFixture(client, `p${count}`, UNITS, 1, REQUESTS + WARMUP);
      const wishes = buildWishes(REQUESTS + WARMUP, UNITS, DAYS, 2019 + count);
      const requests = toRequests(wishes, fixture);
      const servers: Server[] = [];
      for (let i = 0; i < count; i++) {
        servers.push(
          await startServer(serverEnv({ DATABASE_URL: url, SEED_DEMO: 'false', DB_POOL_SIZE: String(Math.ceil(TOTAL_POOL / count)) })),
        );
      }
      log(`${count} process${count === 1 ? '' : 'es'}: ${REQUESTS} bookings from ${CLIENTS} clients`);
      const result = await generator.run({
        mode: 'http',
        target: servers.map((server) => server.baseUrl).join(','),
        headers,
        concurrency: CLIENTS,
        warmup: requests.slice(0, WARMUP),
        requests: requests.slice(WARMUP),
      });
      for (const server of servers) await stopServer(server);
      const confirmed = result.outcomes.ok ?? 0;
      runs.push({
        processes: count,
        requests: REQUESTS,
        confirmed,
        conflicts: result.outcomes.conflict ?? 0,
        errors: result.errors,
        seconds: Math.round(result.seconds * 100) / 100,
        requests_per_s: Math.round(REQUESTS / result.seconds),
        confirmed_per_s: Math.round(confirmed / result.seconds),
        latency_ms: result.latencyMs,
        double_bookings: await countDoubleBookings(client, fixture.unitIds),
      });
    }
    const base = runs[0]!.requests_per_s;
    const report = {
      benchmark: 'app processes on one PostgreSQL server',
      quick,
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        postgres: (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v,
      },
      settings: { units: UNITS, requests: REQUESTS, clients: CLIENTS, pool_total: TOTAL_POOL, days: DAYS },
      runs: runs.map((run) => ({ ...run, ratio_to_one_process: Math.round((run.requests_per_s / base) * 100) / 100 })),
    };
    const json = JSON.stringify(report, null, 2);
    console.log(json);
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'results', quick ? 'processes-quick.json' : 'processes.json'), `${json}\n`);
  } finally {
    generator.close();
    await client.end().catch(() => undefined);
    await handle.close();
    await database.drop().catch(() => undefined);
    await server.stop();
  }
}

await main();
