import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays, neighbours } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

for (const readModel of [false, true])
  describe(`availability over HTTP, searching ${readModel ? 'the in-memory read model' : 'the database'}`, () => {
    let t: TestApp;
    let home: string;
    let neighbour: string;
    let clientId: string;
    let freeUnit: string;
    let partlyTakenUnit: string;
    let dementiaUnit: string;
    let elvOnlyUnit: string;
    let neighbourUnit: string;

    before(async () => {
      t = await createTestApp({ readModel });
      const db = t.database.db;
      home = await aRegion(db, 'hoeksche-waard-test', 'Hoeksche Waard');
      neighbour = await aRegion(db, 'drechtsteden-test', 'Drechtsteden');
      await neighbours(db, home, neighbour);
      const pension = await aLocation(db, home, { name: 'Wijkpension' });
      const house = await aLocation(db, home, { name: 'Logeerhuis', features: ['dementia_specialised', 'secured_unit'] });
      freeUnit = await aUnit(db, pension, { name: 'Kamer 1' });
      partlyTakenUnit = await aUnit(db, pension, { name: 'Kamer 2' });
      elvOnlyUnit = await aUnit(db, pension, { name: 'Kamer 3', accepted: ['elv_high_complex'] });
      dementiaUnit = await aUnit(db, house, { name: 'Kamer A' });
      neighbourUnit = await aUnit(db, await aLocation(db, neighbour, { name: 'Over de brug' }), { name: 'Kamer N' });
      clientId = await aClient(db);
      const booked = await t.inject({
        method: 'POST',
        url: '/api/stays',
        payload: {
          unitId: partlyTakenUnit,
          clientId,
          stayType: 'respite',
          arrival: inDays(14),
          departure: inDays(18),
          status: 'confirmed',
        },
      });
      assert.equal(booked.statusCode, 201);
    });
    after(() => t.close());

    const search = (query: Record<string, string>) =>
      t.inject({ method: 'GET', url: '/api/availability/search', query: { stayType: 'respite', ...query } });
    const ids = (units: { unitId: string }[]) => units.map((u) => u.unitId).sort();

    it('lists units free for the whole period, and the others with their free stretches', async () => {
      const response = await search({ regionId: home, arrival: inDays(10), departure: inDays(20) });
      assert.equal(response.statusCode, 200, response.body);
      const result = response.json();
      assert.deepEqual(ids(result.free), [freeUnit, dementiaUnit].sort());
      assert.deepEqual(
        result.partiallyFree.map((u: { unitId: string; freeRanges: unknown }) => [u.unitId, u.freeRanges]),
        [
          [
            partlyTakenUnit,
            [
              { from: inDays(10), to: inDays(14) },
              { from: inDays(18), to: inDays(20) },
            ],
          ],
        ],
      );
      assert.ok(!ids(result.free).includes(elvOnlyUnit), 'a unit for another stay type is no option');
    });

    it('requires every feature asked for, from the location or the unit', async () => {
      const result = (
        await search({ regionId: home, arrival: inDays(10), departure: inDays(20), features: 'secured_unit,dementia_specialised' })
      ).json();
      assert.deepEqual(ids(result.free), [dementiaUnit]);
    });

    it('counts care that includes a feature: a secured unit supervises at night', async () => {
      const result = (await search({ regionId: home, arrival: inDays(10), departure: inDays(20), features: 'night_supervision' })).json();
      assert.deepEqual(ids(result.free), [dementiaUnit]);
      assert.ok(result.free[0].features.includes('night_supervision'), JSON.stringify(result.free[0].features));
    });

    it('adds neighbour regions on request, marked outside the region and listed last', async () => {
      const result = (await search({ regionId: home, arrival: inDays(10), departure: inDays(20), includeNeighbours: 'true' })).json();
      assert.deepEqual(result.regionIds, [home, neighbour]);
      assert.equal(result.free.at(-1).unitId, neighbourUnit);
      assert.equal(result.free.at(-1).outsideRegion, true);
      assert.ok(result.free.slice(0, -1).every((u: { outsideRegion: boolean }) => !u.outsideRegion));
    });

    it('returns a unit × night grid with the stay on it', async () => {
      const response = await t.inject({
        method: 'GET',
        url: '/api/availability/grid',
        query: { regionId: home, from: inDays(13), to: inDays(16) },
      });
      assert.equal(response.statusCode, 200, response.body);
      const grid = response.json();
      assert.deepEqual(grid.dates, [inDays(13), inDays(14), inDays(15)]);
      const row = grid.units.find((u: { unitId: string }) => u.unitId === partlyTakenUnit);
      assert.deepEqual(row.states, ['free', 'booked', 'booked']);
      assert.equal(row.occupations[0].kind, 'booked');
      assert.equal(grid.units.length, 4);
    });

    it('answers a clear 400 for a bad query and 404 for an unknown region', async () => {
      const bad = await search({ regionId: home, arrival: inDays(10), departure: inDays(5), features: 'jacuzzi' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['departure', 'features.0'],
      );
      const unknown = await search({ regionId: 'atlantis', arrival: inDays(10), departure: inDays(12) });
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.json().detail, /deze regio/);
    });

    it('serves the web application for every address outside /api, in Dutch, and problems for unknown API addresses', async () => {
      for (const url of ['/', '/aanmeldpunt', '/locaties/een-locatie']) {
        const page = await t.inject({ method: 'GET', url }, 'anonymous');
        assert.equal(page.statusCode, 200, url);
        assert.match(page.body, /<html lang="nl">/);
        assert.match(page.body, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
        assert.equal(page.headers['cache-control'], 'no-cache');
      }
      // What the page asks for first is named in it (web-page-hints.ts): the session always; a staff page's own script,
      // and the board's grid for the signed-in, from the build's manifest and the server's today.
      const anonymousBoard = (await t.inject({ method: 'GET', url: `/bezetting?regio=${home}` }, 'anonymous')).body;
      assert.match(anonymousBoard, /<link rel="preload" as="fetch" crossorigin href="\/api\/auth\/session">/);
      assert.match(anonymousBoard, /<link rel="modulepreload" crossorigin href="\/assets\/Board-[\w-]+\.js">/);
      assert.doesNotMatch(anonymousBoard, /availability\/grid/);
      const board = (await t.inject({ method: 'GET', url: `/bezetting?regio=${home}&dagen=7` })).body;
      const grid = /href="(\/api\/availability\/grid[^"]+)"/.exec(board)![1]!.replaceAll('&amp;', '&');
      assert.equal(grid, `/api/availability/grid?regionId=${home}&from=${inDays(0)}&to=${inDays(7)}`);
      assert.equal((await t.inject({ method: 'GET', url: grid })).statusCode, 200);
      const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec((await t.inject({ method: 'GET', url: '/' }, 'anonymous')).body)![1]!;
      const asset = await t.inject({ method: 'GET', url: script }, 'anonymous');
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['cache-control']), /immutable/);
      const unknown = await t.inject({ method: 'GET', url: '/api/nergens' }, 'anonymous');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.headers['content-type'], 'application/problem+json; charset=utf-8');
    });

    it('shows exact free nights only to the signed-in: without an account there is no search to rebuild stays from', async () => {
      const query = { stayType: 'respite', regionId: home, arrival: inDays(-30), departure: inDays(-25) };
      const anonymous = await t.inject({ method: 'GET', url: '/api/availability/search', query }, 'anonymous');
      assert.equal(anonymous.statusCode, 401, anonymous.body);
      assert.equal(anonymous.json().code, 'unauthenticated');
      const professional = await t.inject({ method: 'GET', url: '/api/availability/search', query }, await t.signIn('policy_viewer'));
      assert.equal(professional.statusCode, 200, professional.body);
    });

    it('serves its OpenAPI description with every route', async () => {
      const spec = (await t.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      assert.equal(spec.openapi, '3.1.0');
      for (const path of ['/api/availability/search', '/api/availability/grid', '/api/stays', '/api/stays/{id}/move', '/api/series']) {
        assert.ok(spec.paths[path], `${path} is described`);
      }
      assert.ok(spec.components.schemas.Problem);
    });
  });
