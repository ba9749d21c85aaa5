import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/** A GP's referral for a week from day 20, of a client in Oud-Beijerland (3262), triaged with these answers. */
async function referAndTriage(t: TestApp, name: string, options: { answers?: Record<string, string>; flexibilityDays?: number } = {}) {
  const created = await t.inject({
    method: 'POST',
    url: '/api/referrals',
    payload: {
      kind: 'respite_once',
      referrerKind: 'gp',
      client: { name, dateOfBirth: '1940-02-02', postcode: '3262 GD' },
      wishedArrival: inDays(20),
      wishedDeparture: inDays(27),
      flexibilityDays: options.flexibilityDays ?? 0,
      consent: { given: true, by: name },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const triaged = await t.inject({
    method: 'POST',
    url: `/api/referrals/${id}/triage`,
    payload: { answers: triageAnswers(options.answers ?? {}) },
  });
  assert.equal(triaged.statusCode, 201, triaged.body);
  return id;
}

describe('batch allocation of all pending referrals', () => {
  let t: TestApp;
  let nearHoistUnit: string;
  let farUnit: string;
  let walker: string;
  let hoisted: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const region = await aRegion(db);
    await db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    // Oud-Beijerland: the near location is in the village itself, the far one some 12 km away.
    nearHoistUnit = await aUnit(db, await aLocation(db, region, { name: 'Dichtbij' }), {
      features: ['hoist_accessible', 'wheelchair_accessible'],
    });
    farUnit = await aUnit(db, await aLocation(db, region, { name: 'Verderop', latitude: 51.75, longitude: 4.28 }));
    // The first to come in walks and could stay anywhere; the second needs a hoist, which only the near unit has.
    walker = await referAndTriage(t, 'Loopt Zelf');
    hoisted = await referAndTriage(t, 'Met Tillift', { answers: { mobility: 'hoist' } });
  });
  after(() => t.close());

  it('places both where the greedy order would give the hoist room to the first comer and leave the second out', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/allocations/batch' });
    assert.equal(response.statusCode, 200, response.body);
    const plans = response.json();
    assert.equal(plans.pending, 2);

    assert.deepEqual(
      plans.greedy.placed.map((p: { referralId: string; unitId: string }) => [p.referralId, p.unitId]),
      [[walker, nearHoistUnit]],
    );
    assert.deepEqual(
      plans.greedy.unplaced.map((u: { referralId: string }) => u.referralId),
      [hoisted],
    );

    const optimal = new Map(plans.optimal.placed.map((p: { referralId: string; unitId: string }) => [p.referralId, p.unitId]));
    assert.equal(optimal.get(walker), farUnit);
    assert.equal(optimal.get(hoisted), nearHoistUnit);
    assert.deepEqual(plans.optimal.unplaced, []);
    assert.equal(plans.optimal.provenOptimal, true);
    assert.ok(plans.optimal.totalDistanceKm > plans.greedy.totalDistanceKm, 'placing both costs the walker some kilometres');
  });

  it('holds the optimal plan on request, which makes both referrals proposed and leaves nothing pending', async () => {
    const applied = await t.inject({ method: 'POST', url: '/api/allocations/batch', payload: { method: 'optimal' } });
    assert.equal(applied.statusCode, 200, applied.body);
    const result = applied.json();
    assert.equal(result.held.length, 2);
    assert.deepEqual(result.failed, []);
    for (const id of [walker, hoisted]) {
      assert.equal((await t.inject({ method: 'GET', url: `/api/referrals/${id}` })).json().status, 'proposed');
    }
    const stays = await t.database.db
      .selectFrom('stay')
      .select(['unit_id', 'status', 'referral_id'])
      .where('referral_id', 'in', [walker, hoisted])
      .execute();
    assert.deepEqual(
      new Set(stays.map((stay) => `${stay.referral_id}:${stay.unit_id}:${stay.status}`)),
      new Set([`${walker}:${farUnit}:hold`, `${hoisted}:${nearHoistUnit}:hold`]),
    );
    assert.equal((await t.inject({ method: 'GET', url: '/api/allocations/batch' })).json().pending, 0);
  });

  it('refuses an unknown method with a field-level problem', async () => {
    const refused = await t.inject({ method: 'POST', url: '/api/allocations/batch', payload: { method: 'fastest' } });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  });
});

describe("batch allocation within a referral's flexibility", () => {
  let t: TestApp;
  let unit: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const region = await aRegion(db);
    await db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    unit = await aUnit(db, await aLocation(db, region, { name: 'Het enige huis' }));
  });
  after(() => t.close());

  it('places two guests who wish the same week in the one unit when one of them may move, and holds the moved week', async () => {
    const fixed = await referAndTriage(t, 'Vaste Week');
    const flexible = await referAndTriage(t, 'Mag Schuiven', { flexibilityDays: 10 });
    const plans = (await t.inject({ method: 'GET', url: '/api/allocations/batch' })).json();
    for (const method of ['optimal', 'greedy'] as const) {
      const placed = new Map<string, { unitId: string; arrival: string; departure: string; wishedArrival: string }>(
        plans[method].placed.map((p: { referralId: string }) => [p.referralId, p]),
      );
      assert.deepEqual(plans[method].unplaced, [], method);
      assert.equal(placed.get(fixed)?.arrival, inDays(20), method);
      const moved = placed.get(flexible)!;
      assert.equal(moved.unitId, unit);
      assert.equal(moved.wishedArrival, inDays(20));
      assert.ok([inDays(13), inDays(27)].includes(moved.arrival), `${method}: ${moved.arrival}`);
      assert.equal(moved.departure, moved.arrival === inDays(13) ? inDays(20) : inDays(34));
    }
    const applied = (await t.inject({ method: 'POST', url: '/api/allocations/batch', payload: { method: 'optimal' } })).json();
    assert.equal(applied.held.length, 2, JSON.stringify(applied));
    const stay = await t.database.db
      .selectFrom('stay')
      .select(['arrival', 'status'])
      .where('referral_id', '=', flexible)
      .executeTakeFirstOrThrow();
    assert.equal(stay.arrival, applied.held.find((p: { referralId: string }) => p.referralId === flexible).arrival);
    assert.equal(stay.status, 'hold');
  });
});
