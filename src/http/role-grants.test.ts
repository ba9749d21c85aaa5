import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aLocation, aRegion, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

/** Four eyes on access to personal data: nobody gives themselves or anyone else such a role alone. */
describe('roles that see personal data need a second administrator', () => {
  let t: TestApp;
  let first: SessionHeaders;
  let second: SessionHeaders;
  let organisationId: string;
  const userIdOf = async (session: SessionHeaders) =>
    (await t.inject({ method: 'GET', url: '/api/auth/session' }, session)).json().user.id as string;

  before(async () => {
    t = await createTestApp();
    organisationId = await organisationOf(t.database.db, await aLocation(t.database.db, await aRegion(t.database.db)));
    [first, second] = await Promise.all([t.signIn('administrator'), t.signIn('administrator')]);
  });
  after(() => t.close());

  const patch = (id: string, payload: object, as: SessionHeaders) =>
    t.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, payload }, as);
  const decide = (grantId: string, decision: 'approve' | 'reject', as: SessionHeaders) =>
    t.inject({ method: 'POST', url: `/api/admin/role-grants/${grantId}/${decision}` }, as);
  const roleOf = async (id: string) =>
    await t.database.db
      .selectFrom('app_user')
      .select(['role', 'organisation_id', 'disabled'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('does not let an administrator change its own role, organisation or access', async () => {
    const me = await userIdOf(first);
    for (const change of [{ role: 'coordinator' }, { disabled: true }, { resetSecondFactor: true }]) {
      const response = await patch(me, change, first);
      assert.equal(response.statusCode, 403, JSON.stringify(change));
      assert.equal(response.json().code, 'own_account');
    }
    assert.equal((await patch(me, { name: 'Eerste Beheerder' }, first)).statusCode, 200, 'a name is fine');
    assert.equal((await roleOf(me)).role, 'administrator');
  });

  it('keeps the role as it was until a second administrator approves; the one who asked cannot', async () => {
    const viewer = (
      await t.inject(
        { method: 'POST', url: '/api/admin/users', payload: { email: 'beleid@gemeente.test', name: 'Bea Beleid', role: 'policy_viewer' } },
        first,
      )
    ).json();
    assert.equal(viewer.pendingGrant, null, 'aggregates only: no approval needed');

    const asked = await patch(viewer.id, { role: 'coordinator' }, first);
    assert.equal(asked.statusCode, 200, asked.body);
    const grant = asked.json().pendingGrant;
    assert.deepEqual([asked.json().role, grant.role, grant.invitation], ['policy_viewer', 'coordinator', false]);
    assert.equal((await roleOf(viewer.id)).role, 'policy_viewer');
    assert.equal(
      (await patch(viewer.id, { role: 'referrer', organisationId }, second)).json().code,
      'grant_pending',
      'one open request per person',
    );

    const self = await decide(grant.id, 'approve', first);
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().code, 'second_administrator_needed');
    const listed = (await t.inject({ method: 'GET', url: '/api/admin/users' }, second))
      .json()
      .find((user: { id: string }) => user.id === viewer.id);
    assert.equal(listed.pendingGrant.id, grant.id);

    const approved = await decide(grant.id, 'approve', second);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((await roleOf(viewer.id)).role, 'coordinator');
    assert.equal((await decide(grant.id, 'approve', second)).statusCode, 404, 'decided once');
  });

  it('holds a new account with such a role without its invitation; rejecting blocks it', async () => {
    const invited = (
      await t.inject(
        {
          method: 'POST',
          url: '/api/admin/users',
          payload: { email: 'planner@zorg.test', name: 'Piet Planner', role: 'provider_planner', organisationId },
        },
        first,
      )
    ).json();
    assert.equal(invited.pendingGrant.invitation, true);
    const mails = () => t.database.db.selectFrom('mail_message').select('id').where('recipient', '=', 'planner@zorg.test').execute();
    assert.equal((await mails()).length, 0);
    const rejected = await decide(invited.pendingGrant.id, 'reject', second);
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal((await roleOf(invited.id)).disabled, true);
    assert.equal((await mails()).length, 0, 'no invitation for a rejected account');
  });

  it('holds the rule in the database too: a grant decided by the one who asked it is refused', async () => {
    const db = t.database.db;
    const [me, other] = [await userIdOf(first), await userIdOf(second)];
    const grant = await db
      .insertInto('role_grant')
      .values({ user_id: other, role: 'coordinator', invitation: false, requested_by: me })
      .returning('id')
      .executeTakeFirstOrThrow();
    await assert.rejects(
      db.updateTable('role_grant').set({ decided_by: me, decided_at: new Date(), approved: true }).where('id', '=', grant.id).execute(),
      /role_grant_check/,
    );
  });
});
