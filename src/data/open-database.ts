import { join } from 'node:path';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { type DatabaseHandle, openPglite, pgliteHandle, postgresHandle } from './database.ts';

/** The configured database: a PostgreSQL server, or the embedded PGlite directory under its lock. */
export async function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
}): Promise<{ handle: DatabaseHandle; lock?: DataDirLock }> {
  if (config.databaseUrl) return { handle: postgresHandle(config.databaseUrl, config.poolSize) };
  // The lock comes before PGlite touches the directory: a second process must not even open it.
  const lock = lockDataDir(config.dataDir);
  try {
    return { handle: pgliteHandle(await openPglite({ dataDir: join(config.dataDir, 'pgdata') })), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}
