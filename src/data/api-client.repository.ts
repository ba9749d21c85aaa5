import { type Kysely, sql } from 'kysely';
import { appClock } from '../clock.ts';
import type { Database } from './schema.ts';

export async function insertApiClient(
  db: Kysely<Database>,
  client: { organisationId: string; name: string; keyHash: string; scopes: readonly string[]; createdBy: string },
) {
  return db
    .insertInto('api_client')
    .values({
      organisation_id: client.organisationId,
      name: client.name,
      key_hash: client.keyHash,
      scopes: [...client.scopes],
      created_by: client.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listApiClients(db: Kysely<Database>) {
  return db
    .selectFrom('api_client as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.name',
      'c.organisation_id as organisationId',
      'o.name as organisationName',
      'c.scopes',
      'c.created_at as createdAt',
      'c.last_used_at as lastUsedAt',
      'c.revoked_at as revokedAt',
    ])
    .orderBy('o.name')
    .orderBy('c.name')
    .execute();
}

/** The client a key belongs to, unless revoked; notes when it was last used (at most once a minute, to spare writes). */
export async function findActiveApiClient(db: Kysely<Database>, keyHash: string) {
  const row = await db
    .selectFrom('api_client')
    .select(['id', 'name', 'organisation_id as organisationId', 'scopes', 'last_used_at as lastUsedAt'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (row && (!row.lastUsedAt || appClock().now().getTime() - row.lastUsedAt.getTime() > 60_000)) {
    await db.updateTable('api_client').set({ last_used_at: sql<Date>`app_now()` }).where('id', '=', row.id).execute();
  }
  return row;
}

export async function revokeApiClient(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_client')
    .set({ revoked_at: sql<Date>`app_now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
