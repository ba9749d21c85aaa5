import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { appClock } from '../clock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Runs SQL text that may hold many statements (simple-query protocol) and returns the last result's rows. */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** One connection for a sequence of scripts, e.g. migrations under an advisory lock. */
  withScriptSession<T>(work: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /** The connection pool's use, for metrics; PGlite has one connection and no pool. */
  poolUse?(): { total: number; idle: number; waiting: number; max: number };
  close(): Promise<void>;
}

// Dates stay ISO strings ("2027-03-01"): a JS Date would drag a time zone into calendar dates.
const DATE_OID = 1082;
const DATERANGE_OID = 3912;
const keepText = (value: string) => value;

pg.types.setTypeParser(DATE_OID, keepText);
pg.types.setTypeParser(DATERANGE_OID as never, keepText);

const ADMIN_SHUTDOWN = '57P01';

export interface PgliteOptions {
  /** Directory for the data; omit for a database in memory. */
  dataDir?: string;
  /** A tarball from PGlite's dumpDataDir(), e.g. a migrated template in tests. */
  loadDataDir?: Blob;
}

/**
 * How far the app's clock is from the real time (0 unless ADEMPAUZE_NOW set it on another day). Every connection
 * gets it as adempauze.clock_offset_ms, so the times the database stamps follow the app clock (app_now(), 0016).
 */
function clockOffsetMs(): number {
  return Math.round(appClock().now().getTime() - Date.now());
}

export async function openPglite(options: PgliteOptions = {}): Promise<PGlite> {
  const pglite = await PGlite.create(options.dataDir, {
    extensions: { btree_gist },
    parsers: { [DATE_OID]: keepText, [DATERANGE_OID]: keepText },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.exec(`SET adempauze.clock_offset_ms = '${clockOffsetMs()}'`);
  return pglite;
}

export function pgliteHandle(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    withScriptSession: (work) =>
      work(async (script) => {
        const results = await pglite.exec(script);
        return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
      }),
    // Kysely's PGlite driver leaves the instance open, and an open instance keeps Node alive.
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Connection-level error codes of Node's sockets and of PostgreSQL: the server is gone, not the statement wrong. */
const LOST_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_SQLSTATES = new Set([ADMIN_SHUTDOWN, '57P02', '57P03', '53300']);
// pg and pg-pool report a dead connection by message only; Kysely's by the connection it discarded after one.
const LOST_CONNECTION_MESSAGE =
  /^Connection terminated|not queryable|timeout exceeded when trying to connect|Postgres connection has been discarded/;

/**
 * Whether an error means the database cannot be reached right now (server down, restarting, crashed, too many
 * connections), so the request may succeed when tried again later. Looks through `cause` and AggregateError.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (LOST_CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
    return true;
  if (LOST_CONNECTION_MESSAGE.test(error.message)) return true;
  const inner = error instanceof AggregateError ? error.errors : [];
  return [error.cause, ...inner].some((next) => isDatabaseUnavailable(next, depth + 1));
}

export function postgresHandle(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, options: `-c adempauze.clock_offset_ms=${clockOffsetMs()}` });
  // An idle client can lose its connection (server restart, admin shutdown). Without a listener pg throws the
  // error out of the event loop and the process dies; the pool replaces the client on next use instead.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== ADMIN_SHUTDOWN) console.error('Idle database connection lost:', error.message);
  });
  // The same holds for a checked-out client, which pg-pool leaves without a listener: a server crash would end the
  // process. Nothing more to do here: the query in flight fails with the error (the request answers 503), the
  // client is marked not queryable, and pg-pool discards such a client when Kysely releases it.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    async withScriptSession(work) {
      const client = await pool.connect();
      try {
        const result = await work(async (script) => {
          const result = (await client.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(result) ? result.at(-1) : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
        client.release();
        return result;
      } catch (error) {
        // A failed script may leave the session in an open transaction or holding an advisory lock, or its
        // connection may be dead: close it rather than hand it to the next request.
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },
    close: () => db.destroy(),
  };
}
