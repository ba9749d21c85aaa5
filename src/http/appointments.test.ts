import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { aLocation, aRegion, inDays, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

/** Tours and trial stays (issue 13): appointments at a location, without triage or a bed. */
describe('tours and trial stays as appointments', () => {
  let t: TestApp;
  let locationId: string;
  let planner: SessionHeaders;
  let otherPlanner: SessionHeaders;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const region = await aRegion(db);
    locationId = await aLocation(db, region, { name: 'Logeerhuis De Linde' });
    planner = await t.signIn('provider_planner', await organisationOf(db, locationId));
    otherPlanner = await t.signIn('provider_planner', await organisationOf(db, await aLocation(db, region, { name: 'Elders' })));
  });
  after(() => t.close());

  const request = async (kind: 'tour' | 'stay') => {
    const response = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        payload: {
          kind,
          locationId,
          client: { name: 'Truus Kijk', postcode: '3262 GD' },
          consent: true,
          caregiver: { name: 'Els Kijk', relation: 'child', phone: '06 12345678', email: 'els@voorbeeld.nl' },
        },
      },
      'anonymous',
    );
    assert.equal(response.statusCode, 202, response.body);
    const reference = response.json().reference as string;
    return await t.database.db
      .selectFrom('referral')
      .select(['id', 'reference'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
  };
  const plan = (referralId: string, payload: object) =>
    t.inject({ method: 'POST', url: `/api/referrals/${referralId}/appointments`, payload });

  it('plans a tour at the location without triage, tells the provider, and mails the caregiver', async () => {
    const tour = await request('tour');
    const planned = await plan(tour.id, { locationId, date: inDays(3), from: '14:00', until: '15:00', note: 'Dochter komt mee' });
    assert.equal(planned.statusCode, 201, planned.body);
    assert.equal(planned.json().kind, 'tour');
    assert.equal((await t.inject({ method: 'GET', url: `/api/referrals/${tour.id}` })).json().status, 'booked');

    const lastAuditId = (
      await t.database.db.selectFrom('audit_event').select(sql<string>`coalesce(max(id), 0)`.as('id')).executeTakeFirstOrThrow()
    ).id;
    const day = (await t.inject({ method: 'GET', url: `/api/provider/appointments?date=${inDays(3)}` }, planner)).json();
    assert.deepEqual(
      day.map((a: { reference: string; clientName: string; caregiverPhone: string }) => [a.reference, a.clientName, a.caregiverPhone]),
      [[tour.reference, 'Truus Kijk', '06 12345678']],
    );
    // Whom to expect is a read of that client: it is in the client's access report.
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('client_id')
      .where('id', '>', lastAuditId as never)
      .execute();
    assert.deepEqual(
      audited.map((row) => row.client_id),
      [day[0].clientId],
    );
    // 14:00 Dutch time, whatever the server's zone and the season.
    const hour = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(
      new Date(day[0].startsAt),
    );
    assert.equal(hour, '14:00');
    assert.deepEqual((await t.inject({ method: 'GET', url: `/api/provider/appointments?date=${inDays(3)}` }, otherPlanner)).json(), []);
    const notices = (await t.inject({ method: 'GET', url: '/api/notifications' }, planner)).json();
    assert.ok(notices.some((n: { title: string }) => n.title === 'Rondleiding gepland: Logeerhuis De Linde'));
    // The receipt of the request, then the appointment.
    const mail = await t.database.db
      .selectFrom('mail_message')
      .select(['subject', 'body'])
      .where('recipient', '=', 'els@voorbeeld.nl')
      .orderBy('created_at')
      .execute();
    assert.deepEqual(
      mail.map((message) => message.subject.startsWith(`Uw aanvraag ${tour.reference} is ontvangen`)),
      [true, false],
    );
    assert.match(mail[1]!.body, /14:00 tot 15:00/);
  });

  it('names wrong times beside their fields, and refuses an appointment for a stay request', async () => {
    const tour = await request('tour');
    const wrong = await plan(tour.id, { locationId, date: inDays(-1), from: '25:00', until: '09:00' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong.json().errors.map((e: { field: string }) => e.field),
      ['from'],
    );
    const backwards = await plan(tour.id, { locationId, date: inDays(-1), from: '11:00', until: '10:00' });
    assert.deepEqual(
      backwards.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [
        ['date', 'date_in_past'],
        ['until', 'until_before_from'],
      ],
    );
    const stay = await request('stay');
    const refused = await plan(stay.id, { locationId, date: inDays(5), from: '10:00', until: '11:00' });
    assert.equal(refused.json().errors[0].code, 'not_an_appointment');
  });

  it('cancels an appointment, which opens the request again', async () => {
    const tour = await request('tour');
    const planned = (await plan(tour.id, { locationId, date: inDays(4), from: '10:00', until: '11:00' })).json();
    assert.equal((await t.inject({ method: 'POST', url: `/api/appointments/${planned.id}/cancel` })).statusCode, 204);
    assert.equal((await t.inject({ method: 'GET', url: `/api/referrals/${tour.id}` })).json().status, 'new');
    const listed = (await t.inject({ method: 'GET', url: `/api/referrals/${tour.id}/appointments` })).json();
    assert.deepEqual(
      listed.map((a: { status: string }) => a.status),
      ['cancelled'],
    );
    assert.equal((await t.inject({ method: 'POST', url: `/api/appointments/${planned.id}/cancel` })).statusCode, 404);
  });
});
