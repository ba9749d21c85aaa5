import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** Claims a job's run for a tick; false when another process (or an earlier run) already has it. */
export async function claimJobRun(db: Kysely<Database>, run: { job: string; tick: Date; process: string }): Promise<boolean> {
  const claimed = await db
    .insertInto('job_run')
    .values(run)
    .onConflict((conflict) => conflict.columns(['job', 'tick']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function finishJobRun(db: Kysely<Database>, run: { job: string; tick: Date }, failed: boolean): Promise<void> {
  await db
    .updateTable('job_run')
    .set({ finished_at: sql<Date>`now()`, failed })
    .where('job', '=', run.job)
    .where('tick', '=', run.tick)
    .execute();
}

/** Runs older than `before` are of no use to anyone: the table keeps a week. */
export async function deleteJobRunsBefore(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('job_run').where('tick', '<', before).execute();
}

/**
 * Runs `work` while this process holds the job's session-level advisory lock, on one connection kept for it; null
 * when another process holds it (its run of the job is still going). Only on a server: PGlite is one process.
 */
export async function withJobLock<T>(db: Kysely<Database>, key: number, work: () => Promise<T>): Promise<T | null> {
  return db.connection().execute(async (connection) => {
    const {
      rows: [row],
    } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${JOB_LOCK_SPACE}, ${key}) AS locked`.execute(connection);
    if (!row?.locked) return null;
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${JOB_LOCK_SPACE}, ${key})`.execute(connection);
    }
  });
}

/** The first key of the two-key advisory locks of jobs, so they cannot meet another lock of the app. */
const JOB_LOCK_SPACE = 0x4a4f42; // "JOB"
