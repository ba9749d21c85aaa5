import type { Kysely } from 'kysely';
import { withTransaction } from '../../data/change-author.ts';
import { deleteSessionsOfUser, findUserById, updateUser } from '../../data/account.repository.ts';
import { decideGrant, lockOpenGrant } from '../../data/role-grant.repository.ts';
import type { Database } from '../../data/schema.ts';
import type { Actor } from '../../domain/roles.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { type UserView, mailInvitation, toUserView } from './account.service.ts';
import type { AuthSettings } from './auth-settings.ts';

/**
 * A second administrator decides on a role that sees personal data: approving gives the role (ending the user's
 * sessions, so the next sign-in carries it) or, for a new account, sends the invitation; rejecting leaves the role
 * as it was and blocks a new account. The one who asked, and the one it is for, cannot decide.
 */
export async function decideRoleGrant(
  db: Kysely<Database>,
  actor: Actor,
  grantId: string,
  approved: boolean,
  mail: { mailer: Mailer; settings: AuthSettings },
): Promise<UserView> {
  const decided = await withTransaction(db, async (trx) => {
    const grant = await lockOpenGrant(trx, grantId);
    if (!grant) throw notFound('role_grant');
    if (grant.requested_by === actor.userId || grant.user_id === actor.userId) throw new AppError('second_administrator_needed');
    await decideGrant(trx, grant.id, actor.userId, approved);
    if (approved && !grant.invitation) {
      await updateUser(trx, grant.user_id, { role: grant.role, organisation_id: grant.organisation_id });
      await deleteSessionsOfUser(trx, grant.user_id);
    }
    if (!approved && grant.invitation) await updateUser(trx, grant.user_id, { disabled: true });
    return grant;
  });
  const user = await findUserById(db, decided.user_id);
  if (!user) throw notFound('user');
  // After the commit, like every mail: should it fail, the person can still ask for a link with "forgot password".
  if (approved && decided.invitation) await mailInvitation(db, user, mail.mailer, mail.settings);
  return toUserView(user);
}
