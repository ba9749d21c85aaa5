import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { assertValidFhir } from '../testing/fhir-validator.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR answers, read field by field

/**
 * Issue 17: a hospital's transfer desk over FHIR. It finds free beds, sends a ServiceRequest, follows the Task to a
 * booked Appointment, and cancels another; a regional monitor pulls the MeasureReport. Every resource is validated.
 */
describe('FHIR R4: referrals in, placements out, for system clients with a key', () => {
  let t: TestApp;
  let regionId: string;
  let locationId: string;
  let unitId: string;
  let hospital: string;
  let monitor: string;
  let otherHospital: string;
  let hospitalOrganisation: string;

  const key = async (organisationId: string, name: string, scopes: string[]) => {
    const made = await t.inject(
      { method: 'POST', url: '/api/admin/api-clients', payload: { organisationId, name, scopes } },
      await t.signIn('administrator'),
    );
    assert.equal(made.statusCode, 201, made.body);
    assert.match(made.json().key, /^adp_[A-Za-z0-9_-]{43}$/);
    return made.json() as { id: string; key: string };
  };
  const organisation = async (name: string) =>
    (await t.database.db.insertInto('organisation').values({ name, agb_code: null }).returning('id').executeTakeFirstOrThrow()).id;
  const fhir = async (method: 'GET' | 'POST' | 'PUT', url: string, bearer: string, payload?: object) => {
    const response = await t.inject(
      {
        method,
        url,
        ...(payload ? { payload: JSON.stringify(payload) } : {}),
        headers: { authorization: `Bearer ${bearer}`, ...(payload ? { 'content-type': 'application/fhir+json' } : {}) },
      },
      'anonymous',
    );
    assert.match(String(response.headers['content-type']), /^application\/fhir\+json/, `${method} ${url}: ${response.body}`);
    assertValidFhir(response.json());
    return response;
  };
  const serviceRequest = (patient: Json, extra: Json = {}) => ({
    resourceType: 'ServiceRequest',
    status: 'active',
    intent: 'order',
    code: { coding: [{ system: 'https://adempauze.nl/fhir/CodeSystem/referral-kind', code: 'elv_after_hospital' }] },
    subject: { reference: '#patient' },
    contained: [{ resourceType: 'Patient', id: 'patient', ...patient }],
    occurrencePeriod: { start: inDays(2), end: inDays(16) },
    priority: 'urgent',
    note: [{ text: 'Ontslag na heupoperatie, mobiliseert met rollator' }],
    ...extra,
  });
  const jan = {
    identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456782' }],
    name: [{ family: 'Jansen', given: ['Jan'] }],
    birthDate: '1940-05-05',
    address: [{ line: ['Dorpsstraat 4'], postalCode: '3262 GD', city: 'Oud-Beijerland' }],
  };

  before(async () => {
    t = await createTestApp();
    regionId = await aRegion(t.database.db, 'hoeksche-waard-transfer', 'Hoeksche Waard');
    locationId = await aLocation(t.database.db, regionId, { name: 'Zorgcentrum De Haven' });
    unitId = await aUnit(t.database.db, locationId, { name: 'Kamer 1', accepted: ['elv_low_complex', 'respite'] });
    hospitalOrganisation = await organisation('Maasstad Ziekenhuis');
    hospital = (await key(hospitalOrganisation, 'Transferbureau Maasstad', ['availability', 'referrals'])).key;
    monitor = (await key(await organisation('Regionaal Coördinatiecentrum'), 'Capaciteitsmonitor', ['capacity'])).key;
    otherHospital = (await key(await organisation('Ander Ziekenhuis'), 'Transferbureau elders', ['referrals'])).key;
  });
  after(() => t.close());

  it('plays a transfer desk from free bed to booked place, and a monitor pulls the capacity', async () => {
    // Free beds in the region for the nights after discharge, for ELV low complex; and tonight's state of the location.
    const slots = (
      await fhir('GET', `/fhir/R4/Slot?region=${regionId}&start=${inDays(2)}&end=${inDays(16)}&service-type=elv_low_complex`, hospital)
    ).json();
    assert.deepEqual(
      slots.entry.map((entry: Json) => [entry.resource.schedule.reference, entry.resource.status]),
      [[`Schedule/${unitId}`, 'free']],
    );
    assert.equal((await fhir('GET', `/fhir/R4/Schedule/${unitId}`, hospital)).json().actor[0].reference, `Location/${unitId}`);
    assert.equal(
      (
        await fhir('GET', `/fhir/R4/Slot?region=${regionId}&start=${inDays(2)}&end=${inDays(16)}&service-type=elv_palliative`, hospital)
      ).json().total,
      0,
    );
    const beds = (await fhir('GET', `/fhir/R4/Location?partof=Location/${locationId}`, hospital)).json();
    assert.deepEqual(
      beds.entry.map((entry: Json) => [entry.resource.id, entry.resource.operationalStatus.code]),
      [[unitId, 'U']],
    );

    // The referral.
    const triage = {
      resourceType: 'QuestionnaireResponse',
      id: 'triage',
      status: 'in-progress',
      questionnaire: 'https://adempauze.nl/fhir/Questionnaire/triage-tijdelijk-verblijf|2',
      item: [
        { linkId: 'from_hospital', answer: [{ valueBoolean: true }] },
        { linkId: 'discharge_date', answer: [{ valueDate: inDays(2) }] },
        { linkId: 'mobility', answer: [{ valueCoding: { code: 'walker' } }] },
      ],
    };
    const sent = await fhir(
      'POST',
      '/fhir/R4/ServiceRequest',
      hospital,
      serviceRequest(jan, {
        contained: [{ resourceType: 'Patient', id: 'patient', ...jan }, triage],
        supportingInfo: [{ reference: '#triage' }],
      }),
    );
    assert.equal(sent.statusCode, 201, sent.body);
    const request = sent.json();
    assert.equal(sent.headers.location, `http://localhost:3000/fhir/R4/ServiceRequest/${request.id}`);
    assert.match(request.identifier[0].value, /^AP-/);
    const referral = (await t.inject({ method: 'GET', url: `/api/referrals/${request.id}` })).json();
    assert.deepEqual(
      [
        referral.kind,
        referral.referrerKind,
        referral.referrerOrganisationId,
        referral.client.bsn,
        referral.client.postcode,
        referral.urgency,
        referral.wishedArrival,
      ],
      ['elv_after_hospital', 'hospital_transfer', hospitalOrganisation, '123456782', '3262 GD', 'within_48h', inDays(2)],
    );
    assert.equal(referral.client.name, 'Jan Jansen');
    assert.deepEqual(
      referral.proposedAnswers,
      { from_hospital: true, discharge_date: inDays(2), mobility: 'walker' },
      "the hospital's triage answers, for the coordinator to start from",
    );
    const created = await t.database.db
      .selectFrom('audit_event')
      .select(['role', 'user_email', 'action'])
      .where('client_id', '=', referral.clientId)
      .where('entity', '=', 'referral')
      .execute();
    assert.ok(
      created.some(
        (event) => event.role === 'api_client' && event.action === 'create' && /Transferbureau Maasstad/.test(event.user_email ?? ''),
      ),
      'audited as the system',
    );

    const taskOf = async () => (await fhir('GET', `/fhir/R4/Task?focus=ServiceRequest/${request.id}`, hospital)).json().entry[0].resource;
    assert.equal((await taskOf()).status, 'requested');

    // The central point triages and books.
    const triaged = await t.inject({
      method: 'POST',
      url: `/api/referrals/${request.id}/triage`,
      payload: {
        answers: triageAnswers({
          treatment_or_observation: true,
          conditions: 'single',
          treating_physician: 'gp',
          from_hospital: true,
          discharge_date: inDays(2),
        }),
      },
    });
    assert.equal(triaged.statusCode, 201, triaged.body);
    assert.equal((await taskOf()).status, 'accepted');
    const booked = await t.inject({
      method: 'POST',
      url: `/api/referrals/${request.id}/stays`,
      payload: { unitId, stayType: 'elv_low_complex', arrival: inDays(2), departure: inDays(16), status: 'confirmed' },
    });
    assert.equal(booked.statusCode, 201, booked.body);

    const done = await taskOf();
    assert.equal(done.status, 'completed');
    assert.equal(done.businessStatus.coding[0].code, 'booked');
    assert.deepEqual(
      done.output.map((output: Json) => output.valueReference.reference),
      [`Appointment/${booked.json().id}`],
    );
    const [appointment] = (await fhir('GET', `/fhir/R4/Appointment?based-on=ServiceRequest/${request.id}`, hospital))
      .json()
      .entry.map((entry: Json) => entry.resource);
    assert.equal(appointment.status, 'booked');
    assert.equal(
      new Date(appointment.start).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }),
      '14:00',
    );
    assert.ok(appointment.participant.some((participant: Json) => participant.actor.reference === `Location/${unitId}`));
    assert.equal(
      (await fhir('GET', `/fhir/R4/Location?partof=Location/${locationId}`, hospital)).json().entry[0].resource.operationalStatus.code,
      'U',
      'tonight still free: the stay starts in two days',
    );
    const taken = (
      await fhir('GET', `/fhir/R4/Slot?location=Location/${locationId}&start=${inDays(10)}&end=${inDays(12)}`, hospital)
    ).json();
    assert.equal(taken.entry[0].resource.status, 'busy');
    const wrongPeriod = await fhir('GET', `/fhir/R4/Slot?region=${regionId}&start=${inDays(12)}&end=${inDays(10)}`, hospital);
    assert.equal(wrongPeriod.statusCode, 400);

    // The monitor.
    const capacity = (await fhir('GET', `/fhir/R4/MeasureReport?subject=${regionId}&period=${inDays(3)}`, monitor)).json().entry[0]
      .resource;
    const elv = capacity.group.find((group: Json) => group.code.coding[0].code === 'elv_low_complex');
    assert.deepEqual(
      elv.population.map((population: Json) => population.count),
      [1, 1, 1, 0],
    );
  });

  it('names what is wrong in the ServiceRequest by FHIRPath, and keeps each sender to its own referrals', async () => {
    const { address: _address, ...withoutAddress } = jan;
    const wrong = await fhir(
      'POST',
      '/fhir/R4/ServiceRequest',
      hospital,
      serviceRequest({ ...withoutAddress, identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456789' }] }),
    );
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong
        .json()
        .issue.map((issue: Json) => [issue.expression[0], issue.diagnostics])
        .sort(),
      [
        ['Patient.address.postalCode', 'required'],
        ['Patient.identifier', 'invalid_bsn'],
      ],
    );

    const badAnswers = await fhir(
      'POST',
      '/fhir/R4/ServiceRequest',
      hospital,
      serviceRequest(jan, {
        contained: [
          { resourceType: 'Patient', id: 'patient', ...jan },
          {
            resourceType: 'QuestionnaireResponse',
            status: 'completed',
            questionnaire: 'https://adempauze.nl/fhir/Questionnaire/triage-tijdelijk-verblijf',
            item: [
              { linkId: 'mobility', answer: [{ valueCoding: { code: 'flies' } }] },
              { linkId: 'shoe_size', answer: [{ valueInteger: 44 }] },
            ],
          },
        ],
      }),
    );
    assert.equal(badAnswers.statusCode, 400);
    assert.deepEqual(
      badAnswers
        .json()
        .issue.map((issue: Json) => [issue.expression[0], issue.diagnostics])
        .sort(),
      [
        ["QuestionnaireResponse.item.where(linkId='mobility')", 'invalid_value'],
        ["QuestionnaireResponse.item.where(linkId='shoe_size')", 'unknown_field'],
      ],
    );

    const sent = (await fhir('POST', '/fhir/R4/ServiceRequest', hospital, serviceRequest(jan))).json();
    const elsewhere = await fhir('GET', `/fhir/R4/ServiceRequest/${sent.id}`, otherHospital);
    assert.equal(elsewhere.statusCode, 404, "another organisation's referral answers like none");
    assert.equal((await fhir('GET', `/fhir/R4/ServiceRequest/${sent.id}`, monitor)).statusCode, 403, 'a key without the referrals scope');
    assert.equal(
      (await fhir('GET', `/fhir/R4/Location?partof=Location/${locationId}`, otherHospital)).statusCode,
      403,
      'nor beds without the availability scope',
    );
    assert.equal((await fhir('GET', `/fhir/R4/ServiceRequest/${sent.id}`, 'adp_geen-geldige-sleutel')).statusCode, 401);
    // A person with a session does not post FHIR referrals: they use the app.
    const person = await t.inject({ method: 'GET', url: `/fhir/R4/ServiceRequest/${sent.id}` });
    assert.equal(person.statusCode, 403);
  });

  it('cancels both ways: the sender revokes, the central point withdraws; a revoked key is refused', async () => {
    const first = (await fhir('POST', '/fhir/R4/ServiceRequest', hospital, serviceRequest(jan))).json();
    const revoked = await fhir('PUT', `/fhir/R4/ServiceRequest/${first.id}`, hospital, {
      ...first,
      status: 'revoked',
      note: [{ text: 'Patiënt gaat toch naar huis' }],
    });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().status, 'revoked');
    assert.equal((await fhir('GET', `/fhir/R4/Task/${first.id}`, hospital)).json().status, 'cancelled');
    const other = await fhir('PUT', `/fhir/R4/ServiceRequest/${first.id}`, hospital, { ...first, priority: 'asap' });
    assert.equal(other.statusCode, 400);
    assert.equal(other.json().issue[0].diagnostics, 'only_revoke');

    const second = (await fhir('POST', '/fhir/R4/ServiceRequest', hospital, serviceRequest(jan))).json();
    const withdrawn = await t.inject({
      method: 'POST',
      url: `/api/referrals/${second.id}/close`,
      payload: { outcome: 'withdrawn', reason: 'Dubbel aangemeld' },
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(
      (await fhir('GET', `/fhir/R4/Task?focus=ServiceRequest/${second.id}`, hospital)).json().entry[0].resource.status,
      'cancelled',
    );
    assert.equal((await fhir('GET', `/fhir/R4/ServiceRequest/${second.id}`, hospital)).json().status, 'revoked');

    const clients = (await t.inject({ method: 'GET', url: '/api/admin/api-clients' }, await t.signIn('administrator'))).json() as {
      id: string;
      name: string;
      lastUsedAt: string | null;
    }[];
    const desk = clients.find((client) => client.name === 'Transferbureau Maasstad')!;
    assert.ok(desk.lastUsedAt);
    assert.ok(!JSON.stringify(clients).includes('adp_'), 'keys are never listed');
    assert.equal(
      (await t.inject({ method: 'DELETE', url: `/api/admin/api-clients/${desk.id}` }, await t.signIn('administrator'))).statusCode,
      204,
    );
    assert.equal((await fhir('GET', `/fhir/R4/Task/${second.id}`, hospital)).statusCode, 401);
  });
});
