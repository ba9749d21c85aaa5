import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StayType } from '../domain/stay-types.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { planBatch } from './batch-allocation.service.ts';

/**
 * Best fit and anticipation through the coordinator's batch (day-allocation.ts, allocation-outlook.service.ts): the
 * calendar as booked now and the region's past year decide between units matching finds about as good. Every date is
 * relative to the app's today.
 */

async function referAndTriage(
  t: TestApp,
  name: string,
  referral: Record<string, unknown>,
  answers: Record<string, boolean | string | string[] | number> = {},
) {
  const created = await t.inject({
    method: 'POST',
    url: '/api/referrals',
    payload: {
      kind: 'respite_once',
      referrerKind: 'gp',
      client: { name, dateOfBirth: '1940-02-02', postcode: '3262 GD' },
      flexibilityDays: 0,
      consent: { given: true, by: name },
      ...referral,
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const triaged = await t.inject({ method: 'POST', url: `/api/referrals/${id}/triage`, payload: { answers: triageAnswers(answers) } });
  assert.equal(triaged.statusCode, 201, triaged.body);
  return id;
}

/** A stay of another guest on the unit, from day `from` for `nights` nights. */
async function aStay(t: TestApp, unitId: string, stayType: StayType, from: number, nights: number, status: 'confirmed' | 'departed') {
  await t.database.db
    .insertInto('stay')
    .values({
      unit_id: unitId,
      client_id: await aClient(t.database.db),
      stay_type: stayType,
      arrival: inDays(from),
      departure: inDays(from + nights),
      status,
    })
    .execute();
}

/** Where the batch places a referral, both ways. */
async function placedOn(t: TestApp, referralId: string) {
  const plans = await planBatch(t.database.db);
  const unitOf = (method: 'optimal' | 'greedy') => plans[method].placed.find((placement) => placement.referralId === referralId)?.unitId;
  return { optimal: unitOf('optimal'), greedy: unitOf('greedy') };
}

describe('best fit in the batch', () => {
  // Two rooms in one house, alike but for their calendars: the week wished (days 20–27) is exactly the gap between two
  // stays on the one, and the middle of free weeks on the other. Either may come first in matching's order.
  for (const gapFirst of [true, false]) {
    it(`prefers the room whose gap the stay closes to an equally near one whose free weeks it would cut (gap room ${gapFirst ? 'first' : 'last'})`, async () => {
      const t = await createTestApp();
      try {
        const region = await aRegion(t.database.db);
        await t.database.db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
        const location = await aLocation(t.database.db, region, { name: 'Het Huis' });
        const gap = await aUnit(t.database.db, location, { name: gapFirst ? 'A met gat' : 'Z met gat', accepted: ['respite'] });
        await aUnit(t.database.db, location, { name: gapFirst ? 'Z vrij' : 'A vrij', accepted: ['respite'] });
        await aStay(t, gap, 'respite', 10, 10, 'confirmed');
        await aStay(t, gap, 'respite', 27, 10, 'confirmed');
        const guest = await referAndTriage(t, 'Past Precies', { wishedArrival: inDays(20), wishedDeparture: inDays(27) });
        assert.deepEqual(await placedOn(t, guest), { optimal: gap, greedy: gap });
      } finally {
        await t.close();
      }
    });
  }
});

describe('anticipation in the batch', () => {
  let t: TestApp;
  let region: string;
  let crisisBed: string;
  let elvBed: string;
  let elv: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    region = await aRegion(db);
    await db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    // The region's one bed that takes crisis is in the village; an ELV-only bed some 11 km away.
    crisisBed = await aUnit(db, await aLocation(db, region, { name: 'Dichtbij' }), { accepted: ['elv_low_complex', 'crisis_wmo'] });
    elvBed = await aUnit(db, await aLocation(db, region, { name: 'Verderop', latitude: 51.82, longitude: 4.25 }), {
      accepted: ['elv_low_complex'],
    });
    // A hospital discharge in two days, for ten nights: ELV low complex, within 48 hours.
    elv = await referAndTriage(
      t,
      'Uit Het Ziekenhuis',
      { kind: 'elv_after_hospital', referrerKind: 'hospital_transfer', wishedArrival: inDays(2), wishedDeparture: inDays(12) },
      { treatment_or_observation: true, conditions: 'single', treating_physician: 'gp', from_hospital: true, discharge_date: inDays(2) },
    );
  });
  after(() => t.close());

  it('gives the ELV the near bed that also takes crisis while the region saw no crisis this year', async () => {
    assert.deepEqual(await placedOn(t, elv), { optimal: crisisBed, greedy: crisisBed });
  });

  it('keeps that bed for the crises the region had this year, and sends the ELV to the farther bed', async () => {
    // Six crisis admissions of a week in the past year, all on the one bed that takes them.
    for (const daysAgo of [300, 250, 200, 150, 100, 50]) await aStay(t, crisisBed, 'crisis_wmo', -daysAgo, 7, 'departed');
    assert.deepEqual(await placedOn(t, elv), { optimal: elvBed, greedy: elvBed });
  });

  it('does not hold the bed back when the crisis beds the region needs are free besides it', async () => {
    // Two more beds that take crisis (far away, so never the ELV's first choice): one crisis a week or so needs none of them.
    for (const name of ['Ver 1', 'Ver 2']) {
      await aUnit(t.database.db, await aLocation(t.database.db, region, { name, latitude: 52.2, longitude: 4.9 }), {
        accepted: ['crisis_wmo'],
      });
    }
    assert.deepEqual(await placedOn(t, elv), { optimal: crisisBed, greedy: crisisBed });
  });
});
