import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BURDEN_STATEMENTS } from '../domain/burden-screening.ts';
import { addDays } from '../domain/dates.ts';
import { aLocation, aRegion, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

const answersAll = (answer: 'no' | 'somewhat' | 'yes') => Object.fromEntries(BURDEN_STATEMENTS.map((statement) => [statement.id, answer]));

/** Issue 16: a fixed contact person per caregiver, a yearly check-in with a burden screening that orders the waiting list. */
describe("the caregiver's contact person and yearly check-in", () => {
  let t: TestApp;
  let address = 0;

  before(async () => {
    t = await createTestApp();
    await aLocation(t.database.db, await aRegion(t.database.db));
  });
  after(() => t.close());

  const send = async (name: string) => {
    const sent = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        remoteAddress: `198.51.100.${++address}`,
        payload: {
          kind: 'stay',
          client: { name, postcode: '3262 GD' },
          caregiver: { name: `Mantelzorger van ${name}`, relation: 'child', phone: '06 12121212' },
          wishedArrival: inDays(60),
          wishedDeparture: inDays(63),
          consent: true,
        },
      },
      'anonymous',
    );
    assert.equal(sent.statusCode, 202, sent.body);
    const token = (sent.json() as { statusUrl: string }).statusUrl.split('/mijn-aanvraag/')[1]!;
    const referral = await t.database.db
      .selectFrom('referral')
      .select(['id', 'client_id'])
      .where('reference', '=', sent.json().reference)
      .executeTakeFirstOrThrow();
    return { token, referralId: referral.id, clientId: referral.client_id };
  };
  const status = async (token: string) => (await t.inject({ method: 'GET', url: `/api/public/status/${token}` }, 'anonymous')).json();

  it('names a contact person, shows them on the status page and plans the check-in a year ahead', async () => {
    const { token, clientId } = await send('Lies Contact');
    assert.deepEqual([(await status(token)).contactPerson, (await status(token)).checkIn], [null, { asked: true, optedOut: false }]);
    const people = (await t.inject({ method: 'GET', url: '/api/coordinators' })).json() as { id: string; name: string }[];
    assert.ok(people.length > 0);
    const named = await t.inject({
      method: 'PUT',
      url: `/api/clients/${clientId}/caregiver-contact`,
      payload: { contactUserId: people[0]!.id },
    });
    assert.equal(named.statusCode, 200, named.body);
    assert.deepEqual([named.json().contact.name, named.json().nextCheckIn], [people[0]!.name, addDays(appClock().today(), 365)]);
    assert.equal((await status(token)).contactPerson, people[0]!.name);

    // Only someone of the central point can be it.
    const practice = await t.database.db
      .insertInto('organisation')
      .values({ name: 'Huisartsenpraktijk', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const referrer = await t.database.db
      .insertInto('app_user')
      .values({ email: 'verwijzer@example.nl', name: 'Verwijzer', role: 'referrer', organisation_id: practice.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const wrong = await t.inject({
      method: 'PUT',
      url: `/api/clients/${clientId}/caregiver-contact`,
      payload: { contactUserId: referrer.id },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().errors[0].code, 'not_a_coordinator');
  });

  it('takes the screening on the status page, gives advice, and puts a heavily burdened caregiver first on the waiting list', async () => {
    const first = await send('Eerst Gekomen');
    const later = await send('Later Gekomen');
    for (const { referralId } of [first, later]) {
      assert.equal(
        (await t.inject({ method: 'POST', url: `/api/referrals/${referralId}/triage`, payload: { answers: triageAnswers() } })).statusCode,
        201,
      );
      const waiting = await t.inject({ method: 'POST', url: `/api/referrals/${referralId}/wait`, payload: {} });
      assert.equal(waiting.statusCode, 200, waiting.body);
    }
    const order = async () =>
      ((await t.inject({ method: 'GET', url: '/api/waiting-list' })).json() as { referralId: string }[])
        .map((entry) => entry.referralId)
        .filter((id) => id === first.referralId || id === later.referralId);
    assert.deepEqual(await order(), [first.referralId, later.referralId], 'same urgency and burden: who came first');

    const screened = await t.inject(
      { method: 'POST', url: `/api/public/status/${later.token}/check-in`, payload: { answers: answersAll('yes') } },
      'anonymous',
    );
    assert.equal(screened.statusCode, 201, screened.body);
    assert.equal(screened.json().score, 9);
    assert.equal(screened.json().level, 'high');
    assert.match(screened.json().advice, /Vraag logeren aan/);
    assert.deepEqual(await order(), [later.referralId, first.referralId], 'the heavily burdened caregiver goes first');
    assert.equal((await status(later.token)).checkIn.asked, false, 'answered: not asked again until next year');

    const incomplete = await t.inject(
      { method: 'POST', url: `/api/public/status/${first.token}/check-in`, payload: { answers: { tired: 'yes' } } },
      'anonymous',
    );
    assert.equal(incomplete.statusCode, 400);
    assert.ok(incomplete.json().errors.some((error: { field: string }) => error.field === 'answers.never_free'));

    // Every step is in the guest's access report.
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['entity', 'action'])
      .where('client_id', '=', later.clientId)
      .execute();
    assert.ok(audit.some((row) => row.entity === 'burden_screening' && row.action === 'create'));
  });

  it('lists check-ins that are due for the contact person, leaves out a caregiver who said no, and records the call', async () => {
    const due = await send('Jaar Later');
    const declined = await send('Liever Niet');
    for (const { clientId } of [due, declined]) {
      await t.database.db
        .insertInto('caregiver_contact')
        .values({ client_id: clientId, contact_user_id: null, next_check_in: addDays(appClock().today(), -1) })
        .execute();
    }
    const no = await t.inject(
      { method: 'PUT', url: `/api/public/status/${declined.token}/check-in-preference`, payload: { optedOut: true } },
      'anonymous',
    );
    assert.equal(no.statusCode, 204, no.body);
    assert.deepEqual((await status(declined.token)).checkIn, { asked: false, optedOut: true });

    const list = (await t.inject({ method: 'GET', url: '/api/check-ins' })).json() as {
      clientId: string;
      reference: string;
      caregiver: { phone: string };
    }[];
    assert.ok(list.some((entry) => entry.clientId === due.clientId && entry.caregiver.phone === '06 12121212'));
    assert.ok(!list.some((entry) => entry.clientId === declined.clientId), 'said no: not called');

    const call = await t.inject({
      method: 'POST',
      url: `/api/clients/${due.clientId}/check-ins`,
      payload: { answers: { ...answersAll('no'), tired: 'somewhat', worry: 'yes' } },
    });
    assert.equal(call.statusCode, 201, call.body);
    assert.deepEqual([call.json().score, call.json().level], [2, 'low']);
    const after = (await t.inject({ method: 'GET', url: `/api/clients/${due.clientId}/caregiver-contact` })).json();
    assert.equal(after.nextCheckIn, addDays(appClock().today(), 365));
    assert.deepEqual(
      after.screenings.map((screening: { takenBy: string; score: number }) => [screening.takenBy, screening.score]),
      [['coordinator', 2]],
    );
    assert.ok(
      !((await t.inject({ method: 'GET', url: '/api/check-ins' })).json() as { clientId: string }[]).some(
        (entry) => entry.clientId === due.clientId,
      ),
    );
  });
});
