import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../data/schema.ts';
import type { MkbaReport } from '../services/mkba.service.ts';
import { aLocation, aUnit } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import type { StayType } from '../domain/stay-types.ts';

/**
 * The MKBA on the real database, for a small year (2025) worked out by hand.
 *
 * Zoomwijck (region hw) prices a respite night at housing € 80 + stay € 70 + care € 20 until 1 July 2025, and at
 * € 80 + € 75 + € 20 from then on; Wlz respite at € 200 care. Guests from the Hoeksche Waard pay € 12.50 a night
 * co-payment out of the Wmo part. So a respite night costs:
 *   until 30 June: municipality € 137.50, client € 12.50, insurer € 20   (€ 170)
 *   from 1 July:   municipality € 142.50, client € 12.50, insurer € 20   (€ 175)
 *
 *   guest  stay                                 nights in 2025                    municipality  client   insurer  care office
 *   A      respite 1–5 March                    4 old tariff                          550.00     50.00     80.00
 *   A      respite 29 June – 3 July             2 old + 2 new                         560.00     50.00     80.00
 *   B      respite 30 Dec 2024 – 3 Jan 2025     2 (1 and 2 January)                   275.00     25.00     40.00
 *   C      respite 29 Dec 2025 – 2 Jan 2026     3 (29–31 December)                    427.50     37.50     60.00
 *   D      Wlz respite 10–17 May                7 × € 200                                                           1,400.00
 *   E      respite 1–6 August, still there      5 new tariff                          712.50     62.50    100.00
 *                                               25 nights, 6 stays, 5 guests        2,525.00    225.00    360.00    1,400.00 = € 4,510
 *
 * Not counted: a cancelled stay, a stay booked but not yet begun, a crisis admission, respite in another region, and
 * respite in 2026.
 *
 * Region zou has what keeps respite available outside the nights (see the last tests): a bed reserved for respite at
 * In de Dennen, a lump-sum contract for De Schutsmantel from 1 July, staff and coordination, and a Wlz stay without a
 * tariff.
 */
const YEAR = 2025;

describe("MKBA of a region's year (GET /api/policy/mkba, /api/policy/mkba.csv)", () => {
  let t: TestApp;
  let viewer: Awaited<ReturnType<TestApp['signIn']>>;
  let organisationId: string;

  const get = async (query: string, as: Parameters<TestApp['inject']>[1] = viewer) =>
    t.inject({ method: 'GET', url: `/api/policy/mkba?${query}` }, as);
  const report = async (query: string): Promise<MkbaReport> => {
    const response = await get(query);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const euros = (cents: number) => cents / 100;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await db
      .insertInto('region')
      .values([
        { id: 'hw', name: 'Hoeksche Waard', municipalities: ['Hoeksche Waard'] },
        { id: 'peel', name: 'Peelregio', municipalities: ['Helmond'] },
        { id: 'klein', name: 'Kleine regio', municipalities: ['Zwijndrecht'] },
        { id: 'leeg', name: 'Lege regio', municipalities: ['Dordrecht'] },
        { id: 'zou', name: 'Zuidoost Utrecht', municipalities: ['Zeist'] },
      ])
      .execute();
    const zoomwijck = await aLocation(db, 'hw', { name: 'Zoomwijck' });
    organisationId = (await db.selectFrom('location').select('organisation_id').where('id', '=', zoomwijck).executeTakeFirstOrThrow())
      .organisation_id;
    const plezant = await aLocation(db, 'peel', { name: 'Plezant' });
    const klein = await aLocation(db, 'klein', { name: 'Klein huis' });
    await aLocation(db, 'leeg', { name: 'Leeg huis' });
    const accepted: StayType[] = ['respite', 'wlz_respite', 'crisis_wmo'];
    const [z1, z2, z3, p1, k1] = [
      await aUnit(db, zoomwijck, { accepted, activeFrom: '2024-01-01' }),
      await aUnit(db, zoomwijck, { accepted, activeFrom: '2024-01-01' }),
      await aUnit(db, zoomwijck, { accepted, activeFrom: '2024-01-01' }),
      await aUnit(db, plezant, { accepted, activeFrom: '2024-01-01' }),
      await aUnit(db, klein, { accepted, activeFrom: '2024-01-01' }),
    ];
    await db
      .insertInto('location_tariff')
      .values([
        {
          location_id: zoomwijck,
          stay_type: 'respite',
          funding: 'in_kind',
          housing_cents: 8000,
          stay_cents: 7000,
          care_cents: 2000,
          valid_from: '2024-01-01',
          valid_until: '2025-07-01',
        },
        {
          location_id: zoomwijck,
          stay_type: 'respite',
          funding: 'in_kind',
          housing_cents: 8000,
          stay_cents: 7500,
          care_cents: 2000,
          valid_from: '2025-07-01',
          valid_until: null,
        },
        // A personal-budget tariff is not what the cost calculation uses.
        {
          location_id: zoomwijck,
          stay_type: 'respite',
          funding: 'personal_budget',
          housing_cents: 9000,
          stay_cents: 9000,
          care_cents: 0,
          valid_from: '2024-01-01',
          valid_until: null,
        },
        {
          location_id: zoomwijck,
          stay_type: 'wlz_respite',
          funding: 'in_kind',
          housing_cents: 0,
          stay_cents: 0,
          care_cents: 20000,
          valid_from: '2024-01-01',
          valid_until: null,
        },
        {
          location_id: plezant,
          stay_type: 'respite',
          funding: 'in_kind',
          housing_cents: 0,
          stay_cents: 20891,
          care_cents: 0,
          valid_from: '2024-01-01',
          valid_until: null,
        },
        {
          location_id: klein,
          stay_type: 'respite',
          funding: 'in_kind',
          housing_cents: 0,
          stay_cents: 10000,
          care_cents: 0,
          valid_from: '2024-01-01',
          valid_until: null,
        },
      ])
      .execute();
    await db
      .insertInto('co_payment_rule')
      .values({ municipality: 'Hoeksche Waard', cents_per_night: 1250, valid_from: '2024-01-01', valid_until: null })
      .execute();

    const guest = (pc4: string) =>
      db
        .insertInto('client')
        .values({ name: 'Gast', pc4 })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((row) => row.id);
    const stay = (
      unitId: string,
      clientId: string,
      stayType: StayType,
      arrival: string,
      departure: string,
      status: 'arrived' | 'departed' | 'confirmed' | 'cancelled' = 'departed',
      works: boolean | null = null,
    ) => aStay(db, { unitId, clientId, stayType, arrival, departure, status, works });

    const [a, b, c, d, e] = [await guest('3262'), await guest('3262'), await guest('3262'), await guest('3262'), await guest('3262')];
    await stay(z1, a, 'respite', '2025-03-01', '2025-03-05', 'departed', true);
    await stay(z1, a, 'respite', '2025-06-29', '2025-07-03', 'departed', null);
    await stay(z2, b, 'respite', '2024-12-30', '2025-01-03', 'departed', false);
    await stay(z2, c, 'respite', '2025-12-29', '2026-01-02', 'departed', false);
    await stay(z3, d, 'wlz_respite', '2025-05-10', '2025-05-17', 'departed', true);
    await stay(z3, e, 'respite', '2025-08-01', '2025-08-06', 'arrived', null);
    // Not part of the year's respite: cancelled, not yet taken place, a crisis admission, next year.
    await stay(z1, await guest('3262'), 'respite', '2025-04-01', '2025-04-05', 'cancelled');
    await stay(z1, await guest('3262'), 'respite', '2025-09-01', '2025-09-05', 'confirmed');
    await stay(z2, await guest('3262'), 'crisis_wmo', '2025-09-01', '2025-09-05');
    await stay(z2, a, 'respite', '2026-02-01', '2026-02-05');

    // Peelregio: 12 guests of one night each; 6 caregivers work, 5 do not, 1 did not say: 6 of 11 = 54.5 %.
    for (let i = 0; i < 12; i++) {
      const works = i < 6 ? true : i < 11 ? false : null;
      await stay(
        p1,
        await guest('5701'),
        'respite',
        `2025-09-${String(i + 1).padStart(2, '0')}`,
        `2025-09-${String(i + 2).padStart(2, '0')}`,
        'departed',
        works,
      );
    }
    // A region with three guests: too few to show.
    for (let i = 0; i < 3; i++) await stay(k1, await guest('3331'), 'respite', `2025-10-0${i + 1}`, `2025-10-0${i + 2}`);

    await seedZuidoostUtrecht(db, stay, guest);
    viewer = await t.signIn('policy_viewer');
  });
  after(() => t.close());

  it('counts the guests, stays and nights of the year and prices each night at its own tariff, per financier', async () => {
    const result = await report(`regionId=hw&year=${YEAR}`);
    assert.deepEqual(result.region, { id: 'hw', name: 'Hoeksche Waard' });
    assert.deepEqual(result.period, { from: '2025-01-01', to: '2026-01-01' });
    assert.equal(result.suppressed, false);
    assert.deepEqual(result.inputs, {
      guests: 5,
      stays: 6,
      nights: 25,
      nightsWithoutTariff: 0,
      missingTariffs: [],
      complete: true,
      // Two of four answers say "works": too few to use (and to show), so the report's one fifth applies.
      workingSharePercent: null,
      costsCents: { municipality: 2_525_00, insurer: 360_00, careOffice: 1_400_00, client: 225_00 },
      reservedBeds: { beds: 0, nights: 0, costsCents: { municipality: 0, insurer: 0, careOffice: 0, client: 0 } },
      fixedCosts: [],
    });
    const working = result.assumptions.find((assumption) => assumption.key === 'workingShare')!;
    assert.deepEqual([working.value, working.defaultValue, working.defaultOrigin], [20, 20, 'report']);
  });

  it('gives both scenarios with every line per stakeholder, the totals and the ratio, as worked out by hand', async () => {
    const result = await report(`regionId=hw&year=${YEAR}`);
    const [positive, conservative] = result.scenarios!;
    assert.equal(positive!.scenario, 'positive');
    const parts = (scenario: typeof positive, key: string) =>
      Object.fromEntries(scenario!.lines.find((line) => line.key === key)!.parts.map((part) => [part.stakeholder, euros(part.cents)]));
    // Delayed admission: 5 guests × 50 % × 6 months = 15 months × (5,875 | −1,000 | −700).
    assert.deepEqual(parts(positive, 'wlz_delay'), { care_office: 88_125, insurer: -15_000, municipality: -10_500 });
    // Crises: 5 × 6 % = 0.3, fewer than half a person: none.
    assert.deepEqual(parts(positive, 'crisis'), { municipality: 0, insurer: 0 });
    // Sick leave: 5 × 20 % × 6 days × € 300 = € 1,800.
    assert.deepEqual(parts(positive, 'sick_leave'), { employers: 1_800 });
    assert.deepEqual(parts(positive, 'stays'), { municipality: 2_525, insurer: 360, care_office: 1_400, client: 225 });
    assert.deepEqual(parts(positive, 'staff'), { municipality: 0, insurer: 0, care_office: 0 });
    // Benefits 62,625 + 0 + 1,800 = € 64,425; costs € 4,510; net € 59,915; ratio 14.2849 → 14.28.
    assert.deepEqual(
      [euros(positive!.benefitsCents), euros(positive!.costsCents), euros(positive!.netCents), positive!.ratio],
      [64_425, 4_510, 59_915, 14.28],
    );
    // Conservative: 31,312.50 + 0 + 900 = € 32,212.50; net € 27,702.50; ratio 7.1425 → 7.14.
    assert.deepEqual(parts(conservative, 'wlz_delay'), { care_office: 44_062.5, insurer: -7_500, municipality: -5_250 });
    assert.deepEqual(
      [euros(conservative!.benefitsCents), euros(conservative!.costsCents), euros(conservative!.netCents), conservative!.ratio],
      [32_212.5, 4_510, 27_702.5, 7.14],
    );
    // Per stakeholder (positive): municipality −10,500 benefits, 2,525 costs; the client pays € 225.
    const municipality = positive!.stakeholders.find((row) => row.stakeholder === 'municipality')!;
    assert.deepEqual(
      [euros(municipality.benefitsCents), euros(municipality.costsCents), euros(municipality.netCents)],
      [-10_500, 2_525, -13_025],
    );
    assert.equal(positive!.stakeholders.find((row) => row.stakeholder === 'client')!.netCents, -225_00);
    assert.equal(
      positive!.lines.find((line) => line.key === 'wlz_delay')!.formula.nl,
      '5 logés × 50% × 6 maanden × (€ 5.875 verpleeghuis − € 1.000 wijkverpleging − € 700 ondersteuning thuis) per maand',
    );
  });

  it('uses changed assumptions in both scenarios and says which changed; a decimal comma is fine', async () => {
    const result = await report(`regionId=hw&year=${YEAR}&a.delayShare=40&a.crisisShare=20,5`);
    const delay = result.assumptions.find((assumption) => assumption.key === 'delayShare')!;
    assert.deepEqual([delay.value, delay.conservativeValue, delay.defaultValue, delay.changed, delay.expert], [40, 20, 50, true, true]);
    assert.equal(result.assumptions.filter((assumption) => assumption.changed).length, 2);
    const [positive, conservative] = result.scenarios!;
    // 5 × 40 % × 6 = 12 months × € 4,175 = € 50,100; 5 × 20.5 % = 1.025 → 1 crisis × 60 nights × € 300 = € 18,000;
    // benefits 50,100 + 18,000 + 1,800 = € 69,900; costs € 4,510; net € 65,390; ratio 15.4989 → 15.5.
    assert.equal(euros(positive!.lines.find((line) => line.key === 'wlz_delay')!.cents), 50_100);
    assert.deepEqual(
      [euros(positive!.benefitsCents), euros(positive!.costsCents), euros(positive!.netCents), positive!.ratio],
      [69_900, 4_510, 65_390, 15.5],
    );
    assert.equal(euros(conservative!.lines.find((line) => line.key === 'wlz_delay')!.cents), 25_050);
    // Conservative: 5 × 10.25 % = 0.5125 still rounds to one whole crisis.
    assert.equal(euros(conservative!.lines.find((line) => line.key === 'crisis')!.cents), 18_000);
  });

  it('takes the share of working caregivers from the referrals when enough caregivers answered', async () => {
    const result = await report(`regionId=peel&from=2025-01-01&to=2026-01-01`);
    assert.equal(result.inputs!.guests, 12);
    assert.equal(result.inputs!.workingSharePercent, 54.5);
    const working = result.assumptions.find((assumption) => assumption.key === 'workingShare')!;
    assert.deepEqual([working.value, working.defaultValue, working.defaultOrigin, working.changed], [54.5, 54.5, 'region', false]);
    // 12 × 54.5 % × 6 days × € 300 = € 11,772; 12 nights × € 208.91 = € 2,506.92 for the municipality.
    assert.equal(euros(result.scenarios![0]!.lines.find((line) => line.key === 'sick_leave')!.cents), 11_772);
    assert.equal(euros(result.inputs!.costsCents.municipality), 2_506.92);
  });

  it('shows no figures for fewer than 5 guests, and zeros without a ratio for none', async () => {
    const small = await report(`regionId=klein&year=${YEAR}`);
    assert.deepEqual([small.suppressed, small.inputs, small.scenarios], [true, null, null]);
    assert.equal(small.assumptions.length, 12);
    const empty = await report(`regionId=leeg&year=${YEAR}`);
    assert.equal(empty.suppressed, false);
    assert.equal(empty.inputs!.guests, 0);
    assert.deepEqual(
      empty.scenarios!.map((scenario) => [scenario.benefitsCents, scenario.costsCents, scenario.ratio]),
      [
        [0, 0, null],
        [0, 0, null],
      ],
    );
  });

  it('has every number of the page in the CSV, from which the totals can be redone', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/policy/mkba.csv?regionId=hw&year=${YEAR}&a.delayShare=40` }, viewer);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(String(response.headers['content-disposition']), /filename="mkba-hw-2025-01-01-2026-01-01\.csv"/);
    assert.ok(response.body.startsWith('\uFEFF'));
    const [header, ...lines] = response.body.slice(1).trim().split('\n');
    assert.equal(
      header,
      'scenario;soort;code;omschrijving;belanghebbende;waarde;eenheid;standaardwaarde;schatting_deskundigen;berekening_of_bron',
    );
    const rows = lines.map((line) => line.split(';'));
    const value = (scenario: string, kind: string, code: string, stakeholder: string) =>
      rows.find((row) => row[0] === scenario && row[1] === kind && row[2] === code && row[4] === stakeholder)?.[5];
    assert.equal(value('', 'invoer', 'loges', ''), '5');
    assert.equal(value('', 'invoer', 'nachten', ''), '25');
    assert.equal(value('', 'invoer', 'kosten_nachten', 'Gemeente (Wmo)'), '2525,00');
    assert.equal(value('positief', 'aanname', 'delayShare', 'Zorgkantoor (Wlz)'), '40');
    assert.equal(value('conservatief', 'aanname', 'delayShare', 'Zorgkantoor (Wlz)'), '20');
    assert.equal(value('', 'invoer', 'compleet', ''), 'ja');
    assert.equal(value('positief', 'baat', 'wlz_delay', 'Zorgkantoor (Wlz)'), '70500,00');
    assert.equal(value('positief', 'baat', 'sick_leave', 'Werkgevers'), '1800,00');
    assert.equal(value('conservatief', 'baat', 'sick_leave', 'Werkgevers'), '900,00');
    // 12 months × € 4,175 = € 50,100 + € 1,800 = € 51,900 − € 4,510 = € 47,390; ratio 11.5078 → 11.51.
    assert.equal(value('positief', 'saldo', 'totaal', 'totaal'), '47390,00');
    assert.equal(value('positief', 'verhouding', 'baten_per_euro_kosten', 'totaal'), '11,51');
    // A ratio keeps both decimals, as the page shows it: 69,900 / 4,510 = 15.4989 → 15,50.
    const round = await t.inject(
      { method: 'GET', url: `/api/policy/mkba.csv?regionId=hw&year=${YEAR}&a.delayShare=40&a.crisisShare=20,5` },
      viewer,
    );
    assert.match(round.body, /^positief;verhouding;baten_per_euro_kosten;Baten per euro kosten;totaal;15,50;/m);

    // Redo each scenario from the CSV alone: the lines' parts add up to the totals.
    const euro = (text: string) => Number(text.replace(',', '.'));
    for (const scenario of ['positief', 'conservatief']) {
      const partsOf = (kind: string) =>
        rows.filter((row) => row[0] === scenario && row[1] === kind && row[4] !== 'totaal').reduce((sum, row) => sum + euro(row[5]!), 0);
      const benefits = euro(value(scenario, 'baten_totaal', 'totaal', 'totaal')!);
      const costs = euro(value(scenario, 'kosten_totaal', 'totaal', 'totaal')!);
      assert.equal(Math.round(partsOf('baat') * 100), Math.round(benefits * 100), scenario);
      assert.equal(Math.round(partsOf('kosten') * 100), Math.round(costs * 100), scenario);
      assert.equal(euro(value(scenario, 'saldo', 'totaal', 'totaal')!), Math.round((benefits - costs) * 100) / 100);
      assert.equal(euro(value(scenario, 'verhouding', 'baten_per_euro_kosten', 'totaal')!), Math.round((benefits / costs) * 100) / 100);
    }
    // And every amount of the JSON answer is in the CSV.
    const json: MkbaReport = (await get(`regionId=hw&year=${YEAR}&a.delayShare=40`)).json();
    const amounts = new Set(rows.map((row) => row[5]));
    const csvEuro = (cents: number) =>
      `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    for (const scenario of json.scenarios!) {
      for (const line of scenario.lines)
        for (const cents of [line.cents, ...line.parts.map((part) => part.cents)])
          assert.ok(amounts.has(csvEuro(cents)), `${line.key} ${cents}`);
      for (const row of scenario.stakeholders)
        for (const cents of [row.benefitsCents, row.costsCents, row.netCents])
          assert.ok(amounts.has(csvEuro(cents)), `${row.stakeholder} ${cents}`);
    }
  });

  it("counts every night of a reserved bed, a contract's lump sum instead of the nights it pays, staff and coordination, and names nights without a tariff", async () => {
    const result = await report(`regionId=zou&year=${YEAR}`);
    const inputs = result.inputs!;
    // 5 guests of 2 nights in the reserved bed, F 5 nights at De Schutsmantel (3 before the contract), G 3 Wlz nights.
    assert.deepEqual([inputs.guests, inputs.stays, inputs.nights], [7, 7, 18]);
    // Only F's 3 nights before 1 July are priced per night: 3 × € 200 = € 600, of which € 10 a night co-payment.
    assert.deepEqual(inputs.costsCents, { municipality: 570_00, insurer: 0, careOffice: 0, client: 30_00 });
    // The reserved bed: 365 nights × € 230.31 = € 84,063.15, empty or not; its guests' co-payment, 10 nights × € 10,
    // moves from the municipality to the client.
    assert.deepEqual(inputs.reservedBeds, {
      beds: 1,
      nights: 365,
      costsCents: { municipality: 8_396_315, insurer: 0, careOffice: 0, client: 100_00 },
    });
    // Lump sum € 50,000 a year from 1 July: 184 / 365 = € 25,205.48, half each; coordination € 6,000 a year until 1 April:
    // 90 / 365 = € 1,479.45; staff € 12,000.
    assert.deepEqual(inputs.fixedCosts, [
      {
        kind: 'availability_contract',
        description: 'Contract De Schutsmantel',
        costsCents: { municipality: 1_260_274, insurer: 1_260_274, careOffice: 0 },
      },
      { kind: 'coordination', description: 'Coördinatiepunt', costsCents: { municipality: 147_945, insurer: 0, careOffice: 0 } },
      { kind: 'staff', description: 'Personeel logeerzorg', costsCents: { municipality: 1_200_000, insurer: 0, careOffice: 0 } },
    ]);
    // G's Wlz nights have no tariff at De Schutsmantel: named, and the result is not complete.
    assert.deepEqual(
      [inputs.nightsWithoutTariff, inputs.missingTariffs, inputs.complete],
      [3, [{ location: 'De Schutsmantel', stayType: 'wlz_respite', nights: 3 }], false],
    );
    // Costs: 600 + 84,063.15 (the bed: 83,963.15 municipality + 100 client) + 25,205.48 + 1,479.45 + 12,000 = € 123,348.08,
    // the same in both scenarios.
    const [positive, conservative] = result.scenarios!;
    assert.deepEqual([euros(positive!.costsCents), euros(conservative!.costsCents)], [123_348.08, 123_348.08]);
    const line = (key: string) => positive!.lines.find((candidate) => candidate.key === key)!;
    assert.equal(euros(line('reserved_beds').cents), 84_063.15);
    assert.equal(euros(line('availability_contract').cents), 25_205.48);
    assert.match(line('staff').formula.nl, /Personeel logeerzorg/);

    const csv = await t.inject({ method: 'GET', url: `/api/policy/mkba.csv?regionId=zou&year=${YEAR}` }, viewer);
    assert.match(csv.body, /;invoer;compleet;[^;]*;;nee;/);
    assert.match(csv.body, /;invoer;tarief_ontbreekt;Geen tarief: De Schutsmantel, wlz_respite;;3;nachten;/);
  });

  it('says "no figures" in the CSV of a region with too few guests', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/policy/mkba.csv?regionId=klein&year=${YEAR}` }, viewer);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /;invoer;verborgen;Minder dan 5 logés/);
    assert.doesNotMatch(response.body, /;baat;/);
  });

  it('refuses wrong input with a message per field', async () => {
    const response = await get(
      `regionId=hw&year=${YEAR}&from=2025-01-01&a.delayShare=150&a.delayMonths=zes&a.crisisNights=1.234&a.bogus=1`,
    );
    assert.equal(response.statusCode, 400, response.body);
    const fields = Object.fromEntries(
      (response.json().errors as { field: string; code: string; detail: string }[]).map((error) => [error.field, error.code]),
    );
    assert.deepEqual(fields, {
      year: 'year_or_period',
      'a.delayShare': 'too_big',
      'a.delayMonths': 'invalid_decimal',
      'a.crisisNights': 'invalid_decimal',
      'a.bogus': 'unknown_field',
    });
    const details = Object.fromEntries(
      (response.json().errors as { field: string; detail: string }[]).map((error) => [error.field, error.detail]),
    );
    assert.equal(details['a.delayShare'], 'Maximaal 100.');
    assert.equal(details.year, 'Kies een jaar of een periode (van en tot), niet allebei.');

    const missing = await get('regionId=hw');
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      missing.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
      [['year', 'required']],
    );
    const halfPeriod = await get('regionId=hw&from=2025-01-01');
    assert.deepEqual(
      halfPeriod.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
      [['to', 'required']],
    );
    const tooLong = await get('regionId=hw&from=2025-01-01&to=2026-03-01');
    assert.deepEqual(
      tooLong.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
      [['to', 'period_too_long']],
    );
    const unknown = await get(`regionId=nergens&year=${YEAR}`);
    assert.equal(unknown.statusCode, 404);
  });

  it("gives the pilot year 2019 beside the report's table, every figure within the tolerance", async () => {
    const response = await t.inject({ method: 'GET', url: '/api/policy/mkba/pilot-2019' }, viewer);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as {
      tolerance: number;
      regions: {
        id: string;
        ours: { costs: number };
        report: { costs: number };
        deviation: { costs: number; benefits: Record<string, number>; net: Record<string, number> };
      }[];
    };
    assert.equal(body.tolerance, 0.1);
    assert.deepEqual(
      body.regions.map((region) => [region.id, region.ours.costs, region.report.costs]),
      [
        ['zuidoost-utrecht', 93_275.55, 93_394],
        ['hoeksche-waard', 151_550, 151_550],
        ['peelregio', 487_000, 487_009],
      ],
    );
    for (const region of body.regions) {
      const { costs, benefits, net } = region.deviation;
      for (const value of [costs, benefits.positive!, benefits.conservative!, net.positive!, net.conservative!])
        assert.ok(Math.abs(value) <= body.tolerance, region.id);
    }
    assert.equal((await t.inject({ method: 'GET', url: '/api/policy/mkba/pilot-2019' }, 'anonymous')).statusCode, 401);
  });

  it('is for policy staff, the central point and administrators only', async () => {
    const url = `/api/policy/mkba?regionId=hw&year=${YEAR}`;
    assert.equal((await t.inject({ method: 'GET', url }, 'anonymous')).statusCode, 401);
    for (const role of ['referrer', 'provider_planner'] as const) {
      assert.equal((await t.inject({ method: 'GET', url }, await t.signIn(role, organisationId))).statusCode, 403, role);
    }
    for (const role of ['policy_viewer', 'coordinator', 'administrator'] as const) {
      assert.equal((await t.inject({ method: 'GET', url }, await t.signIn(role))).statusCode, 200, role);
    }
  });
});

async function aStay(
  db: Kysely<Database>,
  stay: {
    unitId: string;
    clientId: string;
    stayType: StayType;
    arrival: string;
    departure: string;
    status: 'arrived' | 'departed' | 'confirmed' | 'cancelled';
    works: boolean | null;
  },
) {
  const referral = await db
    .insertInto('referral')
    .values({
      reference: `AP-${randomUUID().slice(0, 6).toUpperCase()}`,
      status: 'closed',
      source: 'public',
      referrer_kind: 'caregiver',
      referrer_user_id: null,
      referrer_organisation_id: null,
      kind: 'respite_once',
      client_id: stay.clientId,
      partner_client_id: null,
      caregiver_name: 'Mantelzorger',
      caregiver_relation: 'child',
      caregiver_works: stay.works,
      caregiver_phone: null,
      caregiver_email: null,
      recurrence: null,
      indication_wlz_profile: null,
      consent_at: new Date('2024-12-01T10:00:00Z'),
      consent_given_by: 'Mantelzorger',
      message: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('stay')
    .values({
      unit_id: stay.unitId,
      client_id: stay.clientId,
      stay_type: stay.stayType,
      arrival: stay.arrival,
      departure: stay.departure,
      status: stay.status,
      cancel_reason: stay.status === 'cancelled' ? 'Afgezegd' : null,
      series_id: null,
      referral_id: referral.id,
    })
    .execute();
}

/** Region zou: a reserved bed, a lump-sum contract from 1 July, staff, coordination until 1 April, and a stay without a tariff. */
async function seedZuidoostUtrecht(
  db: Kysely<Database>,
  stay: (unitId: string, clientId: string, stayType: StayType, arrival: string, departure: string) => Promise<void>,
  guest: (pc4: string) => Promise<string>,
) {
  const dennen = await aLocation(db, 'zou', { name: 'In de Dennen' });
  const schutsmantel = await aLocation(db, 'zou', { name: 'De Schutsmantel' });
  const reserved = await aUnit(db, dennen, { accepted: ['respite'], reservedFor: 'respite', activeFrom: '2024-01-01' });
  const shared = await aUnit(db, schutsmantel, { accepted: ['respite', 'wlz_respite'], activeFrom: '2024-01-01' });
  await db
    .insertInto('location_tariff')
    .values([
      {
        location_id: dennen,
        stay_type: 'respite',
        funding: 'in_kind',
        housing_cents: 0,
        stay_cents: 23_031,
        care_cents: 0,
        valid_from: '2025-01-01',
        valid_until: null,
      },
      {
        location_id: schutsmantel,
        stay_type: 'respite',
        funding: 'in_kind',
        housing_cents: 0,
        stay_cents: 20_000,
        care_cents: 0,
        valid_from: '2024-01-01',
        valid_until: null,
      },
    ])
    .execute();
  await db
    .insertInto('co_payment_rule')
    .values({ municipality: 'Zeist', cents_per_night: 1000, valid_from: '2024-01-01', valid_until: null })
    .execute();
  const cost = (
    kind: 'staff' | 'coordination' | 'availability_contract',
    description: string,
    euros: number,
    from: string,
    until: string | null,
    locationId: string | null,
    insurer = 0,
  ) => ({
    region_id: 'zou',
    kind,
    description,
    location_id: locationId,
    cents_per_year: euros * 100,
    municipality_percent: 100 - insurer,
    insurer_percent: insurer,
    care_office_percent: 0,
    valid_from: from,
    valid_until: until,
  });
  await db
    .insertInto('region_yearly_cost')
    .values([
      cost('availability_contract', 'Contract De Schutsmantel', 50_000, '2025-07-01', null, schutsmantel, 50),
      cost('coordination', 'Coördinatiepunt', 6_000, '2024-01-01', '2025-04-01', null),
      cost('staff', 'Personeel logeerzorg', 12_000, '2025-01-01', null, null),
    ])
    .execute();
  for (let i = 0; i < 5; i++)
    await stay(
      reserved,
      await guest('3701'),
      'respite',
      `2025-02-${String(2 * i + 1).padStart(2, '0')}`,
      `2025-02-${String(2 * i + 3).padStart(2, '0')}`,
    );
  await stay(shared, await guest('3701'), 'respite', '2025-06-28', '2025-07-03');
  await stay(shared, await guest('3701'), 'wlz_respite', '2025-05-01', '2025-05-04');
}
