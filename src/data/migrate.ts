import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import type { Database } from './schema.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 72_616_374;

export async function migrationFiles(): Promise<string[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
  const bad = names.find((name) => !MIGRATION_NAME.test(name));
  if (bad) throw new Error(`Migration file name ${bad} does not match NNNN_snake_case.sql`);
  return names;
}

/**
 * Applies the SQL files in migrations/ that have not run yet, in name order. Each file and its bookkeeping row
 * go in one transaction; an advisory lock keeps two servers starting at once from applying a file twice.
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  return handle.withScriptSession(async (run) => {
    await run(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await run(`CREATE TABLE IF NOT EXISTS schema_migration (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await run('SELECT name FROM schema_migration')).map((row) => String(row.name)));
      const applied: string[] = [];
      for (const name of await migrationFiles()) {
        if (done.has(name)) continue;
        const text = await readFile(join(MIGRATIONS_DIR, name), 'utf8');
        await run(`BEGIN;\n${text}\n;INSERT INTO schema_migration (name) VALUES ('${name}');\nCOMMIT;`).catch(async (error: unknown) => {
          await run('ROLLBACK');
          throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
        });
        applied.push(name);
      }
      return applied;
    } finally {
      await run(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

/** The migration files this code knows that the database has not applied: a process with newer code waits for them. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const applied = new Set((await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(db)).rows.map((row) => row.name));
  return (await migrationFiles()).filter((name) => !applied.has(name));
}
