import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../domain/dates.ts';
import { aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

/** Open-ended crisis and ELV stays, and changing, withdrawing and closing a referral (issue 13). */
describe('changing a referral, and stays without a known end', () => {
  let t: TestApp;
  let gp: SessionHeaders;
  let otherGp: SessionHeaders;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const region = await aRegion(db);
    await db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    // Admits day and night, every day: a crisis admission today must not depend on the day the test runs.
    const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', until: '24:00' }));
    const location = await aLocation(db, region, { name: 'Crisishuis De Haven', admissionHours: allDay });
    for (const name of ['Kamer 1', 'Kamer 2', 'Kamer 3']) await aUnit(db, location, { name, accepted: ['respite', 'crisis_wmo'] });
    const practice = await db
      .insertInto('organisation')
      .values({ name: 'Praktijk Noord', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherPractice = await db
      .insertInto('organisation')
      .values({ name: 'Praktijk Zuid', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    gp = await t.signIn('referrer', practice.id);
    otherGp = await t.signIn('referrer', otherPractice.id);
  });
  after(() => t.close());

  const send = async (payload: Record<string, unknown>, as?: SessionHeaders) => {
    const name = String(payload.name ?? 'Gerrit Bos');
    const response = await t.inject(
      {
        method: 'POST',
        url: '/api/referrals',
        payload: {
          referrerKind: 'gp',
          client: { name, dateOfBirth: '1938-05-05', postcode: '3262 GD' },
          consent: { given: true, by: name },
          ...payload,
          name: undefined,
        },
      },
      as ?? gp,
    );
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; clientId: string; urgency: string | null; callbackPhone: string | null };
  };
  const triage = async (id: string, changes: Record<string, boolean | string | string[]> = {}) =>
    assert.equal(
      (await t.inject({ method: 'POST', url: `/api/referrals/${id}/triage`, payload: { answers: triageAnswers(changes) } })).statusCode,
      201,
    );
  const patch = (id: string, payload: object, as?: SessionHeaders) =>
    t.inject({ method: 'PATCH', url: `/api/referrals/${id}`, payload }, as);
  const close = (id: string, payload: object, as?: SessionHeaders) =>
    t.inject({ method: 'POST', url: `/api/referrals/${id}/close`, payload }, as);
  const get = async (url: string, as?: SessionHeaders) => (await t.inject({ method: 'GET', url }, as)).json();

  it('finds a place for a crisis without dates from today for the expected length, and books it open-ended', async () => {
    const referral = await send({ kind: 'crisis', urgency: 'today', callbackPhone: '010 123 45 67' });
    assert.equal(referral.urgency, 'today');
    assert.equal(referral.callbackPhone, '010 123 45 67');
    // Before triage the inbox shows the referrer's own urgency, marked as not from triage.
    const listed = (await get('/api/referrals?status=open')).find((r: { id: string }) => r.id === referral.id);
    assert.deepEqual([listed.urgency, listed.triaged], ['today', false]);

    await triage(referral.id, { caregiver_dropped_out: true, dropout_duration: 'weeks', needed_today: true });
    const proposals = await get(`/api/referrals/${referral.id}/proposals`);
    const today = appClock().today();
    assert.deepEqual(proposals.period, { from: today, to: addDays(today, 14) });
    assert.ok(proposals.proposals.length > 0);

    const first = proposals.proposals[0];
    const booked = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referral.id}/stays`,
      payload: {
        unitId: first.unitId,
        stayType: first.stayType,
        arrival: proposals.period.from,
        departure: proposals.period.to,
        status: 'confirmed',
      },
    });
    assert.equal(booked.statusCode, 201, booked.body);
    assert.equal(booked.json().openEnded, true);
    const stays = await get(`/api/referrals/${referral.id}/stays`);
    assert.deepEqual(
      stays.map((s: { openEnded: boolean }) => s.openEnded),
      [true],
    );
    // The end becomes known: the stay is extended like any other.
    const extended = await t.inject({
      method: 'PATCH',
      url: `/api/stays/${booked.json().id}/dates`,
      payload: { departure: addDays(today, 20) },
    });
    assert.equal(extended.json().departure, addDays(today, 20));
  });

  it('takes an expected length for an ELV after hospital, and names the missing date of a planned stay', async () => {
    const elv = await send({ kind: 'elv_after_hospital', referrerKind: 'hospital_transfer', wishedArrival: inDays(2), expectedNights: 21 });
    await triage(elv.id, {
      medically_stable: true,
      treatment_or_observation: true,
      conditions: 'single',
      treating_physician: 'gp',
      from_hospital: true,
      discharge_date: inDays(2),
    });
    assert.deepEqual((await get(`/api/referrals/${elv.id}/proposals`)).period, { from: inDays(2), to: inDays(23) });

    const respite = await send({ kind: 'respite_once', wishedArrival: inDays(30) });
    await triage(respite.id);
    const missing = await t.inject({ method: 'GET', url: `/api/referrals/${respite.id}/proposals` });
    assert.equal(missing.statusCode, 409);
    assert.equal(missing.json().code, 'referral_dates_missing');
    assert.match(missing.json().detail, /gewenste vertrekdatum/);
    // The coordinator fills it in, and the proposals follow.
    const changed = await patch(respite.id, { wishedDeparture: inDays(37), message: 'Mantelzorger op vakantie' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual((await get(`/api/referrals/${respite.id}/proposals`)).period, { from: inDays(30), to: inDays(37) });
  });

  it("lets the referrer change its own referral before placement, records which fields, and keeps others' out", async () => {
    const referral = await send({ kind: 'respite_once', wishedArrival: inDays(40), wishedDeparture: inDays(44) });
    const changed = await patch(
      referral.id,
      { wishedArrival: inDays(41), kind: 'respite_recurring', urgency: 'planned', flexibilityDays: 3 },
      gp,
    );
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(
      [changed.json().wishedArrival, changed.json().kind, changed.json().flexibilityDays],
      [inDays(41), 'respite_recurring', 3],
    );

    const stranger = await patch(referral.id, { wishedArrival: inDays(42) }, otherGp);
    assert.equal(stranger.statusCode, 404);

    const wrong = await patch(referral.id, { wishedDeparture: inDays(41), kind: 'couple_stay' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong
        .json()
        .errors.map((e: { field: string; code: string }) => [e.field, e.code])
        .sort(),
      [
        ['kind', 'partner_required'],
        ['wishedDeparture', 'departure_before_arrival'],
      ],
    );
    const past = await patch(referral.id, { wishedArrival: inDays(-1) });
    assert.deepEqual(
      past.json().errors.map((e: { field: string }) => e.field),
      ['wishedArrival'],
    );

    const history = await get(`/api/referrals/${referral.id}/history`);
    const change = history.events.find((e: { kind: string }) => e.kind === 'referral_changed');
    assert.deepEqual(change.details.fields.sort(), ['flexibilityDays', 'kind', 'urgency', 'wishedArrival']);
    assert.equal(change.text, 'Aanmelding gewijzigd');
    assert.equal(change.actorRole, 'referrer');
  });

  it('refuses a change once a place is held, and withdraws with the reason, cancelling the held place', async () => {
    const referral = await send({ kind: 'respite_once', wishedArrival: inDays(50), wishedDeparture: inDays(53) });
    await triage(referral.id);
    const { proposals } = await get(`/api/referrals/${referral.id}/proposals`);
    const held = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referral.id}/stays`,
      payload: {
        unitId: proposals[0].unitId,
        stayType: 'respite',
        arrival: inDays(50),
        departure: inDays(53),
      },
    });
    assert.equal(held.statusCode, 201, held.body);

    const late = await patch(referral.id, { wishedArrival: inDays(51) }, gp);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, 'referral_not_changeable');
    assert.match(late.json().detail, /heeft al een plek/);
    // The referrer can no longer withdraw a placed referral; the central point can, and closing needs no stays left.
    assert.equal((await close(referral.id, { outcome: 'withdrawn', reason: 'Toch thuis' }, gp)).statusCode, 409);
    assert.equal((await close(referral.id, { outcome: 'closed', reason: 'Klaar' })).statusCode, 409);
    assert.equal((await close(referral.id, { outcome: 'withdrawn', reason: 'x' })).statusCode, 400);

    const withdrawn = await close(referral.id, { outcome: 'withdrawn', reason: 'Dochter zorgt deze week zelf' });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.deepEqual([withdrawn.json().status, withdrawn.json().cancelReason], ['cancelled', 'Dochter zorgt deze week zelf']);
    const stays = await get(`/api/referrals/${referral.id}/stays`);
    assert.deepEqual(
      stays.map((s: { status: string }) => s.status),
      ['cancelled'],
    );
    const history = await get(`/api/referrals/${referral.id}/history`);
    const last = history.events.at(-1);
    assert.deepEqual([last.kind, last.details.reason], ['referral_withdrawn', 'Dochter zorgt deze week zelf']);
    assert.equal((await close(referral.id, { outcome: 'closed', reason: 'Nog eens' })).json().code, 'referral_not_changeable');
  });

  it('closes a referral that needs no place with a reason; only the central point closes', async () => {
    const referral = await send({ kind: 'respite_once', wishedArrival: inDays(60), wishedDeparture: inDays(62) });
    assert.equal((await close(referral.id, { outcome: 'closed', reason: 'Opgelost met dagopvang' }, gp)).statusCode, 403);
    const closed = await close(referral.id, { outcome: 'closed', reason: 'Opgelost met dagopvang' });
    assert.deepEqual([closed.json().status, closed.json().closeReason], ['closed', 'Opgelost met dagopvang']);
    assert.ok(!(await get('/api/referrals?status=open')).some((r: { id: string }) => r.id === referral.id));
  });
});
