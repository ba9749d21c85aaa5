import type { Kysely } from 'kysely';
import {
  placedStaysOfResidents,
  regionForPlanning,
  respiteBedLocationsOnDay,
  unitsOnDay,
  unplacedRequestsOfResidents,
} from '../data/capacity.repository.ts';
import { tariffsOf } from '../data/costs.repository.ts';
import type { Database } from '../data/schema.ts';
import type { CapacityAnswer, CapacityCsvTable, DemandCsvTable, DemandModel } from '../domain/capacity/answers.ts';
import { type DemandRecord, demandFigures, planningDemand, stayTypeOfRequest } from '../domain/capacity/demand-model.ts';
import type { Estimate } from '../domain/capacity/confidence.ts';
import { unitsNeeded } from '../domain/capacity/erlang.ts';
import type { SimulationOptions } from '../domain/capacity/loss-simulation.ts';
import { PLANNED_STAY_TYPES, type PlannerUnit, type ScenarioOutcome, planCapacity } from '../domain/capacity/planner.ts';
import { reservationCosts } from '../domain/capacity/reservation-cost.ts';
import { bedCost, typicalBedYear } from '../domain/bed-year-cost.ts';
import { type DateRange, addDays } from '../domain/dates.ts';
import { isStayType } from '../domain/stay-types.ts';
import { notFound } from '../errors.ts';
import { dutchCell, dutchCsv } from './dutch-csv.ts';

/**
 * The demand model of a region and the capacity planner built on it, for policy staff: aggregates only. Demand is
 * that of the region's residents (home postcode in the region), wherever they stayed.
 */

export interface RegionPeriod {
  regionId: string;
  from: string;
  /** Exclusive. */
  to: string;
}

/** Fixed, so that the same data always give the same plan, and stated in every answer. */
export const PLANNER_SIMULATION: SimulationOptions = { seed: 2019, replications: 20, horizonDays: 365, warmupDays: 90, confidence: 0.95 };

interface Loaded {
  region: { id: string; name: string };
  window: DateRange;
  observed: DateRange;
  records: DemandRecord[];
}

async function load(db: Kysely<Database>, query: RegionPeriod): Promise<Loaded> {
  const region = await regionForPlanning(db, query.regionId);
  if (!region) throw notFound('region');
  const window = { from: query.from, to: query.to };
  // No request can have reached the access point before the region had a unit: days before that would only dilute rates.
  const observed =
    region.firstActive && region.firstActive > window.from && region.firstActive < window.to
      ? { from: region.firstActive, to: window.to }
      : window;
  const [placed, unplaced] = [
    await placedStaysOfResidents(db, region.id, observed),
    await unplacedRequestsOfResidents(db, region.id, observed),
  ];
  const records: DemandRecord[] = [
    ...placed
      .filter((row) => isStayType(row.stayType))
      .map(
        (row): DemandRecord => ({
          person: row.person,
          stayType: row.stayType,
          date: row.arrival,
          nights: row.nights,
          outcome: row.inRegion ? 'in_region' : 'outside_region',
        }),
      ),
    ...unplaced.flatMap((row): DemandRecord[] => {
      const stayType = stayTypeOfRequest(row.kind, row.wlzProfile, row.triagedStayTypes?.filter(isStayType) ?? null);
      return stayType ? [{ person: row.person, stayType, date: row.date, nights: row.nights, outcome: 'not_placed' }] : [];
    }),
  ];
  return { region: { id: region.id, name: region.name }, window, observed, records };
}

export async function demandModel(db: Kysely<Database>, query: RegionPeriod): Promise<DemandModel> {
  const loaded = await load(db, query);
  return { region: loaded.region, window: loaded.window, ...demandFigures(loaded.records, loaded.observed) };
}

export interface CapacityQuery extends RegionPeriod {
  target: number;
  /** Beds reserved for planned respite in option (c); default: as many as now. */
  reserved?: number;
}

/**
 * The plan for a target, with what would point to fewer than 5 people hidden: for a stay type whose requests are
 * hidden in the demand model, its rate, stay length and load (they give its requests and nights back), and the
 * simulated requests. Providers' loads mix stay types with known weights, so they are rounded to one decimal, and
 * their units computed from that rounded value, so the CSV reproduces them.
 */
export async function capacityPlan(db: Kysely<Database>, query: CapacityQuery): Promise<CapacityAnswer> {
  const loaded = await load(db, query);
  const figures = demandFigures(loaded.records, loaded.observed);
  const hidden = new Set(figures.stayTypes.filter((item) => item.suppressed).map((item) => item.stayType));
  const rows = await unitsOnDay(db, loaded.region.id, addDays(loaded.observed.to, -1));
  // A provider is an organisation; two of the same name stay two pools, told apart by the start of their id.
  const sameName = (row: (typeof rows)[number]) =>
    rows.some((other) => other.provider === row.provider && other.providerId !== row.providerId);
  const units: PlannerUnit[] = rows.map((row) => ({
    provider: sameName(row) ? `${row.provider} (${row.providerId.slice(0, 8)})` : row.provider,
    kind: row.kind,
    acceptedStayTypes: row.acceptedStayTypes.filter(isStayType),
    reservedFor: row.reservedFor !== null && isStayType(row.reservedFor) ? row.reservedFor : null,
  }));
  const currentlyReserved = units.filter(
    (unit) => unit.kind === 'bed' && unit.reservedFor !== null && PLANNED_STAY_TYPES.includes(unit.reservedFor),
  ).length;
  const plan = planCapacity(planningDemand(loaded.records, loaded.observed), units, {
    target: query.target,
    reserved: query.reserved ?? currentlyReserved,
    simulation: PLANNER_SIMULATION,
  });
  const providers = plan.pooling.erlang.providers.map((provider) => {
    const rounded = Math.round(provider.offeredLoad * 10) / 10;
    return { ...provider, offeredLoad: rounded, unitsErlang: unitsNeeded(rounded, query.target) };
  });
  const hideScenario = (outcome: ScenarioOutcome): ScenarioOutcome => ({
    ...outcome,
    stayTypes: outcome.stayTypes.map((share) => (hidden.has(share.stayType) ? { ...share, requests: null } : share)),
  });
  const reservationOptions = plan.reservation.options.map((option) => ({ ...option, ...hideScenario(option) }));
  const bedYear = await typicalRespiteBedYear(db, loaded.region.id, addDays(loaded.observed.to, -1));
  return {
    ...plan,
    region: loaded.region,
    window: loaded.window,
    observed: figures.observed,
    threshold: figures.threshold,
    stayTypes: plan.stayTypes.map((item) =>
      hidden.has(item.stayType) ? { ...item, requestsPerYear: null, meanNights: null, offeredLoad: null } : item,
    ),
    pooling: {
      ...plan.pooling,
      erlang: { ...plan.pooling.erlang, providers, separateUnits: providers.reduce((sum, provider) => sum + provider.unitsErlang, 0) },
      separate: hideScenario(plan.pooling.separate),
      pooled: hideScenario(plan.pooling.pooled),
    },
    reservation: {
      ...plan.reservation,
      options: reservationOptions,
      bedYear,
      costs: reservationCosts(reservationOptions, bedYear?.cents ?? null),
    },
  };
}

/** A respite bed for the coming year at each location that has one, priced as the MKBA prices a reserved bed. */
async function typicalRespiteBedYear(db: Kysely<Database>, regionId: string, from: string) {
  const year = { from, to: addDays(from, 365) };
  const locations = await respiteBedLocationsOnDay(db, regionId, from);
  const costs = await Promise.all(locations.map(async (locationId) => bedCost(await tariffsOf(db, locationId, 'respite'), year)));
  const typical = typicalBedYear(costs);
  return typical === null ? null : { ...typical, from };
}

// ——— CSV: semicolons, decimal commas and a BOM, like the policy monitor's, so Dutch Excel opens them ———

type Cell = string | number | null;
const yesNo = (value: boolean) => (value ? 'ja' : 'nee');
const typeName = (stayType: string) => (stayType === 'all' ? 'alle' : stayType);
/** A share as a percentage with two decimals, as the page shows it. */
const pct = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 10_000) / 100 + 0);

function csv(header: string[], rows: Cell[][]): string {
  return dutchCsv(
    header,
    rows.map((row) => row.map(dutchCell)),
  );
}

export function demandCsv(model: DemandModel, table: DemandCsvTable): string {
  const all = [...model.stayTypes, model.total];
  switch (table) {
    case 'stay-types':
      return csv(
        [
          'soort_verblijf',
          'waargenomen_dagen',
          'aanvragen',
          'per_week',
          'spreiding',
          'gem_nachten',
          'mediaan_nachten',
          'p90_nachten',
          'in_regio',
          'buiten_regio',
          'niet_geplaatst',
          'buiten_regio_pct',
          'niet_geplaatst_pct',
          'gasten',
          'terugkerende_gasten',
          'terugkerend_pct',
          'verborgen',
        ],
        all.map((row) => [
          typeName(row.stayType),
          model.observed.days,
          row.requests,
          row.perWeek,
          row.dispersion,
          row.nights.mean,
          row.nights.median,
          row.nights.p90,
          row.inRegion,
          row.outsideRegion,
          row.notPlaced,
          row.percentOutside,
          row.percentNotPlaced,
          row.guests,
          row.recurringGuests,
          row.percentRecurring,
          yesNo(row.suppressed),
        ]),
      );
    case 'weeks':
      return csv(
        ['maandag', 'dagen', 'aanvragen', 'verborgen'],
        model.weeks.map((row) => [row.week, row.days, row.requests, yesNo(row.suppressed)]),
      );
    case 'seasons':
      return csv(
        ['soort_verblijf', 'seizoen', 'dagen', 'aanvragen', 'per_week', 'verborgen'],
        all.flatMap((row) =>
          row.seasons.map((season) => [
            typeName(row.stayType),
            SEASON_NL[season.season],
            season.days,
            season.requests,
            season.perWeek,
            yesNo(season.suppressed),
          ]),
        ),
      );
    case 'nights':
      return csv(
        ['soort_verblijf', 'nachten_van', 'nachten_tot_en_met', 'verblijven', 'verborgen'],
        all.flatMap((row) =>
          row.nights.classes.map((range) => [typeName(row.stayType), range.from, range.to, range.stays, yesNo(range.suppressed)]),
        ),
      );
  }
}

const SEASON_NL = { winter: 'winter', spring: 'lente', summer: 'zomer', autumn: 'herfst' } as const;

const estimateCells = (estimate: Estimate | null) => [pct(estimate?.mean), pct(estimate?.low), pct(estimate?.high)];

export function capacityCsv(answer: CapacityAnswer, table: CapacityCsvTable): string {
  const runs = `${answer.simulation.replications} x ${answer.simulation.horizonDays} dagen, seed ${answer.simulation.seed}`;
  switch (table) {
    case 'stay-types':
      return csv(
        [
          'soort_verblijf',
          'waargenomen_dagen',
          'aanvragen_per_jaar',
          'gem_nachten',
          'aangeboden_last_erlang',
          'doel_geweigerd_pct',
          'huidige_plekken',
          'plekken_erlang_b',
          'plekken_simulatie',
          'erlang_b_geweigerd_pct_bij_simulatie',
          'simulatie_geweigerd_pct',
          'simulatie_ondergrens_pct',
          'simulatie_bovengrens_pct',
          'simulatie',
        ],
        [
          ...answer.stayTypes.map((row) => [
            row.stayType,
            answer.observed.days,
            row.requestsPerYear,
            row.meanNights,
            row.offeredLoad,
            pct(answer.target),
            row.currentUnits,
            row.unitsErlang,
            row.unitsSimulation,
            pct(row.erlangAtSimulationUnits),
            ...estimateCells(row.simulatedAtSimulationUnits),
            runs,
          ]),
          [
            'alle (één pool)',
            answer.observed.days,
            null,
            null,
            answer.all.offeredLoad,
            pct(answer.target),
            answer.units.total,
            answer.all.unitsErlang,
            answer.all.unitsSimulation,
            null,
            ...estimateCells(answer.all.simulatedAtSimulationUnits),
            runs,
          ],
        ],
      );
    case 'providers':
      return csv(
        ['aanbieder', 'aangeboden_last_erlang', 'doel_geweigerd_pct', 'plekken_erlang_b', 'huidige_plekken'],
        [
          ...answer.pooling.erlang.providers.map((row) => [
            row.provider,
            row.offeredLoad,
            pct(answer.target),
            row.unitsErlang,
            row.currentUnits,
          ]),
          ['elk een eigen pool, samen', null, pct(answer.target), answer.pooling.erlang.separateUnits, answer.units.total],
          ['één regionale pool', null, pct(answer.target), answer.pooling.erlang.pooledUnits, answer.units.total],
        ],
      );
    case 'pooling':
      return csv(
        ['opzet', 'soort_verblijf', 'aanvragen_per_jaar', 'geweigerd_pct', 'ondergrens_pct', 'bovengrens_pct', 'simulatie'],
        (
          [
            ['eigen_pool_per_aanbieder', answer.pooling.separate],
            ['een_regionale_pool', answer.pooling.pooled],
          ] as const
        ).flatMap(([name, outcome]) =>
          [...outcome.stayTypes, outcome.total].map((share) => [
            name,
            typeName(share.stayType),
            share.requests,
            ...estimateCells(share.refused),
            runs,
          ]),
        ),
      );
    case 'reservation':
      return csv(
        [
          'gereserveerde_bedden',
          'soort_verblijf',
          'aanvragen_per_jaar',
          'geweigerd_pct',
          'ondergrens_pct',
          'bovengrens_pct',
          'gem_bezette_plekken',
          'simulatie',
        ],
        answer.reservation.options.flatMap((option) =>
          [...option.stayTypes, option.total].map((share) => [
            option.reserved,
            typeName(share.stayType),
            share.requests,
            ...estimateCells(share.refused),
            option.busyUnits.mean,
            runs,
          ]),
        ),
      );
  }
}
