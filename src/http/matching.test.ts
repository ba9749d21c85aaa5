import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays, neighbours, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

const PLAIN_ANSWERS = triageAnswers({ mobility: 'walker' });

describe('proposals for a triaged referral', () => {
  let t: TestApp;
  let home: string;
  let nearUnit: string;
  let farUnit: string;
  let securedUnit: string;
  let neighbourUnit: string;
  let referralId: string;
  const arrival = inDays(40);
  const departure = inDays(47);

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    home = await aRegion(db, 'hoeksche-waard-test', 'Hoeksche Waard');
    const next = await aRegion(db, 'drechtsteden-test', 'Drechtsteden');
    await neighbours(db, home, next);
    await db
      .insertInto('region_postcode')
      .values([{ pc4: '3262', region_id: home }])
      .execute();
    // Oud-Beijerland (3262) is home; Strijen lies about 12 km away; Dordrecht is in the neighbour region.
    nearUnit = await aUnit(db, await aLocation(db, home, { name: 'Zoomwijck', latitude: 51.823, longitude: 4.413 }), { name: 'Kamer 1' });
    farUnit = await aUnit(db, await aLocation(db, home, { name: 'Strijen', latitude: 51.745, longitude: 4.553 }), { name: 'Kamer 2' });
    securedUnit = await aUnit(
      db,
      await aLocation(db, home, {
        name: 'De Gesloten Hof',
        latitude: 51.83,
        longitude: 4.42,
        features: ['secured_unit', 'dementia_specialised'],
      }),
      { name: 'Kamer 3' },
    );
    neighbourUnit = await aUnit(db, await aLocation(db, next, { name: 'Dordrecht Logeerhuis', latitude: 51.81, longitude: 4.67 }), {
      name: 'Kamer 4',
    });

    const created = await t.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: {
        kind: 'respite_once',
        referrerKind: 'wmo_consultant',
        client: { name: 'Ida Jansen', dateOfBirth: '1940-02-02', postcode: '3262 GD' },
        wishedArrival: arrival,
        wishedDeparture: departure,
        consent: { given: true, by: 'Ida Jansen' },
      },
    });
    referralId = created.json().id;
  });
  after(() => t.close());

  const proposals = async (query = '') => {
    const response = await t.inject({ method: 'GET', url: `/api/referrals/${referralId}/proposals${query}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as {
      proposals: { unitId: string; distanceKm: number; outsideRegion: boolean; reasons: { code: string; text: string }[] }[];
    };
  };

  it('asks for a triage first', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/referrals/${referralId}/proposals` });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().code, 'not_triaged');
  });

  it('proposes the nearest suitable unit first, keeps the secured unit for last, and says why', async () => {
    assert.equal(
      (await t.inject({ method: 'POST', url: `/api/referrals/${referralId}/triage`, payload: { answers: PLAIN_ANSWERS } })).statusCode,
      201,
    );
    const { proposals: list } = await proposals();
    assert.deepEqual(
      list.map((p) => p.unitId),
      [nearUnit, farUnit, securedUnit],
    );
    assert.ok(list[0]!.distanceKm < 3, `${list[0]!.distanceKm} km`);
    assert.match(list[0]!.reasons[0]!.text, /km van huis/);
    assert.ok(list[2]!.reasons.some((reason) => reason.code === 'needless_scarce_care'));
    assert.ok(list.every((p) => !p.outsideRegion));
  });

  it('follows the triagist: a guest who wanders gets only the secured unit', async () => {
    await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/triage/overrides`,
      payload: { topic: 'features', value: ['secured_unit'], reason: "Dochter meldt dat moeder 's nachts naar buiten loopt" },
    });
    const { proposals: list } = await proposals();
    assert.deepEqual(
      list.map((p) => p.unitId),
      [securedUnit],
    );
    await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/triage/overrides`,
      payload: { topic: 'features', value: [], reason: 'Toch niet: gesprek met casemanager' },
    });
  });

  it('prefers a location the guest stayed at before', async () => {
    const referral = (await t.inject({ method: 'GET', url: `/api/referrals/${referralId}` })).json();
    await t.database.db
      .insertInto('stay')
      .values({
        unit_id: farUnit,
        client_id: referral.clientId,
        stay_type: 'respite',
        arrival: inDays(5),
        departure: inDays(8),
        status: 'confirmed',
      })
      .execute();
    const { proposals: list } = await proposals();
    assert.equal(list[0]!.unitId, farUnit);
    assert.ok(list[0]!.reasons.some((reason) => reason.code === 'known_location'));
  });

  it('offers the neighbour region, marked as outside the region, when nothing in the home region is free', async () => {
    for (const unitId of [nearUnit, farUnit, securedUnit]) {
      const someone = await aClient(t.database.db, 'Iemand Anders');
      await t.database.db
        .insertInto('stay')
        .values({ unit_id: unitId, client_id: someone, stay_type: 'respite', arrival, departure, status: 'confirmed' })
        .execute();
    }
    const { proposals: list } = await proposals();
    assert.deepEqual(
      list.map((p) => [p.unitId, p.outsideRegion]),
      [[neighbourUnit, true]],
    );
    assert.ok(list[0]!.reasons.some((reason) => /Buiten de eigen regio/.test(reason.text)));
  });

  it('proposes night care at home, and only that, to a caregiver who asked for care at home', async () => {
    const homeNights = await aUnit(
      t.database.db,
      await aLocation(t.database.db, home, { name: 'Nachtzorg Hoeksche Waard', latitude: 51.82, longitude: 4.41 }),
      { name: 'Nachtzorg 1', kind: 'home_night' },
    );
    const asked = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        remoteAddress: '192.0.2.90',
        payload: {
          kind: 'stay',
          atHome: true,
          client: { name: 'Kees Bakker', postcode: '3262 GD' },
          caregiver: { name: 'Els Bakker', relation: 'partner', phone: '06 11112222' },
          wishedArrival: inDays(70),
          wishedDeparture: inDays(73),
          consent: true,
        },
      },
      'anonymous',
    );
    assert.equal(asked.statusCode, 202, asked.body);
    const { id } = await t.database.db
      .selectFrom('referral')
      .select('id')
      .where('reference', '=', asked.json().reference)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await t.inject({ method: 'POST', url: `/api/referrals/${id}/triage`, payload: { answers: PLAIN_ANSWERS } })).statusCode,
      201,
    );
    const atHome = await t.inject({ method: 'GET', url: `/api/referrals/${id}/proposals` });
    assert.deepEqual(
      atHome.json().proposals.map((p: { unitId: string }) => p.unitId),
      [homeNights],
    );
    // And the bed-seeking guest above is never offered it.
    const { proposals: away } = await proposals(`?arrival=${inDays(70)}&departure=${inDays(73)}`);
    assert.ok(away.length > 0 && !away.some((p) => p.unitId === homeNights));
  });

  it('takes other dates from the query', async () => {
    const { proposals: list } = await proposals(`?arrival=${inDays(60)}&departure=${inDays(62)}`);
    assert.equal(list[0]!.outsideRegion, false);
  });
});
