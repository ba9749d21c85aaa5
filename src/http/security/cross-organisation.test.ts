import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../../testing/test-app.ts';

/**
 * Two care providers in one region. A's planner must see and touch only A's records; B's records answer exactly
 * like records that do not exist, reveal nothing of B, and stay as they were.
 */
describe('organisation scoping between two providers', () => {
  let t: TestApp;
  let regionId: string;
  const a = { organisationId: '', locationId: '', unitId: '', otherUnitId: '', clientId: '' };
  const b = { organisationId: '', locationId: '', unitId: '', clientId: '', stayId: '', closureId: '' };
  /** Everything of B that must never appear in an answer to A. */
  let secretsOfB: string[];
  let plannerA: SessionHeaders;

  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;

  /** A stay booked by the central point (the coordinator), as planners do not book. */
  async function aStay(
    unitId: string,
    clientId: string,
    arrival: number,
    nights = 3,
  ): Promise<{ id: string; arrival: string; departure: string }> {
    const response = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: {
        unitId,
        clientId,
        stayType: 'respite',
        arrival: inDays(arrival),
        departure: inDays(arrival + nights),
        status: 'confirmed',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  }

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    regionId = await aRegion(db);
    a.locationId = await aLocation(db, regionId, { name: 'Huize Alfa' });
    b.locationId = await aLocation(db, regionId, { name: 'Huize Bravo' });
    a.organisationId = await organisationOf(t.database.db, a.locationId);
    b.organisationId = await organisationOf(t.database.db, b.locationId);
    await db.updateTable('organisation').set({ name: 'Zorggroep Bravo' }).where('id', '=', b.organisationId).execute();
    a.unitId = await aUnit(db, a.locationId, { name: 'Kamer Alfa 1' });
    a.otherUnitId = await aUnit(db, a.locationId, { name: 'Kamer Alfa 2' });
    b.unitId = await aUnit(db, b.locationId, { name: 'Kamer Bravo 1' });
    a.clientId = await aClient(db, 'Annie Alfa');
    b.clientId = await aClient(db, 'Bertus Bravo');
    const stayOfB = await aStay(b.unitId, b.clientId, 3, 4);
    b.stayId = stayOfB.id;
    const closure = await t.inject({
      method: 'POST',
      url: `/api/units/${b.unitId}/closures`,
      payload: { startsOn: inDays(40), endsOn: inDays(45), reason: 'maintenance', note: 'Schilderwerk Bravo' },
    });
    assert.equal(closure.statusCode, 201, closure.body);
    b.closureId = closure.json().id;
    secretsOfB = [
      'Bertus',
      'Bravo',
      b.organisationId,
      b.locationId,
      b.unitId,
      b.clientId,
      b.stayId,
      b.closureId,
      stayOfB.arrival,
      stayOfB.departure,
      inDays(40),
      inDays(45),
      'Schilderwerk',
    ];
    plannerA = await t.signIn('provider_planner', a.organisationId);
  });
  after(() => t.close());

  const snapshot = async () => {
    const db = t.database.db;
    return {
      stays: await db.selectFrom('stay').selectAll().orderBy('id').execute(),
      closures: await db.selectFrom('unit_closure').selectAll().orderBy('id').execute(),
      clients: await db.selectFrom('client').selectAll().orderBy('id').execute(),
      units: await db.selectFrom('capacity_unit').selectAll().orderBy('id').execute(),
    };
  };

  /** The calls a planner may make on a stay, a unit and a closure, aimed at the given ids. */
  const plannerCalls = (ids: {
    stayId: string;
    unitId: string;
    closureId: string;
  }): { name: string; id: string; request: InjectOptions }[] => [
    { name: 'read stay', id: ids.stayId, request: { method: 'GET', url: `/api/stays/${ids.stayId}` } },
    { name: 'handover', id: ids.stayId, request: { method: 'GET', url: `/api/stays/${ids.stayId}/handover` } },
    { name: 'arrive', id: ids.stayId, request: { method: 'POST', url: `/api/stays/${ids.stayId}/arrive`, payload: {} } },
    { name: 'depart', id: ids.stayId, request: { method: 'POST', url: `/api/stays/${ids.stayId}/depart`, payload: {} } },
    { name: 'no-show', id: ids.stayId, request: { method: 'POST', url: `/api/stays/${ids.stayId}/no-show`, payload: {} } },
    {
      name: 'cancel',
      id: ids.stayId,
      request: { method: 'POST', url: `/api/stays/${ids.stayId}/cancel`, payload: { reason: 'Planner van A probeert het' } },
    },
    {
      name: 'close unit',
      id: ids.unitId,
      request: {
        method: 'POST',
        url: `/api/units/${ids.unitId}/closures`,
        payload: { startsOn: inDays(60), endsOn: inDays(61), reason: 'admission_stop' },
      },
    },
    { name: 'reopen', id: ids.closureId, request: { method: 'DELETE', url: `/api/closures/${ids.closureId}` } },
  ];

  function assertRevealsNothing(response: LightMyRequestResponse, requestedId: string, label: string) {
    assert.equal(response.statusCode, 404, `${label}: ${response.body}`);
    assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/, label);
    const problem = response.json();
    assert.equal(problem.code, 'not_found', label);
    for (const secret of secretsOfB.filter((secret) => secret !== requestedId)) {
      assert.ok(!response.body.includes(secret), `${label}: the answer contains "${secret}": ${response.body}`);
    }
    const ids = response.body.match(UUID) ?? [];
    assert.ok(
      ids.every((id) => id === requestedId),
      `${label}: the answer names other ids: ${ids.join(', ')}`,
    );
    assert.deepEqual(response.body.match(ISO_DATE) ?? [], [], `${label}: the answer contains dates`);
  }

  it("answers 404 to A's planner for every call on B's stay, unit and closure, reveals nothing and changes nothing", async () => {
    const before = await snapshot();
    for (const { name, id, request } of plannerCalls(b)) {
      const response = await t.inject(request, plannerA);
      assertRevealsNothing(response, id, `${name} on B's record`);
      // Exactly the answer for an id that exists nowhere (apart from the address it echoes).
      const unknownId = randomUUID();
      const unknown = await t.inject({ ...request, url: request.url!.toString().replace(id, unknownId) }, plannerA);
      assert.equal(unknown.statusCode, 404, `${name} on an unknown id`);
      const { instance: _a, ...forB } = response.json();
      const { instance: _b, ...forUnknown } = unknown.json();
      assert.deepEqual(forB, forUnknown, `${name}: B's record answers differently from a record that does not exist`);
    }
    assert.deepEqual(await snapshot(), before, "A's planner changed B's records");
  });

  it('also in English', async () => {
    for (const { name, id, request } of plannerCalls(b)) {
      const response = await t.inject({ ...request, headers: { 'accept-language': 'en' } }, plannerA);
      assertRevealsNothing(response, id, `${name} on B's record (en)`);
    }
  });

  it("lets A's planner do the same on A's own records", async () => {
    const arriving = await aStay(a.unitId, a.clientId, 0, 2);
    const noShow = await aStay(a.unitId, a.clientId, 5, 2);
    const cancelled = await aStay(a.unitId, a.clientId, 10, 2);
    const call = (request: InjectOptions) => t.inject(request, plannerA);

    const read = await call({ method: 'GET', url: `/api/stays/${arriving.id}` });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().clientId, a.clientId);
    assert.equal((await call({ method: 'POST', url: `/api/stays/${arriving.id}/arrive`, payload: {} })).json().status, 'arrived');
    assert.equal((await call({ method: 'POST', url: `/api/stays/${arriving.id}/depart`, payload: {} })).json().status, 'departed');
    assert.equal((await call({ method: 'POST', url: `/api/stays/${noShow.id}/no-show`, payload: {} })).json().status, 'no_show');
    const cancel = await call({ method: 'POST', url: `/api/stays/${cancelled.id}/cancel`, payload: { reason: 'Opname elders' } });
    assert.equal(cancel.statusCode, 200, cancel.body);
    assert.equal(cancel.json().status, 'cancelled');

    const closure = await call({
      method: 'POST',
      url: `/api/units/${a.unitId}/closures`,
      payload: { startsOn: inDays(60), endsOn: inDays(61), reason: 'admission_stop' },
    });
    assert.equal(closure.statusCode, 201, closure.body);
    const reopened = await call({ method: 'DELETE', url: `/api/closures/${closure.json().id}` });
    assert.equal(reopened.statusCode, 204, reopened.body);
    assert.equal(
      await t.database.db.selectFrom('unit_closure').select('id').where('id', '=', closure.json().id).executeTakeFirst(),
      undefined,
    );
  });

  it("refuses B's planner on A's records the same way", async () => {
    const plannerB = await t.signIn('provider_planner', b.organisationId);
    const stayOfA = await aStay(a.otherUnitId, a.clientId, 20, 2);
    const closureOfA = await t.inject({
      method: 'POST',
      url: `/api/units/${a.otherUnitId}/closures`,
      payload: { startsOn: inDays(70), endsOn: inDays(71), reason: 'other' },
    });
    const before = await snapshot();
    for (const { name, request } of plannerCalls({ stayId: stayOfA.id, unitId: a.otherUnitId, closureId: closureOfA.json().id })) {
      const response = await t.inject(request, plannerB);
      assert.equal(response.statusCode, 404, `B's planner: ${name} on A's record: ${response.body}`);
      assert.ok(!response.body.includes('Alfa'), `${name}: ${response.body}`);
    }
    assert.deepEqual(await snapshot(), before);
  });

  describe('the occupancy grid', () => {
    const grid = async (as: SessionHeaders) => {
      const response = await t.inject(
        { method: 'GET', url: `/api/availability/grid?regionId=${regionId}&from=${inDays(0)}&to=${inDays(50)}` },
        as,
      );
      assert.equal(response.statusCode, 200, response.body);
      const units = response.json().units as {
        unitId: string;
        locationId: string;
        occupations: { kind: string; stayId: string | null }[];
      }[];
      const stayIdsAt = (locationId: string) =>
        units.filter((u) => u.locationId === locationId).flatMap((u) => u.occupations.filter((o) => o.kind !== 'closed'));
      return { units, ofA: stayIdsAt(a.locationId), ofB: stayIdsAt(b.locationId) };
    };

    before(async () => {
      await aStay(a.otherUnitId, a.clientId, 30, 3);
    });

    it("shows A's planner the stays behind A's units only", async () => {
      const { ofA, ofB } = await grid(plannerA);
      assert.ok(ofA.length > 0 && ofB.length > 0, 'both providers have occupied nights in the window');
      assert.ok(
        ofA.every((o) => o.stayId !== null),
        "A's planner sees which stay occupies A's units",
      );
      assert.ok(
        ofB.every((o) => o.stayId === null),
        "A's planner sees a stay id at B's units",
      );
    });

    it('shows the coordinator every stay, and policy staff, administrators and referrers none', async () => {
      const coordinator = await grid(await t.signIn('coordinator'));
      assert.ok([...coordinator.ofA, ...coordinator.ofB].every((o) => o.stayId !== null));
      for (const [who, session] of [
        ['policy_viewer', await t.signIn('policy_viewer')],
        ['administrator', await t.signIn('administrator')],
        // Referrers see the board without stay ids (docs/SECURITY.md), also one working for a provider's organisation.
        ['referrer of A', await t.signIn('referrer', a.organisationId)],
        ['referrer of B', await t.signIn('referrer', b.organisationId)],
      ] as const) {
        const { ofA, ofB } = await grid(session);
        assert.ok(ofA.length > 0 && ofB.length > 0, who);
        assert.deepEqual(
          [...ofA, ...ofB].filter((o) => o.stayId !== null),
          [],
          `${who} sees stay ids`,
        );
      }
    });
  });

  describe('referrers', () => {
    it('cannot open stays or clients at all, not even of their own organisation (403)', async () => {
      const stayOfA = await aStay(a.unitId, a.clientId, 80, 2);
      for (const organisationId of [a.organisationId, b.organisationId]) {
        const referrer = await t.signIn('referrer', organisationId);
        const before = await snapshot();
        const calls: InjectOptions[] = [
          { method: 'GET', url: `/api/stays/${stayOfA.id}` },
          { method: 'GET', url: `/api/stays/${b.stayId}` },
          { method: 'GET', url: `/api/clients/${a.clientId}` },
          { method: 'GET', url: `/api/clients/${b.clientId}` },
          { method: 'GET', url: `/api/clients/${a.clientId}/export` },
          { method: 'POST', url: '/api/clients', payload: { name: 'Via verwijzer' } },
          {
            method: 'POST',
            url: '/api/stays',
            payload: { unitId: a.unitId, clientId: a.clientId, stayType: 'respite', arrival: inDays(90), departure: inDays(92) },
          },
          { method: 'POST', url: `/api/stays/${stayOfA.id}/cancel`, payload: { reason: 'Verwijzer annuleert' } },
          { method: 'POST', url: `/api/stays/${b.stayId}/arrive`, payload: {} },
        ];
        for (const request of calls) {
          const response = await t.inject(request, referrer);
          const label = `referrer ${request.method} ${request.url}`;
          assert.equal(response.statusCode, 403, `${label}: ${response.body}`);
          assert.equal(response.json().code, 'forbidden', label);
          assert.ok(!response.body.includes('Alfa') && !response.body.includes('Bravo'), `${label}: ${response.body}`);
        }
        assert.deepEqual(await snapshot(), before);
      }
    });

    it("and planners cannot open clients, not even A's own", async () => {
      const response = await t.inject({ method: 'GET', url: `/api/clients/${a.clientId}` }, plannerA);
      assert.equal(response.statusCode, 403);
    });
  });
});
