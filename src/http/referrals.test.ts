import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addWorkingDays } from '../domain/dates.ts';
import { aLocation, aRegion, inDays, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

describe('referrals: from a professional and from the public form', () => {
  let t: TestApp;
  let locationId: string;
  let gpPractice: string;
  let otherPractice: string;
  let gp: SessionHeaders;
  let colleague: SessionHeaders;
  let otherGp: SessionHeaders;

  before(async () => {
    t = await createTestApp();
    locationId = await aLocation(t.database.db, await aRegion(t.database.db));
    const practice = (name: string) =>
      t.database.db.insertInto('organisation').values({ name, agb_code: null }).returning('id').executeTakeFirstOrThrow();
    gpPractice = (await practice('Huisartsenpraktijk De Waard')).id;
    otherPractice = (await practice('Huisartsenpraktijk Elders')).id;
    gp = await t.signIn('referrer', gpPractice);
    colleague = await t.signIn('referrer', gpPractice);
    otherGp = await t.signIn('referrer', otherPractice);
  });
  after(() => t.close());

  const johan = {
    kind: 'respite_recurring',
    referrerKind: 'casemanager_dementia',
    client: {
      name: 'Johan de Vries',
      dateOfBirth: '1948-03-02',
      bsn: '123456782',
      street: 'Dorpsstraat',
      houseNumber: '4',
      postcode: '3701ab',
      city: 'Zeist',
      phone: '030 1234567',
    },
    caregiver: { name: 'Carla de Vries', relation: 'partner', works: false, phone: '06 12345678' },
    wishedArrival: inDays(30),
    wishedDeparture: inDays(33),
    flexibilityDays: 7,
    recurrence: 'FREQ=MONTHLY;INTERVAL=2;COUNT=6',
    indications: { wmo: true },
    consent: { given: true, by: 'Carla de Vries (echtgenote)' },
  };

  it("takes a referral with client, caregiver, wishes and consent, for the referrer's organisation", async () => {
    const created = await t.inject({ method: 'POST', url: '/api/referrals', payload: johan }, gp);
    assert.equal(created.statusCode, 201, created.body);
    const referral = created.json();
    assert.match(referral.reference, /^AP-[A-Z2-9]{6}$/);
    assert.equal(referral.status, 'new');
    assert.equal(referral.referrerOrganisationId, gpPractice);
    assert.equal(referral.client.postcode, '3701 AB');
    assert.equal(referral.client.pc4, '3701');
    assert.equal(referral.client.bsn, '123456782');
    assert.equal(referral.recurrence, 'FREQ=MONTHLY;INTERVAL=2;COUNT=6');

    assert.equal(
      (await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}` }, colleague)).statusCode,
      200,
      'a colleague of the practice sees it',
    );
    const elsewhere = await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}` }, otherGp);
    assert.equal(elsewhere.statusCode, 404, 'another practice does not');
    assert.ok(!elsewhere.body.includes('Johan'));
    const list = await t.inject({ method: 'GET', url: '/api/referrals' }, otherGp);
    assert.ok(!list.json().some((item: { id: string }) => item.id === referral.id));
    assert.equal(
      (await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}` })).statusCode,
      200,
      'the central point sees every referral',
    );
  });

  it('names every wrong field at once in plain Dutch', async () => {
    const response = await t.inject(
      {
        method: 'POST',
        url: '/api/referrals',
        payload: {
          ...johan,
          kind: 'couple_stay',
          client: { ...johan.client, bsn: '123456789', postcode: '0000 XX', phone: 'bel maar' },
          recurrence: 'FREQ=MONTHLY',
          wishedDeparture: inDays(29),
        },
      },
      gp,
    );
    assert.equal(response.statusCode, 400);
    const fields = Object.fromEntries(
      response.json().errors.map((error: { field: string; detail: string }) => [error.field, error.detail]),
    );
    assert.match(fields['client.bsn'], /BSN klopt niet/);
    assert.match(fields['client.postcode'], /postcode in zoals 3262 GD/);
    assert.match(fields['client.phone'], /telefoonnummer/);
    assert.match(fields.partner, /verplicht/);
    assert.match(fields.wishedDeparture, /na de aankomstdatum/);
  });

  it('checks what only the database knows: the postcode exists, the rule ends, the location exists', async () => {
    const response = await t.inject(
      {
        method: 'POST',
        url: '/api/referrals',
        payload: {
          ...johan,
          client: { ...johan.client, postcode: '1199 ZZ' },
          recurrence: 'FREQ=MONTHLY',
          preferredLocationIds: ['00000000-0000-4000-8000-000000000000'],
        },
      },
      gp,
    );
    assert.equal(response.statusCode, 400, response.body);
    const codes = Object.fromEntries(response.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]));
    assert.deepEqual(codes, {
      'client.postcode': 'unknown_postcode',
      recurrence: 'unbounded',
      'preferredLocationIds.0': 'unknown_location',
    });
  });

  it('closes referrals to providers and policy staff', async () => {
    const organisationId = await organisationOf(t.database.db, locationId);
    assert.equal(
      (await t.inject({ method: 'GET', url: '/api/referrals' }, await t.signIn('provider_planner', organisationId))).statusCode,
      403,
    );
    assert.equal((await t.inject({ method: 'GET', url: '/api/referrals' }, await t.signIn('policy_viewer'))).statusCode, 403);
  });

  const publicRequest = {
    kind: 'trial_stay',
    client: { name: 'Rita Smits', postcode: '5421 AB' },
    caregiver: { name: 'Annemarie Smits', relation: 'child', works: true, email: 'annemarie@example.nl' },
    locationId: undefined as string | undefined,
    wishedArrival: inDays(20),
    message: 'Mijn moeder wil eerst een keer proberen.',
    consent: true,
  };

  it("takes a caregiver's request without an account; it arrives as new in the central point's inbox only", async () => {
    const sent = await t.inject(
      { method: 'POST', url: '/api/public/requests', payload: { ...publicRequest, locationId }, remoteAddress: '192.0.2.10' },
      'anonymous',
    );
    assert.equal(sent.statusCode, 202, sent.body);
    const { reference, nextSteps, answerBy } = sent.json();
    assert.match(nextSteps, new RegExp(`onder nummer ${reference}`));
    assert.match(nextSteps, /binnen 2 werkdagen \(uiterlijk (maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} [a-z]+ \d{4}\)/);
    assert.equal(answerBy, addWorkingDays(appClock().today(), 2));

    const inbox = await t.inject({ method: 'GET', url: '/api/referrals?status=new' });
    const item = inbox.json().find((entry: { reference: string }) => entry.reference === reference);
    assert.ok(item, "in the coordinator's inbox");
    assert.deepEqual([item.source, item.kind, item.clientName, item.pc4], ['public', 'trial_stay', 'Rita Smits', '5421']);
    const referral = (await t.inject({ method: 'GET', url: `/api/referrals/${item.id}` })).json();
    assert.deepEqual(referral.preferredLocationIds, [locationId]);
    assert.equal(referral.consent.by, 'Annemarie Smits');
    assert.ok(
      !(await t.inject({ method: 'GET', url: '/api/referrals' }, gp))
        .json()
        .some((entry: { reference: string }) => entry.reference === reference),
    );
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'user_id', 'ip'])
      .where('record_id', '=', item.id)
      .where('action', '=', 'create')
      .execute();
    assert.deepEqual(audit, [{ action: 'create', user_id: null, ip: '192.0.2.10' }]);
  });

  it('answers an English visitor in English, with the same answer date', async () => {
    const sent = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        headers: { 'accept-language': 'en' },
        payload: publicRequest,
        remoteAddress: '192.0.2.11',
      },
      'anonymous',
    );
    assert.equal(sent.statusCode, 202, sent.body);
    assert.match(
      sent.json().nextSteps,
      /within 2 working days \(by (Monday|Tuesday|Wednesday|Thursday|Friday), \d{1,2} [A-Z][a-z]+ \d{4} at the latest\)/,
    );
  });

  it('says a choice not made is required (not which codes exist), and a wished date in the past is in the past', async () => {
    const { caregiver, ...rest } = publicRequest;
    const response = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        remoteAddress: '192.0.2.12',
        payload: { ...rest, caregiver: { name: caregiver.name, email: caregiver.email }, wishedArrival: inDays(-3) },
      },
      'anonymous',
    );
    assert.equal(response.statusCode, 400);
    const fields = response.json().errors.map((e: { field: string; code: string; detail: string }) => [e.field, e.code, e.detail]);
    assert.deepEqual(fields, [
      ['caregiver.relation', 'required', 'Dit veld is verplicht.'],
      ['wishedArrival', 'date_in_past', 'Deze datum ligt in het verleden.'],
    ]);
  });

  it('asks for a way to reach the caregiver', async () => {
    const response = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        payload: { ...publicRequest, caregiver: { name: 'Annemarie Smits', relation: 'child' } },
        remoteAddress: '192.0.2.11',
      },
      'anonymous',
    );
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'caregiver.phone');
    assert.match(response.json().errors[0].detail, /telefoonnummer of e-mailadres/);
  });

  it('answers a robot that fills the honeypot like a person, and keeps nothing', async () => {
    const before = await t.database.db
      .selectFrom('referral')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        payload: { ...publicRequest, website: 'http://spam.example' },
        remoteAddress: '192.0.2.12',
      },
      'anonymous',
    );
    assert.equal(response.statusCode, 202);
    assert.match(response.json().reference, /^AP-/);
    const after = await t.database.db
      .selectFrom('referral')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  it('takes a recurring stay in plain terms: the same days every so many weeks, so many times', async () => {
    const repeating = {
      ...publicRequest,
      kind: 'stay',
      wishedArrival: inDays(10),
      wishedDeparture: inDays(13),
      repeat: { everyWeeks: 4, times: 3 },
    };
    const sent = await t.inject(
      { method: 'POST', url: '/api/public/requests', payload: repeating, remoteAddress: '192.0.2.30' },
      'anonymous',
    );
    assert.equal(sent.statusCode, 202, sent.body);
    const row = await t.database.db
      .selectFrom('referral')
      .select(['kind', 'recurrence', 'wished_arrival', 'wished_departure'])
      .where('reference', '=', sent.json().reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      kind: 'respite_recurring',
      recurrence: 'FREQ=WEEKLY;INTERVAL=4;COUNT=3',
      wished_arrival: inDays(10),
      wished_departure: inDays(13),
    });

    const problems = async (payload: object) => {
      const answer = await t.inject({ method: 'POST', url: '/api/public/requests', payload, remoteAddress: '192.0.2.31' }, 'anonymous');
      assert.equal(answer.statusCode, 400, answer.body);
      return answer.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]);
    };
    // Ten nights every week cannot be: the stays would overlap.
    assert.deepEqual(await problems({ ...repeating, wishedDeparture: inDays(20), repeat: { everyWeeks: 1, times: 3 } }), [
      ['repeat', 'overlapping_occurrences'],
    ]);
    assert.deepEqual(await problems({ ...repeating, wishedDeparture: undefined }), [['wishedDeparture', 'required_for_repeat']]);
    assert.deepEqual(await problems({ ...repeating, kind: 'tour' }), [['repeat', 'repeat_only_stay']]);
  });

  it('takes care at home, a couple and a short checklist of care needs, and shows them to the central point', async () => {
    const together = {
      ...publicRequest,
      kind: 'stay',
      wishedArrival: inDays(12),
      wishedDeparture: inDays(15),
      partner: { name: 'Wim Pietersen', dateOfBirth: '1941-07-07' },
      careNeeds: ['confused', 'wheelchair'],
    };
    const sent = await t.inject(
      { method: 'POST', url: '/api/public/requests', payload: together, remoteAddress: '192.0.2.32' },
      'anonymous',
    );
    assert.equal(sent.statusCode, 202, sent.body);
    const { id } = await t.database.db
      .selectFrom('referral')
      .select('id')
      .where('reference', '=', sent.json().reference)
      .executeTakeFirstOrThrow();
    const seen = (await t.inject({ method: 'GET', url: `/api/referrals/${id}` })).json();
    assert.equal(seen.kind, 'couple_stay');
    assert.equal(seen.partner.name, 'Wim Pietersen');
    assert.equal(seen.partner.pc4, seen.client.pc4, 'the partner lives at the same address');
    assert.deepEqual(seen.careNeeds, ['confused', 'wheelchair']);
    assert.equal(seen.atHome, false);

    const repeatingAtHome = { ...together, atHome: true, repeat: { everyWeeks: 2, times: 4 } };
    const second = await t.inject(
      { method: 'POST', url: '/api/public/requests', payload: repeatingAtHome, remoteAddress: '192.0.2.33' },
      'anonymous',
    );
    assert.equal(second.statusCode, 202, second.body);
    const row = await t.database.db
      .selectFrom('referral')
      .select(['kind', 'at_home', 'partner_client_id'])
      .where('reference', '=', second.json().reference)
      .executeTakeFirstOrThrow();
    assert.equal(row.kind, 'respite_recurring', 'a recurring couple stay keeps its kind and names the partner');
    assert.equal(row.at_home, true);
    assert.ok(row.partner_client_id);

    const problems = async (payload: object) => {
      const answer = await t.inject({ method: 'POST', url: '/api/public/requests', payload, remoteAddress: '192.0.2.34' }, 'anonymous');
      assert.equal(answer.statusCode, 400, answer.body);
      return answer.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]);
    };
    assert.deepEqual(await problems({ ...together, kind: 'tour', wishedDeparture: undefined, atHome: true, partner: undefined }), [
      ['atHome', 'at_home_only_stay'],
    ]);
    assert.deepEqual(await problems({ ...together, kind: 'tour', wishedDeparture: undefined }), [['partner', 'partner_not_for_tour']]);
    assert.deepEqual((await problems({ ...together, careNeeds: ['flying'] }))[0], ['careNeeds.0', 'invalid_value']);
  });

  it('takes at most five requests an hour from one address, not counting the ones it refused, and refuses oversized ones', async () => {
    // Three tries with a postcode that is none: refused, and not one of the five.
    for (let i = 0; i < 3; i++) {
      const mistyped = await t.inject(
        {
          method: 'POST',
          url: '/api/public/requests',
          payload: { ...publicRequest, client: { ...publicRequest.client, postcode: '12' } },
          remoteAddress: '192.0.2.20',
        },
        'anonymous',
      );
      assert.equal(mistyped.statusCode, 400);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await t.inject(
        {
          method: 'POST',
          url: '/api/public/requests',
          payload: { ...publicRequest, client: { ...publicRequest.client, name: `Gast ${i}` } },
          remoteAddress: '192.0.2.20',
        },
        'anonymous',
      );
      statuses.push(response.statusCode);
    }
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
    // An hour's limit speaks in minutes, not in thousands of seconds.
    const refused = await t.inject(
      { method: 'POST', url: '/api/public/requests', payload: publicRequest, remoteAddress: '192.0.2.20' },
      'anonymous',
    );
    assert.match(refused.json().detail, /^U stuurt te veel verzoeken\. Probeer het over (60|59) minuten opnieuw\.$/);
    const long = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        payload: { ...publicRequest, message: 'x'.repeat(2001) },
        remoteAddress: '192.0.2.21',
      },
      'anonymous',
    );
    assert.equal(long.statusCode, 400);
    const huge = await t.inject(
      {
        method: 'POST',
        url: '/api/public/requests',
        payload: { ...publicRequest, message: 'x'.repeat(70_000) },
        remoteAddress: '192.0.2.22',
      },
      'anonymous',
    );
    assert.equal(huge.statusCode, 413);
  });
});
