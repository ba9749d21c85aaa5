import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** The cheapest statement that needs a live connection: whether the database answers at all. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
