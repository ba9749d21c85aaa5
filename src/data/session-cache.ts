import type { SessionWithUser } from './account.repository.ts';

/**
 * Sessions read from the database in the last moment, by token hash: while an entry lives, a request needs no
 * statement to know who sends it (the booking's hot path then sends one statement instead of two). Every change this
 * process makes to a session or an account empties the cache at once. A change made by another process (a sign-out
 * or a disabled account there) is seen when the entry's time to live has run out: a second by default
 * (SESSION_CACHE_MS). A read that started before such a change in this process is not kept (the generation).
 */
const MAX_ENTRIES = 10_000;
const entries = new Map<string, { session: SessionWithUser; until: number }>();
let generation = 0;

/** The generation to pass to cacheSession: take it before reading the session from the database. */
export function sessionCacheGeneration(): number {
  return generation;
}

export function cachedSession(tokenHash: string, nowMs: number): SessionWithUser | undefined {
  const entry = entries.get(tokenHash);
  if (!entry) return undefined;
  if (entry.until > nowMs) return entry.session;
  entries.delete(tokenHash);
  return undefined;
}

/** Keeps a session just read for `ttlMs`, unless this process changed sessions or accounts since the read began. */
export function cacheSession(tokenHash: string, session: SessionWithUser, nowMs: number, ttlMs: number, readAt: number): void {
  if (ttlMs <= 0 || readAt !== generation) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { session, until: nowMs + ttlMs });
}

/** After any change to a session or an account: nothing read before it is used again. */
export function forgetCachedSessions(): void {
  generation++;
  entries.clear();
}
