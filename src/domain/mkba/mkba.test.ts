import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ASSUMPTIONS, type AssumptionValues, EXPERT_ESTIMATES, defaultValues } from './assumptions.ts';
import { FIXED_COST_KINDS, type MkbaInputs, type ScenarioResult, crisesPrevented, mkba, workingShareOf } from './mkba.ts';
import { PILOT_REGIONS_2019, pilotInputs, pilotYear2019 } from './pilot-2019.ts';

const DEFAULTS = defaultValues(null).values;
const euros = (cents: number) => cents / 100;
const lineOf = (result: ScenarioResult, key: string) => result.lines.find((line) => line.key === key)!;
const partsOf = (result: ScenarioResult, key: string) =>
  Object.fromEntries(lineOf(result, key).parts.map((part) => [part.stakeholder, euros(part.cents)]));
const stakeholdersOf = (result: ScenarioResult) =>
  Object.fromEntries(
    result.stakeholders.map((row) => [row.stakeholder, [euros(row.benefitsCents), euros(row.costsCents), euros(row.netCents)]]),
  );

const NOTHING = { municipality: 0, insurer: 0, careOffice: 0, client: 0 };
/** A region's year given as guests, and the year's costs of nights paid by the municipality. */
function pilot(guests: number, municipalityCostEuros: number): MkbaInputs {
  return {
    guests,
    stays: 0,
    nights: 0,
    costsCents: { ...NOTHING, municipality: municipalityCostEuros * 100 },
    reservedBeds: { beds: 0, nights: 0, costsCents: NOTHING },
    fixedCosts: [],
  };
}
const pilotRegion = (id: string) => PILOT_REGIONS_2019.find((region) => region.id === id)!;

describe('MKBA: the assumptions', () => {
  it('halves exactly the three expert estimates in the conservative scenario, one per effect', () => {
    assert.deepEqual(EXPERT_ESTIMATES, ['delayShare', 'crisisShare', 'sickDaysAvoided']);
    const result = mkba(pilot(10, 0), DEFAULTS);
    for (const assumption of ASSUMPTIONS) {
      const expected = assumption.expert ? assumption.defaultValue / 2 : assumption.defaultValue;
      assert.equal(result.conservative.values[assumption.key], expected, assumption.key);
      assert.equal(result.positive.values[assumption.key], assumption.defaultValue, assumption.key);
    }
  });

  it('gives every assumption a Dutch and English label, a source with a section of the reports, and a default within its bounds', () => {
    for (const assumption of ASSUMPTIONS) {
      assert.ok(assumption.label.nl && assumption.label.en, assumption.key);
      assert.match(assumption.source.nl, /\d{3} §\d/, assumption.key);
      assert.match(assumption.source.en, /\d{3} §\d/, assumption.key);
      assert.ok(assumption.min <= assumption.defaultValue && assumption.defaultValue <= assumption.max, assumption.key);
      assert.ok(assumption.gains.length > 0, assumption.key);
    }
  });

  it('takes the share of working caregivers from the region only when at least 5 do and 5 do not work', () => {
    assert.equal(workingShareOf(40, 10, 5), 25);
    // 7 of 30 = 23.33…% → one decimal.
    assert.equal(workingShareOf(30, 7, 5), 23.3);
    assert.equal(workingShareOf(30, 4, 5), null, 'four working caregivers could be recognised');
    assert.equal(workingShareOf(8, 5, 5), null, 'three who do not work could be recognised');
    assert.deepEqual(defaultValues(23.3).origin.workingShare, 'region');
    assert.equal(defaultValues(23.3).values.workingShare, 23.3);
    assert.equal(defaultValues(null).values.workingShare, 20);
  });
});

describe('MKBA: worked examples', () => {
  it("Hoeksche Waard 2019 (28 guests, one bed reserved all year at € 150, € 96,800 staff): the report's costs exactly, its benefits within 0.1 %", () => {
    // Costs (004 §7): the reserved bed costs every night, 365 × € 150 = € 54,750 (housing € 29,200 + stay € 25,550),
    // and € 96,800 staff is a line of its own = € 151,550. 002 §5.1.4 implies the same figure (see pilot-2019.ts).
    const region = pilotRegion('hoeksche-waard');
    const { positive, conservative } = mkba(pilotInputs(region), { ...DEFAULTS, ...region.regional });

    // Positive scenario, by hand:
    // delayed admission: 28 guests × 50% = 14 guests × 6 months = 84 months.
    //   care office  +84 × € 5,875 = € 493,500
    //   insurer      −84 × € 1,000 = −€ 84,000   (home nursing goes on meanwhile)
    //   municipality −84 × €   700 = −€ 58,800   (support at home goes on meanwhile)
    //   line: € 350,700
    assert.deepEqual(partsOf(positive, 'wlz_delay'), { care_office: 493_500, insurer: -84_000, municipality: -58_800 });
    assert.equal(euros(lineOf(positive, 'wlz_delay').cents), 350_700);
    // crisis: 28 × 6% = 1.68 → 2 crises × 60 nights = 120 nights × € 475 = € 57,000, half municipality, half insurer.
    assert.deepEqual(partsOf(positive, 'crisis'), { municipality: 28_500, insurer: 28_500 });
    // sick leave: 28 × 20% = 5.6 working caregivers × 6 days = 33.6 days × € 300 = € 10,080.
    assert.deepEqual(partsOf(positive, 'sick_leave'), { employers: 10_080 });
    // benefits 350,700 + 57,000 + 10,080 = € 417,780; costs € 151,550; net € 266,230; ratio 417,780 / 151,550 = 2.7567 → 2.76.
    assert.equal(euros(positive.benefitsCents), 417_780);
    assert.equal(euros(positive.costsCents), 151_550);
    assert.equal(euros(positive.netCents), 266_230);
    assert.equal(positive.ratio, 2.76);
    assert.deepEqual(partsOf(positive, 'reserved_beds'), { municipality: 54_750, insurer: 0, care_office: 0, client: 0 });
    assert.deepEqual(partsOf(positive, 'staff'), { municipality: 96_800, insurer: 0, care_office: 0 });
    assert.deepEqual(partsOf(positive, 'stays'), { municipality: 0, insurer: 0, care_office: 0, client: 0 });
    // Per stakeholder [benefits, costs, net]: the municipality pays, the care office gains most (002 §4.3).
    //   municipality −58,800 + 28,500 = −30,300; costs 54,750 + 96,800 = 151,550; net −181,850
    //   insurer      −84,000 + 28,500 = −55,500
    assert.deepEqual(stakeholdersOf(positive), {
      municipality: [-30_300, 151_550, -181_850],
      care_office: [493_500, 0, 493_500],
      insurer: [-55_500, 0, -55_500],
      employers: [10_080, 0, 10_080],
      client: [0, 0, 0],
    });

    // Conservative scenario: 25% delayed → 7 × 6 = 42 months: +246,750 −42,000 −29,400 = € 175,350;
    // 3% crises → 0.84 → 1 crisis × 60 nights × € 475 = € 28,500; 3 days → 5.6 × 3 = 16.8 days × € 300 = € 5,040.
    // benefits € 208,890; net 208,890 − 151,550 = € 57,340; ratio 1.3784 → 1.38.
    assert.deepEqual(partsOf(conservative, 'wlz_delay'), { care_office: 246_750, insurer: -42_000, municipality: -29_400 });
    assert.deepEqual(partsOf(conservative, 'crisis'), { municipality: 14_250, insurer: 14_250 });
    assert.deepEqual(partsOf(conservative, 'sick_leave'), { employers: 5_040 });
    assert.equal(euros(conservative.benefitsCents), 208_890);
    assert.equal(euros(conservative.netCents), 57_340);
    assert.equal(conservative.ratio, 1.38);
    // The report (002 §5.1.4): benefits € 208,970 and € 417,940, net € 57,420 and € 266,390.
  });

  it("pilot year 2019: each region's costs, benefits in both scenarios and net result within 10 % of the report's table", () => {
    const rows = pilotYear2019();
    assert.deepEqual(
      rows.map((row) => row.region.id),
      ['zuidoost-utrecht', 'hoeksche-waard', 'peelregio'],
    );
    for (const row of rows) {
      const { deviation } = row;
      for (const [what, value] of [
        ['costs', deviation.costs],
        ['benefits+', deviation.benefits.positive],
        ['benefits−', deviation.benefits.conservative],
        ['net+', deviation.net.positive],
        ['net−', deviation.net.conservative],
      ] as const) {
        assert.ok(Math.abs(value) <= 0.1, `${row.region.id} ${what}: ${(value * 100).toFixed(1)} %`);
      }
    }
    // The figures as computed, in euros, so a change of assumptions shows here first.
    const table = rows.map((row) => [
      row.region.id,
      euros(row.result.positive.costsCents),
      euros(row.result.positive.benefitsCents),
      euros(row.result.conservative.benefitsCents),
      euros(row.result.positive.netCents),
      euros(row.result.conservative.netCents),
    ]);
    assert.deepEqual(table, [
      // 1 bed × 365 × € 230.31 + 40 nights × € 230.31 = € 93,275.55; benefits 17 × 50% × 6 × € 4,175 = € 212,925,
      // 1 crisis × 60 × € 500 = € 30,000 (also in the conservative scenario: 17 × 3% = 0.51 → 1), 17 × 16% × 6 × € 300 = € 4,896.
      ['zuidoost-utrecht', 93_275.55, 247_821, 138_910.5, 154_545.45, 45_634.95],
      ['hoeksche-waard', 151_550, 417_780, 208_890, 266_230, 57_340],
      // The lump sum € 487,000; benefits 93 × 12,525 = € 1,164,825 + 6 crises × 60 × € 240 = € 86,400 + 18.6 × 1,800 = € 33,480.
      ['peelregio', 487_000, 1_284_705, 642_352.5, 797_705, 155_352.5],
    ]);
    // The Peelregio's lump sum is paid half by the insurer, half by the municipalities (002 §9.1).
    assert.deepEqual(partsOf(rows[2]!.result.positive, 'availability_contract'), {
      municipality: 243_500,
      insurer: 243_500,
      care_office: 0,
    });
  });

  it("the three pilots of 2019 together: delayed admission and sick leave near the report's totals per effect (002 §4.2)", () => {
    const pilots = pilotYear2019().map((row) => row.result);
    const total = (scenario: 'positive' | 'conservative', key: string) =>
      euros(pilots.reduce((sum, result) => sum + lineOf(result[scenario], key).cents, 0));
    // Delayed admission: 138 guests × 50% × 6 months × (5,875 − 1,000 − 700) = 69 × 6 × 4,175 = € 1,728,450
    // (report: "ca. € 1,8 miljoen"); conservative € 864,225 (report € 891,000: 3.0 % less).
    assert.equal(total('positive', 'wlz_delay'), 1_728_450);
    assert.equal(total('conservative', 'wlz_delay'), 864_225);
    // Crises, in whole people at each region's tariff: 1 × 60 × 500 + 2 × 60 × 475 + 6 × 60 × 240 = € 173,400. The
    // report has € 120,375: its split over the effects is not reproduced, only each region's total.
    assert.equal(total('positive', 'crisis'), 173_400);
    // Sick leave: (2.72 + 5.6 + 18.6) = 26.92 working caregivers × 6 days × € 300 = € 48,456 (report € 48,000: 0.95 % more).
    assert.equal(total('positive', 'sick_leave'), 48_456);
    assert.equal(total('conservative', 'sick_leave'), 24_228);
  });

  it('counts prevented crises in whole people, a half rounded up', () => {
    assert.equal(crisesPrevented(17, 6, false), 1);
    assert.equal(crisesPrevented(17, 6, true), 1, '17 × 3 % = 0.51');
    assert.equal(crisesPrevented(16, 6, true), 0, '16 × 3 % = 0.48');
    assert.equal(crisesPrevented(25, 6, false), 2, '25 × 6 % = 1.5');
    assert.equal(crisesPrevented(93, 6, true), 3, '93 × 3 % = 2.79');
  });

  it('a region with Wmo and Wlz respite, a co-payment, every crisis paid by the municipality and its own working share', () => {
    // 10 guests, 40 stays. 160 Wmo nights at € 208.91 = € 33,425.60, of which the clients pay € 12.50 a night as
    // co-payment = € 2,000 and the municipality € 31,425.60; 8 Wlz nights at € 200 = € 1,600 for the care office.
    const inputs: MkbaInputs = {
      ...pilot(10, 0),
      stays: 40,
      nights: 168,
      costsCents: { municipality: 3_142_560, insurer: 0, careOffice: 160_000, client: 200_000 },
    };
    const values: AssumptionValues = {
      ...DEFAULTS,
      nursingHomePerMonth: 6_000,
      crisisShare: 20,
      crisisNights: 14,
      workingShare: 30,
      crisisShareWmo: 100,
      crisisPricePerNight: 208.91,
    };
    const { positive, conservative } = mkba(inputs, values);

    // delayed: 10 × 50% × 6 = 30 months: +180,000 / −30,000 / −21,000 = € 129,000.
    assert.deepEqual(partsOf(positive, 'wlz_delay'), { care_office: 180_000, insurer: -30_000, municipality: -21_000 });
    // crises: 10 × 20% = 2 crises × 14 = 28 nights × € 208.91 = € 5,849.48, all to the municipality.
    assert.deepEqual(partsOf(positive, 'crisis'), { municipality: 5_849.48, insurer: 0 });
    // sick leave: 10 × 30% × 6 = 18 days × € 300 = € 5,400.
    assert.deepEqual(partsOf(positive, 'sick_leave'), { employers: 5_400 });
    // benefits 129,000 + 5,849.48 + 5,400 = € 140,249.48; costs 31,425.60 + 2,000 + 1,600 = € 35,025.60;
    // net € 105,223.88; ratio 4.0042 → 4.
    assert.equal(euros(positive.benefitsCents), 140_249.48);
    assert.equal(euros(positive.costsCents), 35_025.6);
    assert.equal(euros(positive.netCents), 105_223.88);
    assert.equal(positive.ratio, 4);
    // municipality: −21,000 + 5,849.48 = −15,150.52 benefits, 31,425.60 costs, net −46,576.12;
    // care office 180,000 − 1,600 = 178,400; the client pays the co-payment: −2,000.
    assert.deepEqual(stakeholdersOf(positive), {
      municipality: [-15_150.52, 31_425.6, -46_576.12],
      care_office: [180_000, 1_600, 178_400],
      insurer: [-30_000, 0, -30_000],
      employers: [5_400, 0, 5_400],
      client: [0, 2_000, -2_000],
    });

    // Conservative: 15 months → € 64,500; crises 10 × 10% = 1 × 14 nights × € 208.91 = € 2,924.74; sick leave
    // 10 × 30% × 3 days × € 300 = € 2,700. Benefits € 70,124.74, net € 35,099.14, ratio 2.0021 → 2.
    assert.equal(euros(lineOf(conservative, 'wlz_delay').cents), 64_500);
    assert.deepEqual(partsOf(conservative, 'crisis'), { municipality: 2_924.74, insurer: 0 });
    assert.equal(euros(lineOf(conservative, 'sick_leave').cents), 2_700);
    assert.equal(euros(conservative.benefitsCents), 70_124.74);
    assert.equal(euros(conservative.netCents), 35_099.14);
    assert.equal(conservative.ratio, 2);
    // The costs do not depend on the scenario.
    assert.equal(conservative.costsCents, positive.costsCents);
  });

  it("a crisis split that does not come out even: the municipality's part is rounded, the insurer gets the rest", () => {
    // 4 guests × 25% = 1 crisis × 3.5 nights × € 250 = € 875; 33.3% to the municipality = € 291.375 → € 291.38 (half a
    // cent up, exactly: floating point would give 291.37); the insurer € 875 − € 291.38 = € 583.62.
    const result = mkba(pilot(4, 0), { ...DEFAULTS, crisisShare: 25, crisisNights: 3.5, crisisPricePerNight: 250, crisisShareWmo: 33.3 });
    assert.deepEqual(partsOf(result.positive, 'crisis'), { municipality: 291.38, insurer: 583.62 });
  });

  it('no guests and no costs: nothing gained, no ratio; staff costs alone: ratio 0, shared as the registry says', () => {
    const none = mkba(pilot(0, 0), DEFAULTS);
    assert.equal(none.positive.benefitsCents, 0);
    assert.equal(none.positive.ratio, null);
    const staff = {
      kind: 'staff' as const,
      description: 'Coördinator',
      costsCents: { municipality: 60_000, insurer: 40_000, careOffice: 0 },
    };
    const fixed = mkba({ ...pilot(0, 0), fixedCosts: [staff] }, DEFAULTS);
    assert.equal(fixed.positive.netCents, -1_000_00);
    assert.equal(fixed.positive.ratio, 0);
    assert.deepEqual(partsOf(fixed.positive, 'staff'), { municipality: 600, insurer: 400, care_office: 0 });
    assert.match(lineOf(fixed.positive, 'staff').formula.nl, /Coördinator/);
  });

  it("writes each line's calculation with the scenario's numbers in Dutch notation", () => {
    const { positive, conservative } = mkba(pilot(28, 0), DEFAULTS);
    assert.equal(
      lineOf(positive, 'wlz_delay').formula.nl,
      '28 logés × 50% × 6 maanden × (€ 5.875 verpleeghuis − € 1.000 wijkverpleging − € 700 ondersteuning thuis) per maand',
    );
    assert.equal(
      lineOf(conservative, 'crisis').formula.nl,
      '28 logés × 3% = 0,84, afgerond 1 crisisopname × 60 nachten × € 300 per nacht; 50% voor de gemeente, de rest voor de zorgverzekeraar',
    );
  });
});

describe('MKBA: properties', () => {
  const positiveInt = (max: number) => fc.integer({ min: 0, max });
  const decimal = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((value) => value / 100);
  const payers = fc.record({
    municipality: positiveInt(5e7),
    insurer: positiveInt(5e7),
    careOffice: positiveInt(5e7),
    client: positiveInt(5e6),
  });
  const financiers = fc.record({ municipality: positiveInt(5e7), insurer: positiveInt(5e7), careOffice: positiveInt(5e7) });
  const inputs = fc.record({
    guests: positiveInt(500),
    stays: positiveInt(2_000),
    nights: positiveInt(10_000),
    costsCents: payers,
    reservedBeds: fc.record({ beds: positiveInt(20), nights: positiveInt(7_300), costsCents: payers }),
    fixedCosts: fc.array(
      fc.record({ kind: fc.constantFrom(...FIXED_COST_KINDS), description: fc.string({ maxLength: 20 }), costsCents: financiers }),
      { maxLength: 4 },
    ),
  });
  /** Assumptions in whole euros and whole percents, with the nursing home dearer than the care at home it replaces. */
  const wholeValues = fc
    .record({
      delayShare: positiveInt(100),
      delayMonths: positiveInt(24),
      homeNursingPerMonth: positiveInt(3_000),
      homeSupportPerMonth: positiveInt(3_000),
      // At least a euro dearer: with an equal price the line is zero, and halving its three parts may round it to -1 cent.
      extra: fc.integer({ min: 1, max: 10_000 }),
      crisisShare: positiveInt(100),
      crisisNights: positiveInt(60),
      crisisPricePerNight: positiveInt(600),
      crisisShareWmo: positiveInt(100),
      workingShare: positiveInt(100),
      sickDaysAvoided: positiveInt(40),
      sickDayCost: positiveInt(800),
    })
    .map(
      ({ extra, ...values }): AssumptionValues => ({
        ...values,
        nursingHomePerMonth: values.homeNursingPerMonth + values.homeSupportPerMonth + extra,
      }),
    );
  /** Any values within the bounds, with cents and decimals. */
  const anyValues = fc.record(
    Object.fromEntries(ASSUMPTIONS.map((assumption) => [assumption.key, decimal(Math.min(assumption.max, 50_000))])) as Record<
      keyof AssumptionValues,
      fc.Arbitrary<number>
    >,
  );

  it('the conservative scenario never gains more than the positive one on any benefit line (nursing home dearer than home care)', () => {
    fc.assert(
      fc.property(inputs, wholeValues, (year, values) => {
        const { positive, conservative } = mkba(year, values);
        for (const line of positive.lines.filter((candidate) => candidate.kind === 'benefit')) {
          const other = conservative.lines.find((candidate) => candidate.key === line.key)!;
          assert.ok(line.cents >= 0 && other.cents >= 0 && other.cents <= line.cents, `${line.key}: ${other.cents} > ${line.cents}`);
        }
        assert.ok(conservative.benefitsCents <= positive.benefitsCents);
        assert.ok(conservative.netCents <= positive.netCents);
      }),
    );
  });

  it('delayed admission and sick leave in the conservative scenario are half the positive ones, to within a cent per stakeholder (rounding); crises half in whole people', () => {
    fc.assert(
      fc.property(inputs, anyValues, (year, values) => {
        const { positive, conservative } = mkba(year, values);
        const [crises, halfCrises] = [
          crisesPrevented(year.guests, values.crisisShare, false),
          crisesPrevented(year.guests, values.crisisShare, true),
        ];
        assert.ok(halfCrises <= crises && Math.abs(2 * halfCrises - crises) <= 1, `${halfCrises} of ${crises}`);
        for (const line of positive.lines.filter((candidate) => candidate.key === 'wlz_delay' || candidate.key === 'sick_leave')) {
          const other = conservative.lines.find((candidate) => candidate.key === line.key)!;
          assert.ok(Math.abs(2 * other.cents - line.cents) <= 2 * line.parts.length, `${line.key}: ${other.cents} vs ${line.cents}`);
        }
      }),
    );
  });

  it('totals are the sums of the lines and of the stakeholders; net is benefits minus costs; costs do not depend on the scenario', () => {
    fc.assert(
      fc.property(inputs, anyValues, (year, values) => {
        const result = mkba(year, values);
        for (const scenario of [result.positive, result.conservative]) {
          for (const line of scenario.lines)
            assert.equal(
              line.cents,
              line.parts.reduce((sum, part) => sum + part.cents, 0),
            );
          const sum = (kind: 'benefit' | 'cost') =>
            scenario.lines.filter((line) => line.kind === kind).reduce((total, line) => total + line.cents, 0);
          assert.equal(scenario.benefitsCents, sum('benefit'));
          assert.equal(scenario.costsCents, sum('cost'));
          assert.equal(
            scenario.benefitsCents,
            scenario.stakeholders.reduce((total, row) => total + row.benefitsCents, 0),
          );
          assert.equal(
            scenario.costsCents,
            scenario.stakeholders.reduce((total, row) => total + row.costsCents, 0),
          );
          assert.equal(
            scenario.netCents,
            scenario.stakeholders.reduce((total, row) => total + row.netCents, 0),
          );
          assert.equal(scenario.netCents, scenario.benefitsCents - scenario.costsCents);
          for (const row of scenario.stakeholders) assert.equal(row.netCents, row.benefitsCents - row.costsCents);
          for (const line of scenario.lines) for (const part of line.parts) assert.ok(Number.isInteger(part.cents));
        }
        assert.equal(result.conservative.costsCents, result.positive.costsCents);
        // Every cost of the input is a line's, whoever pays it.
        const sumOf = (c: { municipality: number; insurer: number; careOffice: number; client?: number }) =>
          c.municipality + c.insurer + c.careOffice + (c.client ?? 0);
        assert.equal(
          result.positive.costsCents,
          sumOf(year.costsCents) +
            sumOf(year.reservedBeds.costsCents) +
            year.fixedCosts.reduce((sum, item) => sum + sumOf(item.costsCents), 0),
        );
      }),
    );
  });
});
