import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expireHolds } from '../data/stay.repository.ts';
import { createMailer } from '../services/mail/mailer.ts';
import { makeOffers } from '../services/waiting-list.service.ts';
import { aClient, aLocation, aRegion, aUnit, burdenAnswers, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

describe('the waiting list and automatic offers', () => {
  let t: TestApp;
  let unitId: string;
  let blockingStay: string;
  let gp: SessionHeaders;
  let gpEmail: string;
  let relaxed: string;
  let exhausted: string;
  const arrival = inDays(30);
  const departure = inDays(35);

  before(async () => {
    t = await createTestApp();
    const region = await aRegion(t.database.db);
    await t.database.db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    unitId = await aUnit(t.database.db, await aLocation(t.database.db, region));
    const blocked = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: { unitId, clientId: await aClient(t.database.db), stayType: 'respite', arrival, departure, status: 'confirmed' },
    });
    blockingStay = blocked.json().id;
    const practice = await t.database.db
      .insertInto('organisation')
      .values({ name: 'Praktijk', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    gp = await t.signIn('referrer', practice.id);
    gpEmail = (await t.database.db.selectFrom('app_user').select('email').where('role', '=', 'referrer').executeTakeFirstOrThrow()).email;
    const refer = async (name: string, burden: '0' | '2') => {
      const created = await t.inject(
        {
          method: 'POST',
          url: '/api/referrals',
          payload: {
            kind: 'respite_once',
            referrerKind: 'gp',
            client: { name, dateOfBirth: '1945-01-01', postcode: '3262 GD' },
            wishedArrival: arrival,
            wishedDeparture: departure,
            consent: { given: true, by: name },
          },
        },
        gp,
      );
      const id = created.json().id as string;
      await t.inject({ method: 'POST', url: `/api/referrals/${id}/triage`, payload: { answers: triageAnswers(burdenAnswers(burden)) } });
      return id;
    };
    relaxed = await refer('Eerste Aanmelder', '0');
    exhausted = await refer('Zwaar Belaste', '2');
  });
  after(() => t.close());

  const statusOf = async (id: string) => (await t.inject({ method: 'GET', url: `/api/referrals/${id}` })).json().status;

  it('puts referrals without a free unit on the list, the most burdened caregiver first', async () => {
    assert.deepEqual((await t.inject({ method: 'GET', url: `/api/referrals/${relaxed}/proposals` })).json().proposals, []);
    for (const id of [relaxed, exhausted]) {
      const waiting = await t.inject({ method: 'POST', url: `/api/referrals/${id}/wait`, payload: {} });
      assert.equal(waiting.statusCode, 200, waiting.body);
    }
    const list = (await t.inject({ method: 'GET', url: '/api/waiting-list' })).json();
    assert.deepEqual(
      list.map((entry: { referralId: string }) => entry.referralId),
      [exhausted, relaxed],
    );
    assert.equal(list[0].burdenLevel, 'high');
    const inbox = (await t.inject({ method: 'GET', url: '/api/referrals' })).json() as { id: string; urgency: string | null }[];
    assert.equal(inbox.find((entry) => entry.id === exhausted)?.urgency, 'planned', "the inbox shows the triage's urgency");
  });

  it('offers a unit freed by a cancellation to the first on the list, and tells the central point and the referrer', async () => {
    const cancelled = await t.inject({ method: 'POST', url: `/api/stays/${blockingStay}/cancel`, payload: { reason: 'Gast overleden' } });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(await statusOf(exhausted), 'proposed');
    assert.equal(await statusOf(relaxed), 'waiting');
    const held = await t.database.db
      .selectFrom('stay')
      .select(['status', 'hold_expires_at'])
      .where('referral_id', '=', exhausted)
      .executeTakeFirstOrThrow();
    assert.equal(held.status, 'hold');
    assert.ok(held.hold_expires_at!.getTime() > appClock().now().getTime() + 23 * 3_600_000, 'an offer holds the unit for a day');

    const coordinatorNews = (await t.inject({ method: 'GET', url: '/api/notifications' })).json();
    assert.ok(coordinatorNews.some((n: { kind: string; referralId: string }) => n.kind === 'offer' && n.referralId === exhausted));
    const gpNews = (await t.inject({ method: 'GET', url: '/api/notifications' }, gp)).json();
    assert.equal(gpNews.filter((n: { referralId: string }) => n.referralId === exhausted).length, 1);
    assert.ok(!gpNews.some((n: { body: string }) => /Zwaar Belaste/.test(n.body)), 'notifications name the reference, not the person');
    assert.equal((await t.inject({ method: 'POST', url: `/api/notifications/${gpNews[0].id}/read`, payload: {} }, gp)).statusCode, 204);
    assert.equal((await t.inject({ method: 'GET', url: '/api/notifications' }, gp)).json()[0].read, true);
    const mail = await t.database.db.selectFrom('mail_message').select('subject').where('recipient', '=', gpEmail).execute();
    assert.equal(mail.length, 1);
  });

  it('passes a lapsed offer on to the next on the list, and puts the first back on it', async () => {
    await t.database.db
      .updateTable('stay')
      .set({ hold_expires_at: new Date(appClock().now().getTime() - 1000) })
      .where('referral_id', '=', exhausted)
      .execute();
    await expireHolds(t.database.db, appClock().now());
    const offers = await makeOffers(t.database.db, createMailer(t.database.db, undefined), { defaultHoldMinutes: 30 });
    assert.equal(offers, 1);
    assert.equal(await statusOf(exhausted), 'waiting', 'back on the list');
    assert.equal(await statusOf(relaxed), 'proposed', 'the unit went to the next');
  });
});

describe("an offer within a waiting referral's flexibility", () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('offers the nearest free week it may move to when its wished week stays taken', async () => {
    const region = await aRegion(t.database.db);
    await t.database.db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    const unitId = await aUnit(t.database.db, await aLocation(t.database.db, region));
    const taken = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: {
        unitId,
        clientId: await aClient(t.database.db),
        stayType: 'respite',
        arrival: inDays(30),
        departure: inDays(35),
        status: 'confirmed',
      },
    });
    assert.equal(taken.statusCode, 201, taken.body);
    const created = await t.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: {
        kind: 'respite_once',
        referrerKind: 'gp',
        client: { name: 'Mag Schuiven', dateOfBirth: '1945-01-01', postcode: '3262 GD' },
        wishedArrival: inDays(30),
        wishedDeparture: inDays(35),
        flexibilityDays: 7,
        consent: { given: true, by: 'Mag Schuiven' },
      },
    });
    const id = created.json().id as string;
    assert.equal(
      (await t.inject({ method: 'POST', url: `/api/referrals/${id}/triage`, payload: { answers: triageAnswers({}) } })).statusCode,
      201,
    );
    assert.equal((await t.inject({ method: 'POST', url: `/api/referrals/${id}/wait`, payload: {} })).statusCode, 200);

    assert.equal(await makeOffers(t.database.db, createMailer(t.database.db, undefined), { defaultHoldMinutes: 30 }), 1);
    const offered = await t.database.db
      .selectFrom('stay')
      .select(['unit_id', 'arrival', 'departure', 'status'])
      .where('referral_id', '=', id)
      .executeTakeFirstOrThrow();
    // Five days later costs less than seven days earlier; the stay keeps its length.
    assert.deepEqual(offered, { unit_id: unitId, arrival: inDays(35), departure: inDays(40), status: 'hold' });
  });
});
