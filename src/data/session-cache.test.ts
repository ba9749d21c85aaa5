import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { SessionWithUser } from './account.repository.ts';
import { cacheSession, cachedSession, forgetCachedSessions, sessionCacheGeneration } from './session-cache.ts';

const A_SESSION = { tokenHash: 'h', csrfToken: 'c', stage: 'full', lastSeenAt: new Date(0) } as unknown as SessionWithUser;

describe('the session cache', () => {
  beforeEach(() => forgetCachedSessions());

  it('keeps a session for its time to live, not a millisecond longer', () => {
    cacheSession('h', A_SESSION, 1_000, 500, sessionCacheGeneration());
    assert.equal(cachedSession('h', 1_499), A_SESSION);
    assert.equal(cachedSession('h', 1_500), undefined);
    assert.equal(cachedSession('h', 1_000), undefined, 'an expired entry is gone');
  });

  it('keeps nothing with a time to live of 0', () => {
    cacheSession('h', A_SESSION, 1_000, 0, sessionCacheGeneration());
    assert.equal(cachedSession('h', 1_000), undefined);
  });

  it('forgets everything after a change, and does not keep a read that began before it', () => {
    cacheSession('h', A_SESSION, 1_000, 500, sessionCacheGeneration());
    const readBegan = sessionCacheGeneration();
    forgetCachedSessions();
    assert.equal(cachedSession('h', 1_001), undefined);
    cacheSession('h', A_SESSION, 1_002, 500, readBegan);
    assert.equal(cachedSession('h', 1_003), undefined, 'the read may have seen the session as it was before the change');
  });
});
