import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aRegion } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/** The coordinator's inbox: "open" means open, search by name or reference, and pages beyond the first. */
describe("the central point's list of referrals", () => {
  let t: TestApp;
  const ids: string[] = [];

  before(async () => {
    t = await createTestApp();
    await aRegion(t.database.db);
    // 111222333 passes the elfproef (the 11-test a BSN must pass).
    for (const [name, bsn] of [
      ['Anna de Boer', '111222333'],
      ['Bert Jansen', undefined],
      ['Carla 100% Visser', undefined],
    ] as const) {
      const created = await t.inject({
        method: 'POST',
        url: '/api/referrals',
        payload: {
          kind: 'respite_once',
          referrerKind: 'gp',
          client: { name, dateOfBirth: '1940-02-02', postcode: '3262 GD', bsn },
          consent: { given: true, by: name },
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      ids.push(created.json().id);
    }
    await t.database.db.updateTable('referral').set({ status: 'closed' }).where('id', '=', ids[1]!).execute();
  });
  after(() => t.close());

  const list = async (query: string) => {
    const response = await t.inject({ method: 'GET', url: `/api/referrals?${query}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { id: string; clientName: string; reference: string }[];
  };

  it("shows open ones only when asked for 'open'", async () => {
    assert.deepEqual((await list('status=open')).map((r) => r.id).sort(), [ids[0], ids[2]].sort());
    assert.equal((await list('')).length, 3, 'without a status: all');
  });

  it('finds by part of the name in any case, or by the reference, and treats % as a character', async () => {
    assert.deepEqual(
      (await list('q=jans')).map((r) => r.clientName),
      ['Bert Jansen'],
    );
    const reference = (await list('q=anna'))[0]!.reference;
    assert.deepEqual(
      (await list(`q=${encodeURIComponent(reference.slice(-4))}`)).map((r) => r.reference),
      [reference],
    );
    assert.deepEqual(
      (await list('q=%25')).map((r) => r.clientName),
      ['Carla 100% Visser'],
    );
  });

  it('finds by a whole BSN, written with spaces or dots, but not by a part of it', async () => {
    assert.deepEqual(
      (await list('q=111222333')).map((r) => r.clientName),
      ['Anna de Boer'],
    );
    assert.deepEqual(
      (await list(`q=${encodeURIComponent('1112.22.333')}`)).map((r) => r.clientName),
      ['Anna de Boer'],
    );
    assert.deepEqual(
      (await list('q=22233')).map((r) => r.clientName),
      [],
    );
  });

  it('pages with limit and offset, newest first, without gaps or repeats', async () => {
    const first = await list('limit=2&offset=0');
    const second = await list('limit=2&offset=2');
    assert.deepEqual(
      [...first, ...second].map((r) => r.id),
      (await list('')).map((r) => r.id),
    );
  });
});
