import type { StayType } from '../stay-types.ts';
import type { Estimate } from './confidence.ts';
import type { PlanningDemand, PlanningStayType } from './demand-model.ts';
import { erlangB, offeredLoad, unitsNeeded } from './erlang.ts';
import {
  type ClassOutcome,
  type PoolStructure,
  type SimUnit,
  type SimulationOptions,
  type Stream,
  type StructureOutcome,
  simulateLoss,
} from './loss-simulation.ts';

/**
 * The capacity planner: for a target share of refused requests, how many units each stay type needs, first by
 * Erlang B (Poisson arrivals at the average rate), then checked by simulating the region's own demand (recurring
 * guests at their rhythm, the others at the season's rate, stay lengths as observed). And two choices compared by
 * simulation on the region's real units: (a) each provider its own pool against (b) one regional pool, and
 * (c) k beds reserved for planned respite against (d) every bed shared with ELV and crisis.
 */

/** Stays planned ahead: what a reserved bed is kept for. */
export const PLANNED_STAY_TYPES: readonly StayType[] = ['respite', 'wlz_respite'];

export interface PlannerUnit {
  readonly provider: string;
  readonly acceptedStayTypes: readonly StayType[];
  /** Reserved for one stay type; null: any accepted type. */
  readonly reservedFor: StayType | null;
  /** A night of care at home cannot take an ELV or crisis guest: it stays with planned respite in every option. */
  readonly kind: 'bed' | 'home_night';
}

export interface PlannerOptions {
  /** Share of requests that may be refused, e.g. 0.03. */
  readonly target: number;
  /** Beds reserved for planned respite in option (c). */
  readonly reserved: number;
  readonly simulation: SimulationOptions;
}

export interface Share {
  stayType: StayType | 'all';
  /** Mean requests per simulated year; null where the demand model hides the stay type's requests. */
  requests: number | null;
  /** Share refused with its interval; null when the simulation had no request of this type. */
  refused: Estimate | null;
}

export interface StayTypePlan {
  stayType: StayType;
  /** null where the demand model hides the stay type's requests, and so below. */
  requestsPerYear: number | null;
  meanNights: number | null;
  /** Erlang, rounded to four decimals; the units below are computed from this rounded value. */
  offeredLoad: number | null;
  /** Units of the region that take this stay type now (a unit reserved for another type does not). */
  currentUnits: number;
  /** Units of its own this stay type needs for the target, by Erlang B. */
  unitsErlang: number | null;
  /** The same by simulation of the observed demand; null when nothing is known about the stays' length. */
  unitsSimulation: number | null;
  /** Erlang B with the simulation's number of units, beside the simulated share refused there. */
  erlangAtSimulationUnits: number | null;
  simulatedAtSimulationUnits: Estimate | null;
}

export interface ProviderLoad {
  provider: string;
  offeredLoad: number;
  unitsErlang: number;
  currentUnits: number;
}

export interface ScenarioOutcome {
  stayTypes: Share[];
  total: Share;
  /** Mean units busy. */
  busyUnits: Estimate;
}

export interface CapacityPlan {
  target: number;
  simulation: SimulationOptions;
  units: { total: number; beds: number; providers: { provider: string; units: number }[] };
  stayTypes: StayTypePlan[];
  /** All stay types together in one pool of units that take every type. */
  all: { offeredLoad: number; unitsErlang: number; unitsSimulation: number | null; simulatedAtSimulationUnits: Estimate | null };
  pooling: {
    /** Units needed for the target when each provider keeps its own pool (its share of each stay type's load) or all pool. */
    erlang: { providers: ProviderLoad[]; separateUnits: number; pooledUnits: number; unassignedLoad: number };
    /** The region's units as they are, demand as observed. */
    separate: ScenarioOutcome;
    pooled: ScenarioOutcome;
  };
  reservation: {
    beds: number;
    /** The k chosen (at most the last option), and the beds reserved for planned respite now. */
    reserved: number;
    currentlyReserved: number;
    options: (ScenarioOutcome & { reserved: number })[];
  };
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000 + 0;
const DAYS_PER_YEAR = 365;
/** Units tried around Erlang's answer in one simulation run; runs continue outward until the target is bracketed. */
const SEARCH_SPAN = 3;
/** Options (c) are simulated for 0 up to this many reserved beds: beyond it a region's answer will not change its mind, and each option costs a run. */
export const MAX_RESERVED = 40;

/** The streams of one stay type: recurring guests at their interval, one-time guests as a Poisson stream. */
function streamsOf(demand: PlanningStayType): Stream[] {
  if (demand.nights.length === 0) return [];
  const stay = { kind: 'empirical', values: demand.nights } as const;
  const streams: Stream[] = [];
  if (demand.recurringIntervals.length > 0)
    streams.push({ classId: demand.stayType, arrivals: { kind: 'periodic', intervals: demand.recurringIntervals }, stay });
  if (demand.oneTimePerDay.some((rate) => rate > 0))
    streams.push({ classId: demand.stayType, arrivals: { kind: 'poisson', perDay: demand.oneTimePerDay }, stay });
  return streams;
}

const flexibleUnits = (count: number, accepts: readonly string[]): SimUnit[] =>
  Array.from({ length: count }, () => ({ group: 'region', accepts }));

/**
 * The smallest number of units of one pool whose simulated share refused is at most the target, searched around
 * Erlang's answer. Each run tries several sizes on the same requests (common random numbers), so the shares fall
 * with the size as they would in one system.
 */
function unitsBySimulation(
  streams: readonly Stream[],
  accepts: readonly string[],
  erlangUnits: number,
  target: number,
  options: SimulationOptions,
) {
  if (streams.length === 0) return { units: null, share: null };
  const tried = new Map<number, Estimate | null>();
  const tryRange = (from: number, to: number) => {
    const sizes = Array.from({ length: to - from + 1 }, (_x, index) => from + index).filter((size) => !tried.has(size));
    const outcomes = simulateLoss(
      streams,
      sizes.map((size) => ({ units: flexibleUnits(size, accepts), routing: 'pooled' })),
      options,
    );
    sizes.forEach((size, index) => {
      tried.set(size, outcomes[index]!.total.share);
    });
  };
  const meets = (size: number) => (tried.get(size)?.mean ?? 0) <= target;
  let low = Math.max(1, erlangUnits - SEARCH_SPAN);
  let high = erlangUnits + SEARCH_SPAN;
  tryRange(low, high);
  while (meets(low) && low > 1) {
    const next = Math.max(1, low - 2 * SEARCH_SPAN);
    tryRange(next, low - 1);
    low = next;
  }
  while (!meets(high) && high < erlangUnits + 20 * SEARCH_SPAN) {
    tryRange(high + 1, high + 2 * SEARCH_SPAN);
    high += 2 * SEARCH_SPAN;
  }
  const sizes = [...tried.keys()].sort((a, b) => a - b);
  const units = sizes.find(meets) ?? null;
  return { units, share: units === null ? null : tried.get(units)! };
}

function scenario(outcome: StructureOutcome, stayTypes: readonly StayType[]): ScenarioOutcome {
  const share = (stayType: StayType | 'all', item: ClassOutcome | undefined): Share => ({
    stayType,
    requests: round4(item?.requests ?? 0),
    refused: item?.share ? roundEstimate(item.share) : null,
  });
  return {
    stayTypes: stayTypes.map((stayType) =>
      share(
        stayType,
        outcome.classes.find((item) => item.classId === stayType),
      ),
    ),
    total: share('all', outcome.total),
    busyUnits: roundEstimate(outcome.busyUnits),
  };
}

const roundEstimate = (estimate: Estimate): Estimate => ({
  mean: round4(estimate.mean),
  low: round4(estimate.low),
  high: round4(estimate.high),
  halfWidth: round4(estimate.halfWidth),
});

/** What a unit takes today: its reserved type, or every type it accepts. */
const takesNow = (unit: PlannerUnit): readonly StayType[] => (unit.reservedFor ? [unit.reservedFor] : unit.acceptedStayTypes);

export function planCapacity(demand: PlanningDemand, units: readonly PlannerUnit[], options: PlannerOptions): CapacityPlan {
  const { target, simulation } = options;
  const types = demand.stayTypes.map((item) => item.stayType);
  const loads = new Map(
    demand.stayTypes.map((item) => [
      item.stayType,
      item.meanNights === null ? null : round4(offeredLoad(item.requests / demand.observedDays, item.meanNights)),
    ]),
  );

  const stayTypes: StayTypePlan[] = demand.stayTypes.map((item) => {
    const load = loads.get(item.stayType)!;
    const erlangUnits = load === null ? null : unitsNeeded(load, target);
    const bySimulation =
      erlangUnits === null
        ? { units: null, share: null }
        : unitsBySimulation(streamsOf(item), [item.stayType], erlangUnits, target, simulation);
    return {
      stayType: item.stayType,
      requestsPerYear: round4((item.requests / demand.observedDays) * DAYS_PER_YEAR),
      meanNights: item.meanNights === null ? null : round4(item.meanNights),
      offeredLoad: load,
      currentUnits: units.filter((unit) => takesNow(unit).includes(item.stayType)).length,
      unitsErlang: erlangUnits,
      unitsSimulation: bySimulation.units,
      erlangAtSimulationUnits: bySimulation.units === null || load === null ? null : round4(erlangB(bySimulation.units, load)),
      simulatedAtSimulationUnits: bySimulation.share ? roundEstimate(bySimulation.share) : null,
    };
  });

  const allStreams = demand.stayTypes.flatMap(streamsOf);
  const totalLoad = round4([...loads.values()].reduce<number>((sum, load) => sum + (load ?? 0), 0));
  const pooledErlang = unitsNeeded(totalLoad, target);
  const allBySimulation = unitsBySimulation(allStreams, types, pooledErlang, target, simulation);

  // (a) against (b): each stay type's load shared over the providers in proportion to their units that take it.
  const providerNames = [...new Set(units.map((unit) => unit.provider))].sort((a, b) => a.localeCompare(b, 'nl'));
  let unassignedLoad = 0;
  const providerLoad = new Map(providerNames.map((name) => [name, 0]));
  for (const type of types) {
    const load = loads.get(type) ?? 0;
    const taking = units.filter((unit) => takesNow(unit).includes(type));
    if (taking.length === 0) {
      unassignedLoad += load;
      continue;
    }
    for (const unit of taking) providerLoad.set(unit.provider, providerLoad.get(unit.provider)! + load / taking.length);
  }
  const providers: ProviderLoad[] = providerNames.map((provider) => {
    const load = round4(providerLoad.get(provider)!);
    return {
      provider,
      offeredLoad: load,
      unitsErlang: unitsNeeded(load, target),
      currentUnits: units.filter((unit) => unit.provider === provider).length,
    };
  });
  const real: SimUnit[] = units.map((unit) => ({ group: unit.provider, accepts: takesNow(unit) }));

  // (c) against (d): every bed takes every stay type, except k kept for planned respite; nights at home stay respite.
  const beds = units.filter((unit) => unit.kind === 'bed').length;
  const atHome = units.filter((unit) => unit.kind === 'home_night').length;
  const planned = PLANNED_STAY_TYPES.filter((type) => types.includes(type));
  const reservedShape = (k: number): PoolStructure => ({
    routing: 'pooled',
    units: [...flexibleUnits(atHome + k, planned.length > 0 ? planned : PLANNED_STAY_TYPES), ...flexibleUnits(beds - k, types)],
  });
  const ks = Array.from({ length: Math.min(beds, MAX_RESERVED) + 1 }, (_x, k) => k);
  const outcomes =
    allStreams.length === 0
      ? []
      : simulateLoss(
          allStreams,
          [{ units: real, routing: 'by-group' }, { units: real, routing: 'pooled' }, ...ks.map(reservedShape)],
          simulation,
        );
  const empty: ScenarioOutcome = {
    stayTypes: [],
    total: { stayType: 'all', requests: 0, refused: null },
    busyUnits: { mean: 0, low: 0, high: 0, halfWidth: 0 },
  };

  return {
    target,
    simulation,
    units: {
      total: units.length,
      beds,
      providers: providerNames.map((provider) => ({ provider, units: units.filter((unit) => unit.provider === provider).length })),
    },
    stayTypes,
    all: {
      offeredLoad: totalLoad,
      unitsErlang: pooledErlang,
      unitsSimulation: allBySimulation.units,
      simulatedAtSimulationUnits: allBySimulation.share ? roundEstimate(allBySimulation.share) : null,
    },
    pooling: {
      erlang: {
        providers,
        separateUnits: providers.reduce((sum, provider) => sum + provider.unitsErlang, 0),
        pooledUnits: unitsNeeded(round4(totalLoad - unassignedLoad), target),
        unassignedLoad: round4(unassignedLoad),
      },
      separate: outcomes[0] ? scenario(outcomes[0], types) : empty,
      pooled: outcomes[1] ? scenario(outcomes[1], types) : empty,
    },
    reservation: {
      beds,
      reserved: Math.min(options.reserved, ks.length - 1),
      currentlyReserved: units.filter(
        (unit) => unit.kind === 'bed' && unit.reservedFor !== null && PLANNED_STAY_TYPES.includes(unit.reservedFor),
      ).length,
      options: ks.map((k) => ({ reserved: k, ...(outcomes[2 + k] ? scenario(outcomes[2 + k]!, types) : empty) })),
    },
  };
}
