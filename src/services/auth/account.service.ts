import type { Kysely } from 'kysely';
import { withTransaction } from '../../data/change-author.ts';
import {
  type UserRow,
  clearPasswordFailures,
  consumeOneTimeToken,
  countAdministrators,
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  insertOneTimeToken,
  insertUser,
  listUsers,
  retireOneTimeTokens,
  updateUser,
} from '../../data/account.repository.ts';
import { organisationExists } from '../../data/registry-admin.repository.ts';
import { type RoleGrantRow, insertRoleGrant, openGrantOfUser, openRoleGrants } from '../../data/role-grant.repository.ts';
import type { Database } from '../../data/schema.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../domain/password-policy.ts';
import { type Actor, type Role, grantNeedsApproval, requiresOrganisation } from '../../domain/roles.ts';
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
  /** A role (or a new account) waiting for a second administrator's approval. */
  pendingGrant: PendingGrant | null;
}

export interface PendingGrant {
  id: string;
  role: Role;
  organisationId: string | null;
  /** A new account: approving it sends the invitation. */
  invitation: boolean;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
}

export function toUserView(user: UserRow, pendingGrant: PendingGrant | null = null): UserView {
  return {
    pendingGrant,
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisation_id,
    secondFactor: user.totp_enabled,
    disabled: user.disabled,
    lockedUntil: user.locked_until?.toISOString() ?? null,
    createdAt: user.created_at.toISOString(),
  };
}

const INVITE_DAYS = 7;
/**
 * Four eyes need two administrators, and the first ones have nobody to approve them: the operator names them on
 * start (ADMIN_EMAIL, comma-separated). From the second one on, ADMIN_EMAIL invites nobody more.
 */
const FIRST_ADMINISTRATORS = 2;
const RESET_MINUTES = 30;

function checkOrganisation(role: Role, organisationId: string | null): void {
  if (requiresOrganisation(role) && !organisationId) {
    throw new AppError('validation_failed', { fields: [{ field: 'organisationId', code: 'organisation_required' }] });
  }
}

type Invite = { email: string; name: string; role: Role; organisationId: string | null };

/**
 * An administrator invites someone: the account exists without a password until the e-mailed link is used. A role
 * that sees personal data waits for a second administrator: the invitation goes out when that one approves.
 */
export async function inviteUser(
  db: Kysely<Database>,
  actor: Actor,
  invite: Invite,
  mailer: Mailer,
  settings: AuthSettings,
): Promise<UserView> {
  if (!grantNeedsApproval(null, invite)) return (await sendInvitation(db, invite, mailer, settings)).user;
  await checkInvite(db, invite);
  return withTransaction(db, async (trx) => {
    const user = await insertUser(trx, invite);
    const grant = await insertRoleGrant(trx, {
      userId: user.id,
      role: invite.role,
      organisationId: invite.organisationId,
      invitation: true,
      requestedBy: actor.userId,
    });
    return toUserView(user, pendingGrantView(grant, await nameOf(trx, actor.userId)));
  });
}

async function checkInvite(db: Kysely<Database>, invite: Invite): Promise<void> {
  checkOrganisation(invite.role, invite.organisationId);
  if (invite.organisationId) {
    if (!(await organisationExists(db, invite.organisationId))) throw notFound('organisation');
  }
  if (await findUserByEmail(db, invite.email)) throw new AppError('email_taken');
}

async function sendInvitation(
  db: Kysely<Database>,
  invite: Invite,
  mailer: Mailer,
  settings: AuthSettings,
): Promise<{ user: UserView; link: string }> {
  await checkInvite(db, invite);
  // The account and its link in one transaction: an account never exists without a way in.
  const { user, token } = await withTransaction(db, async (trx) => {
    const created = await insertUser(trx, invite);
    return { user: created, token: await insertInvitationToken(trx, created.id) };
  });
  return { user: toUserView(user), link: await mailInvitationLink(user, token, mailer, settings) };
}

/** A new link to choose a password for an existing account (one approved by a second administrator), by mail. */
export async function mailInvitation(
  db: Kysely<Database>,
  user: { id: string; email: string; name: string },
  mailer: Mailer,
  settings: AuthSettings,
): Promise<string> {
  return mailInvitationLink(user, await insertInvitationToken(db, user.id), mailer, settings);
}

async function insertInvitationToken(db: Kysely<Database>, userId: string): Promise<string> {
  const token = newToken();
  await insertOneTimeToken(db, {
    tokenHash: tokenHash(token),
    userId,
    purpose: 'invite',
    expiresAt: new Date(systemClock.now().getTime() + INVITE_DAYS * 86_400_000),
  });
  return token;
}

/** The link to choose a password, valid for a week, by mail; returned for the operator's console. */
async function mailInvitationLink(
  user: { email: string; name: string },
  token: string,
  mailer: Mailer,
  settings: AuthSettings,
): Promise<string> {
  const link = `${settings.publicUrl}/wachtwoord-instellen?token=${token}`;
  await mailer.send({
    to: user.email,
    subject: 'Uw account voor Adempauze',
    text:
      `Beste ${user.name},\n\nEr is een account voor u gemaakt in Adempauze. Kies binnen ${INVITE_DAYS} dagen uw wachtwoord via deze link:\n\n` +
      `${link}\n\nDaarna stelt u een tweede stap in met een authenticator-app.\n`,
  });
  return link;
}

function pendingGrantView(grant: RoleGrantRow, requesterName: string): PendingGrant {
  return {
    id: grant.id,
    role: grant.role,
    organisationId: grant.organisation_id,
    invitation: grant.invitation,
    requestedBy: grant.requested_by,
    requestedByName: requesterName,
    requestedAt: grant.requested_at.toISOString(),
  };
}

/**
 * A new installation has nobody to invite the first administrator. The operator names one (ADMIN_EMAIL) and gets
 * the link to choose a password, also by mail. Does nothing once any administrator exists.
 */
export async function inviteFirstAdministrator(
  db: Kysely<Database>,
  email: string,
  mailer: Mailer,
  settings: AuthSettings,
): Promise<string | null> {
  if ((await countAdministrators(db)) >= FIRST_ADMINISTRATORS || (await findUserByEmail(db, email))) return null;
  const invitation = await sendInvitation(db, { email, name: 'Beheerder', role: 'administrator', organisationId: null }, mailer, settings);
  return invitation.link;
}

/**
 * Mail goes only to existing accounts; the route runs this after its answer, so the form does not tell who has one.
 * A new link ends the older ones.
 */
export async function requestPasswordReset(db: Kysely<Database>, email: string, mailer: Mailer, settings: AuthSettings): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) return;
  const token = newToken();
  const now = systemClock.now();
  await withTransaction(db, async (trx) => {
    await retireOneTimeTokens(trx, user.id, now, 'password_reset');
    await insertOneTimeToken(trx, {
      tokenHash: tokenHash(token),
      userId: user.id,
      purpose: 'password_reset',
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
  });
  await mailer.send({
    to: user.email,
    subject: 'Nieuw wachtwoord voor Adempauze',
    text:
      `Beste ${user.name},\n\nU vroeg om een nieuw wachtwoord. Kies het binnen ${RESET_MINUTES} minuten via deze link:\n\n` +
      `${settings.publicUrl}/wachtwoord-instellen?token=${token}\n\nVroeg u dit niet? Dan hoeft u niets te doen.\n`,
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
        fields: [
          { field: 'password', code: `password_${problem}`, params: { minimum: PASSWORD_MIN_LENGTH, maximum: PASSWORD_MAX_LENGTH } },
        ],
      });
    }
    const updated = await updateUser(trx, user.id, {
      password_hash: await hashPassword(password),
      failed_second_factors: 0,
      locked_until: null,
    });
    await clearPasswordFailures(trx, user.id);
    await retireOneTimeTokens(trx, user.id, systemClock.now());
    await deleteSessionsOfUser(trx, user.id);
    return toUserView(updated!);
  });
}

export async function listAccounts(db: Kysely<Database>): Promise<UserView[]> {
  const [users, grants] = await Promise.all([listUsers(db), openRoleGrants(db)]);
  return users.map((user) => {
    const grant = grants.find((candidate) => candidate.userId === user.id);
    return toUserView(user, grant ? { ...grant, role: grant.role, requestedAt: grant.requestedAt.toISOString() } : null);
  });
}

/**
 * Role, organisation, blocking or a new second factor; anything that narrows access ends the user's sessions.
 * Nobody changes their own role, organisation or access (an administrator could otherwise make itself a
 * coordinator and read client records). A role that sees personal data waits for a second administrator.
 */
export async function changeAccount(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  change: { role?: Role; organisationId?: string | null; disabled?: boolean; resetSecondFactor?: boolean; name?: string },
): Promise<UserView> {
  const changesAccess =
    change.role !== undefined || change.organisationId !== undefined || change.disabled !== undefined || change.resetSecondFactor;
  if (id === actor.userId && changesAccess) throw new AppError('own_account');
  return withTransaction(db, async (trx) => {
    const user = await findUserById(trx, id);
    if (!user) throw notFound('user');
    const current = { role: user.role, organisationId: user.organisation_id };
    const wanted = {
      role: change.role ?? current.role,
      organisationId: change.organisationId === undefined ? current.organisationId : change.organisationId,
    };
    checkOrganisation(wanted.role, wanted.organisationId);
    const needsApproval = grantNeedsApproval(current, wanted);
    if (needsApproval && (await openGrantOfUser(trx, id))) throw new AppError('grant_pending');
    const columns = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(needsApproval ? {} : { role: wanted.role, organisation_id: wanted.organisationId }),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      ...(change.resetSecondFactor ? { totp_enabled: false, totp_secret: null } : {}),
    };
    const updated = Object.keys(columns).length > 0 ? await updateUser(trx, id, columns) : user;
    const grant = needsApproval
      ? await insertRoleGrant(trx, {
          userId: id,
          role: wanted.role,
          organisationId: wanted.organisationId,
          invitation: false,
          requestedBy: actor.userId,
        })
      : undefined;
    if (
      (!needsApproval && (change.role !== undefined || change.organisationId !== undefined)) ||
      change.disabled ||
      change.resetSecondFactor
    ) {
      await deleteSessionsOfUser(trx, id);
    }
    return toUserView(updated!, grant ? pendingGrantView(grant, await nameOf(trx, actor.userId)) : null);
  });
}

async function nameOf(db: Kysely<Database>, userId: string): Promise<string> {
  return (await findUserById(db, userId))?.name ?? '';
}
