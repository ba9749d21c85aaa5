import type { Kysely } from 'kysely';
import { withTransaction } from '../../data/change-author.ts';
import {
  type SessionWithUser,
  type UserRow,
  claimTotpStep,
  countUnusedRecoveryCodes,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  findUserByEmail,
  findUserById,
  insertSession,
  clearPasswordFailures,
  passwordLockedUntil,
  recordFailedPassword,
  recordFailedSecondFactor,
  recordSecondFactorSuccess,
  replaceRecoveryCodes,
  rotateSession,
  touchSession,
  updateUser,
  redeemRecoveryCode,
} from '../../data/account.repository.ts';
import type { Database, SessionStage } from '../../data/schema.ts';
import { cacheSession, cachedSession, sessionCacheGeneration } from '../../data/session-cache.ts';
import { type Actor, isRole, requiresSecondFactor } from '../../domain/roles.ts';
import { AppError } from '../../errors.ts';
import type { AuthSettings } from './auth-settings.ts';
import { decoyHash, verifyPassword } from './password-hash.ts';
import { newRecoveryCode, newToken, normaliseRecoveryCode, tokenHash } from './tokens.ts';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp.ts';
import { systemClock } from '../../clock.ts';

export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
  stage: SessionStage;
  actor: Actor;
}

export interface NewSession {
  /** Goes into the cookie; never stored. */
  token: string;
  csrfToken: string;
  stage: SessionStage;
  expiresAt: Date;
  actor: Actor;
}

export function actorOfUser(user: UserRow): Actor {
  if (!isRole(user.role)) throw new Error(`User ${user.id} has unknown role ${user.role}`);
  return { userId: user.id, email: user.email, role: user.role, organisationId: user.organisation_id };
}

/**
 * Sessions, lock-outs and codes run on real time (systemClock), not on the app clock that a demo may set on another
 * day: the browser ends a cookie and the authenticator app makes its codes by the real time.
 */
const realNow = (): Date => systemClock.now();

/** No lock, or one that has run out. */
const isPast = (until: Date | null): boolean => until === null || until <= realNow();

/** Locked for every address, after too many wrong second-factor codes. */
const isLocked = (user: UserRow): boolean => !isPast(user.locked_until);

const lockUntil = (settings: AuthSettings) => new Date(realNow().getTime() + settings.lockoutMinutes * 60_000);

/**
 * Starts a session after the password; it is 'full' only for roles without a second factor. Wrong passwords lock
 * the account for the address they came from only, so nobody can lock a colleague out by guessing.
 */
export async function login(
  db: Kysely<Database>,
  credentials: { email: string; password: string; ip: string | null },
  settings: AuthSettings,
): Promise<NewSession> {
  const user = await findUserByEmail(db, credentials.email);
  const address = credentials.ip ?? '';
  // Verify even when there is no such user or no password yet, so the answer takes as long either way.
  const valid = await verifyPassword(credentials.password, user?.password_hash ?? (await decoyHash()));
  const lockedHere = user ? !isPast(await passwordLockedUntil(db, user.id, address)) : false;
  if (!user || !user.password_hash || user.disabled || isLocked(user) || lockedHere || !valid) {
    if (user && !valid && !lockedHere) await recordFailedPassword(db, user.id, address, settings.lockoutThreshold, lockUntil(settings));
    throw new AppError('login_failed', { params: { userId: user?.id ?? '' } });
  }
  await clearPasswordFailures(db, user.id, address);
  const actor = actorOfUser(user);
  const stage: SessionStage = user.totp_enabled ? 'second_factor' : requiresSecondFactor(actor.role) ? 'enrol' : 'full';
  return startSession(db, actor, stage, credentials.ip, settings);
}

export async function startSession(
  db: Kysely<Database>,
  actor: Actor,
  stage: SessionStage,
  ip: string | null,
  settings: AuthSettings,
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(realNow().getTime() + settings.sessionAbsoluteHours * 3_600_000);
  await insertSession(db, { tokenHash: tokenHash(token), userId: actor.userId, csrfToken, stage, expiresAt, ip });
  return { token, csrfToken, stage, expiresAt, actor };
}

// Writing last_seen_at on every request would double the writes; a minute of slack does not matter for a 30-minute limit.
const TOUCH_AFTER_MS = 60_000;

/** The session behind a cookie, or undefined when it is unknown, expired, idle too long or its user disabled. */
export async function resolveSession(db: Kysely<Database>, token: string, settings: AuthSettings): Promise<SessionInfo | undefined> {
  const hash = tokenHash(token);
  const now = realNow();
  const cached = cachedSession(hash, now.getTime());
  // An entry that is due for its touch is read again with it; one read now is cached, a cache hit is not prolonged.
  if (cached && now.getTime() - cached.lastSeenAt.getTime() <= TOUCH_AFTER_MS) return sessionInfo(hash, cached);
  const generation = sessionCacheGeneration();
  const found = await findLiveSession(db, hash, settings.sessionIdleMinutes, now);
  if (!found) return undefined;
  const touched = now.getTime() - found.lastSeenAt.getTime() > TOUCH_AFTER_MS;
  if (touched) await touchSession(db, hash, now);
  cacheSession(hash, touched ? { ...found, lastSeenAt: now } : found, now.getTime(), settings.sessionCacheMs, generation);
  return sessionInfo(hash, found);
}

function sessionInfo(hash: string, found: SessionWithUser): SessionInfo {
  return { tokenHash: hash, csrfToken: found.csrfToken, stage: found.stage, actor: actorOfUser(found.user) };
}

/**
 * The second step: a code from the authenticator app, or one of the recovery codes. Wrong codes count per account,
 * across sessions: signing in with the password again does not start the count anew.
 */
export async function completeSecondFactor(
  db: Kysely<Database>,
  session: SessionInfo,
  code: string,
  settings: AuthSettings,
): Promise<{ recoveryCodesLeft: number; session: RotatedSession }> {
  const user = await findUserById(db, session.actor.userId);
  if (!user?.totp_secret || !user.totp_enabled || isLocked(user)) throw new AppError('second_factor_failed');
  const trimmed = code.replace(/\s/g, '');
  const step = acceptedTotpStep(user.totp_secret, trimmed);
  const ok =
    step !== null
      ? await claimTotpStep(db, user.id, step)
      : /^[a-z0-9-]{10,11}$/i.test(trimmed) && (await redeemRecoveryCode(db, user.id, tokenHash(normaliseRecoveryCode(trimmed))));
  if (!ok) {
    await recordFailedSecondFactor(db, user.id, settings.lockoutThreshold, lockUntil(settings));
    throw new AppError('second_factor_failed');
  }
  await recordSecondFactorSuccess(db, user.id);
  const rotated = await rotateToFull(db, session);
  return { recoveryCodesLeft: await countUnusedRecoveryCodes(db, user.id), session: rotated };
}

export interface RotatedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The session becomes full under a new token: one known before the second factor opens nothing after it. */
async function rotateToFull(db: Kysely<Database>, session: SessionInfo): Promise<RotatedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const rotated = await rotateSession(db, session.tokenHash, { tokenHash: tokenHash(token), csrfToken, stage: 'full' });
  if (!rotated) throw new AppError('unauthenticated');
  return { token, csrfToken, expiresAt: rotated.expiresAt };
}

/** Step one of setting up the second factor: a new secret, shown once as text and as an otpauth:// address. */
export async function beginTotpEnrolment(db: Kysely<Database>, session: SessionInfo): Promise<{ secret: string; uri: string }> {
  const user = await findUserById(db, session.actor.userId);
  if (!user) throw new AppError('unauthenticated');
  if (user.totp_enabled) throw new AppError('forbidden');
  const secret = newTotpSecret();
  await updateUser(db, user.id, { totp_secret: secret });
  return { secret, uri: totpUri(secret, user.email) };
}

export const RECOVERY_CODE_COUNT = 10;

/** Step two: the first code proves the app has the secret; the session is then full and recovery codes are issued. */
export async function confirmTotpEnrolment(
  db: Kysely<Database>,
  session: SessionInfo,
  code: string,
): Promise<{ recoveryCodes: string[]; session: RotatedSession }> {
  const user = await findUserById(db, session.actor.userId);
  if (!user?.totp_secret || user.totp_enabled) throw new AppError('second_factor_failed');
  const step = acceptedTotpStep(user.totp_secret, code.replace(/\s/g, ''));
  if (step === null || !(await claimTotpStep(db, user.id, step))) throw new AppError('second_factor_failed');
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const rotated = await withTransaction(db, async (trx) => {
    await updateUser(trx, user.id, { totp_enabled: true });
    await replaceRecoveryCodes(trx, user.id, recoveryCodes.map(tokenHash));
    return rotateToFull(trx, session);
  });
  return { recoveryCodes, session: rotated };
}

export async function logout(db: Kysely<Database>, session: SessionInfo): Promise<void> {
  await deleteSession(db, session.tokenHash);
}

export async function logoutEverywhere(db: Kysely<Database>, session: SessionInfo): Promise<number> {
  return deleteSessionsOfUser(db, session.actor.userId);
}
