import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

const PLAIN_ANSWERS = triageAnswers();

describe('a referral from request to departure', () => {
  let t: TestApp;
  let unitId: string;

  before(async () => {
    t = await createTestApp();
    const region = await aRegion(t.database.db);
    await t.database.db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    unitId = await aUnit(t.database.db, await aLocation(t.database.db, region));
  });
  after(() => t.close());

  async function aTriagedReferral(name: string) {
    const created = await t.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: {
        kind: 'respite_once',
        referrerKind: 'gp',
        client: { name, dateOfBirth: '1944-04-04', postcode: '3262 GD' },
        consent: { given: true, by: name },
      },
    });
    const id = created.json().id as string;
    assert.equal(
      (await t.inject({ method: 'POST', url: `/api/referrals/${id}/triage`, payload: { answers: PLAIN_ANSWERS } })).statusCode,
      201,
    );
    return id;
  }
  const statusOf = async (id: string) => (await t.inject({ method: 'GET', url: `/api/referrals/${id}` })).json().status;
  const post = (url: string, payload: object = {}) => t.inject({ method: 'POST', url, payload });

  it('follows its stay: proposed when held, booked, arrived, then aftercare once the guest has left', async () => {
    const referralId = await aTriagedReferral('Piet Verbeek');
    const held = await post(`/api/referrals/${referralId}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: appClock().today(),
      departure: inDays(4),
    });
    assert.equal(held.statusCode, 201, held.body);
    assert.equal(held.json().referralId, referralId);
    assert.equal(await statusOf(referralId), 'proposed');
    const stayId = held.json().id;
    // The referral lists its stay with where it is, for the coordinator to confirm the hold there.
    const listed = (await t.inject({ method: 'GET', url: `/api/referrals/${referralId}/stays` })).json();
    assert.deepEqual(
      listed.map((stay: { id: string; status: string; unitName: string }) => [stay.id, stay.status, typeof stay.unitName]),
      [[stayId, 'hold', 'string']],
    );
    assert.ok(listed[0].holdExpiresAt);
    // Departure starts the aftercare at once (aftercare.test.ts), so the referral passes 'departed' within the request.
    for (const [action, expected] of [
      ['confirm', 'booked'],
      ['arrive', 'arrived'],
      ['depart', 'aftercare'],
    ] as const) {
      assert.equal((await post(`/api/stays/${stayId}/${action}`)).statusCode, 200);
      assert.equal(await statusOf(referralId), expected, action);
    }
  });

  it('goes back to triaged when its only stay is cancelled, to be matched again', async () => {
    const referralId = await aTriagedReferral('Rita Smits');
    const booked = await post(`/api/referrals/${referralId}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(10),
      departure: inDays(12),
      status: 'confirmed',
    });
    assert.equal(await statusOf(referralId), 'booked');
    await post(`/api/stays/${booked.json().id}/cancel`, { reason: 'Opname in ziekenhuis' });
    assert.equal(await statusOf(referralId), 'triaged');
  });

  it('books only what the triage advises, and only after triage', async () => {
    const referralId = await aTriagedReferral('Ida Jansen');
    const wrong = await post(`/api/referrals/${referralId}/stays`, {
      unitId,
      stayType: 'elv_low_complex',
      arrival: inDays(20),
      departure: inDays(22),
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.json().detail, /De triage adviseert: respite/);
    const untriaged = await post('/api/referrals', {
      kind: 'respite_once',
      referrerKind: 'gp',
      client: { name: 'Nog Niet', dateOfBirth: '1944-04-04', postcode: '3262 GD' },
      consent: { given: true, by: 'Nog Niet' },
    });
    const early = await post(`/api/referrals/${untriaged.json().id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(30),
      departure: inDays(32),
    });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'not_triaged');
  });
});
