import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aLocation, aRegion, aUnit, inDays, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

/** Staffed capacity: "an empty bed is not an available bed". Units not admitting for now, apart from closures. */
describe('units not admitting for want of staff', () => {
  let t: TestApp;
  let regionId: string;
  let locationId: string;
  let otherLocationId: string;
  let room1: string;
  let room2: string;
  let planner: SessionHeaders;
  let otherPlanner: SessionHeaders;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    regionId = await aRegion(db);
    locationId = await aLocation(db, regionId, { name: 'Wijkpension Alfa' });
    otherLocationId = await aLocation(db, regionId, { name: 'Logeerhuis Bravo' });
    room1 = await aUnit(db, locationId, { name: 'Kamer 1' });
    room2 = await aUnit(db, locationId, { name: 'Kamer 2' });
    planner = await t.signIn('provider_planner', await organisationOf(db, locationId));
    otherPlanner = await t.signIn('provider_planner', await organisationOf(db, otherLocationId));
  });
  after(() => t.close());

  const post = (url: string, payload: object, as: SessionHeaders = planner) => t.inject({ method: 'POST', url: `/api${url}`, payload }, as);
  const freeUnits = async (arrival: string, departure: string) => {
    const response = await t.inject({
      method: 'GET',
      url: '/api/availability/search',
      query: { stayType: 'respite', regionId, arrival, departure },
    });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json().free as { unitId: string }[]).map((unit) => unit.unitId);
  };
  const statesOf = async (unitId: string, from: string, to: string) => {
    const response = await t.inject({
      method: 'GET',
      url: `/api/availability/grid?regionId=${regionId}&from=${from}&to=${to}&locationId=${locationId}`,
    });
    return (response.json().units as { unitId: string; states: string[] }[]).find((unit) => unit.unitId === unitId)!.states;
  };
  const overviewGroups = async () =>
    (await t.inject({ method: 'GET', url: '/api/provider/overview' }, planner)).json().locations[0].closures as {
      closureIds: string[];
      kind: string;
      reason: string;
      startsOn: string;
      endsOn: string;
      wholeLocation: boolean;
    }[];

  it('takes a unit out of search and shows it on the board as not admitting, from today until the expected end', async () => {
    assert.ok((await freeUnits(inDays(1), inDays(3))).includes(room1));
    const response = await post(`/locations/${locationId}/not-admitting`, {
      units: [room1],
      reason: 'staff_shortage',
      expectedEnd: inDays(5),
      note: 'Twee verzorgenden ziek',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(
      response.json().closures.map((c: { unitId: string; kind: string; startsOn: string }) => [c.unitId, c.kind, c.startsOn]),
      [[room1, 'not_admitting', appClock().today()]],
    );

    const free = await freeUnits(inDays(1), inDays(3));
    assert.ok(!free.includes(room1) && free.includes(room2), 'search leaves the unit out at once');
    assert.deepEqual(await statesOf(room1, inDays(0), inDays(7)), [...Array(5).fill('not_admitting'), 'free', 'free']);

    const [group] = (await overviewGroups()).filter((g) => g.kind === 'not_admitting');
    assert.deepEqual(
      [group!.reason, group!.startsOn, group!.endsOn, group!.wholeLocation],
      ['staff_shortage', appClock().today(), inDays(5), false],
    );

    const coordinator = await t.signIn('coordinator');
    const listed = (await t.inject({ method: 'GET', url: '/api/admin/locations' }, coordinator)).json() as {
      id: string;
      notAdmittingUnits: number;
      notAdmittingUntil: string | null;
    }[];
    const alfa = listed.find((location) => location.id === locationId)!;
    assert.deepEqual(
      [alfa.notAdmittingUnits, alfa.notAdmittingUntil],
      [1, inDays(5)],
      'the central point sees it in the list of locations',
    );
  });

  it('extends to a later expected end, and refuses to extend a planned closure that way', async () => {
    const [group] = (await overviewGroups()).filter((g) => g.kind === 'not_admitting');
    const extended = await post(`/locations/${locationId}/not-admitting/extend`, { closureIds: group!.closureIds, expectedEnd: inDays(9) });
    assert.equal(extended.statusCode, 200, extended.body);
    assert.deepEqual(await statesOf(room1, inDays(8), inDays(10)), ['not_admitting', 'free']);

    const closure = await post(`/locations/${locationId}/closures`, {
      units: [room2],
      startsOn: inDays(20),
      endsOn: inDays(22),
      reason: 'maintenance',
      note: 'Schilderwerk',
    });
    const notThatKind = await post(`/locations/${locationId}/not-admitting/extend`, {
      closureIds: [closure.json().closures[0].id],
      expectedEnd: inDays(30),
    });
    assert.equal(notThatKind.statusCode, 404);
  });

  it('names a wrong expected end and a planned-closure reason beside their fields', async () => {
    const response = await post(`/locations/${locationId}/not-admitting`, {
      units: 'all',
      reason: 'maintenance',
      expectedEnd: appClock().today(),
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
      ['expectedEnd', 'reason'],
    );
  });

  it("keeps another provider's planner out, as if the location did not exist", async () => {
    const foreign = await post(
      `/locations/${locationId}/not-admitting`,
      { units: 'all', reason: 'staff_shortage', expectedEnd: inDays(3) },
      otherPlanner,
    );
    assert.equal(foreign.statusCode, 404);
  });

  it('admits again from today; a time without admissions that began earlier stays on record up to today', async () => {
    const db = t.database.db;
    const earlier = await db
      .insertInto('unit_closure')
      .values({
        unit_id: room2,
        starts_on: inDays(-3),
        ends_on: inDays(4),
        kind: 'not_admitting',
        reason: 'outbreak',
        note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const groups = (await overviewGroups()).filter((g) => g.kind === 'not_admitting');
    const closureIds = groups.flatMap((g) => g.closureIds);
    assert.ok(closureIds.includes(earlier.id));

    const resumed = await post(`/locations/${locationId}/reopen`, { closureIds });
    assert.equal(resumed.statusCode, 204, resumed.body);
    assert.deepEqual((await freeUnits(inDays(0), inDays(2))).filter((id) => id === room1 || id === room2).sort(), [room1, room2].sort());
    const kept = await db
      .selectFrom('unit_closure')
      .select(['starts_on', 'ends_on'])
      .where('id', '=', earlier.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([kept.starts_on, kept.ends_on], [inDays(-3), inDays(0)]);
    assert.equal((await overviewGroups()).filter((g) => g.kind === 'not_admitting').length, 0);
  });
});
