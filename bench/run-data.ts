import type { PGlite } from '@electric-sql/pglite';
import { type DatabaseHandle, openPglite, pgliteHandle, postgresHandle } from '../src/data/database.ts';
import { migrate } from '../src/data/migrate.ts';
import { YEAR_DAYS, generationStatements } from './generate.ts';
import { log, timed } from './log.ts';
import { machineInfo } from './machine.ts';
import type { BenchRun } from './run-settings.ts';
import { loadMemory } from './search.ts';
import { dumpTables, loadIntoPglite } from './snapshot.ts';
import { round2 } from './stats.ts';

/** The change-feed triggers (0037) and the others are switched off for bulk loading only (no read model runs yet). */
const TRIGGER_TABLES = ['region', 'region_neighbour', 'location', 'capacity_unit', 'unit_closure', 'stay'];
function userTriggers(enabled: boolean): string {
  return TRIGGER_TABLES.map((table) => `ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER;`).join('\n');
}

/**
 * 1. Data: a national-scale registry generated inside PostgreSQL, copied row for row into an in-memory PGlite and into
 * plain arrays (the brute-force baseline). Returns the handles the later phases search and the JSON's `data` section.
 */
export async function prepareData({ settings, today, bench, admin, onCleanup }: BenchRun) {
  const generation: Record<string, number> = {};
  const handle = postgresHandle(bench.url, 4);
  onCleanup(() => handle.close());
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
  onCleanup(() => pgliteDb.close());
  await pglite.exec(userTriggers(false));
  await timed('COPY into PGlite', () => loadIntoPglite(pglite, dumps));
  await pglite.exec(userTriggers(true));
  await timed('VACUUM ANALYZE on PGlite', () => pglite.exec('VACUUM ANALYZE'));
  const pgliteLoadSeconds = round2((performance.now() - start) / 1000);
  const pgliteStays = (await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM stay')).rows[0]!.n;
  if (pgliteStays !== memory.counts.stays) throw new Error(`PGlite has ${pgliteStays} stays, the server ${memory.counts.stays}`);
  dumps.length = 0;

  const machine = await machineInfo(admin, pglite);

  const section = {
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
    note: 'Generated on the server with INSERT … SELECT generate_series (hashtextextended of stable keys and a fixed seed, so the same rows every run, dates relative to the run day); PGlite gets the same rows through COPY FROM a blob; the in-memory baseline reads them into arrays. The user triggers (change feed, audit, history) are disabled during the bulk load only.',
  };
  return { handle, memory, pglite, pgliteDb, machine, section };
}
