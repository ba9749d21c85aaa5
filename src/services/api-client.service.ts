import type { Kysely } from 'kysely';
import { findActiveApiClient, insertApiClient, listApiClients, revokeApiClient } from '../data/api-client.repository.ts';
import { withTransaction } from '../data/change-author.ts';
import { findOrganisations } from '../data/fhir.repository.ts';
import type { Database } from '../data/schema.ts';
import { API_KEY_PREFIX, type ApiScope } from '../domain/api-scopes.ts';
import type { Actor } from '../domain/roles.ts';
import { AppError, notFound } from '../errors.ts';
import { newToken, tokenHash } from './auth/tokens.ts';

/** A system that called with a valid key: who it is and what it may do. */
export interface ApiClient {
  id: string;
  name: string;
  organisationId: string;
  scopes: readonly ApiScope[];
}

/** A new key for a system of an organisation; the key itself is in this answer only. */
export async function createApiClient(
  db: Kysely<Database>,
  actor: Actor,
  request: { organisationId: string; name: string; scopes: ApiScope[] },
) {
  if ((await findOrganisations(db, { id: request.organisationId })).length === 0)
    throw new AppError('validation_failed', { fields: [{ field: 'organisationId', code: 'unknown_organisation' }] });
  const key = `${API_KEY_PREFIX}${newToken()}`;
  const { id } = await withTransaction(db, (trx) => insertApiClient(trx, { ...request, keyHash: tokenHash(key), createdBy: actor.userId }));
  const made = (await apiClients(db)).find((client) => client.id === id)!;
  return { ...made, key };
}

export async function apiClients(db: Kysely<Database>) {
  return (await listApiClients(db)).map((row) => ({
    ...row,
    scopes: row.scopes as ApiScope[],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export async function revoke(db: Kysely<Database>, id: string): Promise<void> {
  if (!(await withTransaction(db, (trx) => revokeApiClient(trx, id)))) throw notFound('api_client');
}

/** The system behind a presented key, or undefined for a key that is unknown or revoked. */
export async function clientOfKey(db: Kysely<Database>, key: string): Promise<ApiClient | undefined> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return undefined;
  const row = await findActiveApiClient(db, tokenHash(key));
  return row ? { id: row.id, name: row.name, organisationId: row.organisationId, scopes: row.scopes as ApiScope[] } : undefined;
}
