import { ASSUMPTIONS, type AssumptionKey, type AssumptionValues, EXPERT_ESTIMATES, STAKEHOLDERS, type Stakeholder } from './assumptions.ts';

/**
 * The arithmetic of the MKBA (002 ch. 4): three benefits and the costs of a year of respite care in a region, per
 * stakeholder, in a positive scenario (the expert estimates) and a conservative one (those estimates halved).
 *
 *   delayed nursing-home admission = guests × delayShare × delayMonths × (nursing home − home nursing − home support)
 *   prevented crisis admissions    = round(guests × crisisShare) × crisisNights × crisis price   (Wmo share / rest Zvw)
 *   less sick leave                = guests × workingShare × sickDaysAvoided × cost of a sick day   (employers)
 *   costs                          = the nights of stays at their tariffs, per financier (from the cost calculation)
 *                                    + every night of the beds reserved for respite at their tariff, empty or not
 *                                    + staff, coordination and availability contracts (lump sums) from the registry
 *
 * Amounts are whole cents. Each stakeholder's part of a line is rounded on its own and the line is the sum of its
 * parts, so every total is exactly the sum of the numbers shown (and of the lines in the CSV).
 */

/** Amounts in cents by who pays them; the client's part is the Wmo co-payment. */
export interface Payers {
  readonly municipality: number;
  readonly insurer: number;
  readonly careOffice: number;
  readonly client: number;
}

export const FIXED_COST_KINDS = ['staff', 'coordination', 'availability_contract'] as const;
export type FixedCostKind = (typeof FIXED_COST_KINDS)[number];

/** A yearly cost outside the night tariff, as far as it falls in the period; the client pays no part of it. */
export interface FixedCost {
  readonly kind: FixedCostKind;
  readonly description: string;
  readonly costsCents: Omit<Payers, 'client'>;
}

/** The region's figures for the period: respite guests and their nights, and what keeping the care available cost whom. */
export interface MkbaInputs {
  /** Distinct clients with a respite stay (Wmo or Wlz) that took place in the period. */
  readonly guests: number;
  readonly stays: number;
  readonly nights: number;
  /** The nights of stays not already paid for by a reserved bed or a contract, at the tariff valid each night. */
  readonly costsCents: Payers;
  /** Beds reserved for respite: every night of the period at its tariff, also the empty ones. */
  readonly reservedBeds: { readonly beds: number; readonly nights: number; readonly costsCents: Payers };
  readonly fixedCosts: readonly FixedCost[];
}

export const SCENARIOS = ['positive', 'conservative'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const BENEFIT_LINES = ['wlz_delay', 'crisis', 'sick_leave'] as const;
export const COST_LINES = ['stays', 'reserved_beds', 'staff', 'coordination', 'availability_contract'] as const;
export type BenefitLine = (typeof BENEFIT_LINES)[number];
export type CostLine = (typeof COST_LINES)[number];
export type LineKey = BenefitLine | CostLine;

export const LINE_LABELS: Record<LineKey, { nl: string; en: string }> = {
  wlz_delay: { nl: 'Opname in het verpleeghuis komt later', en: 'Nursing-home admission delayed' },
  crisis: { nl: 'Minder crisisopnames', en: 'Fewer crisis admissions' },
  sick_leave: { nl: 'Minder ziekteverzuim van werkende mantelzorgers', en: 'Less sick leave of working caregivers' },
  stays: { nl: 'Logeernachten volgens de tarieven', en: 'Respite nights at their tariffs' },
  reserved_beds: { nl: 'Bedden vrijgehouden voor logeerzorg (elke nacht)', en: 'Beds reserved for respite (every night)' },
  staff: { nl: 'Personeel buiten het nachttarief', en: 'Staff outside the night tariff' },
  coordination: { nl: 'Coördinatie en toegang', en: 'Coordination and access' },
  availability_contract: { nl: 'Contracten voor beschikbare bedden (vast bedrag)', en: 'Contracts for available beds (lump sum)' },
};

/** The stakeholders each line names, in this order, also when their part is zero. */
export const LINE_STAKEHOLDERS: Record<LineKey, readonly Stakeholder[]> = {
  wlz_delay: ['care_office', 'insurer', 'municipality'],
  crisis: ['municipality', 'insurer'],
  sick_leave: ['employers'],
  stays: ['municipality', 'insurer', 'care_office', 'client'],
  reserved_beds: ['municipality', 'insurer', 'care_office', 'client'],
  staff: ['municipality', 'insurer', 'care_office'],
  coordination: ['municipality', 'insurer', 'care_office'],
  availability_contract: ['municipality', 'insurer', 'care_office'],
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
/**
 * guests × percent × quantity × price in cents; `halve` for the conservative scenario, which halves the expert
 * estimate among these factors (each benefit line has exactly one).
 */
const amount = (guests: number, percent: number, quantity: number, euros: number, halve: boolean) =>
  divRound(BigInt(guests) * hundredths(percent) * hundredths(quantity) * hundredths(euros), 100n * 100n * 100n * (halve ? 2n : 1n));
/** Prevented crises in whole people: guests × percent (halved in the conservative scenario), a half rounded up. */
export const crisesPrevented = (guests: number, percent: number, halve: boolean) =>
  divRound(BigInt(guests) * hundredths(percent), 100n * 100n * (halve ? 2n : 1n));

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });
const euroFormat = (value: number) =>
  `€ ${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 }).format(value)}`;
const n = (value: number) => numberFormat.format(value);

function line(
  key: LineKey,
  kind: 'benefit' | 'cost',
  parts: Partial<Record<Stakeholder, number>>,
  formula: { nl: string; en: string },
): LineResult {
  const ordered = LINE_STAKEHOLDERS[key].map((stakeholder) => ({ stakeholder, cents: parts[stakeholder] ?? 0 }));
  return { key, kind, cents: ordered.reduce((sum, part) => sum + part.cents, 0), parts: ordered, formula };
}

/**
 * `values` are the positive scenario's; `v` the scenario's own (for the formulas). The amounts are computed from the
 * positive values with the halving inside the division, so a conservative amount is exactly half before rounding.
 */
function benefitLines(inputs: MkbaInputs, values: AssumptionValues, v: AssumptionValues, halve: boolean): LineResult[] {
  const g = inputs.guests;
  const crises = crisesPrevented(g, values.crisisShare, halve);
  const crisisTotal = amount(crises, 100, values.crisisNights, values.crisisPricePerNight, false);
  // The Wmo part is rounded and the insurer gets the rest, so the split never loses or adds a cent.
  const crisisWmo = divRound(BigInt(crisisTotal) * hundredths(values.crisisShareWmo), 100n * 100n);
  const delayed = (euros: number) => amount(g, values.delayShare, values.delayMonths, euros, halve);
  return [
    line(
      'wlz_delay',
      'benefit',
      {
        care_office: delayed(values.nursingHomePerMonth),
        insurer: -delayed(values.homeNursingPerMonth),
        municipality: -delayed(values.homeSupportPerMonth),
      },
      {
        nl: `${n(g)} logés × ${n(v.delayShare)}% × ${n(v.delayMonths)} maanden × (${euroFormat(v.nursingHomePerMonth)} verpleeghuis − ${euroFormat(v.homeNursingPerMonth)} wijkverpleging − ${euroFormat(v.homeSupportPerMonth)} ondersteuning thuis) per maand`,
        en: `${n(g)} guests × ${n(v.delayShare)}% × ${n(v.delayMonths)} months × (${euroFormat(v.nursingHomePerMonth)} nursing home − ${euroFormat(v.homeNursingPerMonth)} home nursing − ${euroFormat(v.homeSupportPerMonth)} support at home) per month`,
      },
    ),
    line(
      'crisis',
      'benefit',
      { municipality: crisisWmo, insurer: crisisTotal - crisisWmo },
      {
        nl: `${n(g)} logés × ${n(v.crisisShare)}% = ${n((g * v.crisisShare) / 100)}, afgerond ${n(crises)} ${crises === 1 ? 'crisisopname' : 'crisisopnames'} × ${n(v.crisisNights)} nachten × ${euroFormat(v.crisisPricePerNight)} per nacht; ${n(v.crisisShareWmo)}% voor de gemeente, de rest voor de zorgverzekeraar`,
        en: `${n(g)} guests × ${n(v.crisisShare)}% = ${n((g * v.crisisShare) / 100)}, rounded ${n(crises)} crisis ${crises === 1 ? 'admission' : 'admissions'} × ${n(v.crisisNights)} nights × ${euroFormat(v.crisisPricePerNight)} a night; ${n(v.crisisShareWmo)}% to the municipality, the rest to the health insurer`,
      },
    ),
    line(
      'sick_leave',
      'benefit',
      { employers: amount(g, values.workingShare, values.sickDaysAvoided, values.sickDayCost, halve) },
      {
        nl: `${n(g)} logés × ${n(v.workingShare)}% met een werkende mantelzorger × ${n(v.sickDaysAvoided)} dagen × ${euroFormat(v.sickDayCost)} per dag`,
        en: `${n(g)} guests × ${n(v.workingShare)}% with a working caregiver × ${n(v.sickDaysAvoided)} days × ${euroFormat(v.sickDayCost)} a day`,
      },
    ),
  ];
}

const payerParts = (c: Payers) => ({ municipality: c.municipality, insurer: c.insurer, care_office: c.careOffice, client: c.client });

function costLines(inputs: MkbaInputs): LineResult[] {
  const reserved = inputs.reservedBeds;
  const fixed = (kind: FixedCostKind) => {
    const items = inputs.fixedCosts.filter((item) => item.kind === kind);
    const parts = { municipality: 0, insurer: 0, care_office: 0 };
    for (const item of items) {
      parts.municipality += item.costsCents.municipality;
      parts.insurer += item.costsCents.insurer;
      parts.care_office += item.costsCents.careOffice;
    }
    const names = items.map((item) => item.description).join('; ');
    return line(kind, 'cost', parts, {
      nl: items.length === 0 ? 'niets vastgelegd in het register' : `vastgelegd in het register, deel van de periode: ${names}`,
      en: items.length === 0 ? 'nothing recorded in the registry' : `recorded in the registry, share of the period: ${names}`,
    });
  };
  return [
    line('stays', 'cost', payerParts(inputs.costsCents), {
      nl: `${n(inputs.nights)} nachten in ${n(inputs.stays)} verblijven, elke nacht volgens het tarief van die nacht; nachten in een vrijgehouden bed of onder een contract staan in die regels`,
      en: `${n(inputs.nights)} nights in ${n(inputs.stays)} stays, each night at the tariff valid that night; nights in a reserved bed or under a contract are in those lines`,
    }),
    line('reserved_beds', 'cost', payerParts(reserved.costsCents), {
      nl: `${n(reserved.beds)} ${reserved.beds === 1 ? 'bed' : 'bedden'}, samen ${n(reserved.nights)} nachten, elke nacht volgens het tarief, ook als niemand er slaapt`,
      en: `${n(reserved.beds)} ${reserved.beds === 1 ? 'bed' : 'beds'}, ${n(reserved.nights)} nights together, each night at the tariff, also when nobody sleeps in it`,
    }),
    fixed('staff'),
    fixed('coordination'),
    fixed('availability_contract'),
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
  const lines = [...benefitLines(inputs, values, v, which === 'conservative'), ...costLines(inputs)];
  const stakeholders = STAKEHOLDERS.map((stakeholder) => {
    const sum = (kind: 'benefit' | 'cost') =>
      lines
        .filter((candidate) => candidate.kind === kind)
        .reduce((total, candidate) => total + (candidate.parts.find((part) => part.stakeholder === stakeholder)?.cents ?? 0), 0);
    const [benefitsCents, costsCents] = [sum('benefit'), sum('cost')];
    return { stakeholder, benefitsCents, costsCents, netCents: benefitsCents - costsCents };
  });
  const total = (kind: 'benefit' | 'cost') =>
    lines.filter((candidate) => candidate.kind === kind).reduce((sum, candidate) => sum + candidate.cents, 0);
  const [benefitsCents, costsCents] = [total('benefit'), total('cost')];
  return {
    scenario: which,
    values: v,
    lines,
    stakeholders,
    benefitsCents,
    costsCents,
    netCents: benefitsCents - costsCents,
    ratio: ratioOf(benefitsCents, costsCents),
  };
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
