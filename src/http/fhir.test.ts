import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../domain/dates.ts';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { assertValidFhir } from '../testing/fhir-validator.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

type Bundle = { resourceType: 'Bundle'; total: number; entry: { resource: Record<string, unknown> & { id: string } }[] };

/** Issue 17, first part: the directory and the capacity feed over FHIR R4, every resource checked by Medplum's validator. */
describe('FHIR R4: directory and capacity feed', () => {
  let t: TestApp;
  let regionId: string;
  let locationId: string;
  let organisationId: string;
  const unit: Record<'booked' | 'held' | 'closed' | 'free', string> = { booked: '', held: '', closed: '', free: '' };

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    regionId = await aRegion(db, 'hoeksche-waard-fhir', 'Hoeksche Waard');
    locationId = await aLocation(db, regionId, {
      name: 'Logeerhuis De Vaart',
      features: ['wheelchair_accessible'],
      admissionHours: [{ weekday: 1, from: '09:00', until: '17:00' }],
    });
    organisationId = (await db.selectFrom('location').select('organisation_id').where('id', '=', locationId).executeTakeFirstOrThrow())
      .organisation_id;
    await db.updateTable('organisation').set({ agb_code: '73730101' }).where('id', '=', organisationId).execute();
    for (const key of Object.keys(unit) as (keyof typeof unit)[])
      unit[key] = await aUnit(db, locationId, { name: `Kamer ${key}`, accepted: ['respite', 'crisis_wmo'] });
    const today = appClock().today();
    await db
      .insertInto('stay')
      .values({
        unit_id: unit.booked,
        client_id: await aClient(db),
        stay_type: 'respite',
        arrival: today,
        departure: inDays(3),
        status: 'confirmed',
      })
      .execute();
    await db
      .insertInto('stay')
      .values({
        unit_id: unit.held,
        client_id: await aClient(db, 'Iemand Anders'),
        stay_type: 'respite',
        arrival: today,
        departure: inDays(2),
        status: 'hold',
        hold_expires_at: new Date(appClock().now().getTime() + 3_600_000),
      })
      .execute();
    await db
      .insertInto('unit_closure')
      .values({ unit_id: unit.closed, starts_on: today, ends_on: inDays(5), reason: 'maintenance' })
      .execute();
  });
  after(() => t.close());

  const get = async (url: string, as: 'anonymous' | 'coordinator' | Awaited<ReturnType<TestApp['signIn']>> = 'anonymous') => {
    const response = as === 'coordinator' ? await t.inject({ method: 'GET', url }) : await t.inject({ method: 'GET', url }, as);
    assert.match(String(response.headers['content-type']), /^application\/fhir\+json/, url);
    assertValidFhir(response.json());
    return response;
  };

  it('says exactly what it supports in its CapabilityStatement', async () => {
    const statement = (await get('/fhir/R4/metadata')).json();
    assert.equal(statement.fhirVersion, '4.0.1');
    assert.deepEqual(
      statement.rest[0].resource.map((resource: { type: string }) => resource.type),
      ['Organization', 'Location', 'HealthcareService', 'MeasureReport', 'Schedule', 'Slot', 'ServiceRequest', 'Task', 'Appointment'],
    );
  });

  it('finds a provider by its AGB code, and its location and what it offers, without an account', async () => {
    const found = (await get('/fhir/R4/Organization?identifier=http://fhir.nl/fhir/NamingSystem/agb-z|73730101')).json() as Bundle;
    assert.deepEqual(
      found.entry.map((entry) => entry.resource.id),
      [organisationId],
    );
    await get(`/fhir/R4/Organization/${organisationId}`);

    const places = (await get(`/fhir/R4/Location?organization=Organization/${organisationId}`)).json() as Bundle;
    assert.deepEqual(
      places.entry.map((entry) => entry.resource.id),
      [locationId],
    );
    assert.ok(!JSON.stringify(places).includes('operationalStatus'), 'no bed status in public');

    const services = (
      await get(
        '/fhir/R4/HealthcareService?service-type=https://adempauze.nl/fhir/CodeSystem/stay-type|respite&characteristic=wheelchair_accessible',
      )
    ).json() as Bundle;
    const service = services.entry.find((entry) => entry.resource.id === locationId)!.resource as unknown as {
      availableTime: unknown;
      type: { coding: { code: string }[] }[];
    };
    assert.deepEqual(
      service.type.map((type) => type.coding[0]!.code),
      ['crisis_wmo', 'respite'],
    );
    assert.deepEqual(service.availableTime, [{ daysOfWeek: ['mon'], availableStartTime: '09:00:00', availableEndTime: '17:00:00' }]);
    assert.equal(((await get('/fhir/R4/HealthcareService?characteristic=secured_unit')).json() as Bundle).total, 0);
  });

  it("shows a location's units with tonight's bed status to professionals only", async () => {
    const anonymous = await get(`/fhir/R4/Location?partof=Location/${locationId}`);
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().issue[0].code, 'login');
    assert.equal((await get(`/fhir/R4/Location/${unit.free}`)).statusCode, 401);

    const beds = (await get(`/fhir/R4/Location?partof=Location/${locationId}`, 'coordinator')).json() as Bundle;
    const status = (id: string) => {
      const bed = beds.entry.find((entry) => entry.resource.id === id)!.resource as unknown as {
        operationalStatus: { code: string };
        extension?: { valueBoolean: boolean }[];
        partOf: { reference: string };
      };
      assert.equal(bed.partOf.reference, `Location/${locationId}`);
      return [bed.operationalStatus.code, bed.extension?.[0]?.valueBoolean];
    };
    assert.deepEqual(status(unit.booked), ['O', undefined]);
    assert.deepEqual(status(unit.held), ['U', true]);
    assert.deepEqual(status(unit.closed), ['C', undefined]);
    assert.deepEqual(status(unit.free), ['U', false]);
    assert.equal((await get(`/fhir/R4/Location/${unit.free}`, 'coordinator')).json().physicalType.coding[0].code, 'bd');
  });

  it("gives a capacity monitor the region's beds by stay type tonight, and any other night", async () => {
    const monitor = await t.signIn('policy_viewer');
    const report = ((await get(`/fhir/R4/MeasureReport?subject=${regionId}`, monitor)).json() as Bundle).entry[0]!.resource as unknown as {
      group: { code: { coding: { code: string }[] }; population: { code: { coding: { code: string }[] }; count: number }[] }[];
    };
    const counts = (type: string) =>
      Object.fromEntries(
        report.group
          .find((group) => group.code.coding[0]!.code === type)!
          .population.map((population) => [population.code.coding[0]!.code, population.count]),
      );
    assert.deepEqual(counts('respite'), { total: 4, staffed: 3, occupied: 2, free: 1 });
    assert.deepEqual(counts('elv_high_complex'), { total: 0, staffed: 0, occupied: 0, free: 0 });
    const later = (await get(`/fhir/R4/MeasureReport/${regionId}-${addDays(appClock().today(), 10)}`, monitor)).json();
    assert.deepEqual(
      later.group[0].population.map((population: { count: number }) => population.count),
      [4, 4, 0, 4],
    );

    const anonymous = await get(`/fhir/R4/MeasureReport?subject=${regionId}`);
    assert.equal(anonymous.statusCode, 401);
  });

  it("shows anyone a location's nights as free / limited / full, not its units", async () => {
    const today = appClock().today();
    const nights = (
      await get(`/fhir/R4/Slot?location=Location/${locationId}&start=${today}&end=${addDays(today, 3)}&service-type=respite`)
    ).json() as Bundle;
    assert.equal(nights.total, 3);
    const tonight = nights.entry[0]!.resource as unknown as {
      status: string;
      schedule: { reference: string };
      extension: { valueCode: string }[];
    };
    // Four rooms: one booked, one held, one closed tonight; the one left is the last place.
    assert.deepEqual(
      [tonight.status, tonight.extension[0]!.valueCode, tonight.schedule.reference],
      ['free', 'limited', `Schedule/${locationId}`],
    );
    assert.equal(
      (nights.entry[2]!.resource as unknown as { extension: { valueCode: string }[] }).extension[0]!.valueCode,
      'free',
      'the hold ends after two nights: two places',
    );
    assert.ok(!JSON.stringify(nights).includes(unit.free), 'no unit named');
    assert.equal((await get(`/fhir/R4/Schedule/${locationId}`)).json().actor[0].reference, `Location/${locationId}`);
    assert.equal((await get(`/fhir/R4/Schedule/${unit.free}`)).statusCode, 401, "a unit's calendar is for professionals");
    assert.equal(
      (await get(`/fhir/R4/Slot?region=${regionId}&start=${today}&end=${addDays(today, 3)}`)).statusCode,
      400,
      'a location, not a region',
    );
    assert.equal(
      (await get(`/fhir/R4/Slot?location=Location/${locationId}&start=${today}&end=${addDays(today, 40)}`)).statusCode,
      400,
      'at most 28 nights',
    );

    const professional = (
      await get(`/fhir/R4/Slot?location=Location/${locationId}&start=${today}&end=${addDays(today, 3)}`, 'coordinator')
    ).json() as Bundle;
    assert.equal(professional.total, 4, 'a professional sees each unit');
  });

  it('answers errors as OperationOutcomes', async () => {
    const missing = await get(`/fhir/R4/Organization/${locationId}`);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().issue[0].code, 'not-found');
    const wrong = await get('/fhir/R4/MeasureReport?subject=hoeksche-waard-fhir&period=morgen', 'coordinator');
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().issue[0].code, 'invalid');
    assert.deepEqual(wrong.json().issue[0].expression, ['period']);
    const unsupported = await get('/fhir/R4/Patient?name=Jansen');
    assert.equal(unsupported.statusCode, 404);
    assert.equal(unsupported.json().issue[0].code, 'not-found');
  });
});
