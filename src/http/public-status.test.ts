import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { deliverStayNotices } from '../services/notification.service.ts';
import { aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/** The caregiver's own way back to a request (issue 16): a receipt by mail, a status page by a secret link, no account. */
describe("a public request's receipt and status page", () => {
  let t: TestApp;
  let unitId: string;
  let address = 0;

  before(async () => {
    t = await createTestApp();
    unitId = await aUnit(t.database.db, await aLocation(t.database.db, await aRegion(t.database.db), { name: 'Logeerhuis De Linde' }));
    const contact = await t.inject({
      method: 'PUT',
      url: '/api/admin/access-point',
      payload: { phone: '0186 - 123 456', email: 'aanmeldpunt@regio.example', hours: 'werkdagen van 9 tot 17 uur' },
    });
    assert.equal(contact.statusCode, 200, contact.body);
  });
  after(() => t.close());

  const send = async (email: string) => {
    const sent = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        remoteAddress: `192.0.2.${++address}`,
        payload: {
          kind: 'stay',
          client: { name: 'Gerrit Volg', postcode: '3262 GD' },
          caregiver: { name: 'Ria Volg', relation: 'partner', email },
          wishedArrival: inDays(30),
          wishedDeparture: inDays(34),
          consent: true,
        },
      },
      'anonymous',
    );
    assert.equal(sent.statusCode, 202, sent.body);
    return sent.json() as { reference: string; statusUrl: string };
  };
  const mailsTo = (email: string) =>
    t.database.db.selectFrom('mail_message').select(['subject', 'body']).where('recipient', '=', email).orderBy('created_at').execute();
  const tokenOf = (statusUrl: string) => statusUrl.split('/mijn-aanvraag/')[1]!;
  const status = (token: string) => t.inject({ method: 'GET', url: `/api/public/status/${token}` }, 'anonymous');

  it('answers and mails a receipt with the reference and a secret link to follow the request', async () => {
    const receipt = await send('ria@example.nl');
    assert.match(receipt.statusUrl, /^http:\/\/localhost:3000\/mijn-aanvraag\/[A-Za-z0-9_-]{43}$/);
    const [mail] = await mailsTo('ria@example.nl');
    assert.equal(mail!.subject, `Uw aanvraag ${receipt.reference} is ontvangen`);
    assert.ok(mail!.body.includes(receipt.statusUrl));
    // Only the link's hash is kept: a copy of the database opens no status page.
    const stored = await t.database.db.selectFrom('referral_status_link').select('token_hash').execute();
    assert.ok(stored.every((row) => !receipt.statusUrl.includes(row.token_hash)));
  });

  it('shows where the request stands, the booked place as .ics, and how to reach the access point; mails every change', async () => {
    const email = 'volg@example.nl';
    const receipt = await send(email);
    const token = tokenOf(receipt.statusUrl);
    const first = await status(token);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(
      { ...(first.json() as object), sentAt: undefined },
      {
        reference: receipt.reference,
        kind: 'respite_once',
        status: 'new',
        sentAt: undefined,
        wishedArrival: inDays(30),
        wishedDeparture: inDays(34),
        canChange: true,
        message: null,
        stays: [],
        accessPoint: { phone: '0186 - 123 456', email: 'aanmeldpunt@regio.example', hours: 'werkdagen van 9 tot 17 uur' },
        contactPerson: null,
        checkIn: { asked: true, optedOut: false },
      },
    );
    assert.doesNotMatch(first.body, /Gerrit|Ria/, 'no names: the link may be forwarded');

    // The central point books a place; the caregiver hears of it and sees it.
    const referral = await t.database.db
      .selectFrom('referral')
      .select(['id', 'client_id'])
      .where('reference', '=', receipt.reference)
      .executeTakeFirstOrThrow();
    await t.database.db.updateTable('referral').set({ status: 'triaged' }).where('id', '=', referral.id).execute();
    const stay = (
      await sql<{ id: string }>`INSERT INTO stay (unit_id, client_id, referral_id, stay_type, arrival, departure, status)
      VALUES (${unitId}, ${referral.client_id}, ${referral.id}, 'respite', ${inDays(30)}, ${inDays(34)}, 'confirmed') RETURNING id`.execute(
        t.database.db,
      )
    ).rows[0]!.id;
    await deliverStayNotices(t.database.db, {
      mailer: {
        send: (message) =>
          t.database.db
            .insertInto('mail_message')
            .values({ recipient: message.to, subject: message.subject, body: message.text })
            .execute()
            .then(() => undefined),
      },
      publicUrl: 'http://localhost:3000',
    });
    const news = (await mailsTo(email)).at(-1)!;
    assert.equal(news.subject, `Nieuws over uw aanvraag ${receipt.reference}`);
    const booked = (await status(token)).json();
    assert.equal(booked.status, 'booked');
    assert.equal(booked.canChange, false);
    assert.deepEqual(
      booked.stays.map((place: { id: string; locationName: string }) => [place.id, place.locationName]),
      [[stay, 'Logeerhuis De Linde']],
    );
    const ics = await t.inject({ method: 'GET', url: `/api/public/status/${token}/stays/${stay}/calendar.ics` }, 'anonymous');
    assert.equal(ics.statusCode, 200, ics.body);
    assert.match(ics.body, /BEGIN:VEVENT[\s\S]*Logeerhuis De Linde/);
    // Placed: withdrawing is a call to the access point now.
    const late = await t.inject(
      { method: 'POST', url: `/api/public/status/${token}/withdraw`, payload: { reason: 'Niet meer nodig' } },
      'anonymous',
    );
    assert.equal(late.statusCode, 409, late.body);

    // Every look is in the client's access report, as a read of the referral by nobody signed in.
    const reads = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'user_id'])
      .where('client_id', '=', referral.client_id)
      .where('entity', '=', 'referral')
      .execute();
    assert.ok(reads.filter((row) => row.action === 'read' && row.user_id === null).length >= 2);
  });

  it('lets the caregiver withdraw before a place is found, and says so by mail', async () => {
    const email = 'intrekken@example.nl';
    const token = tokenOf((await send(email)).statusUrl);
    const withdrawn = await t.inject(
      { method: 'POST', url: `/api/public/status/${token}/withdraw`, payload: { reason: 'Mijn zus helpt nu' } },
      'anonymous',
    );
    assert.equal(withdrawn.statusCode, 204, withdrawn.body);
    const after = (await status(token)).json();
    assert.deepEqual([after.status, after.canChange], ['cancelled', false]);
    assert.match((await mailsTo(email)).at(-1)!.subject, /is ingetrokken$/);
  });

  it('lets the caregiver change the dates and the note before placement; the history and a mail say so, the coordinator hears too', async () => {
    const email = 'wijzigen@example.nl';
    const receipt = await send(email);
    const token = tokenOf(receipt.statusUrl);
    const change = (payload: object) => t.inject({ method: 'POST', url: `/api/public/status/${token}/change`, payload }, 'anonymous');
    const changed = await change({
      wishedArrival: inDays(40),
      wishedDeparture: inDays(43),
      message: 'Liever een kamer op de begane grond',
    });
    assert.equal(changed.statusCode, 204, changed.body);
    const seen = (await status(token)).json();
    assert.deepEqual(
      [seen.wishedArrival, seen.wishedDeparture, seen.message],
      [inDays(40), inDays(43), 'Liever een kamer op de begane grond'],
    );
    assert.match((await mailsTo(email)).at(-1)!.subject, /^Uw wijziging van aanvraag AP-/);
    const { id } = await t.database.db
      .selectFrom('referral')
      .select('id')
      .where('reference', '=', receipt.reference)
      .executeTakeFirstOrThrow();
    const history = await t.database.db.selectFrom('referral_event').select(['kind', 'actor_role']).where('referral_id', '=', id).execute();
    assert.ok(history.some((event) => event.kind === 'referral_changed' && event.actor_role === 'caregiver'));

    // Wrong dates are named per field; nothing changes.
    const wrong = await change({ wishedArrival: inDays(50), wishedDeparture: inDays(45) });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
      [['wishedDeparture', 'departure_before_arrival']],
    );
    const past = await change({ wishedDeparture: inDays(-1) });
    assert.equal(past.statusCode, 400, 'a departure before the arrival kept from before');

    // A change by the coordinator is mailed as well, in other words.
    const coordinator = await t.inject({ method: 'PATCH', url: `/api/referrals/${id}`, payload: { wishedDeparture: inDays(44) } });
    assert.equal(coordinator.statusCode, 200, coordinator.body);
    assert.match((await mailsTo(email)).at(-1)!.subject, /is aangepast$/);

    // Once placed, the dates are the access point's to change.
    await t.database.db.updateTable('referral').set({ status: 'booked' }).where('id', '=', id).execute();
    assert.equal((await change({ message: 'Nog iets' })).statusCode, 409);
  });

  it('answers a link that does not exist like any unknown address, and refuses one that cannot be a link', async () => {
    assert.equal((await status('b'.repeat(43))).statusCode, 404);
    assert.equal((await status('kort')).statusCode, 400);
  });
});
