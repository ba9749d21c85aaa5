import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/**
 * Dates out of any sane range, as a crash test sent them: every one is refused with a problem document naming the
 * field, and nothing is stored that the app could not describe afterwards.
 */
describe('dates out of range are refused everywhere, before anything is stored', () => {
  let t: TestApp;
  let regionId: string;
  let unitId: string;
  let clientId: string;

  before(async () => {
    t = await createTestApp();
    regionId = await aRegion(t.database.db);
    unitId = await aUnit(t.database.db, await aLocation(t.database.db, regionId));
    clientId = await aClient(t.database.db);
  });
  after(() => t.close());

  const refused = (response: { statusCode: number; json(): { errors?: { field: string; code: string }[] } }, field: string) => {
    assert.equal(response.statusCode, 400, JSON.stringify(response.json()));
    assert.ok(
      response.json().errors?.some((error) => error.field.endsWith(field)),
      JSON.stringify(response.json()),
    );
  };

  it('refuses a series whose moved stay would depart in the year 10000, and stores no series', async () => {
    const series = {
      clientId,
      unitId,
      stayType: 'respite',
      rrule: 'FREQ=MONTHLY;COUNT=2',
      firstArrival: inDays(10),
      nights: 4,
      overrides: [{ arrival: inDays(10), newArrival: '9999-12-30' }],
    };
    refused(await t.inject({ method: 'POST', url: '/api/series/preview', payload: series }), 'newArrival');
    refused(await t.inject({ method: 'POST', url: '/api/series', payload: series }), 'newArrival');
    assert.equal((await t.database.db.selectFrom('stay_series').select('id').where('client_id', '=', clientId).execute()).length, 0);
    assert.equal((await t.database.db.selectFrom('stay').select('id').where('client_id', '=', clientId).execute()).length, 0);
  });

  it('refuses a series that starts in the year 9999', async () => {
    const series = { clientId, unitId, stayType: 'respite', rrule: 'FREQ=MONTHLY;COUNT=2', firstArrival: '9999-12-01', nights: 4 };
    refused(await t.inject({ method: 'POST', url: '/api/series/preview', payload: series }), 'firstArrival');
  });

  it('refuses the year 0000 in a search and in the grid', async () => {
    refused(
      await t.inject({
        method: 'GET',
        url: '/api/availability/search',
        query: { stayType: 'respite', regionId, arrival: '0000-01-01', departure: '0000-01-05' },
      }),
      'arrival',
    );
    refused(
      await t.inject({ method: 'GET', url: '/api/availability/grid', query: { regionId, from: '0000-01-01', to: '0000-01-10' } }),
      'from',
    );
  });

  it("refuses moving a stay's departure to 9999-12-31 or 400 nights on", async () => {
    const booked = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: { clientId, unitId, stayType: 'respite', arrival: inDays(20), departure: inDays(24) },
    });
    assert.equal(booked.statusCode, 201, booked.body);
    const id = booked.json().id;
    refused(await t.inject({ method: 'PATCH', url: `/api/stays/${id}/dates`, payload: { departure: '9999-12-31' } }), 'departure');
    refused(await t.inject({ method: 'PATCH', url: `/api/stays/${id}/dates`, payload: { departure: inDays(420) } }), 'departure');
    const stay = await t.inject({ method: 'GET', url: `/api/stays/${id}` });
    assert.equal(stay.json().departure, inDays(24));
    assert.equal((await t.inject({ method: 'GET', url: `/api/stays/${id}/calendar.ics` })).statusCode, 200);
  });

  it('refuses a birth date before 1900', async () => {
    const client = await t.inject({
      method: 'POST',
      url: '/api/clients',
      payload: { name: 'Oud', pc4: '3262', dateOfBirth: '1066-10-14' },
    });
    refused(client, 'dateOfBirth');
  });
});
