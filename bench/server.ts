import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { emptyServerDatabase } from '../src/testing/test-database.ts';
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

export { withDatabase } from '../src/testing/test-database.ts';

/** A new, empty database on the server just for this run, so an existing database is never touched. */
export function createBenchDatabase(serverUrl: string) {
  return emptyServerDatabase(serverUrl, 'adempauze_bench');
}
