import highsExports from 'highs';

// The package's types describe its CommonJS build (loader under `.default`); Node loads its ES build, whose default
// export is the loader itself. Accept both.
const loadHighs = ((highsExports as unknown as { default?: unknown }).default ?? highsExports) as typeof highsExports.default;

/**
 * Batch allocation: give a set of requests their units at once, at minimum total cost, where "no bed" is an option
 * with a price of its own. Used by the coordinator for all pending referrals and by the simulation for the offline
 * optimum. Pure computation (the solver is HiGHS compiled to WebAssembly, no I/O): days are plain numbers, costs are
 * whatever the caller ranks by (kilometres plus penalties).
 *
 * Intervals on units with different eligibilities make this NP-hard in general, so the exact answer comes from a
 * mixed-integer program: one 0/1 variable per option, at most one option per request, and on every unit at most one
 * chosen stay on each night. For intervals it is enough to state the night constraint at each option's first night:
 * stays that overlap pairwise all share the latest of their first nights.
 */
export interface AllocationOption {
  unitId: string;
  /** First night (a day number). */
  start: number;
  cost: number;
}

export interface AllocationRequest {
  id: string;
  nights: number;
  /** Where and when the request may stay; options the caller already knows to be taken must be left out. */
  options: readonly AllocationOption[];
  /** What leaving this request without a bed costs; an option dearer than this is never chosen. */
  noBedCost: number;
}

export interface Allocation {
  /** Request id → the option chosen; requests missing here get no bed. */
  assigned: Map<string, AllocationOption>;
  unplaced: string[];
  totalCost: number;
  /** True when the solver proved this assignment optimal. */
  optimal: boolean;
  /** A proven lower bound on the total cost (equal to totalCost when optimal). */
  lowerBound: number;
}

export interface SolveLimits {
  /** Stop after this many seconds with the best assignment found and its bound. */
  timeLimitSeconds?: number;
  /** Stop when the relative gap between assignment and bound is below this (0 = prove optimality). */
  relativeGap?: number;
}

/** Requests in the order given, each taking its cheapest option that still fits: the greedy baseline. */
export function allocateGreedy(requests: readonly AllocationRequest[]): Allocation {
  const taken = new Map<string, { start: number; end: number }[]>();
  const assigned = new Map<string, AllocationOption>();
  const unplaced: string[] = [];
  let totalCost = 0;
  for (const request of requests) {
    const fits = (option: AllocationOption) =>
      option.cost < request.noBedCost &&
      !(taken.get(option.unitId) ?? []).some((stay) => option.start < stay.end && stay.start < option.start + request.nights);
    const best = [...request.options].filter(fits).sort((a, b) => a.cost - b.cost || a.start - b.start)[0];
    if (!best) {
      unplaced.push(request.id);
      totalCost += request.noBedCost;
      continue;
    }
    assigned.set(request.id, best);
    totalCost += best.cost;
    const stays = taken.get(best.unitId) ?? [];
    stays.push({ start: best.start, end: best.start + request.nights });
    taken.set(best.unitId, stays);
  }
  return { assigned, unplaced, totalCost, optimal: false, lowerBound: separateBound(requests) };
}

/**
 * A bound no assignment can beat: every request at its own cheapest (a unit or no bed), as if none competed. Valid
 * whatever the solver managed, so the bound is never unknown.
 */
export function separateBound(requests: readonly AllocationRequest[]): number {
  return requests.reduce((sum, request) => sum + Math.min(request.noBedCost, ...request.options.map((option) => option.cost)), 0);
}

// One WebAssembly runtime for the process; every solve still gets a fresh native solver of its own (withModel).
let runtime: ReturnType<typeof loadHighs> | undefined;

/** The minimum-cost assignment, exact unless a limit stops the solver first (then with a proven lower bound). */
export async function allocateOptimal(requests: readonly AllocationRequest[], limits: SolveLimits = {}): Promise<Allocation> {
  const model = buildModel(requests);
  const fixedCost = requests.reduce((sum, request) => sum + request.noBedCost, 0);
  if (model.variables.length === 0) {
    return {
      assigned: new Map(),
      unplaced: requests.map((request) => request.id),
      totalCost: fixedCost,
      optimal: true,
      lowerBound: fixedCost,
    };
  }
  runtime ??= loadHighs();
  const highs = await runtime;
  const solve = () =>
    highs.withModel((solver) => {
      solver.passModel({
        numCols: model.variables.length,
        numRows: model.rows.length,
        // The objective is the saving over "nobody placed": total cost = fixedCost + objective.
        colCost: model.variables.map((variable) => variable.saving),
        colLower: model.variables.map(() => 0),
        colUpper: model.variables.map(() => 1),
        rowLower: model.rows.map(() => -highs.infinity),
        rowUpper: model.rows.map(() => 1),
        matrix: csr(model.rows, model.variables.length),
        integrality: model.variables.map(() => highs.constants.variableType.integer),
      });
      solver.options.set({
        output_flag: false,
        mip_rel_gap: limits.relativeGap ?? 0,
        ...(limits.timeLimitSeconds === undefined ? {} : { time_limit: limits.timeLimitSeconds }),
      });
      const run = solver.run();
      return { status: run.modelStatus, values: solver.getSolution().colValue, dualBound: Number(solver.info.get('mip_dual_bound')) };
    });
  let outcome: ReturnType<typeof solve>;
  try {
    outcome = solve();
  } catch (error) {
    // An abort (out of WebAssembly memory on a very large model) leaves the runtime unusable: the next solve loads a
    // fresh one instead of failing too.
    runtime = undefined;
    throw error;
  }
  const { status, values, dualBound } = outcome;
  const { optimal, timeLimit } = highs.constants.modelStatus;
  if (status !== optimal && status !== timeLimit) throw new Error(`The allocation solver stopped with model status ${status}`);

  const assigned = new Map<string, AllocationOption>();
  model.variables.forEach((variable, i) => {
    if ((values[i] ?? 0) > 0.5) assigned.set(variable.requestId, variable.option);
  });
  const unplaced = requests.filter((request) => !assigned.has(request.id)).map((request) => request.id);
  const totalCost = requests.reduce((sum, request) => sum + (assigned.get(request.id)?.cost ?? request.noBedCost), 0);
  const proven = status === optimal && (limits.relativeGap ?? 0) === 0;
  const solverBound = Number.isFinite(dualBound) ? fixedCost + dualBound : Number.NEGATIVE_INFINITY;
  const bound = Math.min(Math.max(solverBound, separateBound(requests)), totalCost);
  return { assigned, unplaced, totalCost, optimal: proven, lowerBound: proven ? totalCost : bound };
}

interface Variable {
  requestId: string;
  option: AllocationOption;
  nights: number;
  saving: number;
}

/** Columns are options (x = 1: chosen); rows say "at most one" over a set of columns. */
function buildModel(requests: readonly AllocationRequest[]): { variables: Variable[]; rows: number[][] } {
  const variables: Variable[] = [];
  const rows: number[][] = [];
  const byUnit = new Map<string, number[]>();
  for (const request of requests) {
    const columns: number[] = [];
    for (const option of request.options) {
      if (option.cost >= request.noBedCost) continue;
      columns.push(variables.length);
      const onUnit = byUnit.get(option.unitId) ?? [];
      onUnit.push(variables.length);
      byUnit.set(option.unitId, onUnit);
      variables.push({ requestId: request.id, option, nights: request.nights, saving: option.cost - request.noBedCost });
    }
    if (columns.length > 1) rows.push(columns);
  }
  for (const onUnit of byUnit.values()) {
    for (const night of new Set(onUnit.map((column) => variables[column]!.option.start))) {
      const covering = onUnit.filter((column) => {
        const variable = variables[column]!;
        return variable.option.start <= night && night < variable.option.start + variable.nights;
      });
      if (covering.length > 1) rows.push(covering);
    }
  }
  return { variables, rows };
}

function csr(rows: readonly number[][], numCols: number) {
  const starts = [0];
  for (const row of rows) starts.push(starts.at(-1)! + row.length);
  const indices = rows.flat();
  return { format: 'csr' as const, numRows: rows.length, numCols, starts, indices, values: indices.map(() => 1) };
}
