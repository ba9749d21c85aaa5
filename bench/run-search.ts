import os from 'node:os';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from '../src/data/database.ts';
import type { Database } from '../src/data/schema.ts';
import { AvailabilityReadModel } from '../src/services/availability-read-model.ts';
import { type SearchRequest, searchFreeUnits } from '../src/services/availability.service.ts';
import { type CpuReport, startCpuWatch } from './cpu.ts';
import { SEED } from './generate.ts';
import { log, timed } from './log.ts';
import type { BenchRun } from './run-settings.ts';
import {
  type MemoryData,
  NIGHTS,
  buildQueries,
  compareRuns,
  explainSearch,
  firstDifference,
  runEngine,
  searchBreakdown,
  searchInMemory,
  serverEngine,
} from './search.ts';
import { round2, summary } from './stats.ts';
import { fastFreeRanges, proposedSearchFreeUnits } from './whatif.ts';

/**
 * 2. Search: the same random queries through searchFreeUnits on the server (read model and SQL path) and on PGlite,
 * and through the in-memory brute force; warm-up first, then one query at a time, timed end to end; the answers are
 * compared query by query. Returns the JSON's `search` section and the figures the targets need.
 */
export async function measureSearch(
  { settings, today, bench }: BenchRun,
  { handle, pgliteDb, memory }: { handle: DatabaseHandle; pgliteDb: DatabaseHandle; memory: MemoryData },
) {
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
    watched('server', () => runEngine('server', serverEngine(handle.db), warmup, queries)),
  );
  const pgliteRun = await timed('search on PGlite (searchFreeUnits, SQL path)', () =>
    watched('pglite', () => runEngine('pglite', serverEngine(pgliteDb.db), warmup, queries)),
  );
  const memoryRun = await timed('search in memory (brute force, src/domain functions)', () =>
    watched('inmemory', () => runEngine('in-memory', (request) => searchInMemory(memory, request), warmup, queries)),
  );
  await pgliteDb.close();

  // The app as src/main.ts wires it answers searches from its read model; measured too, for context.
  const readModel = await timed('starting the availability read model on the server', () => AvailabilityReadModel.start(handle));
  const covered = queries.filter((q) => readModel.covers(q.period)).length;
  const readModelRun = await timed('search with the read model (searchFreeUnits with readModel)', () =>
    runEngine('read model', (request) => searchFreeUnits(handle.db, request, readModel), warmup, queries),
  );
  await readModel.close();

  const mismatches = {
    server: compareRuns(memoryRun, serverRun),
    pglite: compareRuns(memoryRun, pgliteRun),
    read_model: compareRuns(memoryRun, readModelRun),
  };
  log(`answers differing from the in-memory baseline: ${JSON.stringify(mismatches)}`);
  const inMemory = (request: SearchRequest) => searchInMemory(memory, request);
  const firstServerDifference = await firstDifference(memoryRun, serverRun, queries, {
    reference: inMemory,
    other: serverEngine(handle.db),
  });
  if (firstServerDifference) log(`first answer of the server that differs: ${JSON.stringify(firstServerDifference)}`);

  // Diagnostics: where the server's time goes, and what the proposed changes would give.
  const tunedPool = new pg.Pool({ connectionString: bench.url, max: 2, options: '-c random_page_cost=1.1' });
  const tunedDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: tunedPool }) });
  const breakdown = await timed('search diagnostics: data-layer steps one by one', () =>
    searchBreakdown(handle.db, tunedDb, queries.slice(0, settings.search.breakdown)),
  );
  await tunedDb.destroy();
  const whatIfQueries = queries.slice(0, settings.search.whatIf);
  const memoryFastRun = await timed('what-if: in-memory with integer-day free ranges', () =>
    runEngine('in-memory (fast ranges)', (request) => searchInMemory(memory, request, fastFreeRanges), warmup, whatIfQueries),
  );
  const proposedRun = await timed('what-if: server with the proposed occupation query + integer-day ranges', () =>
    runEngine('server (proposed)', (request) => proposedSearchFreeUnits(handle.db, request), warmup, whatIfQueries),
  );
  const whatIfMismatches = compareRuns(memoryRun, proposedRun) + compareRuns(memoryRun, memoryFastRun);

  const largest = [...memory.unitsByRegion.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0];
  const explainRequest = queries.find((q) => q.regionId === largest && q.features.length === 0) ?? queries[0]!;
  const explainPool = new pg.Pool({ connectionString: bench.url, max: 1 });
  const explain = await explainSearch(
    explainPool,
    (capture) =>
      new Kysely<Database>({
        dialect: new PostgresDialect({ pool: explainPool }),
        log: (event) => {
          if (event.level === 'query') capture(event.query.sql, event.query.parameters);
        },
      }),
    explainRequest,
  );
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

  // The app searches through its read model on the server (src/main.ts); that is the headline server figure,
  // as the issue allows. The SQL-only path is reported beside it.
  const ratioSearch = round2(readModelStats.p95 / memoryStats.p95);
  const ratioSqlSearch = round2(serverStats.p95 / memoryStats.p95);
  const section = {
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
      server:
        'searchFreeUnits(db, request, readModel) with AvailabilityReadModel started on the server and kept in step by polling the change feed (0037), as src/main.ts wires the app',
      server_sql:
        'searchFreeUnits(db, request) without a read model: the SQL path (regionExists, findCandidateUnits, findOccupations) on the PostgreSQL server, pool of 4, one query at a time',
      pglite: 'the SQL path (no read model) on an in-memory PGlite holding the same rows',
      inmemory:
        "brute force over arrays loaded once: per query the region's units, their stays and closures, decided with isFreeThroughout/freeRanges from src/domain/availability.ts",
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
  };
  return { section, readModelStats, ratioSearch, loadAfterSearch };
}
