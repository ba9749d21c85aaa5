import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

for (const readModel of [false, true])
  describe(`stays over HTTP, alternatives from ${readModel ? 'the read model' : 'the database'}`, () => {
    let t: TestApp;
    let regionId: string;
    let locationId: string;
    let clientId: string;

    before(async () => {
      t = await createTestApp({ readModel });
      regionId = await aRegion(t.database.db);
      locationId = await aLocation(t.database.db, regionId);
      clientId = await aClient(t.database.db);
    });
    after(() => t.close());

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.inject({ method: 'POST', url, payload: payload as object, headers });
    /** Books for a guest of its own (unless given): one guest never stays in two places the same night. */
    const book = async (unitId: string, arrival: string, departure: string, status = 'confirmed', guest?: string) =>
      post('/api/stays', { unitId, clientId: guest ?? (await aClient(t.database.db)), stayType: 'respite', arrival, departure, status });
    const staysOf = (unitId: string) =>
      t.database.db.selectFrom('stay').select(['id', 'status', 'arrival', 'departure']).where('unit_id', '=', unitId).execute();

    it('holds a unit, then confirms the hold', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const held = await book(unitId, inDays(10), inDays(14), 'hold');
      assert.equal(held.statusCode, 201, held.body);
      const stay = held.json();
      assert.equal(stay.status, 'hold');
      assert.ok(new Date(stay.holdExpiresAt).getTime() > appClock().now().getTime() + 29 * 60_000);
      const confirmed = await post(`/api/stays/${stay.id}/confirm`, {});
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal(confirmed.json().status, 'confirmed');
      assert.equal(confirmed.json().holdExpiresAt, null);
    });

    it('refuses an overlapping stay with 409, alternatives, and writes nothing', async () => {
      const unitId = await aUnit(t.database.db, locationId, { name: 'Kamer 1' });
      const otherUnitId = await aUnit(t.database.db, locationId, { name: 'Kamer 2' });
      assert.equal((await book(unitId, inDays(20), inDays(27))).statusCode, 201);
      const before = await staysOf(unitId);

      const conflict = await book(unitId, inDays(25), inDays(30));
      assert.equal(conflict.statusCode, 409);
      assert.equal(conflict.headers['content-type'], 'application/problem+json; charset=utf-8');
      const problem = conflict.json();
      assert.equal(problem.code, 'stay_conflict');
      assert.match(problem.detail, /Kamer 1 in Wijkpension De Test is niet vrij/);
      assert.ok(problem.alternatives.otherUnits.some((u: { unitId: string }) => u.unitId === otherUnitId));
      assert.ok(problem.alternatives.otherDates.length > 0);
      for (const range of problem.alternatives.otherDates) {
        assert.ok(range.from >= inDays(27) || range.to <= inDays(20), `suggested ${range.from}–${range.to} overlaps`);
      }
      assert.deepEqual(await staysOf(unitId), before);
    });

    it('refuses the same guest in a second place on the same nights, naming where the guest already stays', async () => {
      const guest = await aClient(t.database.db, 'Jan Dubbel');
      const first = await aUnit(t.database.db, locationId, { name: 'Kamer Een' });
      const second = await aUnit(t.database.db, locationId, { name: 'Kamer Twee' });
      const booked = (await book(first, inDays(50), inDays(55), 'confirmed', guest)).json();

      const again = await book(second, inDays(54), inDays(57), 'hold', guest);
      assert.equal(again.statusCode, 409);
      const problem = again.json();
      assert.equal(problem.code, 'client_already_staying');
      assert.match(problem.detail, /verblijft van .* al in Wijkpension De Test/);
      assert.deepEqual(
        problem.stays.map((s: { id: string; unitName: string }) => [s.id, s.unitName]),
        [[booked.id, 'Kamer Een']],
      );
      assert.equal((await staysOf(second)).length, 0);

      // The day the guest goes home is free for the next stay; extending into it afterwards is not.
      const next = (await book(second, inDays(55), inDays(57), 'confirmed', guest)).json();
      const extend = await t.inject({ method: 'PATCH', url: `/api/stays/${booked.id}/dates`, payload: { departure: inDays(56) } });
      assert.equal(extend.statusCode, 409);
      assert.equal(extend.json().code, 'client_already_staying');
      assert.deepEqual(
        extend.json().stays.map((s: { id: string }) => s.id),
        [next.id],
      );
      // Once the first stay is cancelled, its nights are the guest's to book again.
      await post(`/api/stays/${booked.id}/cancel`, { reason: 'Andere plek gekozen' });
      assert.equal((await book(second, inDays(50), inDays(55), 'confirmed', guest)).statusCode, 201);
    });

    it('allows back-to-back stays: departure day is the next arrival day', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      assert.equal((await book(unitId, inDays(30), inDays(33))).statusCode, 201);
      assert.equal((await book(unitId, inDays(33), inDays(35))).statusCode, 201);
      assert.equal((await staysOf(unitId)).length, 2);
    });

    it('speaks English when asked', async () => {
      const unitId = await aUnit(t.database.db, locationId, { name: 'Room 9' });
      await book(unitId, inDays(40), inDays(42));
      const conflict = await post(
        '/api/stays',
        { unitId, clientId, stayType: 'respite', arrival: inDays(41), departure: inDays(43) },
        { 'accept-language': 'en-GB,en;q=0.9' },
      );
      assert.equal(conflict.statusCode, 409);
      assert.match(conflict.json().detail, /Room 9 at Wijkpension De Test is not free/);
    });

    it('names the offending fields of a bad request in Dutch', async () => {
      const response = await post('/api/stays', {
        unitId: 'not-a-uuid',
        clientId,
        stayType: 'holiday',
        arrival: '2027-02-30',
        departure: inDays(3),
        colour: 'blue',
      });
      assert.equal(response.statusCode, 400);
      const problem = response.json();
      assert.equal(problem.code, 'validation_failed');
      const fields = Object.fromEntries(problem.errors.map((e: { field: string; detail: string }) => [e.field, e.detail]));
      assert.match(fields.unitId, /geen geldige code/);
      assert.match(fields.stayType, /Kies een van: respite/);
      assert.match(fields.arrival, /bestaande datum/);
      assert.match(fields.colour, /kennen we niet/);
    });

    it('rejects a departure before the arrival', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const response = await book(unitId, inDays(10), inDays(9));
      assert.equal(response.statusCode, 400);
      assert.deepEqual(
        response.json().errors.map((e: { field: string }) => e.field),
        ['departure'],
      );
    });

    it('refuses a stay type the unit does not take, and a unit reserved for another type', async () => {
      const elvOnly = await aUnit(t.database.db, locationId, { accepted: ['elv_high_complex'] });
      assert.equal((await book(elvOnly, inDays(5), inDays(8))).statusCode, 422);
      const reserved = await aUnit(t.database.db, locationId, { accepted: ['respite', 'crisis_wmo'], reservedFor: 'crisis_wmo' });
      assert.equal((await book(reserved, inDays(5), inDays(8))).json().code, 'stay_type_not_accepted');
    });

    it('refuses a stay in the past, and a stay on a closed unit', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      assert.equal((await book(unitId, inDays(-3), inDays(2))).json().code, 'arrival_in_past');
      const closure = await post(`/api/units/${unitId}/closures`, { startsOn: inDays(50), endsOn: inDays(60), reason: 'maintenance' });
      assert.equal(closure.statusCode, 201, closure.body);
      const refused = await book(unitId, inDays(55), inDays(62));
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'unit_closed');
    });

    it('cancels only with a reason, and frees the unit', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const stay = (await book(unitId, inDays(60), inDays(64))).json();
      assert.equal((await post(`/api/stays/${stay.id}/cancel`, {})).statusCode, 400);
      const cancelled = await post(`/api/stays/${stay.id}/cancel`, { reason: 'Mantelzorger kan toch zelf zorgen' });
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal((await book(unitId, inDays(60), inDays(64))).statusCode, 201);
    });

    it('extends and shortens a stay, refusing an extension into the next guest', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const stay = (await book(unitId, inDays(70), inDays(74))).json();
      await book(unitId, inDays(78), inDays(80));
      const patch = (payload: object) => t.inject({ method: 'PATCH', url: `/api/stays/${stay.id}/dates`, payload });
      assert.equal((await patch({ departure: inDays(78) })).json().departure, inDays(78));
      assert.equal((await patch({ departure: inDays(79) })).statusCode, 409);
      assert.equal((await patch({ departure: inDays(72) })).json().departure, inDays(72));
    });

    it('moves a stay to a free unit and refuses a taken one', async () => {
      const from = await aUnit(t.database.db, locationId);
      const to = await aUnit(t.database.db, locationId);
      const taken = await aUnit(t.database.db, locationId);
      const stay = (await book(from, inDays(90), inDays(95))).json();
      await book(taken, inDays(93), inDays(96));
      assert.equal((await post(`/api/stays/${stay.id}/move`, { unitId: taken })).statusCode, 409);
      const moved = await post(`/api/stays/${stay.id}/move`, { unitId: to });
      assert.equal(moved.json().unitId, to);
      assert.equal((await staysOf(from)).length, 0);
    });

    it('never lands a stay in a closure when a move and an extension race', async () => {
      for (const order of ['move first', 'extend first']) {
        const from = await aUnit(t.database.db, locationId);
        const to = await aUnit(t.database.db, locationId);
        await post(`/api/units/${to}/closures`, { startsOn: inDays(111), endsOn: inDays(112), reason: 'maintenance' });
        const stay = (await book(from, inDays(110), inDays(111))).json();
        const move = () => post(`/api/stays/${stay.id}/move`, { unitId: to });
        const extend = () => t.inject({ method: 'PATCH', url: `/api/stays/${stay.id}/dates`, payload: { departure: inDays(112) } });
        const codes = (await Promise.all(order === 'move first' ? [move(), extend()] : [extend(), move()])).map((r) => r.statusCode).sort();
        assert.deepEqual(codes, [200, 409], order);
        const [row] = await staysOf(to);
        assert.ok(!row || row.departure <= inDays(111), `${order}: stay overlaps the closure`);
      }
    });

    it('lets a stay be shortened even when a later closure overlaps it', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const stay = (await book(unitId, inDays(120), inDays(126))).json();
      await post(`/api/units/${unitId}/closures`, { startsOn: inDays(124), endsOn: inDays(130), reason: 'admission_stop' });
      const shortened = await t.inject({ method: 'PATCH', url: `/api/stays/${stay.id}/dates`, payload: { departure: inDays(125) } });
      assert.equal(shortened.statusCode, 200, shortened.body);
      const extended = await t.inject({ method: 'PATCH', url: `/api/stays/${stay.id}/dates`, payload: { departure: inDays(127) } });
      assert.equal(extended.json().code, 'unit_closed');
    });

    it('follows the lifecycle and refuses steps out of order', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const stay = (await book(unitId, inDays(0), inDays(3))).json();
      assert.equal((await post(`/api/stays/${stay.id}/depart`, {})).statusCode, 409);
      assert.equal((await post(`/api/stays/${stay.id}/arrive`, {})).json().status, 'arrived');
      assert.equal((await post(`/api/stays/${stay.id}/depart`, {})).json().status, 'departed');
      const again = await post(`/api/stays/${stay.id}/cancel`, { reason: 'te laat' });
      assert.equal(again.statusCode, 409);
      assert.match(again.json().detail, /vertrokken/);
    });

    it('expires an unconfirmed hold so the unit is free again', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const stay = (
        await post('/api/stays', {
          unitId,
          clientId,
          stayType: 'respite',
          arrival: inDays(100),
          departure: inDays(103),
          status: 'hold',
          holdMinutes: 1,
        })
      ).json();
      // Age the hold instead of waiting a minute.
      await t.database.db
        .updateTable('stay')
        .set({ hold_expires_at: new Date(appClock().now().getTime() - 1000) })
        .where('id', '=', stay.id)
        .execute();
      assert.equal((await post(`/api/stays/${stay.id}/confirm`, {})).json().code, 'hold_expired');
      assert.equal((await book(unitId, inDays(100), inDays(103))).statusCode, 201);
    });

    it('books over a hold whose time has run out, marking that hold expired', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const hold = (await book(unitId, inDays(130), inDays(133), 'hold')).json();
      await t.database.db
        .updateTable('stay')
        .set({ hold_expires_at: new Date(appClock().now().getTime() - 1000) })
        .where('id', '=', hold.id)
        .execute();
      const booked = await book(unitId, inDays(131), inDays(134));
      assert.equal(booked.statusCode, 201, booked.body);
      assert.equal((await t.inject({ method: 'GET', url: `/api/stays/${hold.id}` })).json().status, 'expired');
    });

    it('answers 404 for a client that does not exist, and writes nothing', async () => {
      const unitId = await aUnit(t.database.db, locationId);
      const response = await post('/api/stays', {
        unitId,
        clientId: '00000000-0000-4000-8000-000000000001',
        stayType: 'respite',
        arrival: inDays(5),
        departure: inDays(7),
      });
      assert.equal(response.statusCode, 404);
      assert.match(response.json().detail, /deze cliënt/);
      assert.equal((await staysOf(unitId)).length, 0);
    });

    it('answers 404 as a problem for an unknown stay and an unknown route', async () => {
      const missing = await t.inject({ method: 'GET', url: '/api/stays/00000000-0000-4000-8000-000000000000' });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().detail, /dit verblijf/);
      const route = await t.inject({ method: 'GET', url: '/api/nothing-here' });
      assert.equal(route.statusCode, 404);
      assert.equal(route.headers['content-type'], 'application/problem+json; charset=utf-8');
    });
  });
