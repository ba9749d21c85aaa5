import type { Kysely } from 'kysely';
import { coPaymentRulesOf, tariffsOf } from '../data/costs.repository.ts';
import {
  RESPITE_STAY_TYPES,
  findRegionName,
  reservedRespiteBeds,
  respiteStaysInRegion,
  yearlyCostsInRegion,
} from '../data/mkba.repository.ts';
import { pc4Area } from '../data/pc4-table.ts';
import type { Database } from '../data/schema.ts';
import { bedCost } from '../domain/bed-year-cost.ts';
import { type CoPaymentRule, type CostLine, type TariffPeriod, financierOf, stayCosts } from '../domain/costs.ts';
import { type DateRange, addDays, nightsBetween } from '../domain/dates.ts';
import {
  ASSUMPTIONS,
  type AssumptionKey,
  type AssumptionUnit,
  type AssumptionValues,
  STAKEHOLDER_LABELS,
  defaultValues,
} from '../domain/mkba/assumptions.ts';
import { costInPeriod } from '../domain/mkba/fixed-costs.ts';
import { LINE_LABELS, SCENARIOS, type Scenario, mkba, scenarioValues, workingShareOf } from '../domain/mkba/mkba.ts';
import { pilotYear2019 } from '../domain/mkba/pilot-2019.ts';
import type { MkbaReport, PilotYearReport } from '../domain/mkba/report.ts';
import { SMALL_CELL_THRESHOLD } from '../domain/small-cells.ts';
import { notFound } from '../errors.ts';
import { dutchCell, dutchCsv, dutchEuros } from './dutch-csv.ts';
import type { StayType } from '../domain/stay-types.ts';

export type { MkbaReport };

const FINANCIER_TO_INPUT = { wmo: 'municipality', zvw: 'insurer', wlz: 'careOffice', client: 'client' } as const;
type PayerCents = { municipality: number; insurer: number; careOffice: number; client: number };
const noCosts = (): PayerCents => ({ municipality: 0, insurer: 0, careOffice: 0, client: 0 });

/**
 * A stay's nights in the window at their tariffs, leaving out the nights `skip` names (paid by a contract). Nights
 * without a tariff are counted, and the others still priced.
 */
function priceNights(
  stay: { stayType: string; arrival: string; departure: string },
  tariffs: TariffPeriod[],
  coPayments: CoPaymentRule[],
  skip: (night: string) => boolean,
) {
  const lines: CostLine[] = [];
  let withoutTariff = 0;
  const priceRun = (arrival: string, departure: string) => {
    const run = stayCosts({ ...stay, arrival, departure }, tariffs, coPayments);
    if (run.ok) {
      lines.push(...run.lines);
      return;
    }
    const missing = new Set(run.nightsWithoutTariff);
    withoutTariff += missing.size;
    forEachRun(
      arrival,
      departure,
      (night) => missing.has(night),
      (from, to) => {
        const priced = stayCosts({ ...stay, arrival: from, departure: to }, tariffs, coPayments);
        if (priced.ok) lines.push(...priced.lines);
      },
    );
  };
  forEachRun(stay.arrival, stay.departure, skip, priceRun);
  return { lines, withoutTariff };
}

/** Calls `run` for each stretch of nights between arrival and departure that `excluded` does not name. */
function forEachRun(arrival: string, departure: string, excluded: (night: string) => boolean, run: (from: string, to: string) => void) {
  let runStart: string | null = null;
  for (let i = 0; i < nightsBetween(arrival, departure); i++) {
    const night = addDays(arrival, i);
    if (!excluded(night)) runStart ??= night;
    else if (runStart !== null) {
      run(runStart, night);
      runStart = null;
    }
  }
  if (runStart !== null) run(runStart, departure);
}

const clip = (from: string, to: string | null, window: DateRange): DateRange => ({
  from: from > window.from ? from : window.from,
  to: to !== null && to < window.to ? to : window.to,
});

/**
 * The region's respite year: distinct guests, stays and nights in the window, and what keeping respite available cost
 * whom. A night is paid once: by a contract's lump sum when the location has one, else by the bed kept for respite
 * (every night of it, empty or not), else at the tariff of the stay (src/domain/costs.ts: Wmo, Zvw, Wlz and the
 * co-payment). Nights without a tariff are named per location and stay type; while there are any, the costs are
 * not complete.
 */
async function yearFigures(db: Kysely<Database>, regionId: string, window: DateRange) {
  const [rows, reserved, yearly] = await Promise.all([
    respiteStaysInRegion(db, regionId, window),
    reservedRespiteBeds(db, regionId, window),
    yearlyCostsInRegion(db, regionId, window),
  ]);
  const contracts = yearly.filter((cost) => cost.kind === 'availability_contract');
  const underContract = (locationId: string) => (night: string) =>
    contracts.some(
      (cost) => cost.locationId === locationId && cost.validFrom <= night && (cost.validUntil === null || night < cost.validUntil),
    );
  const tariffCache = new Map<string, Promise<TariffPeriod[]>>();
  const tariffs = (locationId: string, stayType: StayType) => {
    const key = `${locationId}|${stayType}`;
    if (!tariffCache.has(key)) tariffCache.set(key, tariffsOf(db, locationId, stayType));
    return tariffCache.get(key)!;
  };
  const coPaymentCache = new Map<string, Promise<CoPaymentRule[]>>();
  const missing = new Map<string, { location: string; stayType: string; nights: number }>();
  const noteMissing = (location: string, stayType: string, nights: number) => {
    if (nights === 0) return;
    const key = `${location}|${stayType}`;
    missing.set(key, { location, stayType, nights: (missing.get(key)?.nights ?? 0) + nights });
  };

  const costsCents = noCosts();
  const reservedCents = noCosts();
  let reservedNights = 0;
  for (const bed of reserved) {
    const period = clip(bed.activeFrom, bed.activeUntil, window);
    const cost = bedCost(await tariffs(bed.locationId, bed.reservedFor), period, underContract(bed.locationId));
    reservedNights += cost.nights;
    reservedCents[FINANCIER_TO_INPUT[financierOf(bed.reservedFor)]] += cost.cents;
    noteMissing(bed.locationName, bed.reservedFor, cost.nightsWithoutTariff);
  }

  const works = new Map<string, boolean | null>();
  let nights = 0;
  for (const row of rows) {
    // Only the nights inside the window belong to this year; a stay over New Year counts in both.
    const inWindow = clip(row.arrival, row.departure, window);
    const stay = { stayType: row.stayType, arrival: inWindow.from, departure: inWindow.to };
    const municipality = (row.pc4 ? pc4Area(row.pc4)?.municipality : undefined) ?? 'onbekend';
    if (!coPaymentCache.has(municipality)) coPaymentCache.set(municipality, coPaymentRulesOf(db, municipality));
    const priced = priceNights(
      stay,
      await tariffs(row.locationId, row.stayType),
      await coPaymentCache.get(municipality)!,
      underContract(row.locationId),
    );
    const inReservedBed =
      row.unitKind === 'bed' && row.unitReservedFor !== null && (RESPITE_STAY_TYPES as readonly string[]).includes(row.unitReservedFor);
    if (inReservedBed) {
      // The bed's line holds the night already; the guest's co-payment moves from its financier to the client.
      for (const line of priced.lines.filter((candidate) => candidate.financier === 'client')) {
        reservedCents.client += line.cents;
        reservedCents[FINANCIER_TO_INPUT[financierOf(row.stayType)]] -= line.cents;
      }
    } else {
      for (const line of priced.lines) costsCents[FINANCIER_TO_INPUT[line.financier]] += line.cents;
      noteMissing(row.locationName, row.stayType, priced.withoutTariff);
    }
    nights += nightsBetween(stay.arrival, stay.departure);
    // A caregiver works if any referral of the guest says so; unknown only when no referral answered.
    const known = works.get(row.clientId);
    works.set(row.clientId, known === true || row.caregiverWorks === true ? true : (known ?? row.caregiverWorks));
  }
  const fixedCosts = yearly.flatMap(
    (cost) =>
      costInPeriod(
        {
          kind: cost.kind,
          description: cost.description,
          centsPerYear: cost.centsPerYear,
          validFrom: cost.validFrom,
          validUntil: cost.validUntil,
          shares: { municipality: cost.municipalityPercent, insurer: cost.insurerPercent, careOffice: cost.careOfficePercent },
        },
        window,
      ) ?? [],
  );
  const answered = [...works.values()].filter((value) => value !== null).length;
  const working = [...works.values()].filter((value) => value === true).length;
  const missingTariffs = [...missing.values()].sort(
    (a, b) => a.location.localeCompare(b.location, 'nl') || a.stayType.localeCompare(b.stayType),
  );
  return {
    inputs: {
      guests: works.size,
      stays: rows.length,
      nights,
      costsCents,
      reservedBeds: { beds: reserved.length, nights: reservedNights, costsCents: reservedCents },
      fixedCosts,
    },
    missingTariffs,
    nightsWithoutTariff: missingTariffs.reduce((sum, item) => sum + item.nights, 0),
    workingSharePercent: workingShareOf(answered, working, SMALL_CELL_THRESHOLD),
  };
}

/** The MKBA of a region's year of respite care: the figures, the assumptions with their sources, and both scenarios. */
export async function mkbaReport(
  db: Kysely<Database>,
  regionId: string,
  window: DateRange,
  overrides: Partial<AssumptionValues>,
): Promise<MkbaReport> {
  const name = await findRegionName(db, regionId);
  if (name === undefined) throw notFound('region');
  const figures = await yearFigures(db, regionId, window);
  const suppressed = figures.inputs.guests > 0 && figures.inputs.guests < SMALL_CELL_THRESHOLD;
  const defaults = defaultValues(suppressed ? null : figures.workingSharePercent);
  const values: AssumptionValues = { ...defaults.values };
  for (const key of Object.keys(overrides) as AssumptionKey[]) {
    const value = overrides[key];
    if (value !== undefined) values[key] = value;
  }
  const conservative = scenarioValues(values, 'conservative');
  const assumptions = ASSUMPTIONS.map((assumption) => ({
    key: assumption.key,
    label: assumption.label,
    unit: assumption.unit,
    value: values[assumption.key],
    conservativeValue: conservative[assumption.key],
    defaultValue: defaults.values[assumption.key],
    defaultOrigin: defaults.origin[assumption.key],
    changed: values[assumption.key] !== defaults.values[assumption.key],
    expert: assumption.expert,
    min: assumption.min,
    max: assumption.max,
    source: assumption.source,
    gains: [...assumption.gains],
  }));
  const base = { region: { id: regionId, name }, period: window, threshold: SMALL_CELL_THRESHOLD, assumptions };
  if (suppressed) return { ...base, suppressed, inputs: null, scenarios: null };

  const result = mkba(figures.inputs, values);
  return {
    ...base,
    suppressed,
    inputs: {
      ...figures.inputs,
      nightsWithoutTariff: figures.nightsWithoutTariff,
      missingTariffs: figures.missingTariffs,
      complete: figures.nightsWithoutTariff === 0,
      workingSharePercent: figures.workingSharePercent,
    },
    scenarios: SCENARIOS.map((which) => {
      const scenario = result[which];
      return {
        scenario: which,
        lines: scenario.lines.map((line) => ({
          key: line.key,
          kind: line.kind,
          label: LINE_LABELS[line.key],
          cents: line.cents,
          parts: [...line.parts],
          formula: line.formula,
        })),
        stakeholders: scenario.stakeholders.map((row) => ({ ...row, label: STAKEHOLDER_LABELS[row.stakeholder] })),
        benefitsCents: scenario.benefitsCents,
        costsCents: scenario.costsCents,
        netCents: scenario.netCents,
        ratio: scenario.ratio,
      };
    }),
  };
}

/** The tests hold every deviation of the pilot year to this (src/domain/mkba/mkba.test.ts). */
export const PILOT_TOLERANCE = 0.1;

/** Pilot year 2019 for the page: per region our figures, the report's, and the difference (euros). */
export function pilotYearReport(): PilotYearReport {
  const euros = (cents: number) => cents / 100;
  return {
    tolerance: PILOT_TOLERANCE,
    regions: pilotYear2019().map(({ region, result, deviation }) => ({
      id: region.id,
      name: region.name,
      guests: region.guests,
      sources: region.sources,
      ours: {
        costs: euros(result.positive.costsCents),
        benefits: { positive: euros(result.positive.benefitsCents), conservative: euros(result.conservative.benefitsCents) },
        net: { positive: euros(result.positive.netCents), conservative: euros(result.conservative.netCents) },
        ratio: { positive: result.positive.ratio ?? undefined, conservative: result.conservative.ratio ?? undefined },
      },
      report: region.report,
      deviation,
      lines: result.positive.lines.map((line, index) => ({
        key: line.key,
        kind: line.kind,
        label: LINE_LABELS[line.key],
        positive: euros(line.cents),
        conservative: euros(result.conservative.lines[index]!.cents),
        formula: line.formula,
      })),
    })),
  };
}

// ——— CSV ———

const SCENARIO_NL: Record<Scenario, string> = { positive: 'positief', conservative: 'conservatief' };
const UNIT_NL: Record<AssumptionUnit, string> = {
  percent: 'procent',
  months: 'maanden',
  nights: 'nachten',
  days: 'dagen',
  euro_per_month: 'euro per maand',
  euro_per_night: 'euro per nacht',
  euro_per_day: 'euro per dag',
  euro: 'euro',
};

/** Cents as euros with a decimal comma and no thousands separator, as a Dutch spreadsheet reads them. */

const COLUMNS = [
  'scenario',
  'soort',
  'code',
  'omschrijving',
  'belanghebbende',
  'waarde',
  'eenheid',
  'standaardwaarde',
  'schatting_deskundigen',
  'berekening_of_bron',
];

/**
 * The whole analysis as CSV (semicolons, decimal comma, BOM), one row per figure: the region's inputs, each assumption
 * as each scenario uses it, every line per stakeholder with its total and calculation, the totals per stakeholder, and
 * the ratio. Every number of the page is a row here, so the page can be checked and redone in a spreadsheet.
 */
export function mkbaCsv(report: MkbaReport): string {
  const rows: (string | number)[][] = [];
  const push = (row: {
    scenario?: string;
    kind: string;
    code: string;
    description: string;
    stakeholder?: string;
    value: string;
    unit?: string;
    defaultValue?: string;
    expert?: string;
    note?: string;
  }) =>
    rows.push([
      row.scenario ?? '',
      row.kind,
      row.code,
      row.description,
      row.stakeholder ?? '',
      row.value,
      row.unit ?? '',
      row.defaultValue ?? '',
      row.expert ?? '',
      row.note ?? '',
    ]);
  const last = addDays(report.period.to, -1);
  push({ kind: 'invoer', code: 'regio', description: 'Regio', value: report.region.name });
  push({ kind: 'invoer', code: 'periode', description: 'Periode (eerste en laatste dag)', value: `${report.period.from} t/m ${last}` });
  const inputs = report.inputs;
  if (inputs === null) {
    push({
      kind: 'invoer',
      code: 'verborgen',
      description: `Minder dan ${report.threshold} logés in deze periode: geen cijfers, want dan kunt u iemand misschien herkennen`,
      value: '',
    });
  } else {
    push({
      kind: 'invoer',
      code: 'loges',
      description: 'Logés (cliënten met een logeerverblijf in de periode)',
      value: String(inputs.guests),
      unit: 'aantal',
    });
    push({ kind: 'invoer', code: 'verblijven', description: 'Logeerverblijven', value: String(inputs.stays), unit: 'aantal' });
    push({ kind: 'invoer', code: 'nachten', description: 'Logeernachten in de periode', value: String(inputs.nights), unit: 'aantal' });
    push({
      kind: 'invoer',
      code: 'nachten_zonder_tarief',
      description: 'Nachten zonder geldig tarief (niet in de kosten)',
      value: String(inputs.nightsWithoutTariff),
      unit: 'aantal',
    });
    for (const item of inputs.missingTariffs) {
      push({
        kind: 'invoer',
        code: 'tarief_ontbreekt',
        description: `Geen tarief: ${item.location}, ${item.stayType}`,
        value: String(item.nights),
        unit: 'nachten',
      });
    }
    push({
      kind: 'invoer',
      code: 'compleet',
      description: 'Kosten compleet (elke nacht heeft een tarief)',
      value: inputs.complete ? 'ja' : 'nee',
      note: inputs.complete ? '' : 'de kosten zijn te laag: vul de ontbrekende tarieven in',
    });
    push({
      kind: 'invoer',
      code: 'vrijgehouden_bedden',
      description: 'Bedden vrijgehouden voor logeerzorg',
      value: String(inputs.reservedBeds.beds),
      unit: 'aantal',
    });
    push({
      kind: 'invoer',
      code: 'vrijgehouden_nachten',
      description: 'Nachten van die bedden in de periode (ook lege)',
      value: String(inputs.reservedBeds.nights),
      unit: 'aantal',
    });
    for (const item of inputs.fixedCosts) {
      const total = item.costsCents.municipality + item.costsCents.insurer + item.costsCents.careOffice;
      push({
        kind: 'invoer',
        code: item.kind,
        description: item.description,
        value: dutchEuros(total),
        unit: 'euro',
        note: 'deel van het jaarbedrag dat in de periode valt',
      });
    }
    push({
      kind: 'invoer',
      code: 'werkende_mantelzorgers',
      description: 'Mantelzorgers met betaald werk, volgens de aanmeldingen',
      value: dutchCell(inputs.workingSharePercent),
      unit: 'procent',
      note: inputs.workingSharePercent === null ? 'te weinig antwoorden; de aanname gebruikt het getal uit het rapport' : '',
    });
    const costs = [
      ['municipality', inputs.costsCents.municipality],
      ['insurer', inputs.costsCents.insurer],
      ['care_office', inputs.costsCents.careOffice],
      ['client', inputs.costsCents.client],
    ] as const;
    for (const [stakeholder, cents] of costs) {
      push({
        kind: 'invoer',
        code: 'kosten_nachten',
        description: 'Kosten van de nachten volgens de tarieven',
        stakeholder: STAKEHOLDER_LABELS[stakeholder].nl,
        value: dutchEuros(cents),
        unit: 'euro',
      });
    }
  }
  for (const which of SCENARIOS) {
    for (const assumption of report.assumptions) {
      push({
        scenario: SCENARIO_NL[which],
        kind: 'aanname',
        code: assumption.key,
        description: assumption.label.nl,
        stakeholder: assumption.gains.map((stakeholder) => STAKEHOLDER_LABELS[stakeholder].nl).join(', '),
        value: dutchCell(which === 'positive' ? assumption.value : assumption.conservativeValue),
        unit: UNIT_NL[assumption.unit],
        defaultValue: dutchCell(assumption.defaultValue),
        expert: assumption.expert ? 'ja' : 'nee',
        note: assumption.source.nl,
      });
    }
  }
  for (const scenario of report.scenarios ?? []) {
    const name = SCENARIO_NL[scenario.scenario];
    for (const line of scenario.lines) {
      const kind = line.kind === 'benefit' ? 'baat' : 'kosten';
      for (const part of line.parts) {
        push({
          scenario: name,
          kind,
          code: line.key,
          description: line.label.nl,
          stakeholder: STAKEHOLDER_LABELS[part.stakeholder].nl,
          value: dutchEuros(part.cents),
          unit: 'euro',
        });
      }
      push({
        scenario: name,
        kind,
        code: line.key,
        description: line.label.nl,
        stakeholder: 'totaal',
        value: dutchEuros(line.cents),
        unit: 'euro',
        note: line.formula.nl,
      });
    }
    for (const row of scenario.stakeholders) {
      const stakeholder = row.label.nl;
      push({
        scenario: name,
        kind: 'baten_totaal',
        code: row.stakeholder,
        description: 'Baten',
        stakeholder,
        value: dutchEuros(row.benefitsCents),
        unit: 'euro',
      });
      push({
        scenario: name,
        kind: 'kosten_totaal',
        code: row.stakeholder,
        description: 'Kosten',
        stakeholder,
        value: dutchEuros(row.costsCents),
        unit: 'euro',
      });
      push({
        scenario: name,
        kind: 'saldo',
        code: row.stakeholder,
        description: 'Baten min kosten',
        stakeholder,
        value: dutchEuros(row.netCents),
        unit: 'euro',
      });
    }
    push({
      scenario: name,
      kind: 'baten_totaal',
      code: 'totaal',
      description: 'Baten',
      stakeholder: 'totaal',
      value: dutchEuros(scenario.benefitsCents),
      unit: 'euro',
    });
    push({
      scenario: name,
      kind: 'kosten_totaal',
      code: 'totaal',
      description: 'Kosten',
      stakeholder: 'totaal',
      value: dutchEuros(scenario.costsCents),
      unit: 'euro',
    });
    push({
      scenario: name,
      kind: 'saldo',
      code: 'totaal',
      description: 'Baten min kosten',
      stakeholder: 'totaal',
      value: dutchEuros(scenario.netCents),
      unit: 'euro',
    });
    push({
      scenario: name,
      kind: 'verhouding',
      code: 'baten_per_euro_kosten',
      description: 'Baten per euro kosten',
      stakeholder: 'totaal',
      // Two decimals always, as the page shows it: 1,50, not 1,5.
      value: scenario.ratio === null ? '' : scenario.ratio.toFixed(2).replace('.', ','),
      unit: 'euro',
      note: 'baten gedeeld door kosten, op 2 decimalen',
    });
  }
  return dutchCsv(COLUMNS, rows);
}
