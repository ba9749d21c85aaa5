import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

/**
 * The session cache in the app (src/data/session-cache.ts), with a time to live far longer than the test: what is
 * read from the database and what a change in this process does are then independent of the machine's speed.
 */
describe('sessions cached between requests', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ logStatements: true, auth: { sessionCacheMs: 3_600_000 } });
  });
  after(() => t.close());

  const session = async (as: SessionHeaders) => (await t.inject({ method: 'GET', url: '/api/auth/session' }, as)).json();
  const sessionReads = () => t.statements!.statements.filter((statement) => statement.includes('from "user_session"')).length;

  it('a session is read from the database once while it lives', async () => {
    const coordinator = await t.signIn('coordinator');
    t.statements!.reset();
    for (let i = 0; i < 3; i++) assert.equal((await session(coordinator)).signedIn, true);
    assert.equal(sessionReads(), 1, t.statements!.statements.join('\n'));
  });

  it('a sign-out counts at once, also for the cached session', async () => {
    const coordinator = await t.signIn('coordinator');
    assert.equal((await session(coordinator)).signedIn, true);
    const out = await t.inject({ method: 'POST', url: '/api/auth/logout', payload: {} }, coordinator);
    assert.equal(out.statusCode, 204, out.body);
    assert.equal((await session(coordinator)).signedIn, false);
    assert.equal((await t.inject({ method: 'GET', url: '/api/referrals' }, coordinator)).statusCode, 401);
  });

  it('an account blocked or given another role by an administrator is refused at once', async () => {
    const administrator = await t.signIn('administrator');
    const coordinator = await t.signIn('coordinator');
    const planner = await t.signIn('coordinator');
    const [coordinatorId, plannerId] = [(await session(coordinator)).user.id, (await session(planner)).user.id];
    assert.equal((await t.inject({ method: 'GET', url: '/api/referrals' }, coordinator)).statusCode, 200);

    const blocked = await t.inject(
      { method: 'PATCH', url: `/api/admin/users/${coordinatorId}`, payload: { disabled: true } },
      administrator,
    );
    assert.equal(blocked.statusCode, 200, blocked.body);
    assert.equal((await t.inject({ method: 'GET', url: '/api/referrals' }, coordinator)).statusCode, 401);

    // Policy staff see no personal data: no second administrator needs to approve this role.
    const changed = await t.inject(
      { method: 'PATCH', url: `/api/admin/users/${plannerId}`, payload: { role: 'policy_viewer' } },
      administrator,
    );
    assert.equal(changed.statusCode, 200, changed.body);
    // The account's sessions end with the change (the person signs in again in the new role): not one more request
    // as a coordinator.
    assert.equal((await session(planner)).user?.role, undefined);
    assert.equal((await t.inject({ method: 'GET', url: '/api/referrals' }, planner)).statusCode, 401);
  });
});
