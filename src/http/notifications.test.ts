import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMailer } from '../services/mail/mailer.ts';
import { deliverStayNotices, sendArrivalReminders } from '../services/notification.service.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf, triageAnswers } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  clientName: string | null;
  referralId: string | null;
  stayId: string | null;
  createdAt: string;
}

const CLIENT_NAME = 'Gerrit Hoogendoorn';

describe('notifications of bookings, changes and reminders', () => {
  let t: TestApp;
  let unitId: string;
  let otherUnitId: string;
  let gp: SessionHeaders;
  let gpEmail: string;
  let planner: SessionHeaders;
  let plannerEmail: string;
  let strangerPlanner: SessionHeaders;
  let region: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    region = await aRegion(db);
    await db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    const location = await aLocation(db, region, { name: 'Wijkpension Zoomwijck' });
    unitId = await aUnit(db, location, { name: 'Kamer 2' });
    otherUnitId = await aUnit(db, await aLocation(db, region, { name: 'Logeerhuis Plezant' }));
    const practice = await db
      .insertInto('organisation')
      .values({ name: 'Praktijk', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    gp = await t.signIn('referrer', practice.id);
    gpEmail = await emailOf(gp);
    planner = await t.signIn('provider_planner', await organisationOf(db, location));
    plannerEmail = await emailOf(planner);
    strangerPlanner = await t.signIn('provider_planner', await organisationOf(db, await aLocation(db, region)));
  });
  after(() => t.close());

  async function emailOf(session: SessionHeaders): Promise<string> {
    return (await t.inject({ method: 'GET', url: '/api/auth/session' }, session)).json().user.email;
  }
  const post = (url: string, payload: object = {}, as?: SessionHeaders) => t.inject({ method: 'POST', url, payload }, as);
  const inbox = async (as?: SessionHeaders): Promise<Notification[]> =>
    (await t.inject({ method: 'GET', url: '/api/notifications' }, as)).json();
  const mailTo = (recipient: string) =>
    t.database.db.selectFrom('mail_message').select(['subject', 'body']).where('recipient', '=', recipient).orderBy('created_at').execute();

  async function aTriagedReferral(): Promise<{ id: string; reference: string }> {
    const created = await post(
      '/api/referrals',
      {
        kind: 'respite_once',
        referrerKind: 'gp',
        client: { name: CLIENT_NAME, dateOfBirth: '1939-09-09', postcode: '3262 GD' },
        consent: { given: true, by: CLIENT_NAME },
        message: "Dementie, dwaalt 's nachts",
      },
      gp,
    );
    assert.equal(created.statusCode, 201, created.body);
    const { id, reference } = created.json();
    assert.equal((await post(`/api/referrals/${id}/triage`, { answers: triageAnswers() })).statusCode, 201);
    return { id, reference };
  }

  /** The one new notification of this kind about this stay, in the inbox of the central point and of the GP, and the GP's new mail. */
  async function assertTold(kind: string, stayId: string, title: RegExp, mailsBefore: number) {
    for (const [who, session] of [
      ['central point', undefined],
      ['referrer', gp],
    ] as const) {
      const news = (await inbox(session)).filter((n) => n.stayId === stayId && n.kind === kind && title.test(n.title));
      assert.equal(news.length, 1, `${who} has one ${kind} notification matching ${title}`);
      assert.ok(!news[0]!.body.includes('Gerrit') && !/dementie/i.test(news[0]!.body), 'no name, no health details');
      // In the app (not in the mail) those who may see the referral see whom it is about.
      assert.equal(news[0]!.clientName, CLIENT_NAME, who);
    }
    const mails = await mailTo(gpEmail);
    assert.equal(mails.length, mailsBefore + 1, `one new mail for ${kind}`);
    const mail = mails.at(-1)!;
    assert.match(mail.subject, title);
    assert.ok(!mail.body.includes('Gerrit') && !/dementie/i.test(mail.body), 'the mail names no one and no care');
    return mail;
  }

  it('tells the central point and the referrer of a booking, with the calendar file in the mail', async () => {
    const referral = await aTriagedReferral();
    const held = await post(`/api/referrals/${referral.id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(10),
      departure: inDays(14),
    });
    const stayId = held.json().id as string;
    assert.equal((await inbox(gp)).filter((n) => n.stayId === stayId).length, 0, 'a hold is not news yet');
    assert.equal((await post(`/api/stays/${stayId}/confirm`)).statusCode, 200);
    const mail = await assertTold('booking', stayId, new RegExp(`Verblijf geboekt: aanmelding ${referral.reference}`), 0);
    assert.ok(mail.body.includes(`/api/stays/${stayId}/calendar.ics`), mail.body);
    assert.ok(mail.body.includes('Wijkpension Zoomwijck'));
    // The link works for the referrer, and for no other practice.
    const calendar = await t.inject({ method: 'GET', url: `/api/stays/${stayId}/calendar.ics` }, gp);
    assert.equal(calendar.statusCode, 200, calendar.body);
    assert.match(calendar.body, /BEGIN:VEVENT/);
    const otherPractice = await t.database.db
      .insertInto('organisation')
      .values({ name: 'Andere praktijk', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stranger = await t.inject(
      { method: 'GET', url: `/api/stays/${stayId}/calendar.ics` },
      await t.signIn('referrer', otherPractice.id),
    );
    assert.equal(stranger.statusCode, 404);
  });

  it('tells them of a booking made at once, without a hold', async () => {
    const referral = await aTriagedReferral();
    const before = (await mailTo(gpEmail)).length;
    const booked = await post(`/api/referrals/${referral.id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(20),
      departure: inDays(22),
      status: 'confirmed',
    });
    assert.equal(booked.statusCode, 201, booked.body);
    await assertTold('booking', booked.json().id, /Verblijf geboekt/, before);
  });

  it('tells them of an extension, a move, a cancellation and a no-show', async () => {
    const referral = await aTriagedReferral();
    const booked = await post(`/api/referrals/${referral.id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(30),
      departure: inDays(33),
      status: 'confirmed',
    });
    const stayId = booked.json().id as string;
    let mails = (await mailTo(gpEmail)).length;

    assert.equal(
      (await t.inject({ method: 'PATCH', url: `/api/stays/${stayId}/dates`, payload: { departure: inDays(35) } })).statusCode,
      200,
    );
    const extension = await assertTold('change', stayId, /Verblijf verlengd/, mails++);
    assert.match(extension.body, /Eerst was dat/);
    assert.ok(extension.body.includes('calendar.ics'));

    assert.equal((await post(`/api/stays/${stayId}/move`, { unitId: otherUnitId })).statusCode, 200);
    const move = await assertTold('change', stayId, /Verblijf verplaatst/, mails++);
    assert.match(move.body, /van Wijkpension Zoomwijck naar Logeerhuis Plezant/);

    assert.equal((await post(`/api/stays/${stayId}/cancel`, { reason: 'Opname in ziekenhuis na val' })).statusCode, 200);
    const cancellation = await assertTold('change', stayId, /Verblijf geannuleerd/, mails++);
    assert.ok(!cancellation.body.includes('ziekenhuis'), 'the reason stays in the app');

    const other = await aTriagedReferral();
    const second = await post(`/api/referrals/${other.id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(40),
      departure: inDays(42),
      status: 'confirmed',
    });
    mails++;
    assert.equal((await post(`/api/stays/${second.json().id}/no-show`, {}, planner)).statusCode, 200);
    await assertTold('change', second.json().id, /Gast niet gekomen/, mails);
  });

  it("tells the provider's planners at once of each booking, change and cancellation at their location, with or without a referral", async () => {
    const since = new Date();
    const direct = await post('/api/stays', {
      unitId,
      clientId: await aClient(t.database.db),
      stayType: 'respite',
      arrival: inDays(70),
      departure: inDays(73),
      status: 'confirmed',
    });
    assert.equal(direct.statusCode, 201, direct.body);
    const stayId = direct.json().id as string;
    assert.equal(
      (await t.inject({ method: 'PATCH', url: `/api/stays/${stayId}/dates`, payload: { departure: inDays(74) } })).statusCode,
      200,
    );
    // A move to another provider's location: the first provider hears the place is free again, the other of its guest.
    assert.equal((await post(`/api/stays/${stayId}/move`, { unitId: otherUnitId })).statusCode, 200);
    const moveBack = await post(`/api/stays/${stayId}/move`, { unitId });
    assert.equal(moveBack.statusCode, 200, moveBack.body);
    assert.equal((await post(`/api/stays/${stayId}/cancel`, { reason: 'Gaat niet door' })).statusCode, 200);
    // A hold is no news yet, nor is letting it go.
    const held = await post('/api/stays', {
      unitId,
      clientId: await aClient(t.database.db),
      stayType: 'respite',
      arrival: inDays(80),
      departure: inDays(81),
      status: 'hold',
    });
    assert.equal((await post(`/api/stays/${held.json().id}/cancel`, { reason: 'Optie vervalt' })).statusCode, 200);

    const told = (await inbox(planner)).filter((n) => n.stayId === stayId && Date.parse(n.createdAt) >= since.getTime() - 1000).reverse();
    assert.deepEqual(
      told.map((n) => n.title),
      [
        'Nieuwe boeking: Kamer 2, Wijkpension Zoomwijck',
        'Andere data: Kamer 2, Wijkpension Zoomwijck',
        'Verblijf elders geplaatst: Kamer 2, Wijkpension Zoomwijck',
        'Verblijf naar Kamer 2, Wijkpension Zoomwijck',
        'Verblijf geannuleerd: Kamer 2, Wijkpension Zoomwijck',
      ],
    );
    assert.ok(
      told.every((n) => n.clientName === null),
      'no client named to the provider',
    );
    assert.equal((await inbox(planner)).filter((n) => n.stayId === held.json().id).length, 0);
    assert.equal((await inbox(strangerPlanner)).filter((n) => n.stayId === stayId).length, 0, 'another provider hears nothing');
    assert.ok((await mailTo(plannerEmail)).some((mail) => mail.subject === 'Nieuwe boeking: Kamer 2, Wijkpension Zoomwijck'));
  });

  it('tells a series booked in one go in one notice, to the referrer, the central point and the provider', async () => {
    const referral = await aTriagedReferral();
    const clientId = (await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}` })).json().clientId;
    const series = await post('/api/series', {
      clientId,
      referralId: referral.id,
      unitId,
      stayType: 'respite',
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=4',
      firstArrival: inDays(90),
      nights: 2,
      status: 'confirmed',
    });
    assert.equal(series.statusCode, 201, series.body);
    const stayIds = new Set(series.json().stays.map((stay: { id: string }) => stay.id));
    const about = (notifications: Notification[]) => notifications.filter((n) => n.stayId && stayIds.has(n.stayId));
    for (const [who, session] of [
      ['referrer', gp],
      ['central point', undefined],
      ['provider', planner],
    ] as const) {
      const notices = about(await inbox(session));
      assert.equal(notices.length, 1, `${who}: ${notices.map((n) => n.title).join(' | ')}`);
      assert.match(notices[0]!.title, /4 verblijven/);
    }
  });

  it('sends what a change outside a request left pending from the minute job, once', async () => {
    const referral = await aTriagedReferral();
    const booked = await post(`/api/referrals/${referral.id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(50),
      departure: inDays(54),
      status: 'confirmed',
    });
    const stayId = booked.json().id as string;
    const mails = (await mailTo(gpEmail)).length;
    await sql`UPDATE stay SET departure = ${inDays(52)} WHERE id = ${stayId}`.execute(t.database.db);
    const settings = { mailer: createMailer(t.database.db, undefined), publicUrl: 'https://adempauze.test' };
    assert.equal(await deliverStayNotices(t.database.db, settings), 1);
    assert.equal(await deliverStayNotices(t.database.db, settings), 0);
    await assertTold('change', stayId, /Verblijf ingekort/, mails);
  });

  it("reminds the referrer and the provider's planners the day before arrival, once, and only for tomorrow's booked stays", async () => {
    const referral = await aTriagedReferral();
    const tomorrow = await post(`/api/referrals/${referral.id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: inDays(1),
      departure: inDays(4),
      status: 'confirmed',
    });
    assert.equal(tomorrow.statusCode, 201, tomorrow.body);
    const stayId = tomorrow.json().id as string;
    // Not reminded: a later arrival, a hold for tomorrow, and a cancelled stay for tomorrow.
    const later = await post(`/api/referrals/${(await aTriagedReferral()).id}/stays`, {
      unitId: otherUnitId,
      stayType: 'respite',
      arrival: inDays(2),
      departure: inDays(4),
      status: 'confirmed',
    });
    const spareUnit = await aUnit(t.database.db, await aLocation(t.database.db, region));
    const hold = await post('/api/stays', {
      unitId: spareUnit,
      clientId: await aClient(t.database.db),
      stayType: 'respite',
      arrival: inDays(1),
      departure: inDays(2),
      status: 'hold',
    });
    const cancelled = await post(`/api/referrals/${(await aTriagedReferral()).id}/stays`, {
      unitId: otherUnitId,
      stayType: 'respite',
      arrival: inDays(1),
      departure: inDays(2),
      status: 'confirmed',
    });
    for (const response of [later, hold, cancelled]) assert.equal(response.statusCode, 201, response.body);
    assert.equal((await post(`/api/stays/${cancelled.json().id}/cancel`, { reason: 'Gaat niet door' })).statusCode, 200);

    const gpMails = (await mailTo(gpEmail)).length;
    const settings = { mailer: createMailer(t.database.db, undefined), publicUrl: 'https://adempauze.test' };
    assert.equal(await sendArrivalReminders(t.database.db, settings), 1);
    assert.equal(await sendArrivalReminders(t.database.db, settings), 0, 'a second run sends nothing');

    const gpReminders = (await inbox(gp)).filter((n) => n.kind === 'reminder');
    assert.deepEqual(
      gpReminders.map((n) => n.stayId),
      [stayId],
    );
    assert.match(gpReminders[0]!.body, new RegExp(`aanmelding ${referral.reference}.*Wijkpension Zoomwijck`));
    const plannerReminders = (await inbox(planner)).filter((n) => n.kind === 'reminder');
    assert.deepEqual(
      plannerReminders.map((n) => n.stayId),
      [stayId],
    );
    assert.match(plannerReminders[0]!.title, /Morgen komt een gast: Kamer 2, Wijkpension Zoomwijck/);
    assert.equal(plannerReminders[0]!.clientName, null, "the provider's notification names no client");
    assert.deepEqual(
      (await inbox(strangerPlanner)).filter((n) => n.kind === 'reminder'),
      [],
      'another provider hears nothing',
    );
    assert.equal((await inbox()).filter((n) => n.kind === 'reminder').length, 0, 'the central point is not reminded');

    assert.equal((await mailTo(gpEmail)).length, gpMails + 1);
    const plannerMail = (await mailTo(plannerEmail)).filter((mail) => mail.subject.startsWith('Morgen'));
    assert.equal(plannerMail.length, 1);
    assert.ok(!plannerMail[0]!.body.includes('Gerrit'));
  });

  it('reminds again when a reminded stay moves to other dates', async () => {
    const settings = { mailer: createMailer(t.database.db, undefined), publicUrl: 'https://adempauze.test' };
    const referral = await aTriagedReferral();
    const booked = await post(`/api/referrals/${referral.id}/stays`, {
      unitId: otherUnitId,
      stayType: 'respite',
      arrival: inDays(60),
      departure: inDays(63),
      status: 'confirmed',
    });
    assert.equal(booked.statusCode, 201, booked.body);
    const stayId = booked.json().id as string;
    assert.equal(await sendArrivalReminders(t.database.db, settings, inDays(59)), 1, 'the day before the first arrival date');
    assert.equal(
      (await t.inject({ method: 'PATCH', url: `/api/stays/${stayId}/dates`, payload: { arrival: inDays(61) } })).statusCode,
      200,
    );
    assert.equal(await sendArrivalReminders(t.database.db, settings, inDays(59)), 0);
    assert.equal(await sendArrivalReminders(t.database.db, settings, inDays(60)), 1, 'the day before the new arrival date');
  });

  it('sends a reminder once when the job runs twice at the same time (on a server, over two connections)', async () => {
    const settings = { mailer: createMailer(t.database.db, undefined), publicUrl: 'https://adempauze.test' };
    const referral = await aTriagedReferral();
    const booked = await post(`/api/referrals/${referral.id}/stays`, {
      unitId: otherUnitId,
      stayType: 'respite',
      arrival: inDays(8),
      departure: inDays(9),
      status: 'confirmed',
    });
    assert.equal(booked.statusCode, 201, booked.body);
    const counts = await Promise.all([
      sendArrivalReminders(t.database.db, settings, inDays(7)),
      sendArrivalReminders(t.database.db, settings, inDays(7)),
    ]);
    assert.equal(counts[0] + counts[1], 1);
  });
});
