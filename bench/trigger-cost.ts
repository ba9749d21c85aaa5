/**
 * npm run bench:triggers: what the stay's triggers cost a plain INSERT, as in the raw-SQL floor of `npm run bench`.
 *
 * On a fresh database of its own, the same 6 000 wishes (64 connections, about 38 % refused by the exclusion
 * constraint) are inserted with every trigger on, with the change-feed trigger (0037) off, and with all user triggers
 * off; each on new units, twice, interleaved so drift on the machine hits every variant alike. Prints JSON: inserted
 * rows per second per variant and run. TRIGGER_BENCH_REQUESTS overrides the number of wishes.
 */
import pg from 'pg';
import { appClock } from '../src/clock.ts';
import { postgresHandle } from '../src/data/database.ts';
import { migrate } from '../src/data/migrate.ts';
import { CLIENTS, LoadGenerator, buildWishes, checkpoint, createFixture, sqlRun, toRequests } from './booking.ts';
import { SEED } from './generate.ts';
import { log } from './log.ts';
import { createBenchDatabase, obtainServer } from './server.ts';

const REQUESTS = Number(process.env.TRIGGER_BENCH_REQUESTS ?? 6_000);
const UNITS = 208;
const ROUNDS = 2;
const WARMUP = 500;
/** Variant name and the triggers of `stay` it disables. */
const VARIANTS: [string, string[]][] = [
  ['all_triggers', []],
  ['without_change_feed', ['stay_availability_insert_delete']],
  ['without_user_triggers', ['USER']],
];

const server = await obtainServer();
const database = await createBenchDatabase(server.url);
const admin = new pg.Client({ connectionString: database.url });
const generator = new LoadGenerator();
try {
  const handle = postgresHandle(database.url, 2);
  await migrate(handle);
  await handle.close();
  await admin.connect();
  const today = appClock().today();
  const runs = ROUNDS * VARIANTS.length;
  const warm = await createFixture(admin, 'warm', 64, 1, WARMUP * runs);
  const wishes = buildWishes(REQUESTS, UNITS, 365, SEED + 7);
  const inserted: Record<string, number[]> = Object.fromEntries(VARIANTS.map(([name]) => [name, []]));
  for (let run = 0; run < runs; run++) {
    const [name, triggers] = VARIANTS[run % VARIANTS.length]!;
    // Fixture labels become region ids, which take letters only.
    const fixture = await createFixture(admin, `trig${String.fromCharCode(97 + run)}`, UNITS, 1, REQUESTS);
    await admin.query('ANALYZE');
    await checkpoint(admin);
    for (const trigger of triggers) await admin.query(`ALTER TABLE stay DISABLE TRIGGER ${trigger}`);
    try {
      const warmup = toRequests(buildWishes(WARMUP, 64, 365, SEED + 30 + run, WARMUP * run), warm, today);
      const result = await sqlRun(generator, database.url, CLIENTS, warmup, toRequests(wishes, fixture, today));
      const rate = Math.round((result.outcomes.ok ?? 0) / result.seconds);
      inserted[name]!.push(rate);
      log(`${name}: ${rate} inserted/s ${JSON.stringify(result.outcomes)}`);
    } finally {
      for (const trigger of triggers) await admin.query(`ALTER TABLE stay ENABLE TRIGGER ${trigger}`);
    }
  }
  console.log(JSON.stringify({ requests: REQUESTS, clients: CLIENTS, units: UNITS, inserted_per_s: inserted }, null, 2));
} finally {
  generator.close();
  await admin.end().catch(() => undefined);
  await database.drop();
  await server.stop();
}
