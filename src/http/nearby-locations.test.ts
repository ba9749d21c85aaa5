import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/** A caregiver looks for a place near home by postcode (issue 16): nearest first, what it costs, room per week. */
describe('places near a home postcode', () => {
  let t: TestApp;
  let near: string;
  let farther: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const regionId = await aRegion(db);
    // Oud-Beijerland (3262) is home; Zoomwijck is in the town itself, De Linde some 20 km away in Dordrecht.
    near = await aLocation(db, regionId, { name: 'Zoomwijck', latitude: 51.82, longitude: 4.41 });
    farther = await aLocation(db, regionId, { name: 'De Linde', latitude: 51.81, longitude: 4.67 });
    const elvOnly = await aLocation(db, regionId, { name: 'Alleen ELV', latitude: 51.83, longitude: 4.42 });
    await aUnit(db, elvOnly, { accepted: ['elv_low_complex'] });
    const [a, b] = [await aUnit(db, near), await aUnit(db, near)];
    await aUnit(db, farther);
    await db
      .insertInto('location_tariff')
      .values({
        location_id: near,
        stay_type: 'respite',
        housing_cents: 4000,
        stay_cents: 5550,
        care_cents: 0,
        valid_from: '2000-01-01',
        valid_until: null,
      })
      .execute();
    await db
      .insertInto('co_payment_rule')
      .values({ municipality: 'Hoeksche Waard', cents_per_night: 1750, valid_from: '2000-01-01', valid_until: null })
      .execute();
    // Zoomwijck: in the second week one of its two rooms is taken all week, in the third both are.
    const stay = async (unit: string, from: number, to: number) =>
      sql`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status) VALUES (${unit}, ${await aClient(db)}, 'respite', ${inDays(from)}, ${inDays(to)}, 'confirmed')`.execute(
        db,
      );
    await stay(a, 7, 21);
    await stay(b, 14, 21);
  });
  after(() => t.close());

  const search = (query: Record<string, string>) => t.inject({ method: 'GET', url: '/api/public/locations', query }, 'anonymous');

  it('lists the places that take the stay type nearest first, with the cost of a night and the usual co-payment', async () => {
    const response = await search({ postcode: '3262 gd' });
    assert.equal(response.statusCode, 200, response.body);
    const answer = response.json();
    assert.equal(answer.municipality, 'Hoeksche Waard');
    assert.deepEqual(
      answer.locations.map((location: { id: string }) => location.id),
      [near, farther],
      'the ELV-only place is not offered for respite',
    );
    const [first, second] = answer.locations;
    assert.ok(first.distanceKm < 2 && second.distanceKm > 15, `${first.distanceKm} and ${second.distanceKm} km`);
    assert.equal(first.tariffCentsPerNight, 9550);
    assert.equal(first.coPaymentCentsPerNight, 1750);
    assert.equal(second.tariffCentsPerNight, null, 'no tariff known: said, not priced at zero');
  });

  it('says per coming week whether there is room: free, limited or full, never who or how many', async () => {
    const [first] = (await search({ postcode: '3262', weeks: '4' })).json().locations;
    assert.deepEqual(
      first.weeks.map((week: { from: string; availability: string }) => [week.from, week.availability]),
      [
        [inDays(0), 'free'],
        [inDays(7), 'limited'],
        [inDays(14), 'full'],
        [inDays(21), 'free'],
      ],
    );
    assert.deepEqual(Object.keys(first.weeks[0]).sort(), ['availability', 'from']);
    assert.doesNotMatch(JSON.stringify(first), /unitId|stayId|clientId/);
  });

  it('offers another stay type when asked', async () => {
    const elv = (await search({ postcode: '3262', stayType: 'elv_low_complex' })).json();
    assert.ok(elv.locations.some((location: { name: string }) => location.name === 'Alleen ELV'));
    // ELV is paid by the health insurer: no municipal co-payment.
    assert.ok(elv.locations.every((location: { coPaymentCentsPerNight: number | null }) => location.coPaymentCentsPerNight === null));
  });

  it('answers a postcode that is none, or unknown, in plain words', async () => {
    const wrong = await search({ postcode: 'Dordrecht' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().errors[0].code, 'invalid_postcode');
    const unknown = await search({ postcode: '8999' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().errors[0].detail, /Deze postcode kennen we niet/);
    assert.equal((await search({ postcode: '3262', weeks: '52' })).statusCode, 400);
  });
});
