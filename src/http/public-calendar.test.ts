import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe('the public week calendar of a location', () => {
  let t: TestApp;
  let locationId: string;
  let clientId: string;
  const secrets: string[] = [];

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    locationId = await aLocation(db, await aRegion(db), { name: 'Logeerhuis De Kalender' });
    // Three rooms for respite, ELV and crisis alike, and one bed kept for crisis only.
    const [a, b, c] = [
      await aUnit(db, locationId, { name: 'Kamer A' }),
      await aUnit(db, locationId, { name: 'Kamer B' }),
      await aUnit(db, locationId, { name: 'Kamer C' }),
    ];
    const crisisBed = await aUnit(db, locationId, { name: 'Crisisbed', accepted: ['crisis_wmo'], reservedFor: 'crisis_wmo' });
    clientId = await aClient(db, 'Ida Verborgen');
    // Each stay a guest of its own: one guest never stays in two rooms the same night.
    const stay = async (unitId: string, arrival: number, departure: number, status: 'confirmed' | 'hold') => {
      const clientId = await aClient(db, 'Ida Verborgen');
      secrets.push(clientId);
      const response = await t.inject({
        method: 'POST',
        url: '/api/stays',
        payload: { unitId, clientId, stayType: 'respite', arrival: inDays(arrival), departure: inDays(departure), status },
      });
      assert.equal(response.statusCode, 201, response.body);
      secrets.push(response.json().id);
    };
    await stay(a, 1, 4, 'confirmed');
    await stay(b, 2, 4, 'confirmed');
    await stay(b, 5, 7, 'confirmed');
    await stay(c, 6, 7, 'hold');
    const closure = await t.inject({
      method: 'POST',
      url: `/api/units/${c}/closures`,
      payload: { startsOn: inDays(3), endsOn: inDays(5), reason: 'maintenance', note: 'Schilderwerk' },
    });
    assert.equal(closure.statusCode, 201, closure.body);
    // A hold past its expiry no longer takes the room, even before the sweeper has marked it.
    await db
      .insertInto('stay')
      .values({
        unit_id: a,
        client_id: clientId,
        stay_type: 'respite',
        arrival: inDays(5),
        departure: inDays(6),
        status: 'hold',
        hold_expires_at: new Date(appClock().now().getTime() - 60_000),
        cancel_reason: null,
        series_id: null,
      })
      .execute();
    secrets.push(closure.json().id, a, b, c, crisisBed, clientId, 'Ida Verborgen', 'Kamer A', 'Crisisbed', 'Schilderwerk');
  });
  after(() => t.close());

  const week = (query: string, headers: Record<string, string> = {}, remoteAddress = '198.51.100.1') =>
    t.inject({ method: 'GET', url: `/api/locations/${locationId}/week${query}`, headers, remoteAddress }, 'anonymous');

  it('shows free, limited and full per night and stay type from real stays, holds and a closure, to anyone', async () => {
    const response = await week(`?from=${inDays(0)}`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.from, inDays(0));
    assert.equal(body.to, inDays(7));
    assert.deepEqual(body.dates, [0, 1, 2, 3, 4, 5, 6].map(inDays));
    // Night 2: A and B taken. Night 3: A and B taken, C closed. Night 6: B taken, C held.
    const rooms = ['free', 'free', 'limited', 'full', 'free', 'free', 'limited'];
    assert.deepEqual(body.stayTypes, [
      { stayType: 'respite', days: rooms },
      // The crisis bed adds a place for crisis only.
      { stayType: 'crisis_wmo', days: ['free', 'free', 'free', 'limited', 'free', 'free', 'free'] },
      { stayType: 'elv_low_complex', days: rooms },
    ]);
    assert.equal(body.previousFrom, null);
    assert.equal(body.nextFrom, inDays(7));
  });

  it("shows no person, stay, unit or count: only the location's own id and the three words", async () => {
    const response = await week('');
    const text = response.body;
    for (const secret of secrets) assert.ok(!text.includes(secret), `the calendar reveals ${secret}`);
    assert.deepEqual(text.match(UUID), [locationId]);
    const body = response.json();
    assert.deepEqual(Object.keys(body).sort(), ['dates', 'from', 'locationId', 'nextFrom', 'previousFrom', 'stayTypes', 'to']);
    for (const row of body.stayTypes) {
      assert.deepEqual(Object.keys(row).sort(), ['days', 'stayType']);
      for (const day of row.days) assert.ok(['free', 'limited', 'full'].includes(day));
    }
    assert.equal(response.headers['set-cookie'], undefined);
  });

  it('starts today when no week is given, and steps on a week at a time', async () => {
    const first = (await week('')).json();
    assert.equal(first.from, inDays(0));
    const second = (await week(`?from=${first.nextFrom}`)).json();
    assert.equal(second.from, inDays(7));
    assert.equal(second.previousFrom, inDays(0));
    assert.deepEqual(
      second.stayTypes.map((row: { days: string[] }) => row.days),
      [Array(7).fill('free'), Array(7).fill('free'), Array(7).fill('free')],
    );
  });

  it('refuses a date that is not a date, in the past, or more than a year ahead, naming the field', async () => {
    const cases: [string, Record<string, string>, string, RegExp][] = [
      ['2027-02-30', {}, 'invalid_date', /bestaande datum/],
      ['volgende-week', {}, 'invalid_date', /JJJJ-MM-DD/],
      [inDays(-1), {}, 'date_in_past', /verleden/],
      [inDays(366), {}, 'week_too_far', /binnen een jaar/],
      [inDays(400), { 'accept-language': 'en' }, 'week_too_far', /within a year/],
    ];
    for (const [from, headers, code, detail] of cases) {
      const response = await week(`?from=${from}`, headers);
      assert.equal(response.statusCode, 400, `${from}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const [error, ...rest] = response.json().errors;
      assert.deepEqual(rest, []);
      assert.equal(error.field, 'from');
      assert.equal(error.code, code);
      assert.match(error.detail, detail);
    }
    const unknownField = await week('?from=2030-01-01&unit=1');
    assert.equal(unknownField.statusCode, 400);
    assert.equal(unknownField.json().errors[0].field, 'unit');
    assert.equal((await week(`?from=${inDays(365)}`)).statusCode, 200);
  });

  it('shows a month from today on with the same three words, and pages month by month within a year', async () => {
    const month = (query: string) =>
      t.inject({ method: 'GET', url: `/api/locations/${locationId}/month${query}`, remoteAddress: '198.51.100.7' }, 'anonymous');
    const today = appClock().today();
    const now = (await month('')).json();
    assert.equal(now.month, today.slice(0, 7));
    assert.equal(now.dates[0], today, 'the past is of no use to someone booking');
    assert.equal(now.previousMonth, null);
    assert.ok(now.stayTypes.every((row: { days: string[] }) => row.days.length === now.dates.length));
    // The week calendar and the month agree on the nights they share.
    const weekDays = (await week('')).json().stayTypes.find((row: { stayType: string }) => row.stayType === 'respite').days as string[];
    const monthDays = (now.stayTypes.find((row: { stayType: string }) => row.stayType === 'respite').days as string[]).slice(0, 7);
    assert.deepEqual(monthDays, weekDays.slice(0, monthDays.length));
    const next = (await month(`?month=${now.nextMonth}`)).json();
    assert.equal(next.dates[0], `${now.nextMonth}-01`);
    assert.equal(next.previousMonth, now.month);
    for (const [query, code] of [
      ['?month=2000-01', 'date_in_past'],
      [`?month=${Number(today.slice(0, 4)) + 2}-01`, 'month_too_far'],
    ] as const) {
      const refused = await month(query);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(refused.json().errors[0].code, code);
    }
    assert.equal((await month('?month=2027-13')).statusCode, 400);
  });

  it('answers 404 for a location that does not exist and 400 for an id that is none', async () => {
    const unknown = await t.inject(
      { method: 'GET', url: '/api/locations/00000000-0000-4000-8000-000000000000/week', remoteAddress: '198.51.100.2' },
      'anonymous',
    );
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'not_found');
    const malformed = await t.inject({ method: 'GET', url: '/api/locations/kalender/week', remoteAddress: '198.51.100.2' }, 'anonymous');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().errors[0].field, 'id');
  });

  it('takes at most 60 requests a minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await week('', {}, '198.51.100.60')).statusCode);
    assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
    assert.equal(statuses[60], 429);
    assert.equal((await week('', {}, '198.51.100.61')).statusCode, 200);
  });
});
