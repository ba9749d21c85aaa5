import { ASSUMPTIONS, type AssumptionKey, type AssumptionValues, EXPERT_ESTIMATES, STAKEHOLDERS, type Stakeholder } from './assumptions.ts';

/**
 * The arithmetic of the MKBA (002 ch. 4): three benefits and the costs of a year of respite care in a region, per
 * stakeholder, in a positive scenario (the expert estimates) and a conservative one (those estimates halved).
 *
 *   delayed nursing-home admission = guests × delayShare × delayMonths × (nursing home − home nursing − home support)
 *   prevented crisis admissions    = guests × crisisShare × crisisNights × crisis price   (Wmo share / rest Zvw)
 *   less sick leave                = guests × workingShare × sickDaysAvoided × cost of a sick day   (employers)
 *   costs                          = the nights at their tariffs, per financier (from the cost calculation)
 *                                    + fixed costs outside the tariff (municipality)
 *
 * Amounts are whole cents. Each stakeholder's part of a line is rounded on its own and the line is the sum of its
 * parts, so every total is exactly the sum of the numbers shown (and of the lines in the CSV).
 */

/** The region's figures for the period: respite guests and their nights, and what those nights cost whom. */
export interface MkbaInputs {
  /** Distinct clients with a respite stay (Wmo or Wlz) that took place in the period. */
  readonly guests: number;
  readonly stays: number;
  readonly nights: number;
  /** What the nights cost at the tariff valid each night, per financier; the client's part is the Wmo co-payment. */
  readonly costsCents: { readonly municipality: number; readonly insurer: number; readonly careOffice: number; readonly client: number };
}

export const SCENARIOS = ['positive', 'conservative'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const BENEFIT_LINES = ['wlz_delay', 'crisis', 'sick_leave'] as const;
export const COST_LINES = ['stays', 'fixed_costs'] as const;
export type BenefitLine = (typeof BENEFIT_LINES)[number];
export type CostLine = (typeof COST_LINES)[number];
export type LineKey = BenefitLine | CostLine;

export const LINE_LABELS: Record<LineKey, { nl: string; en: string }> = {
  wlz_delay: { nl: 'Opname in het verpleeghuis komt later', en: 'Nursing-home admission delayed' },
  crisis: { nl: 'Minder crisisopnames', en: 'Fewer crisis admissions' },
  sick_leave: { nl: 'Minder ziekteverzuim van werkende mantelzorgers', en: 'Less sick leave of working caregivers' },
  stays: { nl: 'Logeernachten volgens de tarieven', en: 'Respite nights at their tariffs' },
  fixed_costs: { nl: 'Vaste kosten buiten het nachttarief', en: 'Fixed costs outside the night tariff' },
};

/** The stakeholders each line names, in this order, also when their part is zero. */
export const LINE_STAKEHOLDERS: Record<LineKey, readonly Stakeholder[]> = {
  wlz_delay: ['care_office', 'insurer', 'municipality'],
  crisis: ['municipality', 'insurer'],
  sick_leave: ['employers'],
  stays: ['municipality', 'insurer', 'care_office', 'client'],
  fixed_costs: ['municipality'],
};

export interface LinePart {
  readonly stakeholder: Stakeholder;
  readonly cents: number;
}

export interface LineResult {
  readonly key: LineKey;
  readonly kind: 'benefit' | 'cost';
  readonly cents: number;
  readonly parts: readonly LinePart[];
  /** The line's calculation with this scenario's numbers, so a reader can redo it. */
  readonly formula: { readonly nl: string; readonly en: string };
}

export interface StakeholderResult {
  readonly stakeholder: Stakeholder;
  readonly benefitsCents: number;
  readonly costsCents: number;
  readonly netCents: number;
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  /** The assumptions as this scenario uses them: the expert estimates halved in the conservative one. */
  readonly values: AssumptionValues;
  readonly lines: readonly LineResult[];
  readonly stakeholders: readonly StakeholderResult[];
  readonly benefitsCents: number;
  readonly costsCents: number;
  readonly netCents: number;
  /** Benefits per euro of cost, to two decimals; null without costs. */
  readonly ratio: number | null;
}

export type MkbaResult = Record<Scenario, ScenarioResult>;

/** The values a scenario uses: the conservative scenario halves every expert estimate, and nothing else. */
export function scenarioValues(values: AssumptionValues, scenario: Scenario): AssumptionValues {
  if (scenario === 'positive') return { ...values };
  const halved = { ...values };
  for (const key of EXPERT_ESTIMATES) halved[key] = values[key] / 2;
  return halved;
}

/**
 * Exact arithmetic: every assumption is taken to two decimals (percent, quantity, euros → hundredths) and the
 * product is divided once, in BigInt, rounded half away from zero. Floating point would round 87500 × 33.3% down.
 */
const hundredths = (value: number) => BigInt(Math.round(value * 100));
function divRound(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n;
  const size = negative ? -numerator : numerator;
  const quotient = (2n * size + denominator) / (2n * denominator);
  return Number(negative ? -quotient : quotient);
}
const cents = (euros: number) => Number(hundredths(euros));
/**
 * guests × percent × quantity × price in cents; `halve` for the conservative scenario, which halves the expert
 * estimate among these factors (each benefit line has exactly one).
 */
const amount = (guests: number, percent: number, quantity: number, euros: number, halve: boolean) =>
  divRound(BigInt(guests) * hundredths(percent) * hundredths(quantity) * hundredths(euros), 100n * 100n * 100n * (halve ? 2n : 1n));

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });
const euroFormat = (value: number) =>
  `€ ${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 }).format(value)}`;
const n = (value: number) => numberFormat.format(value);

function line(key: LineKey, kind: 'benefit' | 'cost', parts: Partial<Record<Stakeholder, number>>, formula: { nl: string; en: string }): LineResult {
  const ordered = LINE_STAKEHOLDERS[key].map((stakeholder) => ({ stakeholder, cents: parts[stakeholder] ?? 0 }));
  return { key, kind, cents: ordered.reduce((sum, part) => sum + part.cents, 0), parts: ordered, formula };
}

/**
 * `values` are the positive scenario's; `v` the scenario's own (for the formulas). The amounts are computed from the
 * positive values with the halving inside the division, so a conservative amount is exactly half before rounding.
 */
function benefitLines(inputs: MkbaInputs, values: AssumptionValues, v: AssumptionValues, halve: boolean): LineResult[] {
  const g = inputs.guests;
  const crisisTotal = amount(g, values.crisisShare, values.crisisNights, values.crisisPricePerNight, halve);
  // The Wmo part is rounded and the insurer gets the rest, so the split never loses or adds a cent.
  const crisisWmo = divRound(BigInt(crisisTotal) * hundredths(values.crisisShareWmo), 100n * 100n);
  const delayed = (euros: number) => amount(g, values.delayShare, values.delayMonths, euros, halve);
  return [
    line('wlz_delay', 'benefit', {
      care_office: delayed(values.nursingHomePerMonth),
      insurer: -delayed(values.homeNursingPerMonth),
      municipality: -delayed(values.homeSupportPerMonth),
    }, {
      nl: `${n(g)} logés × ${n(v.delayShare)}% × ${n(v.delayMonths)} maanden × (${euroFormat(v.nursingHomePerMonth)} verpleeghuis − ${euroFormat(v.homeNursingPerMonth)} wijkverpleging − ${euroFormat(v.homeSupportPerMonth)} ondersteuning thuis) per maand`,
      en: `${n(g)} guests × ${n(v.delayShare)}% × ${n(v.delayMonths)} months × (${euroFormat(v.nursingHomePerMonth)} nursing home − ${euroFormat(v.homeNursingPerMonth)} home nursing − ${euroFormat(v.homeSupportPerMonth)} support at home) per month`,
    }),
    line('crisis', 'benefit', { municipality: crisisWmo, insurer: crisisTotal - crisisWmo }, {
      nl: `${n(g)} logés × ${n(v.crisisShare)}% × ${n(v.crisisNights)} nachten × ${euroFormat(v.crisisPricePerNight)} per nacht; ${n(v.crisisShareWmo)}% voor de gemeente, de rest voor de zorgverzekeraar`,
      en: `${n(g)} guests × ${n(v.crisisShare)}% × ${n(v.crisisNights)} nights × ${euroFormat(v.crisisPricePerNight)} a night; ${n(v.crisisShareWmo)}% to the municipality, the rest to the health insurer`,
    }),
    line('sick_leave', 'benefit', { employers: amount(g, values.workingShare, values.sickDaysAvoided, values.sickDayCost, halve) }, {
      nl: `${n(g)} logés × ${n(v.workingShare)}% met een werkende mantelzorger × ${n(v.sickDaysAvoided)} dagen × ${euroFormat(v.sickDayCost)} per dag`,
      en: `${n(g)} guests × ${n(v.workingShare)}% with a working caregiver × ${n(v.sickDaysAvoided)} days × ${euroFormat(v.sickDayCost)} a day`,
    }),
  ];
}

function costLines(inputs: MkbaInputs, v: AssumptionValues): LineResult[] {
  const c = inputs.costsCents;
  return [
    line('stays', 'cost', { municipality: c.municipality, insurer: c.insurer, care_office: c.careOffice, client: c.client }, {
      nl: `${n(inputs.nights)} nachten in ${n(inputs.stays)} verblijven, elke nacht volgens het tarief van die nacht`,
      en: `${n(inputs.nights)} nights in ${n(inputs.stays)} stays, each night at the tariff valid that night`,
    }),
    line('fixed_costs', 'cost', { municipality: cents(v.fixedCosts) }, {
      nl: `vast bedrag van ${euroFormat(v.fixedCosts)}`,
      en: `fixed amount of ${euroFormat(v.fixedCosts)}`,
    }),
  ];
}

/**
 * Benefits per euro of cost, as 002 §4.2 defines its "rendement" ("de baten liggen een factor 1,4 tot 1,7 hoger dan de
 * kosten"). The report's own per-pilot figures (§4.2 with §5.1.4) give 1.30–1.49 in the conservative scenario and
 * 2.64–2.76 in the positive one: its "1.4" is the conservative mean, its "1.7" matches the positive net benefit per euro
 * (1.64–1.76), not this ratio. We keep the definition the text gives.
 */
export function ratioOf(benefitsCents: number, costsCents: number): number | null {
  return costsCents > 0 ? Math.round((benefitsCents / costsCents) * 100) / 100 : null;
}

export function scenario(inputs: MkbaInputs, values: AssumptionValues, which: Scenario): ScenarioResult {
  const v = scenarioValues(values, which);
  const lines = [...benefitLines(inputs, values, v, which === 'conservative'), ...costLines(inputs, v)];
  const stakeholders = STAKEHOLDERS.map((stakeholder) => {
    const sum = (kind: 'benefit' | 'cost') => lines
      .filter((candidate) => candidate.kind === kind)
      .reduce((total, candidate) => total + (candidate.parts.find((part) => part.stakeholder === stakeholder)?.cents ?? 0), 0);
    const [benefitsCents, costsCents] = [sum('benefit'), sum('cost')];
    return { stakeholder, benefitsCents, costsCents, netCents: benefitsCents - costsCents };
  });
  const total = (kind: 'benefit' | 'cost') => lines.filter((candidate) => candidate.kind === kind).reduce((sum, candidate) => sum + candidate.cents, 0);
  const [benefitsCents, costsCents] = [total('benefit'), total('cost')];
  return { scenario: which, values: v, lines, stakeholders, benefitsCents, costsCents, netCents: benefitsCents - costsCents, ratio: ratioOf(benefitsCents, costsCents) };
}

/** Both scenarios for one region's year. */
export function mkba(inputs: MkbaInputs, values: AssumptionValues): MkbaResult {
  return { positive: scenario(inputs, values, 'positive'), conservative: scenario(inputs, values, 'conservative') };
}

/**
 * The share of working caregivers among the guests whose caregiver answered the question, in percent to one decimal;
 * null when fewer than `threshold` caregivers do or do not work, because a share of a handful says something about
 * each of them (the small-cell rule of the policy figures).
 */
export function workingShareOf(answered: number, working: number, threshold: number): number | null {
  const notWorking = answered - working;
  if (working < threshold || notWorking < threshold) return null;
  return Math.round((working / answered) * 1000) / 10;
}

/** Which assumptions differ from their defaults: the page and the CSV say so. */
export function changedAssumptions(values: AssumptionValues, defaults: AssumptionValues): AssumptionKey[] {
  return ASSUMPTIONS.filter((assumption) => values[assumption.key] !== defaults[assumption.key]).map((assumption) => assumption.key);
}
