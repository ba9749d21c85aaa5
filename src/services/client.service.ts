import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { findClientBasics, insertClientBasics } from '../data/client.repository.ts';
import type { Database } from '../data/schema.ts';
import { notFound } from '../errors.ts';

/** The minimum the core needs to book for someone; referral intake adds the rest. */
export interface Client {
  id: string;
  name: string;
  dateOfBirth: string | null;
  pc4: string | null;
}

export async function createClient(db: Kysely<Database>, input: Omit<Client, 'id'>): Promise<Client> {
  const row = await withTransaction(db, (trx) => insertClientBasics(trx, input));
  return { id: row.id, name: row.name, dateOfBirth: row.date_of_birth, pc4: row.pc4 };
}

export async function getClient(db: Kysely<Database>, clientId: string): Promise<Client> {
  const row = await findClientBasics(db, clientId);
  if (!row) throw notFound('client');
  return { id: row.id, name: row.name, dateOfBirth: row.date_of_birth, pc4: row.pc4 };
}
