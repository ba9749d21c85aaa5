import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertUser } from '../data/account.repository.ts';
import type { Database, SessionStage } from '../data/schema.ts';
import type { Role } from '../domain/roles.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/security/session-cookie.ts';
import type { AuthSettings } from '../services/auth/auth-settings.ts';
import { actorOfUser, startSession } from '../services/auth/session.service.ts';

export type SessionHeaders = Record<string, string>;

/**
 * A new account with a session made straight in the database, as request headers (cookie and CSRF token): for tests
 * and benchmarks that are about something other than signing in (that is tested in src/http/auth.test.ts).
 */
export async function sessionHeaders(
  db: Kysely<Database>,
  auth: AuthSettings,
  person: { role: Role; organisationId?: string | null; stage?: SessionStage; name?: string },
): Promise<SessionHeaders> {
  const user = await insertUser(db, {
    email: `${person.role}-${randomUUID()}@test.example`,
    name: person.name ?? `Test ${person.role}`,
    role: person.role,
    organisationId: person.organisationId ?? null,
  });
  const session = await startSession(db, actorOfUser(user), person.stage ?? 'full', null, auth);
  return { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
}
