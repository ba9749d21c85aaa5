import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The stored mail: without SMTP (development, tests, the demo) each message is kept here for administrators to read. */

export async function insertStoredMail(
  db: Kysely<Database>,
  messages: readonly { recipient: string; subject: string; body: string }[],
): Promise<void> {
  if (messages.length === 0) return;
  await db
    .insertInto('mail_message')
    .values([...messages])
    .execute();
}

/** The latest stored messages, newest first. */
export async function latestStoredMail(db: Kysely<Database>, limit: number) {
  return db.selectFrom('mail_message').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
