import { type Allocation, type AllocationRequest, allocateOptimal } from '../../src/domain/matching/batch-allocation.ts';
import type { Placement } from './calendar.ts';
import type { SimRequest } from './demand.ts';
import { allocateIsolated } from './isolated-solve.ts';
import { startsOf } from '../../src/domain/matching/day-allocation.ts';
import { isAllowed, noBedCost, placementCost } from './rules.ts';
import { isBlocked, regionComponents, type World } from './world.ts';

/**
 * The offline optimum: every request of the year known in advance, all allocated at once at minimum total cost
 * (batch-allocation.ts, a HiGHS MIP) over every unit and first night each may take. The problem splits exactly into
 * groups of regions that are neighbours of each other; each group is solved on its own.
 *
 * A group of at most `exactMaxOptions` options is first solved in one go within a time limit. A larger one (a full
 * year of Peelregio: the solver, compiled to WebAssembly, runs out of its memory on it and aborts, or returns without
 * even a bound when the machine is busy), or one not proven optimal in time, gets:
 * - an assignment with the same foresight, built window by window: each window's requests solved exactly together
 *   with those of the weeks after it, only the window's own decisions kept; the solver's own assignment if cheaper;
 * - a proven lower bound on the optimum: the year cut into disjoint blocks of requests, each solved on its own as if
 *   the others did not exist (dropping the competition between blocks can only make it cheaper, so the sum of the
 *   blocks' bounds is at most the optimum of the whole), or the solver's bound for the whole group if that is higher.
 * The gap between the two says how far from optimal the assignment can be at most.
 */
export interface ComponentSolve {
  regions: string[];
  requests: number;
  variables: number;
  /** Proven optimal: the assignment is the minimum-cost one. */
  optimal: boolean;
  /** Where the assignment comes from. */
  method: 'exact' | 'windows';
  total_cost: number;
  lower_bound: number;
  /** How the bound was proven: by the solver on the whole group, or as the sum over disjoint blocks. */
  bound: 'exact' | 'disjoint_blocks';
  /** (cost − bound) / cost: the assignment costs at most this much more than the optimum. */
  relative_gap: number;
  seconds: number;
}

export interface OptimumRun {
  placements: Map<string, Placement>;
  components: ComponentSolve[];
}

export interface OptimumLimits {
  /** A group with more options than this is not tried in one go. */
  exactMaxOptions: number;
  /** Time for one exact solve (a whole group, a window or a block). */
  solveSeconds: number;
  windowDays: number;
  lookaheadDays: number;
  /** Length of the disjoint blocks for the lower bound. */
  blockDays: number;
}

/** Above this many options a solve runs in a process of its own (isolated-solve.ts): it may exhaust the solver. */
const ISOLATE_ABOVE_OPTIONS = 20_000;

/** Costs in hundredths of a kilometre keep the solver's input short and its arithmetic exact enough. */
function rounded(cost: number): number {
  return Math.round(cost * 100) / 100;
}

export function allocationRequests(world: World, requests: readonly SimRequest[]): AllocationRequest[] {
  return requests.map((request) => ({
    id: request.id,
    nights: request.nights,
    noBedCost: noBedCost(request),
    options: world.units.flatMap((unit) =>
      startsOf(request)
        .filter((start) => !isBlocked(unit, start, start + request.nights) && isAllowed(request, unit, start, world))
        .map((start) => ({ unitId: unit.candidate.unitId, start, cost: rounded(placementCost(request, unit, start)) })),
    ),
  }));
}

export async function offlineOptimum(
  world: World,
  requests: readonly SimRequest[],
  limits: OptimumLimits,
  progress: (message: string) => void = () => {},
): Promise<OptimumRun> {
  const placements = new Map<string, Placement>();
  const components: ComponentSolve[] = [];
  for (const regions of regionComponents(world)) {
    const members = requests.filter((request) => regions.includes(request.regionId));
    if (members.length === 0) continue;
    const batch = allocationRequests(world, members);
    const variables = batch.reduce((sum, request) => sum + request.options.length, 0);
    const label = regions.join(' + ');
    const say = (message: string) => progress(`offline optimum, ${label}: ${message}`);
    say(`${members.length} requests, ${variables} options`);
    const started = performance.now();
    const earliest = new Map(members.map((request) => [request.id, request.earliest]));
    let solve: ComponentSolve | undefined;
    let assigned: Allocation['assigned'] = new Map();
    let exact: Allocation | undefined;
    if (variables <= limits.exactMaxOptions) {
      try {
        const allocate = variables > ISOLATE_ABOVE_OPTIONS ? allocateIsolated : allocateOptimal;
        exact = await allocate(batch, { timeLimitSeconds: limits.solveSeconds });
        assigned = exact.assigned;
        if (exact.optimal)
          solve = summary(regions, members.length, variables, exact.totalCost, exact.lowerBound, true, 'exact', 'exact', started);
        else say(`not proven optimal within ${limits.solveSeconds} s (bound ${exact.lowerBound.toFixed(0)}); solving window by window`);
      } catch (error) {
        say(`the solver gave up on the whole group (${String(error).slice(0, 80)}); solving window by window`);
      }
    }
    if (!solve) {
      const windowed = await solveByWindows(batch, earliest, limits, say);
      // The whole group's bound, when the solver got that far, may be the tighter one; the blocks always give one.
      const blocks = await boundByBlocks(batch, earliest, limits, say);
      const exactBound = exact?.lowerBound ?? Number.NEGATIVE_INFINITY;
      const useExact = exact !== undefined && exact.totalCost < windowed.totalCost;
      assigned = useExact ? exact!.assigned : windowed.assigned;
      solve = summary(
        regions,
        members.length,
        variables,
        useExact ? exact!.totalCost : windowed.totalCost,
        Math.max(blocks, exactBound),
        false,
        useExact ? 'exact' : 'windows',
        exactBound > blocks ? 'exact' : 'disjoint_blocks',
        started,
      );
    }
    const nights = new Map(members.map((request) => [request.id, request.nights]));
    for (const [requestId, option] of assigned) {
      placements.set(requestId, { requestId, unitId: option.unitId, start: option.start, nights: nights.get(requestId)! });
    }
    components.push(solve);
    say(
      `${solve.optimal ? 'optimal' : `within ${(solve.relative_gap * 100).toFixed(2)}% of the optimum`} in ${solve.seconds.toFixed(1)} s`,
    );
  }
  return { placements, components };
}

function summary(
  regions: string[],
  requests: number,
  variables: number,
  cost: number,
  bound: number,
  optimal: boolean,
  method: ComponentSolve['method'],
  boundMethod: ComponentSolve['bound'],
  started: number,
): ComponentSolve {
  const gap = cost === 0 ? 0 : Math.max(0, (cost - bound) / cost);
  return {
    regions,
    requests,
    variables,
    optimal,
    method,
    total_cost: cost,
    lower_bound: bound,
    bound: boundMethod,
    relative_gap: gap,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Window by window in order of the first night a request can take: each window's requests are solved exactly
 * together with those of the next `lookaheadDays`, and only the window's own are kept, so a decision sees the
 * weeks after it as the optimum would. Options that collide with a kept stay are left out of later windows.
 */
async function solveByWindows(
  batch: readonly AllocationRequest[],
  earliest: ReadonlyMap<string, number>,
  limits: OptimumLimits,
  progress: (message: string) => void,
): Promise<{ assigned: Allocation['assigned']; totalCost: number }> {
  const ordered = [...batch].sort((a, b) => earliest.get(a.id)! - earliest.get(b.id)!);
  const kept = new Map<string, { start: number; end: number }[]>();
  const assigned: Allocation['assigned'] = new Map();
  const first = earliest.get(ordered[0]!.id)!;
  const last = earliest.get(ordered.at(-1)!.id)!;
  let proven = 0;
  let windows = 0;
  for (let from = first; from <= last; from += limits.windowDays) {
    const until = from + limits.windowDays;
    const inView = ordered
      .filter((request) => earliest.get(request.id)! >= from && earliest.get(request.id)! < until + limits.lookaheadDays)
      .map((request) => ({
        ...request,
        options: request.options.filter(
          (option) =>
            !(kept.get(option.unitId) ?? []).some((stay) => option.start < stay.end && stay.start < option.start + request.nights),
        ),
      }));
    if (inView.length === 0) continue;
    const allocation = await allocateOptimal(inView, { timeLimitSeconds: limits.solveSeconds });
    windows++;
    if (allocation.optimal) proven++;
    for (const request of inView) {
      if (earliest.get(request.id)! >= until) continue;
      const option = allocation.assigned.get(request.id);
      if (!option) continue;
      assigned.set(request.id, option);
      const stays = kept.get(option.unitId) ?? [];
      stays.push({ start: option.start, end: option.start + request.nights });
      kept.set(option.unitId, stays);
    }
  }
  progress(
    `assignment from ${windows} windows of ${limits.windowDays} days with ${limits.lookaheadDays} more in view, ${proven} of them solved to proven optimality`,
  );
  const totalCost = batch.reduce((sum, request) => sum + (assigned.get(request.id)?.cost ?? request.noBedCost), 0);
  return { assigned, totalCost };
}

/**
 * The lower bound from disjoint blocks of `blockDays` (by first possible night). A block the solver cannot take
 * (it aborts when its memory runs out) is halved until it can; each block's proven bound is valid even when the
 * time ran out.
 */
async function boundByBlocks(
  batch: readonly AllocationRequest[],
  earliest: ReadonlyMap<string, number>,
  limits: OptimumLimits,
  progress: (message: string) => void,
): Promise<number> {
  const blockBound = async (from: number, days: number): Promise<number> => {
    const block = batch.filter((request) => earliest.get(request.id)! >= from && earliest.get(request.id)! < from + days);
    if (block.length === 0) return 0;
    try {
      // Every cost is at least zero, so zero bounds a block the solver could not bound in its time.
      return Math.max(0, (await allocateIsolated(block, { timeLimitSeconds: limits.solveSeconds })).lowerBound);
    } catch (error) {
      if (days <= 1) throw error;
      progress(`block of ${days} days from day ${from} too large for the solver (${String(error).slice(0, 60)}); halving it`);
      const half = Math.ceil(days / 2);
      return (await blockBound(from, half)) + (await blockBound(from + half, days - half));
    }
  };
  const first = Math.min(...earliest.values());
  const last = Math.max(...earliest.values());
  let bound = 0;
  let blocks = 0;
  for (let from = first; from <= last; from += limits.blockDays) {
    bound += await blockBound(from, limits.blockDays);
    blocks++;
  }
  progress(`lower bound from ${blocks} disjoint blocks of ${limits.blockDays} days: ${bound.toFixed(0)}`);
  return bound;
}
