import type { Kysely } from 'kysely';
import { pc4Area } from '../data/pc4-table.ts';
import {
  cancellations,
  capacityByLocationAndMonth,
  countStaysByTypeAndPc4,
  leadTimes,
  occupiedByLocationAndMonth,
  occupiedByStayTypeAndMonth,
  type PolicyWindow,
  placementsByHomeRegion,
  requestsByMonthAndKind,
  requestsByPostcode,
  surveyAnswers,
  waitingSpells,
} from '../data/policy.repository.ts';
import { regionExists } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import type { DateRange } from '../domain/dates.ts';
import {
  ALL,
  type PolicyMonitor,
  cancellationTable,
  leadTimeTable,
  occupancyByLocation,
  occupancyByStayType,
  placementTable,
  requestTables,
  satisfactionTable,
  waitingListTable,
} from '../domain/policy/figures.ts';
import { mondaysIn, monthsIn } from '../domain/policy/periods.ts';
import { SMALL_CELL_THRESHOLD, roundedCount, suppressSmallCells } from '../domain/small-cells.ts';
import { SURVEY_QUESTIONS } from '../domain/survey.ts';
import { notFound } from '../errors.ts';
import { dutchCell, dutchCsv } from './dutch-csv.ts';

export interface StaysByOrigin {
  stayType: string;
  municipality: string;
  /** null when suppressed: fewer than 5 stays could point to a person. */
  stays: number | null;
  nights: number | null;
  suppressed: boolean;
}

const UNKNOWN_MUNICIPALITY = 'onbekend';

/** Stays per stay type and home municipality for policy staff: aggregates only, small cells suppressed. */
export async function staysByOrigin(db: Kysely<Database>, regionId: string, window: DateRange): Promise<StaysByOrigin[]> {
  if (!(await regionExists(db, regionId))) throw notFound('region');
  const totals = new Map<string, { stayType: string; municipality: string; count: number; nights: number }>();
  for (const row of await countStaysByTypeAndPc4(db, regionId, window)) {
    const municipality = (row.pc4 && pc4Area(row.pc4)?.municipality) || UNKNOWN_MUNICIPALITY;
    const key = `${row.stayType}|${municipality}`;
    const total = totals.get(key) ?? { stayType: row.stayType, municipality, count: 0, nights: 0 };
    total.count += row.stays;
    total.nights += row.nights;
    totals.set(key, total);
  }
  const cells = [...totals.values()].sort((a, b) => a.stayType.localeCompare(b.stayType) || a.municipality.localeCompare(b.municipality));
  return suppressSmallCells(cells, (cell) => cell.stayType).map((cell) => ({
    stayType: cell.stayType,
    municipality: cell.municipality,
    stays: cell.count,
    nights: cell.suppressed ? null : roundedCount(cell.nights),
    suppressed: cell.suppressed,
  }));
}

// ——— the policy monitor ———

async function assertRegion(db: Kysely<Database>, regionId: string | undefined): Promise<void> {
  if (regionId && !(await regionExists(db, regionId))) throw notFound('region');
}

export type { PolicyMonitor };

type Figures = Omit<PolicyMonitor, 'window' | 'threshold' | 'months' | 'weeks'>;
export type PolicyTable = keyof Figures;

const ALL_REGIONS = "Alle regio's";
const municipalityOf = (pc4: string | null) => (pc4 && pc4Area(pc4)?.municipality) || UNKNOWN_MUNICIPALITY;

/** Each figure from its own queries, so a CSV of one table runs only what that table needs. */
const FIGURES: { [T in PolicyTable]: (db: Kysely<Database>, window: PolicyWindow) => Promise<Figures[T]> } = {
  occupancyByLocation: async (db, window) =>
    occupancyByLocation(await capacityByLocationAndMonth(db, window), await occupiedByLocationAndMonth(db, window)),
  occupancyByStayType: async (db, window) =>
    occupancyByStayType(await capacityByLocationAndMonth(db, window), await occupiedByStayTypeAndMonth(db, window)),
  // Requests by kind and by municipality are suppressed together: they add up to the same total.
  requestsByKind: async (db, window) => (await requests(db, window)).byKind,
  requestsByMunicipality: async (db, window) => (await requests(db, window)).byMunicipality,
  placement: async (db, window) => placementTable(await placementsByHomeRegion(db, window), ALL_REGIONS),
  leadTimes: async (db, window) => leadTimeTable(await leadTimes(db, window)),
  cancellations: async (db, window) => cancellationTable(await cancellations(db, window)),
  waitingList: async (db, window) => waitingListTable(mondaysIn(window), await waitingSpells(db, window)),
  satisfaction: async (db, window) => satisfactionTable(await surveyAnswers(db, window)),
};

async function requests(db: Kysely<Database>, window: PolicyWindow) {
  return requestTables(await requestsByMonthAndKind(db, window), await requestsByPostcode(db, window), municipalityOf);
}

/**
 * Every figure of the policy monitor for a period, for the whole area or one region (its locations for occupancy and
 * cancellations, its residents for requests, lead times, waiting and satisfaction): aggregates only, counts of people
 * under 5 hidden.
 */
export async function policyMonitor(db: Kysely<Database>, window: PolicyWindow): Promise<PolicyMonitor> {
  await assertRegion(db, window.regionId);
  const [capacity, byLocation, byStayType, requestRows] = [
    await capacityByLocationAndMonth(db, window),
    await occupiedByLocationAndMonth(db, window),
    await occupiedByStayTypeAndMonth(db, window),
    await requests(db, window),
  ];
  return {
    window,
    threshold: SMALL_CELL_THRESHOLD,
    months: monthsIn(window).map((slice) => slice.month),
    weeks: mondaysIn(window),
    occupancyByLocation: occupancyByLocation(capacity, byLocation),
    occupancyByStayType: occupancyByStayType(capacity, byStayType),
    requestsByKind: requestRows.byKind,
    requestsByMunicipality: requestRows.byMunicipality,
    placement: await FIGURES.placement(db, window),
    leadTimes: await FIGURES.leadTimes(db, window),
    cancellations: await FIGURES.cancellations(db, window),
    waitingList: await FIGURES.waitingList(db, window),
    satisfaction: await FIGURES.satisfaction(db, window),
  };
}

/** Column names and values of each table's CSV: Dutch headers, decimal commas, hidden cells empty. */
const CSV_COLUMNS: { [T in PolicyTable]: { header: string; value: (row: Figures[T][number]) => string | number | null }[] } = {
  occupancyByLocation: [
    { header: 'maand', value: (row) => row.month },
    { header: 'regio', value: (row) => row.region },
    { header: 'locatie', value: (row) => row.location },
    { header: 'beschikbare_nachten', value: (row) => row.availableNights },
    { header: 'bezette_nachten', value: (row) => row.occupiedNights },
    { header: 'bezetting_pct', value: (row) => row.percent },
  ],
  occupancyByStayType: [
    { header: 'maand', value: (row) => row.month },
    { header: 'soort_verblijf', value: (row) => row.stayType },
    { header: 'bezette_nachten', value: (row) => row.occupiedNights },
    { header: 'aandeel_pct', value: (row) => row.percent },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
  requestsByKind: [
    { header: 'maand', value: (row) => row.month },
    { header: 'soort_aanvraag', value: (row) => row.kind },
    { header: 'aanvragen', value: (row) => row.requests },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
  requestsByMunicipality: [
    { header: 'gemeente', value: (row) => row.municipality },
    { header: 'aanvragen', value: (row) => row.requests },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
  placement: [
    { header: 'regio_van_herkomst', value: (row) => row.homeRegion },
    { header: 'geplaatst_in_eigen_regio', value: (row) => row.within },
    { header: 'geplaatst_buiten_eigen_regio', value: (row) => row.outside },
    { header: 'in_eigen_regio_pct', value: (row) => row.percentWithin },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
  leadTimes: [
    { header: 'soort_aanvraag', value: (row) => (row.kind === ALL ? 'alle' : row.kind) },
    { header: 'tot', value: (row) => (row.measure === 'offer' ? 'eerste_aanbod' : 'boeking') },
    { header: 'aanmeldingen', value: (row) => row.referrals },
    { header: 'mediaan_dagen', value: (row) => row.medianDays },
    { header: 'p90_dagen', value: (row) => row.p90Days },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
  cancellations: [
    { header: 'reden', value: (row) => row.reason ?? 'overige redenen' },
    { header: 'geannuleerde_verblijven', value: (row) => row.stays },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
  waitingList: [
    { header: 'maandag', value: (row) => row.week },
    { header: 'op_wachtlijst', value: (row) => row.waiting },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
  satisfaction: [
    { header: 'wie', value: (row) => (row.respondent === 'caregiver' ? 'mantelzorger' : 'gast') },
    {
      header: 'vraag',
      value: (row) => SURVEY_QUESTIONS[row.respondent].find((question) => question.id === row.question)?.nl ?? row.question,
    },
    { header: 'antwoorden', value: (row) => row.answers },
    { header: 'gemiddeld_cijfer', value: (row) => row.mean },
    { header: 'verborgen', value: (row) => yesNo(row.suppressed) },
  ],
};

const yesNo = (value: boolean) => (value ? 'ja' : 'nee');
/** One table of the monitor as CSV: semicolons, decimal commas and a BOM, like the claims, so Dutch Excel opens it. */
export async function policyTableCsv(db: Kysely<Database>, table: PolicyTable, window: PolicyWindow): Promise<string> {
  await assertRegion(db, window.regionId);
  const columns = CSV_COLUMNS[table] as { header: string; value: (row: unknown) => string | number | null }[];
  const rows = (await FIGURES[table](db, window)) as unknown[];
  return dutchCsv(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => dutchCell(column.value(row)))),
  );
}
