import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The client record by itself: what booking, erasure and the access report check before they go on. */

export async function clientExists(db: Kysely<Database>, clientId: string): Promise<boolean> {
  return (await db.selectFrom('client').select('id').where('id', '=', clientId).executeTakeFirst()) !== undefined;
}

/** Locks the client until the transaction ends: a new stay's foreign key waits for it. False when there is no such client. */
export async function lockClient(trx: Transaction<Database>, clientId: string): Promise<boolean> {
  return (await trx.selectFrom('client').select('id').where('id', '=', clientId).forUpdate().executeTakeFirst()) !== undefined;
}

/** A client with only what the core needs to book for someone; referral intake adds the rest. */
export async function insertClientBasics(db: Kysely<Database>, client: { name: string; dateOfBirth: string | null; pc4: string | null }) {
  return db
    .insertInto('client')
    .values({ name: client.name, date_of_birth: client.dateOfBirth, pc4: client.pc4 })
    .returning(['id', 'name', 'date_of_birth', 'pc4'])
    .executeTakeFirstOrThrow();
}

export async function findClientBasics(db: Kysely<Database>, clientId: string) {
  return db.selectFrom('client').select(['id', 'name', 'date_of_birth', 'pc4']).where('id', '=', clientId).executeTakeFirst();
}
