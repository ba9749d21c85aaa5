import { type Kysely, type Selectable, sql } from 'kysely';
import { forgetCachedSessions } from './session-cache.ts';
import type { AppUserTable, Database, SessionStage } from './schema.ts';
import type { Role } from '../domain/roles.ts';

/** SQL for accounts, sessions, recovery codes and one-time tokens. */
export type UserRow = Selectable<AppUserTable>;

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('app_user').selectAll().orderBy('email').execute();
}

export async function countAdministrators(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('role', '=', 'administrator')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function hasAdministrator(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('role', '=', 'administrator').executeTakeFirst()) !== undefined;
}

export async function insertUser(
  db: Kysely<Database>,
  user: {
    email: string;
    name: string;
    role: Role;
    organisationId: string | null;
    passwordHash?: string | null;
    totpSecret?: string | null;
  },
): Promise<UserRow> {
  return db
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      organisation_id: user.organisationId,
      password_hash: user.passwordHash ?? null,
      totp_secret: user.totpSecret ?? null,
      totp_enabled: Boolean(user.totpSecret),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Partial<
    Pick<
      UserRow,
      | 'name'
      | 'role'
      | 'organisation_id'
      | 'password_hash'
      | 'totp_secret'
      | 'totp_enabled'
      | 'disabled'
      | 'locked_until'
      | 'failed_second_factors'
    >
  >,
): Promise<UserRow | undefined> {
  const updated = await db.updateTable('app_user').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
  forgetCachedSessions();
  return updated;
}

/**
 * Counts a wrong second-factor code and locks the account until `lockUntil` when it reaches `threshold`, in one
 * statement so parallel guesses cannot slip past the count. Only a right code sets it back to zero.
 */
export async function recordFailedSecondFactor(db: Kysely<Database>, id: string, threshold: number, lockUntil: Date): Promise<void> {
  await sql`
    UPDATE app_user SET
      failed_second_factors = CASE WHEN failed_second_factors + 1 >= ${threshold} THEN 0 ELSE failed_second_factors + 1 END,
      locked_until = CASE WHEN failed_second_factors + 1 >= ${threshold} THEN ${lockUntil}::timestamptz ELSE locked_until END
    WHERE id = ${id}`.execute(db);
  forgetCachedSessions();
}

export async function recordSecondFactorSuccess(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('app_user').set({ failed_second_factors: 0, locked_until: null }).where('id', '=', id).execute();
  forgetCachedSessions();
}

/** Until when wrong passwords from this address have locked the account for it, if they have. */
export async function passwordLockedUntil(db: Kysely<Database>, id: string, address: string): Promise<Date | null> {
  const row = await db
    .selectFrom('password_failure')
    .select('locked_until')
    .where('user_id', '=', id)
    .where('address', '=', address)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/** Counts a wrong password from one address; at `threshold` that address is locked out of the account until `lockUntil`. */
export async function recordFailedPassword(
  db: Kysely<Database>,
  id: string,
  address: string,
  threshold: number,
  lockUntil: Date,
): Promise<void> {
  await db
    .insertInto('password_failure')
    .values({ user_id: id, address })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  // One statement, so parallel guesses cannot slip past the count.
  await sql`
    UPDATE password_failure SET
      failures = CASE WHEN failures + 1 >= ${threshold} THEN 0 ELSE failures + 1 END,
      locked_until = CASE WHEN failures + 1 >= ${threshold} THEN ${lockUntil}::timestamptz ELSE locked_until END
    WHERE user_id = ${id} AND address = ${address}`.execute(db);
}

/** A right password from an address, or a new password altogether (no address: every address). */
export async function clearPasswordFailures(db: Kysely<Database>, id: string, address?: string): Promise<void> {
  let query = db.deleteFrom('password_failure').where('user_id', '=', id);
  if (address !== undefined) query = query.where('address', '=', address);
  await query.execute();
}

/** Accepts a TOTP step only if it is later than the last accepted one; false means the code was already used. */
export async function claimTotpStep(db: Kysely<Database>, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function replaceRecoveryCodes(db: Kysely<Database>, userId: string, codeHashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  if (codeHashes.length > 0) {
    await db
      .insertInto('recovery_code')
      .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
  }
}

export async function redeemRecoveryCode(db: Kysely<Database>, userId: string, codeHash: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_code')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Sessions

const idleSince = (now: Date, idleMinutes: number) => new Date(now.getTime() - idleMinutes * 60_000);

export interface SessionWithUser {
  tokenHash: string;
  csrfToken: string;
  stage: SessionStage;
  lastSeenAt: Date;
  user: UserRow;
}

export async function insertSession(
  db: Kysely<Database>,
  session: { tokenHash: string; userId: string; csrfToken: string; stage: SessionStage; expiresAt: Date; ip: string | null },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      stage: session.stage,
      expires_at: session.expiresAt,
      ip: session.ip,
    })
    .execute();
}

/** A live session at `now`: not past its absolute end, not idle longer than `idleMinutes`, its user not disabled. */
export async function findLiveSession(
  db: Kysely<Database>,
  tokenHash: string,
  idleMinutes: number,
  now: Date,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.token_hash', 's.csrf_token', 's.stage', 's.last_seen_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince(now, idleMinutes))
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_hash, csrf_token, stage, last_seen_at, ...user } = row;
  return { tokenHash: token_hash, csrfToken: csrf_token, stage, lastSeenAt: last_seen_at, user };
}

export async function touchSession(db: Kysely<Database>, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

/**
 * Gives a session a new token (and CSRF token) as it reaches `stage`: a token seen before the second factor, e.g.
 * planted in the browser by someone else, is worthless after it.
 */
export async function rotateSession(
  db: Kysely<Database>,
  tokenHash: string,
  next: { tokenHash: string; csrfToken: string; stage: SessionStage },
): Promise<{ expiresAt: Date } | undefined> {
  const rotated = await db
    .updateTable('user_session')
    .set({ token_hash: next.tokenHash, csrf_token: next.csrfToken, stage: next.stage })
    .where('token_hash', '=', tokenHash)
    .returning(['expires_at as expiresAt'])
    .executeTakeFirst();
  forgetCachedSessions();
  return rotated;
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
  forgetCachedSessions();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  forgetCachedSessions();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<Database>, idleMinutes: number, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince(now, idleMinutes))]))
    .executeTakeFirst();
  forgetCachedSessions();
  return Number(result.numDeletedRows);
}

// One-time tokens (invitations and password resets)

export async function insertOneTimeToken(
  db: Kysely<Database>,
  token: { tokenHash: string; userId: string; purpose: 'invite' | 'password_reset'; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('one_time_token')
    .values({ token_hash: token.tokenHash, user_id: token.userId, purpose: token.purpose, expires_at: token.expiresAt })
    .execute();
}

/** Ends every open link of a user (of one purpose): only the newest reset link works, none after a new password. */
export async function retireOneTimeTokens(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  purpose?: 'invite' | 'password_reset',
): Promise<void> {
  let query = db.updateTable('one_time_token').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null);
  if (purpose) query = query.where('purpose', '=', purpose);
  await query.execute();
}

/** Marks an unused, unexpired token used and returns its user; undefined when it was not valid (any more). */
export async function consumeOneTimeToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string; purpose: string } | undefined> {
  const row = await db
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'purpose'])
    .executeTakeFirst();
  return row ? { userId: row.user_id, purpose: row.purpose } : undefined;
}
