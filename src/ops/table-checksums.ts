import { type Kysely, sql } from 'kysely';
import type { Database } from '../data/schema.ts';

export interface TableChecksum {
  readonly rows: number;
  /** md5 over the md5 of every row's text form, in sorted order: equal contents give equal sums. */
  readonly md5: string;
}

/** Every user table in schema public, by name (sorted), with its row count and checksum. */
export type TableChecksums = Record<string, TableChecksum>;

/**
 * Row counts and content checksums of all tables in schema public, read from one snapshot.
 *
 * A row is hashed from its text form (`t::text`), the hashes are sorted and hashed again: the sum does not depend on
 * the physical order of rows, on the database's collation, and stays small for large tables. Settings that change
 * how values print (time zone, date style, float digits) are pinned for the transaction, so two databases with the
 * same contents give the same sums even when their defaults differ.
 *
 * Called with a transaction, it reads inside that transaction (e.g. the one whose snapshot pg_dump shares); otherwise
 * it opens a REPEATABLE READ transaction of its own, so all tables are counted at the same moment.
 */
export async function tableChecksums(db: Kysely<Database>): Promise<TableChecksums> {
  if (db.isTransaction) return checksumsIn(db);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => checksumsIn(trx));
}

async function checksumsIn(db: Kysely<Database>): Promise<TableChecksums> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(db);
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`.execute(db);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(db);
  await sql`SET LOCAL extra_float_digits = 1`.execute(db);
  await sql`SET LOCAL bytea_output = 'hex'`.execute(db);
  const result: TableChecksums = {};
  for (const name of await userTables(db)) {
    const table = sql.id('public', name);
    const { rows } = await sql<{ rows: number | string | bigint; md5: string }>`
      SELECT count(*) AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS md5
      FROM (SELECT md5(t::text) AS h FROM ${table} AS t) AS hashed`.execute(db);
    const row = rows[0];
    if (!row) throw new Error(`No checksum row for table ${name}`);
    result[name] = { rows: Number(row.rows), md5: row.md5 };
  }
  return result;
}

/** Names of the tables in schema public: cheap, to see whether a database is empty. */
export async function userTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname COLLATE "C"`.execute(db);
  return rows.map((row) => row.name);
}

/** Row counts only, for a short summary: { table: rows }. */
export function rowCounts(checksums: TableChecksums): Record<string, number> {
  return Object.fromEntries(Object.entries(checksums).map(([name, sum]) => [name, sum.rows]));
}
