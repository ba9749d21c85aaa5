import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ASSUMPTIONS, type AssumptionValues, EXPERT_ESTIMATES, defaultValues } from './assumptions.ts';
import { type MkbaInputs, type ScenarioResult, mkba, workingShareOf } from './mkba.ts';

const DEFAULTS = defaultValues(null).values;
const euros = (cents: number) => cents / 100;
const lineOf = (result: ScenarioResult, key: string) => result.lines.find((line) => line.key === key)!;
const partsOf = (result: ScenarioResult, key: string) => Object.fromEntries(lineOf(result, key).parts.map((part) => [part.stakeholder, euros(part.cents)]));
const stakeholdersOf = (result: ScenarioResult) =>
  Object.fromEntries(result.stakeholders.map((row) => [row.stakeholder, [euros(row.benefitsCents), euros(row.costsCents), euros(row.netCents)]]));

/** A region's year given as the report gives a pilot: guests, and the year's costs paid by the municipality. */
function pilot(guests: number, municipalityCostEuros: number): MkbaInputs {
  return { guests, stays: 0, nights: 0, costsCents: { municipality: municipalityCostEuros * 100, insurer: 0, careOffice: 0, client: 0 } };
}

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
  it('Hoeksche Waard 2019 (28 guests, one bed all year at € 150, € 96,800 staff): the report\'s costs exactly, its benefits within 6 %', () => {
    // Costs (004 §7): one bed paid for all year, 365 nights × € 150 = € 54,750 (housing € 29,200 + stay € 25,550),
    // plus € 96,800 staff as fixed costs = € 151,550. 002 §5.1.4 implies the same figure: the conservative benefits
    // € 208,970 (see below) minus the conservative net benefit € 57,420 = € 151,550.
    const inputs: MkbaInputs = { guests: 28, stays: 29, nights: 365, costsCents: { municipality: 365 * 150_00, insurer: 0, careOffice: 0, client: 0 } };
    const result = mkba(inputs, { ...DEFAULTS, fixedCosts: 96_800 });
    const { positive, conservative } = result;

    // Positive scenario, by hand:
    // delayed admission: 28 guests × 50% = 14 guests × 6 months = 84 months.
    //   care office  +84 × € 6,000 = € 504,000
    //   insurer      −84 × € 1,000 = −€ 84,000   (home nursing goes on meanwhile)
    //   municipality −84 × €   700 = −€ 58,800   (support at home goes on meanwhile)
    //   line: € 361,200
    assert.deepEqual(partsOf(positive, 'wlz_delay'), { care_office: 504_000, insurer: -84_000, municipality: -58_800 });
    assert.equal(euros(lineOf(positive, 'wlz_delay').cents), 361_200);
    // crisis: 28 × 25% = 7 crises × 14 nights = 98 nights × € 250 = € 24,500, half municipality, half insurer.
    assert.deepEqual(partsOf(positive, 'crisis'), { municipality: 12_250, insurer: 12_250 });
    // sick leave: 28 × 20% = 5.6 working caregivers × 6 days = 33.6 days × € 300 = € 10,080.
    assert.deepEqual(partsOf(positive, 'sick_leave'), { employers: 10_080 });
    // benefits 361,200 + 24,500 + 10,080 = € 395,780; costs € 151,550; net € 244,230; ratio 395,780 / 151,550 = 2.6115 → 2.61.
    assert.equal(euros(positive.benefitsCents), 395_780);
    assert.equal(euros(positive.costsCents), 151_550);
    assert.equal(euros(positive.netCents), 244_230);
    assert.equal(positive.ratio, 2.61);
    assert.deepEqual(partsOf(positive, 'stays'), { municipality: 54_750, insurer: 0, care_office: 0, client: 0 });
    assert.deepEqual(partsOf(positive, 'fixed_costs'), { municipality: 96_800 });
    // Per stakeholder [benefits, costs, net]: the municipality pays, the care office gains most (002 §4.3).
    //   municipality −58,800 + 12,250 = −46,550; costs 54,750 + 96,800 = 151,550; net −198,100
    //   insurer      −84,000 + 12,250 = −71,750
    assert.deepEqual(stakeholdersOf(positive), {
      municipality: [-46_550, 151_550, -198_100],
      care_office: [504_000, 0, 504_000],
      insurer: [-71_750, 0, -71_750],
      employers: [10_080, 0, 10_080],
      client: [0, 0, 0],
    });

    // Conservative scenario: 25% delayed → 7 × 6 = 42 months: +252,000 −42,000 −29,400 = € 180,600;
    // 12.5% crises → 3.5 × 14 = 49 nights × € 250 = € 12,250; 3 days → 5.6 × 3 = 16.8 days × € 300 = € 5,040.
    // benefits € 197,890; net 197,890 − 151,550 = € 46,340; ratio 1.3058 → 1.31.
    assert.deepEqual(partsOf(conservative, 'wlz_delay'), { care_office: 252_000, insurer: -42_000, municipality: -29_400 });
    assert.deepEqual(partsOf(conservative, 'crisis'), { municipality: 6_125, insurer: 6_125 });
    assert.deepEqual(partsOf(conservative, 'sick_leave'), { employers: 5_040 });
    assert.equal(euros(conservative.benefitsCents), 197_890);
    assert.equal(euros(conservative.netCents), 46_340);
    assert.equal(conservative.ratio, 1.31);

    // The report (002 §5.1.4, net benefit € 57,420 to € 266,390 on € 151,550) implies benefits of € 208,970 and
    // € 417,940 and ratios of 1.38 and 2.76: our calibrated defaults give 5.3 % less in both scenarios.
    assert.ok(Math.abs(positive.benefitsCents / 417_940_00 - 1) < 0.06);
    assert.ok(Math.abs(conservative.benefitsCents / 208_970_00 - 1) < 0.06);
  });

  it('the three pilots of 2019 together give the report\'s totals per effect to within 1 % (002 §4.2)', () => {
    // Guests 28, 93 and 17 (002 §4.2 note 13); working caregivers one fifth, one fifth and 16 % (002 §2.1.1).
    const pilots = [
      mkba(pilot(28, 0), { ...DEFAULTS, workingShare: 20 }),
      mkba(pilot(93, 0), { ...DEFAULTS, workingShare: 20 }),
      mkba(pilot(17, 0), { ...DEFAULTS, workingShare: 16 }),
    ];
    const total = (scenario: 'positive' | 'conservative', key: string) => euros(pilots.reduce((sum, result) => sum + lineOf(result[scenario], key).cents, 0));
    // Delayed admission: 138 guests × 50% × 6 months × (6,000 − 1,000 − 700) = 69 × 6 × 4,300 = € 1,780,200
    // (report: "ca. € 1,8 miljoen"); conservative € 890,100 (report € 891,000: 0.1 % less).
    assert.equal(total('positive', 'wlz_delay'), 1_780_200);
    assert.equal(total('conservative', 'wlz_delay'), 890_100);
    assert.ok(Math.abs(890_100 / 891_000 - 1) < 0.01);
    // Crises: 138 × 25% × 14 × € 250 = 34.5 × 3,500 = € 120,750 (report € 120,375: 0.3 % more).
    assert.equal(total('positive', 'crisis'), 120_750);
    assert.ok(Math.abs(120_750 / 120_375 - 1) < 0.01);
    // Sick leave: (5.6 + 18.6 + 2.72) = 26.92 working caregivers × 6 days × € 300 = € 48,456 (report € 48,000: 0.95 % more).
    assert.equal(total('positive', 'sick_leave'), 48_456);
    assert.equal(total('conservative', 'sick_leave'), 24_228);
    assert.ok(Math.abs(48_456 / 48_000 - 1) < 0.01);
    // Shares of the benefits: 1,780,200 / 1,949,406 = 91.3 %, 6.2 % and 2.5 % (report: ca. 90 %, 7 % and 3 %).
    const benefits = 1_780_200 + 120_750 + 48_456;
    assert.equal(Math.round((1_780_200 / benefits) * 1000) / 10, 91.3);
    assert.equal(Math.round((120_750 / benefits) * 1000) / 10, 6.2);
    assert.equal(Math.round((48_456 / benefits) * 1000) / 10, 2.5);
  });

  it('a region with Wmo and Wlz respite, a co-payment, every crisis paid by the municipality and its own working share', () => {
    // 10 guests, 40 stays. 160 Wmo nights at € 208.91 = € 33,425.60, of which the clients pay € 12.50 a night as
    // co-payment = € 2,000 and the municipality € 31,425.60; 8 Wlz nights at € 200 = € 1,600 for the care office.
    const inputs: MkbaInputs = { guests: 10, stays: 40, nights: 168, costsCents: { municipality: 3_142_560, insurer: 0, careOffice: 160_000, client: 200_000 } };
    const values: AssumptionValues = { ...DEFAULTS, workingShare: 30, crisisShareWmo: 100, crisisPricePerNight: 208.91 };
    const { positive, conservative } = mkba(inputs, values);

    // delayed: 10 × 50% × 6 = 30 months: +180,000 / −30,000 / −21,000 = € 129,000.
    assert.deepEqual(partsOf(positive, 'wlz_delay'), { care_office: 180_000, insurer: -30_000, municipality: -21_000 });
    // crises: 10 × 25% × 14 = 35 nights × € 208.91 = € 7,311.85, all to the municipality.
    assert.deepEqual(partsOf(positive, 'crisis'), { municipality: 7_311.85, insurer: 0 });
    // sick leave: 10 × 30% × 6 = 18 days × € 300 = € 5,400.
    assert.deepEqual(partsOf(positive, 'sick_leave'), { employers: 5_400 });
    // benefits 129,000 + 7,311.85 + 5,400 = € 141,711.85; costs 31,425.60 + 2,000 + 1,600 = € 35,025.60;
    // net € 106,686.25; ratio 4.0459 → 4.05.
    assert.equal(euros(positive.benefitsCents), 141_711.85);
    assert.equal(euros(positive.costsCents), 35_025.6);
    assert.equal(euros(positive.netCents), 106_686.25);
    assert.equal(positive.ratio, 4.05);
    // municipality: −21,000 + 7,311.85 = −13,688.15 benefits, 31,425.60 costs, net −45,113.75;
    // care office 180,000 − 1,600 = 178,400; the client pays the co-payment: −2,000.
    assert.deepEqual(stakeholdersOf(positive), {
      municipality: [-13_688.15, 31_425.6, -45_113.75],
      care_office: [180_000, 1_600, 178_400],
      insurer: [-30_000, 0, -30_000],
      employers: [5_400, 0, 5_400],
      client: [0, 2_000, -2_000],
    });

    // Conservative: 15 months → € 64,500; crises 1.25 × 14 = 17.5 nights × € 208.91 = € 3,655.925, rounded to
    // € 3,655.93; sick leave 10 × 30% × 3 days × € 300 = € 2,700. Benefits € 70,855.93, net € 35,830.33, ratio 2.0229 → 2.02.
    assert.equal(euros(lineOf(conservative, 'wlz_delay').cents), 64_500);
    assert.deepEqual(partsOf(conservative, 'crisis'), { municipality: 3_655.93, insurer: 0 });
    assert.equal(euros(lineOf(conservative, 'sick_leave').cents), 2_700);
    assert.equal(euros(conservative.benefitsCents), 70_855.93);
    assert.equal(euros(conservative.netCents), 35_830.33);
    assert.equal(conservative.ratio, 2.02);
    // The costs do not depend on the scenario.
    assert.equal(conservative.costsCents, positive.costsCents);
  });

  it('a crisis split that does not come out even: the municipality\'s part is rounded, the insurer gets the rest', () => {
    // 1 guest × 25% × 14 nights × € 250 = € 875; 33.3% to the municipality = € 291.375 → € 291.38 (half a cent up,
    // exactly: floating point would give 291.37); the insurer € 875 − € 291.38 = € 583.62.
    const result = mkba(pilot(1, 0), { ...DEFAULTS, crisisShareWmo: 33.3 });
    assert.deepEqual(partsOf(result.positive, 'crisis'), { municipality: 291.38, insurer: 583.62 });
  });

  it('no guests and no costs: nothing gained, no ratio; fixed costs alone: ratio 0', () => {
    const none = mkba(pilot(0, 0), DEFAULTS);
    assert.equal(none.positive.benefitsCents, 0);
    assert.equal(none.positive.ratio, null);
    const fixed = mkba(pilot(0, 0), { ...DEFAULTS, fixedCosts: 1_000 });
    assert.equal(fixed.positive.netCents, -1_000_00);
    assert.equal(fixed.positive.ratio, 0);
  });

  it('writes each line\'s calculation with the scenario\'s numbers in Dutch notation', () => {
    const { positive, conservative } = mkba(pilot(28, 0), DEFAULTS);
    assert.equal(lineOf(positive, 'wlz_delay').formula.nl, '28 logés × 50% × 6 maanden × (€ 6.000 verpleeghuis − € 1.000 wijkverpleging − € 700 ondersteuning thuis) per maand');
    assert.equal(lineOf(conservative, 'crisis').formula.nl, '28 logés × 12,5% × 14 nachten × € 250 per nacht; 50% voor de gemeente, de rest voor de zorgverzekeraar');
  });
});

describe('MKBA: properties', () => {
  const positiveInt = (max: number) => fc.integer({ min: 0, max });
  const decimal = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((value) => value / 100);
  const inputs = fc.record({
    guests: positiveInt(500),
    stays: positiveInt(2_000),
    nights: positiveInt(10_000),
    costsCents: fc.record({ municipality: positiveInt(5e7), insurer: positiveInt(5e7), careOffice: positiveInt(5e7), client: positiveInt(5e6) }),
  });
  /** Assumptions in whole euros and whole percents, with the nursing home dearer than the care at home it replaces. */
  const wholeValues = fc.record({
    delayShare: positiveInt(100), delayMonths: positiveInt(24), homeNursingPerMonth: positiveInt(3_000), homeSupportPerMonth: positiveInt(3_000),
    // At least a euro dearer: with an equal price the line is zero, and halving its three parts may round it to -1 cent.
    extra: fc.integer({ min: 1, max: 10_000 }), crisisShare: positiveInt(100), crisisNights: positiveInt(60), crisisPricePerNight: positiveInt(600),
    crisisShareWmo: positiveInt(100), workingShare: positiveInt(100), sickDaysAvoided: positiveInt(40), sickDayCost: positiveInt(800), fixedCosts: positiveInt(500_000),
  }).map(({ extra, ...values }): AssumptionValues => ({ ...values, nursingHomePerMonth: values.homeNursingPerMonth + values.homeSupportPerMonth + extra }));
  /** Any values within the bounds, with cents and decimals. */
  const anyValues = fc.record(Object.fromEntries(ASSUMPTIONS.map((assumption) => [assumption.key, decimal(Math.min(assumption.max, 50_000))])) as Record<keyof AssumptionValues, fc.Arbitrary<number>>);

  it('the conservative scenario never gains more than the positive one on any benefit line (nursing home dearer than home care)', () => {
    fc.assert(fc.property(inputs, wholeValues, (year, values) => {
      const { positive, conservative } = mkba(year, values);
      for (const line of positive.lines.filter((candidate) => candidate.kind === 'benefit')) {
        const other = conservative.lines.find((candidate) => candidate.key === line.key)!;
        assert.ok(line.cents >= 0 && other.cents >= 0 && other.cents <= line.cents, `${line.key}: ${other.cents} > ${line.cents}`);
      }
      assert.ok(conservative.benefitsCents <= positive.benefitsCents);
      assert.ok(conservative.netCents <= positive.netCents);
    }));
  });

  it('a conservative benefit line is half the positive one, to within a cent per stakeholder (rounding)', () => {
    fc.assert(fc.property(inputs, anyValues, (year, values) => {
      const { positive, conservative } = mkba(year, values);
      for (const line of positive.lines.filter((candidate) => candidate.kind === 'benefit')) {
        const other = conservative.lines.find((candidate) => candidate.key === line.key)!;
        assert.ok(Math.abs(2 * other.cents - line.cents) <= 2 * line.parts.length, `${line.key}: ${other.cents} vs ${line.cents}`);
      }
    }));
  });

  it('totals are the sums of the lines and of the stakeholders; net is benefits minus costs; costs do not depend on the scenario', () => {
    fc.assert(fc.property(inputs, anyValues, (year, values) => {
      const result = mkba(year, values);
      for (const scenario of [result.positive, result.conservative]) {
        for (const line of scenario.lines) assert.equal(line.cents, line.parts.reduce((sum, part) => sum + part.cents, 0));
        const sum = (kind: 'benefit' | 'cost') => scenario.lines.filter((line) => line.kind === kind).reduce((total, line) => total + line.cents, 0);
        assert.equal(scenario.benefitsCents, sum('benefit'));
        assert.equal(scenario.costsCents, sum('cost'));
        assert.equal(scenario.benefitsCents, scenario.stakeholders.reduce((total, row) => total + row.benefitsCents, 0));
        assert.equal(scenario.costsCents, scenario.stakeholders.reduce((total, row) => total + row.costsCents, 0));
        assert.equal(scenario.netCents, scenario.stakeholders.reduce((total, row) => total + row.netCents, 0));
        assert.equal(scenario.netCents, scenario.benefitsCents - scenario.costsCents);
        for (const row of scenario.stakeholders) assert.equal(row.netCents, row.benefitsCents - row.costsCents);
        for (const line of scenario.lines) for (const part of line.parts) assert.ok(Number.isInteger(part.cents));
      }
      assert.equal(result.conservative.costsCents, result.positive.costsCents);
      // The nights at their tariffs are the input's costs, whoever pays them.
      const stays = result.positive.lines.find((line) => line.key === 'stays')!;
      const c = year.costsCents;
      assert.equal(stays.cents, c.municipality + c.insurer + c.careOffice + c.client);
    }));
  });
});
