import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** The primary's write position (WAL LSN) after what this connection committed. */
export async function currentWritePosition(primary: Kysely<Database>): Promise<string | undefined> {
  const {
    rows: [row],
  } = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(primary);
  return row?.lsn;
}

/** Whether the replica has replayed the primary's WAL up to this position. */
export async function replayedUpTo(replica: Kysely<Database>, position: string): Promise<boolean> {
  const {
    rows: [row],
  } = await sql<{ caught: boolean }>`SELECT pg_last_wal_replay_lsn() >= ${position}::pg_lsn AS caught`.execute(replica);
  return row?.caught === true;
}
