import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { log } from './log.ts';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'throwaway-postgres.sh');

export interface Server {
  url: string;
  /** True when the bench started the server itself (and will stop it). */
  throwaway: boolean;
  stop(): Promise<void>;
}

/** The server named by DATABASE_URL, or a throwaway one started with scripts/throwaway-postgres.sh. */
export async function obtainServer(): Promise<Server> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, throwaway: false, stop: async () => {} };
  log('DATABASE_URL not set: starting a throwaway PostgreSQL server (scripts/throwaway-postgres.sh)');
  const { stdout } = await run('bash', [SCRIPT, 'start']);
  const url = /DATABASE_URL=(\S+)/.exec(stdout)?.[1];
  const dir = /PG_THROWAWAY_DIR=(\S+)/.exec(stdout)?.[1];
  if (!url || !dir) throw new Error(`Unexpected output from throwaway-postgres.sh: ${stdout}`);
  let stopped = false;
  return {
    url,
    throwaway: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      log(`stopping the throwaway server (${dir})`);
      await run('bash', [SCRIPT, 'stop', dir]);
    },
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A new, empty database on the server just for this run, so an existing database is never touched. */
export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `adempauze_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  let dropped = false;
  return {
    url: withDatabase(serverUrl, name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
