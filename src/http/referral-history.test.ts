import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { expireHolds } from '../data/stay.repository.ts';
import { aLocation, aRegion, aUnit, inDays, organisationOf, triageAnswers } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

interface HistoryEvent {
  kind: string;
  text: string;
  at: string;
  actorRole: string | null;
  stayId: string | null;
  details: Record<string, unknown>;
}

describe('the history of a referral', () => {
  let t: TestApp;
  let firstUnit: string;
  let secondUnit: string;
  let planner: SessionHeaders;
  let gp: SessionHeaders;
  let otherPractice: SessionHeaders;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const region = await aRegion(db);
    await db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    const first = await aLocation(db, region, { name: 'Wijkpension Zoomwijck' });
    firstUnit = await aUnit(db, first, { name: 'Kamer 1' });
    secondUnit = await aUnit(db, await aLocation(db, region, { name: 'Logeerhuis Plezant' }), { name: 'Kamer 7' });
    planner = await t.signIn('provider_planner', await organisationOf(db, first));
    const practice = async (name: string) =>
      (await db.insertInto('organisation').values({ name, agb_code: null }).returning('id').executeTakeFirstOrThrow()).id;
    gp = await t.signIn('referrer', await practice('Huisartsenpraktijk Oud-Beijerland'));
    otherPractice = await t.signIn('referrer', await practice('Praktijk Elders'));
  });
  after(() => t.close());

  const post = (url: string, payload: object = {}, as?: SessionHeaders) => t.inject({ method: 'POST', url, payload }, as);
  const history = async (id: string, as?: SessionHeaders, language = 'nl') =>
    t.inject({ method: 'GET', url: `/api/referrals/${id}/history`, headers: { 'accept-language': language } }, as);
  const eventsOf = async (id: string): Promise<HistoryEvent[]> => {
    const response = await history(id);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().events;
  };

  /** Referred by the GP, triaged by the central point. */
  async function aTriagedReferral(name: string): Promise<string> {
    const created = await post(
      '/api/referrals',
      {
        kind: 'respite_once',
        referrerKind: 'gp',
        client: { name, dateOfBirth: '1941-02-03', postcode: '3262 GD' },
        consent: { given: true, by: name },
      },
      gp,
    );
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.equal((await post(`/api/referrals/${id}/triage`, { answers: triageAnswers() })).statusCode, 201);
    return id;
  }

  it('tells the whole story: hold, confirmation, extension, move, arrival, departure and aftercare, newest last', async () => {
    const referralId = await aTriagedReferral('Johan van Dijk');
    const override = await post(`/api/referrals/${referralId}/triage/overrides`, {
      topic: 'urgency',
      value: 'planned',
      reason: 'Mantelzorger kan nog twee weken',
    });
    assert.equal(override.statusCode, 200, override.body);
    const held = await post(`/api/referrals/${referralId}/stays`, {
      unitId: firstUnit,
      stayType: 'respite',
      arrival: inDays(10),
      departure: inDays(14),
    });
    assert.equal(held.statusCode, 201, held.body);
    const stayId = held.json().id as string;
    assert.equal((await post(`/api/stays/${stayId}/confirm`)).statusCode, 200);
    const extended = await t.inject({ method: 'PATCH', url: `/api/stays/${stayId}/dates`, payload: { departure: inDays(16) } });
    assert.equal(extended.statusCode, 200, extended.body);
    assert.equal((await post(`/api/stays/${stayId}/move`, { unitId: secondUnit })).statusCode, 200);
    for (const action of ['arrive', 'depart']) assert.equal((await post(`/api/stays/${stayId}/${action}`)).statusCode, 200, action);
    const task = (await t.inject({ method: 'GET', url: '/api/tasks' }))
      .json()
      .find((row: { referralId: string }) => row.referralId === referralId);
    assert.equal((await post(`/api/tasks/${task.id}/done`, { note: 'Mantelzorger tevreden, wil in mei weer' })).statusCode, 200);

    const events = await eventsOf(referralId);
    assert.deepEqual(
      events.map((event) => event.kind),
      [
        'created',
        'triaged',
        'triage_override',
        'booked',
        'confirmed',
        'extended',
        'moved',
        'arrived',
        'departed',
        'aftercare_started',
        'aftercare_done',
      ],
    );
    const times = events.map((event) => Date.parse(event.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
      'oldest first, newest last',
    );
    const byKind = Object.fromEntries(events.map((event) => [event.kind, event]));
    assert.equal(byKind.created!.actorRole, 'referrer');
    assert.equal(byKind.triaged!.actorRole, 'coordinator');
    assert.deepEqual(byKind.triage_override!.details, { topic: 'urgency' });
    assert.deepEqual(byKind.booked!.details, {
      status: 'hold',
      unitId: firstUnit,
      unitName: 'Kamer 1',
      locationName: 'Wijkpension Zoomwijck',
      arrival: inDays(10),
      departure: inDays(14),
    });
    assert.equal(byKind.booked!.text, 'Plek tijdelijk vastgehouden');
    assert.equal(byKind.booked!.stayId, stayId);
    assert.equal(byKind.confirmed!.actorRole, 'coordinator');
    assert.deepEqual(
      [byKind.extended!.details.previousDeparture, byKind.extended!.details.departure, byKind.extended!.details.arrival],
      [inDays(14), inDays(16), inDays(10)],
    );
    assert.deepEqual(
      [
        byKind.moved!.details.previousLocationName,
        byKind.moved!.details.previousUnitName,
        byKind.moved!.details.locationName,
        byKind.moved!.details.unitName,
      ],
      ['Wijkpension Zoomwijck', 'Kamer 1', 'Logeerhuis Plezant', 'Kamer 7'],
    );
    assert.equal(byKind.moved!.text, 'Naar een andere plek verplaatst');
    assert.equal(byKind.aftercare_done!.actorRole, 'coordinator');
    assert.deepEqual(byKind.aftercare_done!.details, {}, 'the call note stays in the task');

    const english = (await history(referralId, undefined, 'en')).json().events as HistoryEvent[];
    assert.equal(english.find((event) => event.kind === 'extended')!.text, 'Stay extended');
  });

  it('keeps a cancellation with its reason, and who cancelled', async () => {
    const referralId = await aTriagedReferral('Ida Jansen');
    const booked = await post(`/api/referrals/${referralId}/stays`, {
      unitId: firstUnit,
      stayType: 'respite',
      arrival: inDays(30),
      departure: inDays(33),
      status: 'confirmed',
    });
    assert.equal(booked.statusCode, 201, booked.body);
    const cancelled = await post(`/api/stays/${booked.json().id}/cancel`, { reason: 'Mantelzorger toch beschikbaar' }, planner);
    assert.equal(cancelled.statusCode, 200, cancelled.body);

    const events = await eventsOf(referralId);
    assert.deepEqual(
      events.map((event) => event.kind),
      ['created', 'triaged', 'booked', 'cancelled'],
    );
    assert.equal(events[2]!.details.status, 'confirmed');
    assert.equal(events[2]!.text, 'Plek geboekt');
    assert.equal(events[3]!.actorRole, 'provider_planner');
    assert.equal(events[3]!.details.reason, 'Mantelzorger toch beschikbaar');
    assert.equal(events[3]!.details.previousStatus, 'confirmed');
  });

  it('records a no-show', async () => {
    const referralId = await aTriagedReferral('Piet Verbeek');
    const booked = await post(`/api/referrals/${referralId}/stays`, {
      unitId: firstUnit,
      stayType: 'respite',
      arrival: inDays(40),
      departure: inDays(42),
      status: 'confirmed',
    });
    assert.equal((await post(`/api/stays/${booked.json().id}/no-show`, {}, planner)).statusCode, 200);
    const events = await eventsOf(referralId);
    assert.deepEqual(
      events.map((event) => event.kind),
      ['created', 'triaged', 'booked', 'no_show'],
    );
    assert.equal(events[3]!.text, 'Gast niet gekomen');
  });

  it('records changes that bypass the app too (plain SQL, the hold sweeper), without an actor', async () => {
    const referralId = await aTriagedReferral('Rita Smits');
    const held = await post(`/api/referrals/${referralId}/stays`, {
      unitId: firstUnit,
      stayType: 'respite',
      arrival: inDays(50),
      departure: inDays(55),
    });
    const stayId = held.json().id as string;
    await sql`UPDATE stay SET departure = ${inDays(53)} WHERE id = ${stayId}`.execute(t.database.db);
    await sql`UPDATE stay SET arrival = ${inDays(49)}, departure = ${inDays(52)} WHERE id = ${stayId}`.execute(t.database.db);
    await sql`UPDATE stay SET hold_expires_at = ${new Date(appClock().now().getTime() - 1000)} WHERE id = ${stayId}`.execute(t.database.db);
    assert.equal(await expireHolds(t.database.db, appClock().now()), 1);
    const events = (await eventsOf(referralId)).slice(2);
    assert.deepEqual(
      events.map((event) => [event.kind, event.actorRole]),
      [
        ['booked', 'coordinator'],
        ['shortened', null],
        ['dates_changed', null],
        ['expired', null],
      ],
    );
    assert.deepEqual([events[2]!.details.previousArrival, events[2]!.details.arrival], [inDays(50), inDays(49)]);
  });

  it("is shown to the referrer's own practice, and to nobody else", async () => {
    const referralId = await aTriagedReferral('Jannie de Groot');
    const own = await history(referralId, gp);
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.json().reference.length > 0, true);
    assert.ok(!own.body.includes('Jannie'), 'the history names no one');
    const other = await history(referralId, otherPractice);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().code, 'not_found');
    assert.equal(
      (await history('00000000-0000-4000-8000-000000000000', otherPractice)).statusCode,
      404,
      'the same answer as a referral that does not exist',
    );
    assert.equal((await history(referralId, planner)).statusCode, 403);
  });

  it('leaves an audit row naming the referral and its client', async () => {
    const referralId = await aTriagedReferral('Jan Bakker');
    const response = await history(referralId, gp);
    const row = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_id', '=', referralId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.action, row.entity, row.role, row.client_id, row.http_status],
      ['read', 'referral', 'referrer', response.json().clientId, 200],
    );
  });
});
