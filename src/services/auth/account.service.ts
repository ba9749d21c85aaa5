import type { Kysely } from 'kysely';
import { withTransaction } from '../../data/change-author.ts';
import {
  type UserRow,
  consumeOneTimeToken,
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  insertOneTimeToken,
  insertUser,
  listUsers,
  updateUser,
} from '../../data/account.repository.ts';
import type { Database } from '../../data/schema.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../domain/password-policy.ts';
import { type Role, requiresOrganisation } from '../../domain/roles.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { AuthSettings } from './auth-settings.ts';
import { hashPassword } from './password-hash.ts';
import { newToken, tokenHash } from './tokens.ts';
import { systemClock } from '../../clock.ts';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  secondFactor: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export function toUserView(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    organisationId: user.organisation_id,
    secondFactor: user.totp_enabled,
    disabled: user.disabled,
    lockedUntil: user.locked_until?.toISOString() ?? null,
    createdAt: user.created_at.toISOString(),
  };
}

const INVITE_DAYS = 7;
const RESET_MINUTES = 30;

function checkOrganisation(role: Role, organisationId: string | null): void {
  if (requiresOrganisation(role) && !organisationId) {
    throw new AppError('validation_failed', { fields: [{ field: 'organisationId', code: 'organisation_required' }] });
  }
}

/** An administrator invites someone: the account exists without a password until the e-mailed link is used. */
export async function inviteUser(
  db: Kysely<Database>,
  invite: { email: string; name: string; role: Role; organisationId: string | null },
  mailer: Mailer,
  settings: AuthSettings,
): Promise<UserView> {
  return (await sendInvitation(db, invite, mailer, settings)).user;
}

async function sendInvitation(
  db: Kysely<Database>,
  invite: { email: string; name: string; role: Role; organisationId: string | null },
  mailer: Mailer,
  settings: AuthSettings,
): Promise<{ user: UserView; link: string }> {
  checkOrganisation(invite.role, invite.organisationId);
  if (invite.organisationId) {
    const organisation = await db.selectFrom('organisation').select('id').where('id', '=', invite.organisationId).executeTakeFirst();
    if (!organisation) throw notFound('organisation');
  }
  if (await findUserByEmail(db, invite.email)) throw new AppError('email_taken');
  const token = newToken();
  const user = await withTransaction(db, async (trx) => {
    const created = await insertUser(trx, invite);
    await insertOneTimeToken(trx, { tokenHash: tokenHash(token), userId: created.id, purpose: 'invite', expiresAt: new Date(systemClock.now().getTime() + INVITE_DAYS * 86_400_000) });
    return created;
  });
  const link = `${settings.publicUrl}/wachtwoord-instellen?token=${token}`;
  await mailer.send({
    to: user.email,
    subject: 'Uw account voor Adempauze',
    text: `Beste ${user.name},\n\nEr is een account voor u gemaakt in Adempauze. Kies binnen ${INVITE_DAYS} dagen uw wachtwoord via deze link:\n\n`
      + `${link}\n\nDaarna stelt u een tweede stap in met een authenticator-app.\n`,
  });
  return { user: toUserView(user), link };
}

/**
 * A new installation has nobody to invite the first administrator. The operator names one (ADMIN_EMAIL) and gets
 * the link to choose a password, also by mail. Does nothing once any administrator exists.
 */
export async function inviteFirstAdministrator(db: Kysely<Database>, email: string, mailer: Mailer, settings: AuthSettings): Promise<string | null> {
  const existing = await db.selectFrom('app_user').select('id').where('role', '=', 'administrator').executeTakeFirst();
  if (existing) return null;
  const invitation = await sendInvitation(db, { email, name: 'Beheerder', role: 'administrator', organisationId: null }, mailer, settings);
  return invitation.link;
}

/** Always answers the same, so the form does not tell who has an account; mail goes only to existing ones. */
export async function requestPasswordReset(db: Kysely<Database>, email: string, mailer: Mailer, settings: AuthSettings): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) return;
  const token = newToken();
  await insertOneTimeToken(db, { tokenHash: tokenHash(token), userId: user.id, purpose: 'password_reset', expiresAt: new Date(systemClock.now().getTime() + RESET_MINUTES * 60_000) });
  await mailer.send({
    to: user.email,
    subject: 'Nieuw wachtwoord voor Adempauze',
    text: `Beste ${user.name},\n\nU vroeg om een nieuw wachtwoord. Kies het binnen ${RESET_MINUTES} minuten via deze link:\n\n`
      + `${settings.publicUrl}/wachtwoord-instellen?token=${token}\n\nVroeg u dit niet? Dan hoeft u niets te doen.\n`,
  });
}

/** Sets the password from an invitation or reset link; every open session of the account ends. */
export async function setPasswordWithToken(db: Kysely<Database>, token: string, password: string): Promise<UserView> {
  return withTransaction(db, async (trx) => {
    const used = await consumeOneTimeToken(trx, tokenHash(token), systemClock.now());
    if (!used) throw new AppError('token_invalid');
    const user = await findUserById(trx, used.userId);
    if (!user || user.disabled) throw new AppError('token_invalid');
    const problem = passwordProblem(password, user.email);
    if (problem) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'password', code: `password_${problem}`, params: { minimum: PASSWORD_MIN_LENGTH, maximum: PASSWORD_MAX_LENGTH } }],
      });
    }
    const updated = await updateUser(trx, user.id, { password_hash: await hashPassword(password), failed_logins: 0, locked_until: null });
    await deleteSessionsOfUser(trx, user.id);
    return toUserView(updated!);
  });
}

export async function listAccounts(db: Kysely<Database>): Promise<UserView[]> {
  return (await listUsers(db)).map(toUserView);
}

/** Role, organisation, blocking or a new second factor; anything that narrows access ends the user's sessions. */
export async function changeAccount(
  db: Kysely<Database>,
  id: string,
  change: { role?: Role; organisationId?: string | null; disabled?: boolean; resetSecondFactor?: boolean; name?: string },
): Promise<UserView> {
  return withTransaction(db, async (trx) => {
    const user = await findUserById(trx, id);
    if (!user) throw notFound('user');
    const role = change.role ?? (user.role as Role);
    const organisationId = change.organisationId === undefined ? user.organisation_id : change.organisationId;
    checkOrganisation(role, organisationId);
    const updated = await updateUser(trx, id, {
      ...(change.name !== undefined ? { name: change.name } : {}),
      role,
      organisation_id: organisationId,
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      ...(change.resetSecondFactor ? { totp_enabled: false, totp_secret: null } : {}),
    });
    if (change.role !== undefined || change.organisationId !== undefined || change.disabled || change.resetSecondFactor) {
      await deleteSessionsOfUser(trx, id);
    }
    return toUserView(updated!);
  });
}
