import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pc4AreasOfMunicipalities } from '../data/pc4-table.ts';
import { aClient, inDays } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

/** Setting up a region from nothing over the API: what an administrator and a provider's planner can do, and what not. */
describe('registry administration', () => {
  let t: TestApp;
  let administrator: SessionHeaders;
  before(async () => {
    t = await createTestApp();
    administrator = await t.signIn('administrator');
  });
  after(() => t.close());

  const as = (who: SessionHeaders) => ({
    get: (url: string) => t.inject({ method: 'GET', url: `/api${url}` }, who),
    post: (url: string, payload: object) => t.inject({ method: 'POST', url: `/api${url}`, payload }, who),
    patch: (url: string, payload: object) => t.inject({ method: 'PATCH', url: `/api${url}`, payload }, who),
  });
  const fields = (body: { errors?: { field: string; code: string }[] }) =>
    (body.errors ?? []).map((error) => `${error.field}:${error.code}`);

  let regionId: string;
  let organisationId: string;
  let otherOrganisationId: string;
  let locationId: string;
  let planner: SessionHeaders;

  it('adds a region from its municipalities: every address area of them, not the PO-box areas', async () => {
    const response = await as(administrator).post('/regions', {
      name: 'Hoeksche Waard Test',
      municipalities: ['Hoeksche Waard', 'Zwijndrecht'],
    });
    assert.equal(response.statusCode, 201, response.body);
    const region = response.json();
    regionId = region.id;
    assert.equal(regionId, 'hoeksche-waard-test');
    const expected = pc4AreasOfMunicipalities(['Hoeksche Waard', 'Zwijndrecht'])
      .filter((area) => area.kind !== 'postbox')
      .map((area) => area.pc4);
    assert.ok(expected.length > 0);
    assert.deepEqual(region.postcodes, expected);
    const listed = (await as(administrator).get('/regions')).json().find((candidate: { id: string }) => candidate.id === regionId);
    assert.equal(listed.postcodeCount, expected.length);
  });

  it('refuses a second region with that name, an unknown municipality, and postcode areas another region serves', async () => {
    assert.equal(
      (await as(administrator).post('/regions', { name: 'Hoeksche Waard Test', municipalities: ['Hoeksche Waard'] })).statusCode,
      409,
    );
    const unknown = await as(administrator).post('/regions', { name: 'Nergensland', municipalities: ['Nergenshuizen'] });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(fields(unknown.json()), ['municipalities.0:not_a_municipality']);
    const overlap = await as(administrator).post('/regions', { name: 'Zwijndrecht Plus', municipalities: ['Zwijndrecht'] });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().code, 'postcode_taken');
    assert.ok(overlap.json().postcodes.every((row: { regionId: string }) => row.regionId === regionId));
  });

  it('makes regions neighbours both ways, and narrows a region to the postcode areas picked', async () => {
    const other = (
      await as(administrator).post('/regions', { name: 'Dordrecht Test', municipalities: ['Dordrecht'], neighbours: [regionId] })
    ).json();
    const mine = (await as(administrator).get(`/regions/${regionId}/admin`)).json();
    assert.deepEqual(mine.neighbours, [other.id]);
    const picked = mine.postcodes.slice(0, 2);
    const narrowed = await as(administrator).patch(`/regions/${regionId}`, { postcodes: picked });
    assert.equal(narrowed.statusCode, 200, narrowed.body);
    assert.deepEqual(narrowed.json().postcodes, picked);
    const outside = await as(administrator).patch(`/regions/${regionId}`, { postcodes: ['1011'] });
    assert.deepEqual(fields(outside.json()), ['postcodes.0:postcode_outside_municipalities']);
  });

  it('adds organisations with an AGB code that only one may have', async () => {
    const created = await as(administrator).post('/organisations', {
      name: 'Zorggroep Test',
      agbCode: '12345678',
      contactName: 'A. Planner',
      contactEmail: 'planning@zorggroep.test',
    });
    assert.equal(created.statusCode, 201, created.body);
    organisationId = created.json().id;
    assert.equal(created.json().contactEmail, 'planning@zorggroep.test');
    assert.equal((await as(administrator).post('/organisations', { name: 'Kopie', agbCode: '12345678' })).statusCode, 409);
    otherOrganisationId = (await as(administrator).post('/organisations', { name: 'Andere aanbieder', agbCode: '' })).json().id;
  });

  it('adds a location, placed at the centre of its postcode area unless coordinates are given', async () => {
    const response = await as(administrator).post('/locations', {
      organisationId,
      regionId,
      name: 'Logeerhuis De Test',
      street: 'Kerkstraat',
      houseNumber: '3',
      postcode: '3291ab',
      city: 'Strijen',
      features: ['dementia_specialised'],
      admissionHours: [{ weekday: 1, from: '09:00', until: '17:00' }],
      phone: '078 123 45 67',
      description: 'Een oude boerderij aan de dijk.',
      homeliness: 'We koken zelf, met de logés.',
    });
    assert.equal(response.statusCode, 201, response.body);
    const location = response.json();
    locationId = location.id;
    const area = pc4AreasOfMunicipalities(['Hoeksche Waard']).find((candidate) => candidate.pc4 === '3291')!;
    assert.deepEqual(
      [location.postcode, location.pc4, location.latitude, location.longitude],
      ['3291 AB', '3291', area.latitude, area.longitude],
    );
    const unknownPostcode = await as(administrator).post('/locations', {
      organisationId,
      regionId,
      name: 'Huis X',
      street: 'Y',
      houseNumber: '1',
      postcode: '1004 ZZ',
      city: 'Z',
    });
    assert.deepEqual(fields(unknownPostcode.json()), ['postcode:unknown_postcode']);
    const hours = await as(administrator).post('/locations', {
      organisationId,
      regionId,
      name: 'Huis X',
      street: 'Y',
      houseNumber: '1',
      postcode: '3291 AB',
      city: 'Z',
      admissionHours: [{ weekday: 1, from: '17:00', until: '09:00' }],
    });
    assert.deepEqual(fields(hours.json()), ['admissionHours.0.until:until_before_from']);
    const noOrganisation = await as(administrator).post('/locations', {
      organisationId: crypto.randomUUID(),
      regionId,
      name: 'Huis X',
      street: 'Y',
      houseNumber: '1',
      postcode: '3291 AB',
      city: 'Z',
    });
    assert.equal(noOrganisation.statusCode, 404);
  });

  it('lets a provider add units to its own locations only, and a missing location answers 404', async () => {
    planner = await t.signIn('provider_planner', organisationId);
    const stranger = await t.signIn('provider_planner', otherOrganisationId);
    const unit = { name: 'Kamer 1', acceptedStayTypes: ['respite', 'crisis_wmo'], features: ['couple_room'], activeFrom: inDays(0) };
    const created = await as(planner).post(`/locations/${locationId}/units`, unit);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await as(stranger).post(`/locations/${locationId}/units`, unit)).statusCode, 404);
    const missing = await as(administrator).post(`/locations/${crypto.randomUUID()}/units`, unit);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');
    const reserved = await as(planner).post(`/locations/${locationId}/units`, { ...unit, reservedFor: 'elv_low_complex' });
    assert.deepEqual(fields(reserved.json()), ['reservedFor:reserved_not_accepted']);
    assert.equal((await as(planner).patch(`/locations/${locationId}`, { regionId })).statusCode, 403);
    assert.equal((await as(stranger).get('/admin/locations')).json().length, 0);
    assert.deepEqual(
      (await as(planner).get('/admin/locations')).json().map((location: { id: string }) => location.id),
      [locationId],
    );
  });

  it('shows a new unit in search at once, with its tariff from a date; the running tariff ends that day', async () => {
    const free = async () =>
      (
        await t.inject({
          method: 'GET',
          url: '/api/availability/search',
          query: { stayType: 'respite', regionId, arrival: inDays(10), departure: inDays(12) },
        })
      ).json();
    assert.equal((await free()).free.length, 1);
    const first = await as(planner).post(`/locations/${locationId}/tariffs`, {
      stayType: 'respite',
      housingCents: 4000,
      stayCents: 2500,
      careCents: 9000,
      validFrom: inDays(0),
    });
    assert.equal(first.statusCode, 201, first.body);
    const next = await as(planner).post(`/locations/${locationId}/tariffs`, {
      stayType: 'respite',
      housingCents: 4200,
      stayCents: 2500,
      careCents: 9300,
      validFrom: inDays(30),
    });
    assert.equal(next.statusCode, 201, next.body);
    const tariffs = (await as(planner).get(`/locations/${locationId}/tariffs`)).json();
    assert.deepEqual(
      tariffs.map((tariff: { validFrom: string; validUntil: string | null }) => [tariff.validFrom, tariff.validUntil]),
      [
        [inDays(0), inDays(30)],
        [inDays(30), null],
      ],
    );
    const overlapping = await as(planner).post(`/locations/${locationId}/tariffs`, {
      stayType: 'respite',
      careCents: 1,
      validFrom: inDays(10),
      validUntil: inDays(20),
    });
    assert.equal(overlapping.statusCode, 409);
    assert.equal(overlapping.json().code, 'period_overlap');
    const backwards = await as(planner).post(`/locations/${locationId}/tariffs`, {
      stayType: 'crisis_wmo',
      validFrom: inDays(10),
      validUntil: inDays(5),
    });
    assert.deepEqual(fields(backwards.json()), ['validUntil:end_before_start']);
  });

  it('refuses to retire a unit with stays ahead, listing them, and retires it once they are gone', async () => {
    const [unit] = (await t.inject({ method: 'GET', url: `/api/locations/${locationId}` })).json().units;
    const clientId = await aClient(t.database.db);
    const booked = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: { unitId: unit.id, clientId, stayType: 'respite', arrival: inDays(20), departure: inDays(23), status: 'confirmed' },
    });
    assert.equal(booked.statusCode, 201, booked.body);
    const refused = await as(planner).post(`/units/${unit.id}/retire`, { from: inDays(15) });
    assert.equal(refused.statusCode, 409);
    assert.deepEqual(
      refused.json().stays.map((stay: { id: string }) => stay.id),
      [booked.json().id],
    );
    const narrowing = await as(planner).patch(`/units/${unit.id}`, { acceptedStayTypes: ['crisis_wmo'] });
    assert.equal(narrowing.statusCode, 409, 'a booked respite guest would no longer fit');
    const retired = await as(planner).post(`/units/${unit.id}/retire`, { from: inDays(23) });
    assert.equal(retired.statusCode, 200, retired.body);
    assert.equal(retired.json().activeUntil, inDays(23));
    const later = await t.inject({
      method: 'GET',
      url: '/api/availability/search',
      query: { stayType: 'respite', regionId, arrival: inDays(30), departure: inDays(32) },
    });
    assert.equal(later.json().free.length, 0, 'a retired unit is offered no more');
  });

  it('records every registry change in the audit log, with who made it and why', async () => {
    const events = (await as(administrator).get('/admin/audit?entity=capacity_unit')).json();
    assert.ok(events.length >= 2, JSON.stringify(events));
    assert.ok(
      events.every(
        (event: { purpose: string; role: string }) => event.purpose === 'registry_management' && event.role === 'provider_planner',
      ),
    );
  });

  it('keeps co-payment rules per municipality, with a new amount from a date', async () => {
    const first = await as(administrator).post('/co-payment-rules', {
      municipality: 'Hoeksche Waard',
      centsPerNight: 1950,
      validFrom: '2026-01-01',
    });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(
      (await as(administrator).post('/co-payment-rules', { municipality: 'Hoeksche Waard', centsPerNight: 2000, validFrom: '2027-01-01' }))
        .statusCode,
      201,
    );
    const rules = (await as(administrator).get('/co-payment-rules')).json();
    assert.deepEqual(
      rules.map((rule: { validUntil: string | null }) => rule.validUntil),
      ['2027-01-01', null],
    );
    const unknown = await as(administrator).post('/co-payment-rules', {
      municipality: 'Nergenshuizen',
      centsPerNight: 1,
      validFrom: '2027-01-01',
    });
    assert.deepEqual(fields(unknown.json()), ['municipality:not_a_municipality']);
    assert.equal(
      (await as(planner).post('/co-payment-rules', { municipality: 'Hoeksche Waard', centsPerNight: 1, validFrom: '2028-01-01' }))
        .statusCode,
      403,
    );
  });
});
