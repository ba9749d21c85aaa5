import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/**
 * 50 requests at once for overlapping periods of one unit. On the PostgreSQL server (DATABASE_URL set) they
 * run on parallel connections; on PGlite they queue on its single connection. Exactly one may win.
 */
describe('concurrent bookings of one unit', () => {
  let t: TestApp;
  let unitId: string;
  let clientId: string;

  before(async () => {
    t = await createTestApp({ poolSize: 50, readModel: true });
    const regionId = await aRegion(t.database.db);
    unitId = await aUnit(t.database.db, await aLocation(t.database.db, regionId));
    clientId = await aClient(t.database.db);
  });
  after(() => t.close());

  it(`lets exactly one of 50 overlapping requests succeed on ${process.env.DATABASE_URL ? 'the server' : 'PGlite'}`, async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.inject({
          method: 'POST',
          url: '/api/stays',
          payload: {
            unitId,
            clientId,
            stayType: 'respite',
            status: 'confirmed',
            // Every period contains night +20, so any two overlap.
            arrival: inDays(10 + (i % 10)),
            departure: inDays(21 + (i % 7)),
          },
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 201).length, 1, `status codes: ${codes.join(',')}`);
    assert.equal(codes.filter((c) => c === 409).length, 49);
    const overlaps = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM stay a JOIN stay b ON a.unit_id = b.unit_id AND a.id < b.id AND a.period && b.period
       WHERE a.status IN ('hold','confirmed','arrived','departed') AND b.status IN ('hold','confirmed','arrived','departed')`.execute(
      t.database.db,
    );
    assert.equal(overlaps.rows[0]!.n, 0);
    const stored = await t.database.db.selectFrom('stay').select('id').where('unit_id', '=', unitId).execute();
    assert.equal(stored.length, 1);
  });
});
