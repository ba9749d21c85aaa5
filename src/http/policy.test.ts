import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

describe('policy figures', () => {
  let t: TestApp;
  let regionId: string;

  before(async () => {
    t = await createTestApp();
    regionId = await aRegion(t.database.db);
    const locationId = await aLocation(t.database.db, regionId);
    // Respite: 12 guests from Hoeksche Waard (3262), 6 from Zwijndrecht (3331), 3 from Dordrecht (3311); one crisis stay.
    const homes = [...Array(12).fill('3262'), ...Array(6).fill('3331'), ...Array(3).fill('3311')];
    for (const [i, pc4] of homes.entries()) {
      await aStayFrom(await aUnit(t.database.db, locationId), pc4, 'respite', inDays(-30 + i), 4);
    }
    await aStayFrom(await aUnit(t.database.db, locationId), '3331', 'crisis_wmo', inDays(-10), 7);
  });
  after(() => t.close());

  async function aStayFrom(unitId: string, pc4: string, stayType: string, arrival: string, nights: number) {
    const client = await t.database.db.insertInto('client').values({ name: 'Gast', pc4 }).returning('id').executeTakeFirstOrThrow();
    await sql`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status)
              VALUES (${unitId}, ${client.id}, ${stayType}, ${arrival}, ${arrival}::date + ${nights}::int, 'departed')`.execute(
      t.database.db,
    );
  }

  it('counts stays per stay type and home municipality, hiding counts under five and one more where a total would tell', async () => {
    const viewer = await t.signIn('policy_viewer');
    const response = await t.inject(
      { method: 'GET', url: '/api/policy/stays-by-origin', query: { regionId, from: inDays(-60), to: inDays(1) } },
      viewer,
    );
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), [
      { stayType: 'crisis_wmo', municipality: 'Zwijndrecht', stays: null, nights: null, suppressed: true },
      { stayType: 'respite', municipality: 'Dordrecht', stays: null, nights: null, suppressed: true },
      { stayType: 'respite', municipality: 'Hoeksche Waard', stays: 10, nights: 50, suppressed: false },
      // Zwijndrecht's 6 is hidden too: with only Dordrecht hidden, the respite total would reveal it.
      { stayType: 'respite', municipality: 'Zwijndrecht', stays: null, nights: null, suppressed: true },
    ]);
  });

  it('is closed to providers and referrers', async () => {
    const planner = await t.signIn(
      'provider_planner',
      (await t.database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id,
    );
    const response = await t.inject(
      { method: 'GET', url: '/api/policy/stays-by-origin', query: { regionId, from: inDays(-60), to: inDays(1) } },
      planner,
    );
    assert.equal(response.statusCode, 403);
  });
});
