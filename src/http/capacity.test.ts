import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { addDays } from '../domain/dates.ts';
import { aLocation, aRegion, aUnit, organisationOf } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import type { ReferralKind } from '../domain/referral.ts';
import type { ReferralStatus } from '../domain/referral-lifecycle.ts';
import type { StayType } from '../domain/stay-types.ts';

/**
 * The demand model and the capacity planner on a small year, 2025, whose figures are worked out by hand:
 *
 * - our region (home PC4 3262) has Aanbieder A with A1 (reserved for respite) and A2 (respite, ELV low), and
 *   Aanbieder B with B1 (ELV low, crisis Wmo, ELV high); the neighbour region (3284) has N1.
 * - respite: R1–R5 stay twice, R6–R10 once: 15 stays of 5 nights, all in the region. 10 guests, 5 recurring.
 * - ELV low: 7 stays in the region and 5 outside it (at N1), 10 nights each, and 5 requests that ended without a
 *   stay (cancelled, triaged ELV low, 10 nights wished): 17 requests, 17 guests.
 * - crisis (Wmo): 2 stays of 3 nights; ELV high: 3 stays of 20 nights. Under 5 people each: hidden.
 * - not counted: a tour, a request triaged "to hospital", a stay cancelled, a stay of someone from the neighbour
 *   region in our units, stays outside the year.
 *
 * Offered load = requests ÷ 365 × mean nights: respite 15/365 × 5 = 0.205479 → 0.2055 Erlang; ELV low 17/365 × 10 =
 * 0.465753 → 0.4658; crisis 2/365 × 3 = 0.0164; ELV high 3/365 × 20 = 0.1644; together 0.8521.
 * Erlang B for 3 %: respite B(1) = 0.1705, B(2) = 0.0172 → 2 units; ELV low B(2) = 0.0689, B(3) = 0.0106 → 3 units;
 * all together B(3) = 0.0445, B(4) = 0.0094 → 4 units. Per provider, each stay type's load split over the units that
 * take it: A = 0.2055 + 0.4658/2 = 0.4384 → 0.4, B = 0.4658/2 + 0.0164 + 0.1644 = 0.4137 → 0.4; B(2, 0.4) = 0.0541,
 * B(3, 0.4) = 0.0072 → 3 units each: 6 apart against 4 pooled.
 */
const FROM = '2025-01-01';
const TO = '2026-01-01';
const HOME = '3262';
const ELSEWHERE = '3284';

describe('demand model and capacity planner', () => {
  let t: TestApp;
  let regionId: string;
  let viewer: Record<string, string>;
  let clients = 0;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    regionId = await aRegion(db, 'capaciteit-test', 'Capaciteitregio');
    const neighbourId = await aRegion(db, 'capaciteit-buren', 'Buurregio');
    await db
      .insertInto('region_postcode')
      .values([
        { pc4: HOME, region_id: regionId },
        { pc4: ELSEWHERE, region_id: neighbourId },
      ])
      .execute();
    const [locationA, locationB, locationN] = [
      await aLocation(db, regionId),
      await aLocation(db, regionId),
      await aLocation(db, neighbourId),
    ];
    for (const [location, name] of [
      [locationA, 'Aanbieder A'],
      [locationB, 'Aanbieder B'],
      [locationN, 'Aanbieder N'],
    ] as const) {
      await db
        .updateTable('organisation')
        .set({ name })
        .where('id', '=', await organisationOf(db, location))
        .execute();
    }
    const unit = (location: string, accepted: StayType[], reservedFor: StayType | null = null) =>
      aUnit(db, location, { accepted, reservedFor, activeFrom: FROM });
    const [a1, a2, b1, n1] = [
      await unit(locationA, ['respite'], 'respite'),
      await unit(locationA, ['respite', 'elv_low_complex']),
      await unit(locationB, ['elv_low_complex', 'crisis_wmo', 'elv_high_complex']),
      await unit(locationN, ['elv_low_complex', 'elv_high_complex']),
    ];

    // A respite bed at A costs € 80 + € 70 a night: € 54,750 a year, as the MKBA prices a reserved bed.
    await db
      .insertInto('location_tariff')
      .values({
        location_id: locationA,
        stay_type: 'respite',
        funding: 'in_kind',
        housing_cents: 8000,
        stay_cents: 7000,
        care_cents: 0,
        valid_from: FROM,
        valid_until: null,
      })
      .execute();

    const guests = new Map<string, string>();
    const guest = async (name: string, pc4 = HOME) => {
      if (!guests.has(name))
        guests.set(name, (await db.insertInto('client').values({ name, pc4 }).returning('id').executeTakeFirstOrThrow()).id);
      return guests.get(name)!;
    };
    const stay = async (
      unitId: string,
      who: string,
      stayType: string,
      arrival: string,
      nights: number,
      status = 'departed',
      pc4 = HOME,
    ) => {
      await sql`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status, cancel_reason)
                VALUES (${unitId}, ${await guest(who, pc4)}, ${stayType}, ${arrival}, ${addDays(arrival, nights)}, ${status},
                        ${status === 'cancelled' ? 'Test' : null})`.execute(db);
    };
    const respiteGuests = ['R1', 'R1', 'R2', 'R2', 'R3', 'R3', 'R4', 'R4', 'R5', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];
    for (const [i, who] of respiteGuests.entries()) {
      await stay(i < 8 ? a1 : a2, who, 'respite', addDays(i < 8 ? '2025-01-10' : '2025-02-01', 20 * (i < 8 ? i : i - 8)), 5);
    }
    for (let i = 0; i < 3; i++) await stay(a2, `L${i + 1}`, 'elv_low_complex', addDays('2025-07-01', 15 * i), 10);
    for (let i = 0; i < 4; i++) await stay(b1, `L${i + 4}`, 'elv_low_complex', addDays('2025-01-15', 30 * i), 10);
    for (let i = 0; i < 5; i++) await stay(n1, `L${i + 8}`, 'elv_low_complex', addDays('2025-01-20', 20 * i), 10);
    await stay(b1, 'C1', 'crisis_wmo', '2025-07-01', 3);
    await stay(b1, 'C2', 'crisis_wmo', '2025-08-01', 3);
    for (let i = 0; i < 3; i++) await stay(b1, `H${i + 1}`, 'elv_high_complex', addDays('2025-09-01', 25 * i), 20);
    // Not counted: cancelled, someone from elsewhere in our unit, before and after the year.
    await stay(a1, 'R1', 'respite', '2025-12-01', 5, 'cancelled');
    await stay(b1, 'Van elders', 'elv_low_complex', '2025-12-01', 10, 'departed', ELSEWHERE);
    await stay(a1, 'R1', 'respite', '2024-12-01', 5);
    await stay(a2, 'R2', 'respite', '2026-01-05', 5, 'confirmed');

    const referral = async (
      who: string,
      kind: ReferralKind,
      wished: string,
      triaged: string[] | null,
      status: ReferralStatus = 'cancelled',
    ) => {
      const client = await guest(who);
      const row = await db
        .insertInto('referral')
        .values({
          reference: `AP-T${String(++clients).padStart(4, '0')}`,
          status,
          source: 'public',
          referrer_kind: 'caregiver',
          kind,
          client_id: client,
          wished_arrival: wished,
          wished_departure: addDays(wished, 10),
          consent_at: new Date(`${wished}T09:00:00Z`),
          consent_given_by: who,
          cancel_reason: status === 'cancelled' ? 'Geen plek' : null,
          created_at: new Date(`${addDays(wished, -3)}T09:00:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (triaged) {
        await db
          .insertInto('triage')
          .values({
            referral_id: row.id,
            client_id: client,
            questionnaire_version: 'test',
            answers: '{}',
            outcome: JSON.stringify({ stayTypes: triaged }),
          })
          .execute();
      }
    };
    for (const [i, wished] of ['2025-03-01', '2025-04-01', '2025-05-01', '2025-09-01', '2025-10-01'].entries()) {
      await referral(`L${i + 13}`, 'elv_from_gp', wished, ['elv_low_complex']);
    }
    await referral('Rondleiding', 'tour', '2025-05-05', null);
    await referral('Naar het ziekenhuis', 'elv_from_gp', '2025-06-06', []);
    viewer = await t.signIn('policy_viewer');
  });
  after(() => t.close());

  const get = (url: string, query: Record<string, string | number>, as: Record<string, string> | 'anonymous' = viewer) =>
    t.inject({ method: 'GET', url, query: Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)])) }, as);

  it("counts the residents' requests per stay type, their stays and whether they got a place in the region", async () => {
    const response = await get('/api/policy/demand', { regionId, from: FROM, to: TO });
    assert.equal(response.statusCode, 200, response.body);
    const model = response.json();
    assert.deepEqual(model.observed, { from: FROM, to: TO, days: 365 });
    const of = (stayType: string) => model.stayTypes.find((row: { stayType: string }) => row.stayType === stayType);
    assert.deepEqual(
      { ...of('respite'), seasons: undefined, nights: undefined, dispersion: undefined },
      {
        stayType: 'respite',
        requests: 15,
        perWeek: 0.29,
        inRegion: 15,
        outsideRegion: 0,
        notPlaced: 0,
        percentOutside: 0,
        percentNotPlaced: 0,
        guests: 10,
        recurringGuests: 5,
        percentRecurring: 50,
        suppressed: false,
        seasons: undefined,
        nights: undefined,
        dispersion: undefined,
      },
    );
    assert.deepEqual([of('respite').nights.mean, of('respite').nights.median, of('respite').nights.p90], [5, 5, 5]);
    assert.deepEqual(
      of('respite').nights.classes.find((range: { from: number }) => range.from === 4),
      { from: 4, to: 7, stays: 15, suppressed: false },
    );
    const elv = of('elv_low_complex');
    // 17 requests, shown rounded to 15: 5 outside the region, 5 without a place, so 5 in it; 15/365 × 7 = 0.29 a week.
    assert.deepEqual(
      [elv.requests, elv.inRegion, elv.outsideRegion, elv.notPlaced, elv.percentOutside, elv.percentNotPlaced, elv.perWeek],
      [15, 5, 5, 5, 33.3, 33.3, 0.29],
    );
    assert.equal(elv.nights.mean, 10);
    // Seasons are counted by the first night, over the days each season has in the period.
    const spring = elv.seasons.find((season: { season: string }) => season.season === 'spring');
    assert.equal(spring.days, 92);
    for (const small of ['crisis_wmo', 'elv_high_complex']) {
      const row = of(small);
      assert.equal(row.suppressed, true, small);
      assert.deepEqual([row.requests, row.perWeek, row.nights.mean, row.guests], [null, null, null, null], small);
    }
    assert.deepEqual([model.total.requests, model.total.guests, model.total.recurringGuests], [35, 30, 5]);
    // Weeks: never a count under 5 people, and the shown ones add up to no more than the total.
    const weeks = model.weeks as { requests: number | null; suppressed: boolean; days: number }[];
    assert.equal(
      weeks.reduce((sum, week) => sum + week.days, 0),
      365,
    );
    for (const week of weeks) assert.ok(week.requests === null || week.requests === 0 || week.requests >= 5);
  });

  it('counts from the first day the region had a unit, so an earlier start does not dilute the rates', async () => {
    const model = (await get('/api/policy/demand', { regionId, from: '2024-07-01', to: TO })).json();
    assert.deepEqual(model.window, { from: '2024-07-01', to: TO });
    assert.deepEqual(model.observed, { from: FROM, to: TO, days: 365 });
    assert.equal(model.stayTypes.find((row: { stayType: string }) => row.stayType === 'respite').requests, 15);
  });

  it('gives the units each stay type needs by Erlang B, checked by simulation, and compares pooling and reserving', async () => {
    const response = await get('/api/policy/capacity', { regionId, from: FROM, to: TO, target: 0.03 });
    assert.equal(response.statusCode, 200, response.body);
    const plan = response.json();
    assert.equal(plan.target, 0.03);
    assert.deepEqual(plan.simulation, { seed: 2019, replications: 20, horizonDays: 365, warmupDays: 90, confidence: 0.95 });
    const of = (stayType: string) => plan.stayTypes.find((row: { stayType: string }) => row.stayType === stayType);
    assert.deepEqual(
      [of('respite').offeredLoad, of('respite').meanNights, of('respite').unitsErlang, of('respite').currentUnits],
      [0.2055, 5, 2, 2],
    );
    assert.deepEqual(
      [of('elv_low_complex').offeredLoad, of('elv_low_complex').unitsErlang, of('elv_low_complex').currentUnits],
      [0.4658, 3, 2],
    );
    assert.ok(Math.abs(of('respite').requestsPerYear - 15) < 1e-9);
    // Hidden stay types keep their answer in units, not the load that would give their nights away.
    assert.deepEqual([of('crisis_wmo').offeredLoad, of('crisis_wmo').requestsPerYear, of('crisis_wmo').currentUnits], [null, null, 1]);
    assert.equal(typeof of('crisis_wmo').unitsErlang, 'number');
    assert.deepEqual([plan.all.offeredLoad, plan.all.unitsErlang], [0.8521, 4]);
    for (const row of plan.stayTypes) {
      assert.equal(typeof row.unitsSimulation, 'number', row.stayType);
      assert.ok(row.simulatedAtSimulationUnits.mean <= 0.03, row.stayType);
    }
    assert.deepEqual(plan.pooling.erlang.providers, [
      { provider: 'Aanbieder A', offeredLoad: 0.4, unitsErlang: 3, currentUnits: 2 },
      { provider: 'Aanbieder B', offeredLoad: 0.4, unitsErlang: 3, currentUnits: 1 },
    ]);
    assert.deepEqual([plan.pooling.erlang.separateUnits, plan.pooling.erlang.pooledUnits], [6, 4]);
    // One regional pool refuses fewer than each provider on its own, with the same units and requests.
    assert.ok(plan.pooling.pooled.total.refused.mean < plan.pooling.separate.total.refused.mean);
    // Three beds: options for 0 to 3 reserved, and 1 reserved now (A1).
    assert.deepEqual(
      plan.reservation.options.map((option: { reserved: number }) => option.reserved),
      [0, 1, 2, 3],
    );
    assert.deepEqual([plan.reservation.reserved, plan.reservation.currentlyReserved, plan.reservation.beds], [1, 1, 3]);
    const respiteAt = (k: number) =>
      plan.reservation.options[k].stayTypes.find((row: { stayType: string }) => row.stayType === 'respite').refused.mean;
    assert.ok(respiteAt(2) <= respiteAt(0));
    // Each option's cost beside its refusals: k beds × € 54,750, and the requests a year without a place.
    assert.deepEqual(plan.reservation.bedYear, { cents: 5_475_000, locations: 1, from: '2025-12-31' });
    assert.deepEqual(
      plan.reservation.costs.map((row: { costCents: number }) => row.costCents),
      [0, 5_475_000, 10_950_000, 16_425_000],
    );
    for (const [k, row] of plan.reservation.costs.entries()) {
      const total = plan.reservation.options[k].total;
      assert.equal(row.refusedPerYear.all, Math.round(total.requests * total.refused.mean * 10) / 10);
    }
    assert.equal(plan.reservation.costs[0].step, null);
    assert.equal(plan.reservation.costs[1].step.costCents, 5_475_000);
  });

  it('needs fewer units for a looser target', async () => {
    const strict = (await get('/api/policy/capacity', { regionId, from: FROM, to: TO, target: 0.001 })).json();
    const loose = (await get('/api/policy/capacity', { regionId, from: FROM, to: TO, target: 0.2 })).json();
    assert.ok(strict.all.unitsErlang > loose.all.unitsErlang);
    // B(1, 0.8521) = 0.4601 > 0.2 ≥ B(2, 0.8521) = 0.1639: 2 units.
    assert.equal(loose.all.unitsErlang, 2);
  });

  it('exports CSV tables that reproduce the figures of the answer', async () => {
    const plan = (await get('/api/policy/capacity', { regionId, from: FROM, to: TO, target: 0.03 })).json();
    const response = await get('/api/policy/capacity.csv', { table: 'stay-types', regionId, from: FROM, to: TO, target: 0.03 });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.headers['content-type'] as string, /^text\/csv/);
    assert.match(response.headers['content-disposition'] as string, /capaciteit-capaciteit-test-stay-types-2025-01-01-2026-01-01\.csv/);
    assert.ok(response.body.startsWith('\uFEFF'));
    const [header, ...lines] = response.body
      .slice(1)
      .trim()
      .split('\n')
      .map((line) => line.split(';'));
    const column = (row: string[], name: string) => row[header!.indexOf(name)]!;
    const respite = lines.find((row) => row[0] === 'respite')!;
    assert.equal(column(respite, 'aangeboden_last_erlang'), '0,2055');
    assert.equal(column(respite, 'plekken_erlang_b'), '2');
    assert.equal(column(respite, 'doel_geweigerd_pct'), '3');
    assert.equal(column(respite, 'aanvragen_per_jaar'), '15');
    assert.equal(column(respite, 'waargenomen_dagen'), '365');
    const crisis = lines.find((row) => row[0] === 'crisis_wmo')!;
    assert.equal(column(crisis, 'aangeboden_last_erlang'), '');
    for (const row of plan.stayTypes) {
      const line = lines.find((candidate) => candidate[0] === row.stayType)!;
      assert.equal(column(line, 'plekken_simulatie'), String(row.unitsSimulation));
      assert.equal(
        column(line, 'simulatie_geweigerd_pct'),
        String(Math.round(row.simulatedAtSimulationUnits.mean * 10_000) / 100).replace('.', ','),
      );
    }

    const pooling = (await get('/api/policy/capacity.csv', { table: 'pooling', regionId, from: FROM, to: TO })).body
      .slice(1)
      .trim()
      .split('\n');
    const pooledTotal = pooling.find((line) => line.startsWith('een_regionale_pool;alle;'))!.split(';');
    assert.equal(pooledTotal[3], String(Math.round(plan.pooling.pooled.total.refused.mean * 10_000) / 100).replace('.', ','));
    const providers = (await get('/api/policy/capacity.csv', { table: 'providers', regionId, from: FROM, to: TO })).body
      .slice(1)
      .trim()
      .split('\n');
    assert.deepEqual(providers.slice(1), [
      'Aanbieder A;0,4;3;3;2',
      'Aanbieder B;0,4;3;3;1',
      'elk een eigen pool, samen;;3;6;3',
      'één regionale pool;;3;4;3',
    ]);
    const reservation = (await get('/api/policy/capacity.csv', { table: 'reservation', regionId, from: FROM, to: TO })).body;
    assert.equal(
      reservation.slice(1).split('\n')[0],
      'gereserveerde_bedden;soort_verblijf;aanvragen_per_jaar;geweigerd_pct;ondergrens_pct;bovengrens_pct;gem_bezette_plekken;simulatie',
    );

    const demand = await get('/api/policy/demand.csv', { table: 'stay-types', regionId, from: FROM, to: TO });
    assert.equal(demand.statusCode, 200, demand.body);
    const demandLines = demand.body.slice(1).trim().split('\n');
    assert.match(
      demandLines.find((line) => line.startsWith('elv_low_complex;'))!,
      /^elv_low_complex;365;15;0,29;[^;]*;10;10;10;5;5;5;33,3;33,3;15;0;0;nee$/,
    );
    assert.match(demandLines.find((line) => line.startsWith('crisis_wmo;'))!, /^crisis_wmo;365;;;;;;;;0;0;;;;0;;ja$/);
    for (const table of ['weeks', 'seasons', 'nights']) {
      assert.equal((await get('/api/policy/demand.csv', { table, regionId, from: FROM, to: TO })).statusCode, 200, table);
    }
  });

  it('says per field what is wrong with a question', async () => {
    const fields = async (query: Record<string, string | number>, url = '/api/policy/capacity') => {
      const response = await get(url, query);
      assert.equal(response.statusCode, 400, response.body);
      return (response.json().errors as { field: string; code: string; detail: string }[]).map((error) => [error.field, error.code]);
    };
    assert.deepEqual(await fields({ regionId, from: FROM, to: TO, target: 2 }), [['target', 'target_out_of_range']]);
    assert.deepEqual(await fields({ regionId, from: FROM, to: TO, target: 'veel' }), [['target', 'invalid_type']]);
    assert.deepEqual(await fields({ regionId, from: FROM, to: TO, reserved: -1 }), [['reserved', 'too_small']]);
    assert.deepEqual(await fields({ regionId, from: TO, to: FROM }), [['to', 'departure_before_arrival']]);
    assert.deepEqual(await fields({ regionId, from: '2025-02-30', to: TO }, '/api/policy/demand'), [['from', 'invalid_date']]);
    assert.deepEqual(await fields({ regionId, from: FROM, to: TO, colour: 'blauw' }, '/api/policy/demand'), [['colour', 'unknown_field']]);
    assert.deepEqual(await fields({ table: 'alles', regionId, from: FROM, to: TO }, '/api/policy/demand.csv'), [
      ['table', 'invalid_value'],
    ]);
    const english = await t.inject(
      {
        method: 'GET',
        url: '/api/policy/capacity',
        query: { regionId, from: FROM, to: TO, target: '0' },
        headers: { 'accept-language': 'en' },
      },
      viewer,
    );
    assert.match(english.json().errors[0].detail, /between 0.1 % and 50 %/);
    const unknown = await get('/api/policy/capacity', { regionId: 'nergens', from: FROM, to: TO });
    assert.equal(unknown.statusCode, 404);
  });

  it('is for policy staff, the central point and administrators only', async () => {
    for (const role of ['coordinator', 'administrator'] as const) {
      assert.equal((await get('/api/policy/demand', { regionId, from: FROM, to: TO }, await t.signIn(role))).statusCode, 200, role);
    }
    const planner = await t.signIn(
      'provider_planner',
      (await t.database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id,
    );
    assert.equal((await get('/api/policy/capacity', { regionId, from: FROM, to: TO }, planner)).statusCode, 403);
    assert.equal(
      (
        await get(
          '/api/policy/capacity.csv',
          { table: 'pooling', regionId, from: FROM, to: TO },
          await t.signIn(
            'referrer',
            await organisationOf(t.database.db, (await t.database.db.selectFrom('location').select('id').executeTakeFirstOrThrow()).id),
          ),
        )
      ).statusCode,
      403,
    );
    assert.equal((await get('/api/policy/demand', { regionId, from: FROM, to: TO }, 'anonymous')).statusCode, 401);
  });
});
