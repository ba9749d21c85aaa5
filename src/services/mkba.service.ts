import type { Kysely } from 'kysely';
import { coPaymentRulesOf, tariffsOf } from '../data/costs.repository.ts';
import { findRegionName, respiteStaysInRegion } from '../data/mkba.repository.ts';
import { pc4Area } from '../data/pc4-table.ts';
import type { Database } from '../data/schema.ts';
import { type CoPaymentRule, type CostLine, type TariffPeriod, stayCosts } from '../domain/costs.ts';
import { type DateRange, addDays, nightsBetween } from '../domain/dates.ts';
import { ASSUMPTIONS, type AssumptionKey, type AssumptionUnit, type AssumptionValues, STAKEHOLDER_LABELS, defaultValues } from '../domain/mkba/assumptions.ts';
import { LINE_LABELS, SCENARIOS, type Scenario, mkba, scenarioValues, workingShareOf } from '../domain/mkba/mkba.ts';
import type { MkbaReport } from '../domain/mkba/report.ts';
import { SMALL_CELL_THRESHOLD } from '../domain/small-cells.ts';
import { notFound } from '../errors.ts';
import { dutchCell, dutchCsv, dutchEuros } from './dutch-csv.ts';

export type { MkbaReport };

const FINANCIER_TO_INPUT = { wmo: 'municipality', zvw: 'insurer', wlz: 'careOffice', client: 'client' } as const;

/** A stay's nights in the window at their tariffs; nights without a tariff are counted, and the others still priced. */
function priceNights(stay: { stayType: string; arrival: string; departure: string }, tariffs: TariffPeriod[], coPayments: CoPaymentRule[]) {
  const result = stayCosts(stay, tariffs, coPayments);
  if (result.ok) return { lines: result.lines, withoutTariff: 0 };
  const missing = new Set(result.nightsWithoutTariff);
  const lines: CostLine[] = [];
  let runStart: string | null = null;
  const closeRun = (end: string) => {
    if (runStart === null) return;
    const run = stayCosts({ ...stay, arrival: runStart, departure: end }, tariffs, coPayments);
    if (run.ok) lines.push(...run.lines);
    runStart = null;
  };
  for (let i = 0; i < nightsBetween(stay.arrival, stay.departure); i++) {
    const night = addDays(stay.arrival, i);
    if (missing.has(night)) closeRun(night);
    else runStart ??= night;
  }
  closeRun(stay.departure);
  return { lines, withoutTariff: missing.size };
}

/**
 * The region's respite year: distinct guests, stays and nights in the window, and what those nights cost whom at the
 * tariff valid each night (the cost calculation of src/domain/costs.ts, routed to Wmo, Zvw, Wlz and the co-payment).
 */
async function yearFigures(db: Kysely<Database>, regionId: string, window: DateRange) {
  const rows = await respiteStaysInRegion(db, regionId, window);
  const tariffCache = new Map<string, Promise<TariffPeriod[]>>();
  const coPaymentCache = new Map<string, Promise<CoPaymentRule[]>>();
  const costsCents = { municipality: 0, insurer: 0, careOffice: 0, client: 0 };
  const works = new Map<string, boolean | null>();
  let [nights, nightsWithoutTariff] = [0, 0];
  for (const row of rows) {
    // Only the nights inside the window belong to this year; a stay over New Year counts in both.
    const stay = {
      stayType: row.stayType,
      arrival: row.arrival > window.from ? row.arrival : window.from,
      departure: row.departure < window.to ? row.departure : window.to,
    };
    const tariffKey = `${row.locationId}|${row.stayType}`;
    if (!tariffCache.has(tariffKey)) tariffCache.set(tariffKey, tariffsOf(db, row.locationId, row.stayType));
    const municipality = (row.pc4 ? pc4Area(row.pc4)?.municipality : undefined) ?? 'onbekend';
    if (!coPaymentCache.has(municipality)) coPaymentCache.set(municipality, coPaymentRulesOf(db, municipality));
    const priced = priceNights(stay, await tariffCache.get(tariffKey)!, await coPaymentCache.get(municipality)!);
    for (const line of priced.lines) costsCents[FINANCIER_TO_INPUT[line.financier]] += line.cents;
    nights += nightsBetween(stay.arrival, stay.departure);
    nightsWithoutTariff += priced.withoutTariff;
    // A caregiver works if any referral of the guest says so; unknown only when no referral answered.
    const known = works.get(row.clientId);
    works.set(row.clientId, known === true || row.caregiverWorks === true ? true : (known ?? row.caregiverWorks));
  }
  const answered = [...works.values()].filter((value) => value !== null).length;
  const working = [...works.values()].filter((value) => value === true).length;
  return {
    inputs: { guests: works.size, stays: rows.length, nights, costsCents },
    nightsWithoutTariff,
    workingSharePercent: workingShareOf(answered, working, SMALL_CELL_THRESHOLD),
  };
}

/** The MKBA of a region's year of respite care: the figures, the assumptions with their sources, and both scenarios. */
export async function mkbaReport(db: Kysely<Database>, regionId: string, window: DateRange, overrides: Partial<AssumptionValues>): Promise<MkbaReport> {
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
    inputs: { ...figures.inputs, nightsWithoutTariff: figures.nightsWithoutTariff, workingSharePercent: figures.workingSharePercent },
    scenarios: SCENARIOS.map((which) => {
      const scenario = result[which];
      return {
        scenario: which,
        lines: scenario.lines.map((line) => ({ key: line.key, kind: line.kind, label: LINE_LABELS[line.key], cents: line.cents, parts: [...line.parts], formula: line.formula })),
        stakeholders: scenario.stakeholders.map((row) => ({ ...row, label: STAKEHOLDER_LABELS[row.stakeholder] })),
        benefitsCents: scenario.benefitsCents,
        costsCents: scenario.costsCents,
        netCents: scenario.netCents,
        ratio: scenario.ratio,
      };
    }),
  };
}

// ——— CSV ———

const SCENARIO_NL: Record<Scenario, string> = { positive: 'positief', conservative: 'conservatief' };
const UNIT_NL: Record<AssumptionUnit, string> = {
  percent: 'procent', months: 'maanden', nights: 'nachten', days: 'dagen', euro_per_month: 'euro per maand', euro_per_night: 'euro per nacht',
  euro_per_day: 'euro per dag', euro: 'euro',
};

/** Cents as euros with a decimal comma and no thousands separator, as a Dutch spreadsheet reads them. */

const COLUMNS = ['scenario', 'soort', 'code', 'omschrijving', 'belanghebbende', 'waarde', 'eenheid', 'standaardwaarde', 'schatting_deskundigen', 'berekening_of_bron'];

/**
 * The whole analysis as CSV (semicolons, decimal comma, BOM), one row per figure: the region's inputs, each assumption
 * as each scenario uses it, every line per stakeholder with its total and calculation, the totals per stakeholder, and
 * the ratio. Every number of the page is a row here, so the page can be checked and redone in a spreadsheet.
 */
export function mkbaCsv(report: MkbaReport): string {
  const rows: (string | number)[][] = [];
  const push = (row: { scenario?: string; kind: string; code: string; description: string; stakeholder?: string; value: string; unit?: string; defaultValue?: string; expert?: string; note?: string }) =>
    rows.push([row.scenario ?? '', row.kind, row.code, row.description, row.stakeholder ?? '', row.value, row.unit ?? '', row.defaultValue ?? '', row.expert ?? '', row.note ?? '']);
  const last = addDays(report.period.to, -1);
  push({ kind: 'invoer', code: 'regio', description: 'Regio', value: report.region.name });
  push({ kind: 'invoer', code: 'periode', description: 'Periode (eerste en laatste dag)', value: `${report.period.from} t/m ${last}` });
  const inputs = report.inputs;
  if (inputs === null) {
    push({ kind: 'invoer', code: 'verborgen', description: `Minder dan ${report.threshold} logés in deze periode: geen cijfers, want dan kunt u iemand misschien herkennen`, value: '' });
  } else {
    push({ kind: 'invoer', code: 'loges', description: 'Logés (cliënten met een logeerverblijf in de periode)', value: String(inputs.guests), unit: 'aantal' });
    push({ kind: 'invoer', code: 'verblijven', description: 'Logeerverblijven', value: String(inputs.stays), unit: 'aantal' });
    push({ kind: 'invoer', code: 'nachten', description: 'Logeernachten in de periode', value: String(inputs.nights), unit: 'aantal' });
    push({ kind: 'invoer', code: 'nachten_zonder_tarief', description: 'Nachten zonder geldig tarief (niet in de kosten)', value: String(inputs.nightsWithoutTariff), unit: 'aantal' });
    push({
      kind: 'invoer', code: 'werkende_mantelzorgers', description: 'Mantelzorgers met betaald werk, volgens de aanmeldingen',
      value: dutchCell(inputs.workingSharePercent), unit: 'procent',
      note: inputs.workingSharePercent === null ? 'te weinig antwoorden; de aanname gebruikt het getal uit het rapport' : '',
    });
    const costs = [['municipality', inputs.costsCents.municipality], ['insurer', inputs.costsCents.insurer], ['care_office', inputs.costsCents.careOffice],
      ['client', inputs.costsCents.client]] as const;
    for (const [stakeholder, cents] of costs) {
      push({ kind: 'invoer', code: 'kosten_nachten', description: 'Kosten van de nachten volgens de tarieven', stakeholder: STAKEHOLDER_LABELS[stakeholder].nl, value: dutchEuros(cents), unit: 'euro' });
    }
  }
  for (const which of SCENARIOS) {
    for (const assumption of report.assumptions) {
      push({
        scenario: SCENARIO_NL[which], kind: 'aanname', code: assumption.key, description: assumption.label.nl,
        stakeholder: assumption.gains.map((stakeholder) => STAKEHOLDER_LABELS[stakeholder].nl).join(', '),
        value: dutchCell(which === 'positive' ? assumption.value : assumption.conservativeValue), unit: UNIT_NL[assumption.unit],
        defaultValue: dutchCell(assumption.defaultValue), expert: assumption.expert ? 'ja' : 'nee', note: assumption.source.nl,
      });
    }
  }
  for (const scenario of report.scenarios ?? []) {
    const name = SCENARIO_NL[scenario.scenario];
    for (const line of scenario.lines) {
      const kind = line.kind === 'benefit' ? 'baat' : 'kosten';
      for (const part of line.parts) {
        push({ scenario: name, kind, code: line.key, description: line.label.nl, stakeholder: STAKEHOLDER_LABELS[part.stakeholder].nl, value: dutchEuros(part.cents), unit: 'euro' });
      }
      push({ scenario: name, kind, code: line.key, description: line.label.nl, stakeholder: 'totaal', value: dutchEuros(line.cents), unit: 'euro', note: line.formula.nl });
    }
    for (const row of scenario.stakeholders) {
      const stakeholder = row.label.nl;
      push({ scenario: name, kind: 'baten_totaal', code: row.stakeholder, description: 'Baten', stakeholder, value: dutchEuros(row.benefitsCents), unit: 'euro' });
      push({ scenario: name, kind: 'kosten_totaal', code: row.stakeholder, description: 'Kosten', stakeholder, value: dutchEuros(row.costsCents), unit: 'euro' });
      push({ scenario: name, kind: 'saldo', code: row.stakeholder, description: 'Baten min kosten', stakeholder, value: dutchEuros(row.netCents), unit: 'euro' });
    }
    push({ scenario: name, kind: 'baten_totaal', code: 'totaal', description: 'Baten', stakeholder: 'totaal', value: dutchEuros(scenario.benefitsCents), unit: 'euro' });
    push({ scenario: name, kind: 'kosten_totaal', code: 'totaal', description: 'Kosten', stakeholder: 'totaal', value: dutchEuros(scenario.costsCents), unit: 'euro' });
    push({ scenario: name, kind: 'saldo', code: 'totaal', description: 'Baten min kosten', stakeholder: 'totaal', value: dutchEuros(scenario.netCents), unit: 'euro' });
    push({
      scenario: name, kind: 'verhouding', code: 'baten_per_euro_kosten', description: 'Baten per euro kosten', stakeholder: 'totaal',
      value: scenario.ratio === null ? '' : dutchCell(scenario.ratio), unit: 'euro', note: 'baten gedeeld door kosten, op 2 decimalen',
    });
  }
  return dutchCsv(COLUMNS, rows);
}
