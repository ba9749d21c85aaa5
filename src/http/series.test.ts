import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, isoWeekday, nightsBetween } from '../domain/dates.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/** The first date on or after `from` that falls on the ISO weekday (1 = Monday). */
function nextWeekday(from: string, weekday: number): string {
  let date = from;
  while (isoWeekday(date) !== weekday) date = addDays(date, 1);
  return date;
}

for (const readModel of [false, true])
  describe(`recurring series over HTTP, alternatives from ${readModel ? 'the read model' : 'the database'}`, () => {
    let t: TestApp;
    let locationId: string;
    let clientId: string;

    before(async () => {
      t = await createTestApp({ readModel });
      locationId = await aLocation(t.database.db, await aRegion(t.database.db));
      clientId = await aClient(t.database.db, 'Piet uit H.');
    });
    after(() => t.close());

    const post = (url: string, payload: object) => t.inject({ method: 'POST', url, payload });
    const stayCount = async (unitId: string) =>
      (await t.database.db.selectFrom('stay').select('id').where('unit_id', '=', unitId).execute()).length;

    it('books "4 nights every month for 6 months" in one go', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const firstArrival = inDays(10);
      const response = await post('/api/series', {
        clientId: await aClient(t.database.db),
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=MONTHLY;COUNT=6',
        firstArrival,
        nights: 4,
      });
      assert.equal(response.statusCode, 201, response.body);
      const { seriesId, stays } = response.json();
      assert.equal(stays.length, 6);
      for (const stay of stays) {
        assert.equal(nightsBetween(stay.arrival, stay.departure), 4);
        assert.equal(stay.seriesId, seriesId);
        assert.equal(stay.status, 'confirmed');
      }
      assert.equal(await stayCount(unitId), 6);
    });

    it('books "Wednesday to Monday every other week"', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const firstArrival = nextWeekday(inDays(3), 3);
      const response = await post('/api/series', {
        clientId: await aClient(t.database.db),
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=4',
        firstArrival,
        nights: 5,
      });
      assert.equal(response.statusCode, 201, response.body);
      for (const stay of response.json().stays) {
        assert.equal(isoWeekday(stay.arrival), 3);
        assert.equal(isoWeekday(stay.departure), 1);
      }
    });

    it('books "a weekend each quarter"', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const response = await post('/api/series', {
        clientId: await aClient(t.database.db),
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;COUNT=4',
        firstArrival: inDays(2),
        nights: 2,
      });
      assert.equal(response.statusCode, 201, response.body);
      const stays = response.json().stays;
      assert.equal(stays.length, 4);
      for (const stay of stays) assert.equal(isoWeekday(stay.arrival), 5);
    });

    it('books nothing when one date is taken, reports it with alternatives, then books with the chosen override', async () => {
      const unitId = await aUnit(t.database.db, locationId, { name: 'Kamer Plezant' });
      const spareUnitId = await aUnit(t.database.db, locationId, { name: 'Kamer Reserve' });
      const firstArrival = inDays(20);
      // A guest without other stays: the only problem is the room taken on one date.
      const series = {
        clientId: await aClient(t.database.db, 'Piet uit O.'),
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=WEEKLY;COUNT=4',
        firstArrival,
        nights: 3,
      };
      const taken = addDays(firstArrival, 14);
      const other = (
        await post('/api/stays', {
          unitId,
          clientId: await aClient(t.database.db, 'Een ander'),
          stayType: 'respite',
          arrival: taken,
          departure: addDays(taken, 2),
          status: 'confirmed',
        })
      ).json();
      assert.ok(other.id);

      const preview = await post('/api/series/preview', series);
      assert.equal(preview.statusCode, 200);
      assert.deepEqual(
        preview.json().occurrences.map((o: { problem: string | null }) => o.problem),
        [null, null, 'stay_conflict', null],
      );

      const refused = await post('/api/series', series);
      assert.equal(refused.statusCode, 409);
      const problem = refused.json();
      assert.equal(problem.code, 'series_conflict');
      assert.match(problem.detail, /1 van de 4 verblijven past niet\. Er is niets geboekt/);
      const conflict = problem.occurrences.find((o: { problem: string | null }) => o.problem !== null);
      assert.equal(conflict.arrival, taken);
      assert.ok(conflict.alternatives.otherUnits.some((u: { unitId: string }) => u.unitId === spareUnitId));
      assert.equal(await stayCount(unitId), 1, 'nothing of the series was written');

      const booked = await post('/api/series', { ...series, overrides: [{ arrival: taken, unitId: spareUnitId }] });
      assert.equal(booked.statusCode, 201, booked.body);
      assert.equal(booked.json().stays.length, 4);
      assert.equal(await stayCount(unitId), 4);
      assert.equal(await stayCount(spareUnitId), 1);
    });

    it('explains an unbounded or malformed rule on the rrule field', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const unbounded = await post('/api/series', {
        clientId,
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=MONTHLY',
        firstArrival: inDays(5),
        nights: 4,
      });
      assert.equal(unbounded.statusCode, 422);
      assert.deepEqual(
        unbounded.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['rrule', 'unbounded']],
      );
      assert.match(unbounded.json().errors[0].detail, /COUNT/);
      const malformed = await post('/api/series', {
        clientId,
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=HOURLY;COUNT=3',
        firstArrival: inDays(5),
        nights: 1,
      });
      assert.equal(malformed.json().errors[0].code, 'invalid_rrule');
    });

    it('refuses an override for a date that is not in the series', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const response = await post('/api/series', {
        clientId: await aClient(t.database.db),
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=MONTHLY;COUNT=2',
        firstArrival: inDays(5),
        nights: 2,
        overrides: [{ arrival: inDays(6), skip: true }],
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().errors[0].field, 'overrides.0.arrival');
    });

    it("books a series for a triaged referral: the stays belong to it and its status follows; another client's referral is refused", async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const referral = await post('/api/referrals', {
        kind: 'respite_recurring',
        referrerKind: 'casemanager_dementia',
        client: { name: 'Reeks de Logé', dateOfBirth: '1944-04-04', postcode: '3262 GD' },
        consent: { given: true, by: 'Reeks de Logé' },
      });
      assert.equal(referral.statusCode, 201, referral.body);
      const { id: referralId, clientId: referralClient } = referral.json();
      assert.equal((await post(`/api/referrals/${referralId}/triage`, { answers: triageAnswers() })).statusCode, 201);
      const body = {
        clientId: referralClient,
        referralId,
        unitId,
        stayType: 'respite',
        rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3',
        firstArrival: inDays(9),
        nights: 3,
      };

      const wrong = await post('/api/series', { ...body, clientId });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(
        wrong.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['referralId', 'other_client']],
      );
      assert.equal(await stayCount(unitId), 0);

      const booked = await post('/api/series', body);
      assert.equal(booked.statusCode, 201, booked.body);
      const stays = await t.database.db.selectFrom('stay').select('referral_id').where('unit_id', '=', unitId).execute();
      assert.deepEqual(
        stays.map((stay) => stay.referral_id),
        [referralId, referralId, referralId],
      );
      assert.equal((await t.inject({ method: 'GET', url: `/api/referrals/${referralId}` })).json().status, 'booked');
    });
  });
