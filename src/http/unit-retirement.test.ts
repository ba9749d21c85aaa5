import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

/** Retiring a unit never strands a guest: refused with the stays and where they could go, or done with explicit moves. */
describe('taking a unit out of use with its guests moved', () => {
  let t: TestApp;
  let planner: SessionHeaders;
  let leaving: string;
  let sameHouse: string;
  let otherProvider: string;
  let stayId: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const regionId = await aRegion(db);
    const locationId = await aLocation(db, regionId, { name: 'Wijkpension Alfa' });
    const elsewhere = await aLocation(db, regionId, { name: 'Logeerhuis Bravo' });
    leaving = await aUnit(db, locationId, { name: 'Kamer 1' });
    sameHouse = await aUnit(db, locationId, { name: 'Kamer 2' });
    otherProvider = await aUnit(db, elsewhere, { name: 'Kamer Bravo' });
    planner = await t.signIn('provider_planner', await organisationOf(db, locationId));
    const stay = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: {
        unitId: leaving,
        clientId: await aClient(db),
        stayType: 'respite',
        arrival: inDays(10),
        departure: inDays(14),
        status: 'confirmed',
      },
    });
    assert.equal(stay.statusCode, 201, stay.body);
    stayId = stay.json().id;
  });
  after(() => t.close());

  const retire = (body: object, as: SessionHeaders = planner) =>
    t.inject({ method: 'POST', url: `/api/units/${leaving}/retire`, payload: body }, as);

  it("refuses while a guest is booked, naming the stay and the free units for its dates (a planner's own only)", async () => {
    const refused = await retire({ from: inDays(5) });
    assert.equal(refused.statusCode, 409);
    const [stay] = refused.json().stays;
    assert.equal(stay.id, stayId);
    assert.deepEqual(
      stay.alternatives.map((unit: { unitId: string }) => unit.unitId),
      [sameHouse],
    );
    const administrator = await retire({ from: inDays(5) }, await t.signIn('administrator'));
    assert.equal(administrator.statusCode, 409, administrator.body);
    const forTheAdministrator = administrator.json().stays[0].alternatives;
    assert.deepEqual(forTheAdministrator.map((unit: { unitId: string }) => unit.unitId).sort(), [sameHouse, otherProvider].sort());
  });

  it("refuses a move of a stay not on this unit, and a move to another provider's unit, changing nothing", async () => {
    const wrongStay = await retire({ from: inDays(5), moves: [{ stayId: sameHouse, unitId: sameHouse }] });
    assert.deepEqual(
      wrongStay.json().errors.map((e: { field: string }) => e.field),
      ['moves.0.stayId'],
    );
    assert.equal((await retire({ from: inDays(5), moves: [{ stayId, unitId: otherProvider }] })).statusCode, 404);
    assert.equal((await t.inject({ method: 'GET', url: `/api/stays/${stayId}` })).json().unitId, leaving);
  });

  it('moves the guest to the chosen unit and then retires the unit', async () => {
    const retired = await retire({ from: inDays(5), moves: [{ stayId, unitId: sameHouse }] });
    assert.equal(retired.statusCode, 200, retired.body);
    assert.equal(retired.json().activeUntil, inDays(5));
    assert.equal((await t.inject({ method: 'GET', url: `/api/stays/${stayId}` })).json().unitId, sameHouse);
  });
});
