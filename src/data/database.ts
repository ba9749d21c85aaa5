import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { appClock } from '../clock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Runs SQL text that may hold many statements (simple-query protocol) and returns the last result's rows. */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export interface Subscription {
  close(): Promise<void>;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /**
   * LISTEN on a channel. `onLost` is called when the connection behind the subscription breaks: notifications may
   * have been missed, so whoever relies on them must resynchronise.
   */
  listen(channel: string, onPayload: (payload: string) => void, onLost: (error: Error) => void): Promise<Subscription>;
  notify(channel: string, payload: string): Promise<void>;
  /** One connection for a sequence of scripts, e.g. migrations under an advisory lock. */
  withScriptSession<T>(work: (run: ScriptRunner) => Promise<T>): Promise<T>;
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
    async listen(channel, onPayload) {
      // One in-process database: the connection cannot be lost.
      const unlisten = await pglite.listen(channel, onPayload);
      return { close: () => unlisten() };
    },
    async notify(channel, payload) {
      await pglite.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
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

export function postgresHandle(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, options: `-c adempauze.clock_offset_ms=${clockOffsetMs()}` });
  // An idle client can lose its connection (server restart, admin shutdown). Without a listener pg throws the
  // error out of the event loop and the process dies; the pool replaces the client on next use instead.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== ADMIN_SHUTDOWN) console.error('Idle database connection lost:', error.message);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async listen(channel, onPayload, onLost) {
      // A dedicated connection: a pooled one would be handed to other work and stop listening.
      const client = new pg.Client({ connectionString });
      let closing = false;
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
      });
      client.on('error', (error) => {
        if (!closing) onLost(error);
      });
      client.on('end', () => {
        if (!closing) onLost(new Error('LISTEN connection ended'));
      });
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return {
        async close() {
          closing = true;
          await client.end();
        },
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async withScriptSession(work) {
      const client = await pool.connect();
      try {
        return await work(async (script) => {
          const result = (await client.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(result) ? result.at(-1) : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
