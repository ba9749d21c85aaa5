import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Who is behind the changes made in the current request. The HTTP layer sets it around a handler; every
 * transaction opened with `withTransaction` hands it to the database, whose audit trigger (0006_change_audit.sql)
 * records each changed row of personal data in that same transaction.
 */
export interface ChangeAuthor {
  userId: string | null;
  email: string | null;
  role: string | null;
  organisationId: string | null;
  purpose: string;
  ip: string | null;
  /** How an UPDATE is named in the log; 'anonymise' for erasure. */
  updateAction?: 'update' | 'anonymise';
}

const author = new AsyncLocalStorage<ChangeAuthor>();

export function actingAs<T>(who: ChangeAuthor, work: () => T): T {
  return author.run(who, work);
}

/** The change author as the audit trigger reads it, for a statement that sets it itself (place_stay); null for system work. */
export function changeAuthorSetting(): string | null {
  const who = author.getStore();
  return who ? JSON.stringify(who) : null;
}

/** A transaction that carries the change author (if any) to the database's audit trigger. */
export async function withTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const who = changeAuthorSetting();
    if (who) await sql`SELECT set_config('adempauze.actor', ${who}, true)`.execute(trx);
    return work(trx);
  });
}
