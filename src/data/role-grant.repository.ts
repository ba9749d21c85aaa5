import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { Database, RoleGrantTable } from './schema.ts';
import type { Role } from '../domain/roles.ts';

/** SQL for role grants waiting for a second administrator (migration 0019). */
export type RoleGrantRow = Selectable<RoleGrantTable>;

export async function insertRoleGrant(
  trx: Transaction<Database>,
  grant: { userId: string; role: Role; organisationId: string | null; invitation: boolean; requestedBy: string },
): Promise<RoleGrantRow> {
  return trx
    .insertInto('role_grant')
    .values({
      user_id: grant.userId,
      role: grant.role,
      organisation_id: grant.organisationId,
      invitation: grant.invitation,
      requested_by: grant.requestedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Grants not yet decided, with who asked; one per user at most (a unique index). */
export async function openRoleGrants(db: Kysely<Database>) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as requester', 'requester.id', 'g.requested_by')
    .select([
      'g.id',
      'g.user_id as userId',
      'g.role',
      'g.organisation_id as organisationId',
      'g.invitation',
      'g.requested_by as requestedBy',
      'requester.name as requestedByName',
      'g.requested_at as requestedAt',
    ])
    .where('g.decided_at', 'is', null)
    .orderBy('g.requested_at')
    .execute();
}

export async function openGrantOfUser(db: Kysely<Database>, userId: string): Promise<RoleGrantRow | undefined> {
  return db.selectFrom('role_grant').selectAll().where('user_id', '=', userId).where('decided_at', 'is', null).executeTakeFirst();
}

/** An open grant, locked until the transaction ends, so two administrators cannot decide it twice. */
export async function lockOpenGrant(trx: Transaction<Database>, id: string): Promise<RoleGrantRow | undefined> {
  return trx.selectFrom('role_grant').selectAll().where('id', '=', id).where('decided_at', 'is', null).forUpdate().executeTakeFirst();
}

export async function decideGrant(trx: Transaction<Database>, id: string, decidedBy: string, approved: boolean): Promise<void> {
  await trx.updateTable('role_grant').set({ decided_by: decidedBy, decided_at: sql<Date>`now()`, approved }).where('id', '=', id).execute();
}
