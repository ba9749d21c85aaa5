import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

const HEADER = 'organisatie;agb;locatie;straat;huisnummer;postcode;plaats;regio;plek;soort;verblijf;alleen_voor;voorzieningen;vanaf';

describe("importing a region's bed list", () => {
  let t: TestApp;
  let administrator: SessionHeaders;
  let regionId: string;
  let existingUnit: string;
  const counts = async () => {
    const {
      rows: [row],
    } = await sql<{ organisations: number; locations: number; units: number }>`
      SELECT (SELECT count(*)::int FROM organisation) AS organisations, (SELECT count(*)::int FROM location) AS locations,
             (SELECT count(*)::int FROM capacity_unit) AS units`.execute(t.database.db);
    return row!;
  };
  const send = (csv: string, dryRun: boolean) =>
    t.inject({ method: 'POST', url: '/api/admin/import/beds', payload: { csv, dryRun } }, administrator);

  before(async () => {
    t = await createTestApp();
    regionId = await aRegion(t.database.db, 'hw-import', 'Hoeksche Waard');
    const locationId = await aLocation(t.database.db, regionId, { name: 'Wijkpension De Waard' });
    await t.database.db
      .updateTable('organisation')
      .set({ name: 'Zorggroep De Waard' })
      .where('id', '=', await organisationOf(t.database.db, locationId))
      .execute();
    existingUnit = await aUnit(t.database.db, locationId, { name: 'Kamer 1', accepted: ['respite', 'crisis_wmo'] });
    administrator = await t.signIn('administrator');
  });
  after(() => t.close());

  const sheet = [
    HEADER,
    'Zorggroep De Waard;;Wijkpension De Waard;;;;;;Kamer 1;bed;respite,crisis_wmo;;;',
    'Zorggroep De Waard;;Wijkpension De Waard;;;;;;Kamer 2;bed;Logeerzorg;;Rolstoeltoegankelijk;',
    'Logeerhuis Het Anker;23456789;Het Anker;Havenweg;1;3286 AA;Klaaswaal;hw-import;Ankerkamer;bed;respite;;;',
    'Logeerhuis Het Anker;23456789;Het Anker;Havenweg;1;3286 AA;Klaaswaal;hw-import;Havenkamer;bed;respite;;;',
  ].join('\r\n');

  it('reports what a dry run would do, per row, and writes nothing', async () => {
    const before = await counts();
    const response = await send(sheet, true);
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.deepEqual([report.applied, report.issues], [false, []]);
    assert.deepEqual(report.summary, { organisations: 1, locations: 1, unitsCreated: 3, unitsChanged: 0, unitsUnchanged: 1 });
    assert.deepEqual(
      report.rows.map((row: { line: number; unit: { action: string } }) => [row.line, row.unit.action]),
      [
        [2, 'unchanged'],
        [3, 'create'],
        [4, 'create'],
        [5, 'create'],
      ],
    );
    assert.deepEqual(await counts(), before);
  });

  it('writes nothing while one row is wrong, naming its line and column', async () => {
    const before = await counts();
    const wrong = `${sheet}\r\nLogeerhuis Het Anker;23456789;Het Anker;Havenweg;1;3286 AA;Klaaswaal;hw-import;Zolder;bed;logeren;;;`;
    const report = (await send(wrong, false)).json();
    assert.equal(report.applied, false);
    assert.deepEqual(report.issues, [{ line: 6, column: 'verblijf', code: 'unknown_stay_type', params: { value: 'logeren' } }]);
    assert.deepEqual(await counts(), before);
  });

  it('writes it all at once, seen in search at once; a second run changes nothing', async () => {
    const before = await counts();
    const report = (await send(sheet, false)).json();
    assert.equal(report.applied, true);
    assert.deepEqual(await counts(), { organisations: before.organisations + 1, locations: before.locations + 1, units: before.units + 3 });
    const free = (
      await t.inject({
        method: 'GET',
        url: '/api/availability/search',
        query: { stayType: 'respite', regionId, arrival: inDays(3), departure: inDays(5) },
      })
    ).json();
    assert.equal(free.free.length, 4);
    const again = (await send(sheet, true)).json();
    assert.deepEqual(again.summary, { organisations: 0, locations: 0, unitsCreated: 0, unitsChanged: 0, unitsUnchanged: 4 });
  });

  it('refuses to narrow what a unit takes while a stay of the dropped kind is planned', async () => {
    const stay = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: {
        unitId: existingUnit,
        clientId: await aClient(t.database.db),
        stayType: 'crisis_wmo',
        arrival: inDays(10),
        departure: inDays(12),
      },
    });
    assert.equal(stay.statusCode, 201, stay.body);
    const narrowed = [HEADER, 'Zorggroep De Waard;;Wijkpension De Waard;;;;;;Kamer 1;bed;respite;;;'].join('\n');
    const report = (await send(narrowed, false)).json();
    assert.deepEqual(
      [report.applied, report.issues],
      [false, [{ line: 2, column: 'verblijf', code: 'unit_has_stays', params: { count: 1 } }]],
    );
  });

  it('is for administrators only', async () => {
    const response = await t.inject(
      { method: 'POST', url: '/api/admin/import/beds', payload: { csv: sheet, dryRun: true } },
      await t.signIn('coordinator'),
    );
    assert.equal(response.statusCode, 403);
  });
});
