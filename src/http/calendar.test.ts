import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

describe('a stay as an iCalendar file', () => {
  let t: TestApp;
  let stayId: string;
  let organisationId: string;

  before(async () => {
    t = await createTestApp();
    const locationId = await aLocation(t.database.db, await aRegion(t.database.db), { name: 'Zoomwijck' });
    organisationId = await organisationOf(t.database.db, locationId);
    const unitId = await aUnit(t.database.db, locationId, { name: 'Kamer 7' });
    const clientId = await aClient(t.database.db, 'Jannie Verhoeven');
    const booked = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: { unitId, clientId, stayType: 'respite', arrival: inDays(20), departure: inDays(34), status: 'confirmed' },
    });
    stayId = booked.json().id;
  });
  after(() => t.close());

  const compact = (date: string) => date.replaceAll('-', '');

  it("is an all-day event from arrival to departure at the location, without the guest's name", async () => {
    const response = await t.inject({ method: 'GET', url: `/api/stays/${stayId}/calendar.ics` });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/calendar/);
    const text = response.body.replace(/\r\n /g, '');
    assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0/);
    assert.match(text, new RegExp(`UID:${stayId}@adempauze.nl`));
    assert.match(text, new RegExp(`DTSTART;VALUE=DATE:${compact(inDays(20))}`));
    assert.match(text, new RegExp(`DTEND;VALUE=DATE:${compact(inDays(34))}`));
    assert.match(text, /SUMMARY:Logeerzorg: Zoomwijck/);
    assert.match(text, /STATUS:CONFIRMED/);
    assert.ok(!text.includes('Jannie'), 'the guest is not named');
  });

  it('raises the sequence with every change, also several within one second, so calendars replace the entry', async () => {
    const calendar = async () => (await t.inject({ method: 'GET', url: `/api/stays/${stayId}/calendar.ics` })).body;
    const sequence = (text: string) => Number(/SEQUENCE:(\d+)/.exec(text)![1]);
    const booked = await calendar();
    const shortened = await t.inject({ method: 'PATCH', url: `/api/stays/${stayId}/dates`, payload: { departure: inDays(33) } });
    assert.equal(shortened.statusCode, 200, shortened.body);
    const afterShortening = await calendar();
    const cancelled = await t.inject({
      method: 'POST',
      url: `/api/stays/${stayId}/cancel`,
      payload: { reason: 'Dochter kan toch zelf zorgen' },
    });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    const afterCancelling = await calendar();
    assert.match(afterShortening, new RegExp(`DTEND;VALUE=DATE:${compact(inDays(33))}`));
    assert.match(afterCancelling, /STATUS:CANCELLED/);
    assert.deepEqual([sequence(afterShortening) - sequence(booked), sequence(afterCancelling) - sequence(afterShortening)], [1, 1]);
  });

  it('is there for the provider of the location, and answers 404 to another provider', async () => {
    assert.equal(
      (await t.inject({ method: 'GET', url: `/api/stays/${stayId}/calendar.ics` }, await t.signIn('provider_planner', organisationId)))
        .statusCode,
      200,
    );
    const other = (
      await t.database.db.insertInto('organisation').values({ name: 'Ander', agb_code: null }).returning('id').executeTakeFirstOrThrow()
    ).id;
    assert.equal(
      (await t.inject({ method: 'GET', url: `/api/stays/${stayId}/calendar.ics` }, await t.signIn('provider_planner', other))).statusCode,
      404,
    );
  });
});
