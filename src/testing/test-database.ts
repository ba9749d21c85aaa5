import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openPglite, pgliteHandle, postgresHandle } from '../data/database.ts';
import { migrate, migrationFiles } from '../data/migrate.ts';

/**
 * A fresh, migrated, empty database for one test file: on the PostgreSQL server named by DATABASE_URL when set
 * (a new database copied from a migrated template), otherwise PGlite on a copy of a migrated template data
 * directory, removed again on close. Both are real PostgreSQL; nothing is faked.
 */
export interface TestDatabase extends DatabaseHandle {
  readonly label: string;
  /** The database's name on the server; undefined for PGlite. */
  readonly name?: string;
}

export function testServerUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  return serverUrl ? createServerDatabase(serverUrl, options.poolSize ?? 10) : createPgliteDatabase();
}

async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await migrationFiles()) {
    hash.update(name);
    hash.update(await readFile(join(import.meta.dirname, '..', 'data', 'migrations', name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Memory (tmpfs) when there is room: a test run copies some 4 GB of data directories, which a disk need not see. */
function scratchDir(): string {
  try {
    const shm = statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize > 2 ** 30) return '/dev/shm';
  } catch {
    // no /dev/shm on this system
  }
  return tmpdir();
}

/**
 * A copy of a migrated template data directory: copying 40 MB of files and opening them costs about half of
 * unpacking a tarball into PGlite's memory file system, and every test file that uses a database pays it.
 */
async function createPgliteDatabase(): Promise<TestDatabase> {
  const scratch = scratchDir();
  const templateDir = join(scratch, `adempauze-pglite-template-${await migrationsHash()}`);
  if (!existsSync(templateDir)) {
    // Built under a unique name first: parallel test files may race to build the template.
    const partial = `${templateDir}.${process.pid}.${randomUUID()}`;
    const handle = pgliteHandle(await openPglite({ dataDir: partial }));
    await migrate(handle);
    await handle.close();
    try {
      renameSync(partial, templateDir);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another file built it first
    }
  }
  const dataDir = join(scratch, `adempauze-pglite-test-${process.pid}-${randomUUID()}`);
  cpSync(templateDir, dataDir, { recursive: true });
  const handle = pgliteHandle(await openPglite({ dataDir }));
  return {
    ...handle,
    label: 'PGlite',
    async close() {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createServerDatabase(serverUrl: string, poolSize: number): Promise<TestDatabase> {
  const template = `adempauze_template_${await migrationsHash()}`;
  const name = `adempauze_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(4242)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${template}`);
        const handle = postgresHandle(withDatabase(serverUrl, template), 1);
        await migrate(handle);
        await handle.close();
      }
      await createFromTemplate(admin, name, template);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(4242)');
    }
  } finally {
    await admin.end();
  }
  const handle = postgresHandle(withDatabase(serverUrl, name), poolSize);
  return {
    ...handle,
    label: 'PostgreSQL server',
    name,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

// Right after the template was migrated its last connection may still be closing on the server side.
async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      const inUse = (error as { code?: string }).code === '55006';
      if (!inUse || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * An empty database on the server (not from the migrated template): for a test or benchmark whose app processes
 * migrate it themselves, as in production. `drop()` removes it, connections and all.
 */
export async function emptyServerDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  return { name, url: withDatabase(serverUrl, name), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
