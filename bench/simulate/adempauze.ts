import {
  type Allocation,
  type AllocationOption,
  type AllocationRequest,
  allocateGreedy,
  allocateOptimal,
} from '../../src/domain/matching/batch-allocation.ts';
import { rankOffers } from '../../src/domain/matching/rank.ts';
import { OUTSIDE_REGION_KM } from '../../src/domain/matching/referral-allocation.ts';
import type { StayType } from '../../src/domain/stay-types.ts';
import { byPriority, type WaitingEntry } from '../../src/domain/waiting-list.ts';
import { Calendar, type Placement } from './calendar.ts';
import type { SimRequest } from './demand.ts';
import { needOf, noBedCost, offerOf, shiftDays, startsOf, WAIT_KM_PER_DAY } from './rules.ts';
import type { SimUnit, World } from './world.ts';

export type BatchMethod = 'optimal' | 'greedy';

/**
 * The price, in km, of each unplanned stay type (ELV, crisis) a unit takes besides the request's own. A bed booked
 * weeks ahead for respite, or for a kind of ELV that other beds take too, is a bed the next hospital discharge or
 * crisis cannot have, and those cannot wait or move; so among beds about as near, the coordinator gives the one that
 * fewer others can use. The same reasoning as rankOffers' price for needless scarce features, applied to stay types.
 */
export const NEEDLESS_FLEXIBILITY_KM = 5;
const UNPLANNED: ReadonlySet<string> = new Set<StayType>(['elv_low_complex', 'elv_high_complex', 'elv_palliative', 'crisis_wmo', 'crisis_wlz']);

export function needlessFlexibilityKm(request: SimRequest, acceptedStayTypes: readonly string[]): number {
  return NEEDLESS_FLEXIBILITY_KM * acceptedStayTypes.filter((type) => type !== request.stayType && UNPLANNED.has(type)).length;
}

/** Solver time for one day's batch; a coordinator waits for it. */
const DAILY_SOLVER_SECONDS = 10;

export interface AdempauzeRun {
  placements: Map<string, Placement>;
  /** Daily batches that needed the MIP solver (the others had no competing requests), and how many it proved optimal. */
  solverBatches: number;
  solverBatchesOptimal: number;
}

/**
 * The access point, day by day. Every request that came in and is not placed yet is pending; each day the
 * coordinator allocates all pending requests at once (the batch allocation: `optimal` is the minimum-cost
 * assignment, `greedy` the waiting list's order with each taking its best unit). A request's options are the units
 * rankOffers proposes for each first night it can still take, priced by the matching score, the needless
 * flexibility of the unit and the days the stay moves from its wish, so a bed that frees up in two days can be booked
 * now while the patient waits in hospital. The home region
 * comes first: only a request for which no unit in its region is free on any night it could start — which later
 * bookings can only make worse — is offered the neighbour regions, marked outside the region, or else gets no bed.
 * Planned respite is decided on the day it is asked for.
 */
export async function adempauze(world: World, requests: readonly SimRequest[], method: BatchMethod): Promise<AdempauzeRun> {
  const calendar = new Calendar(world.unitById);
  const placements = new Map<string, Placement>();
  const knownLocations = new Map<string, Set<string>>();
  const run: AdempauzeRun = { placements, solverBatches: 0, solverBatchesOptimal: 0 };
  const byArrival = [...requests].sort((a, b) => a.arrival - b.arrival || a.arrivalTime.localeCompare(b.arrivalTime) || a.id.localeCompare(b.id));
  const unitsIn = new Map(world.regionIds.map((regionId) => [regionId, world.units.filter((unit) => unit.offer.regionId === regionId)]));
  const neighbourUnits = (regionId: string) => (world.neighbours.get(regionId) ?? []).flatMap((id) => unitsIn.get(id) ?? []);

  const optionsFor = (request: SimRequest, day: number, units: readonly SimUnit[], extraKm: number): AllocationOption[] => {
    const candidates = units.filter((unit) => unit.kind === request.unitKind);
    const known = [...(knownLocations.get(request.guestId) ?? [])];
    const options: AllocationOption[] = [];
    for (const start of startsOf(request, day)) {
      const offers = candidates.map((unit) => offerOf(unit, calendar.isFree(unit.offer.unitId, start, request.nights)));
      for (const proposal of rankOffers(needOf(request, start, world, known), offers)) {
        const cost = proposal.score + extraKm + needlessFlexibilityKm(request, proposal.offer.acceptedStayTypes) + WAIT_KM_PER_DAY[request.kind] * shiftDays(request, start);
        // Hundredths are precision enough, and keep the solver's input short.
        options.push({ unitId: proposal.offer.unitId, start, cost: Math.round(cost * 100) / 100 });
      }
    }
    return options;
  };
  const allocate = async (batch: { request: SimRequest; options: AllocationOption[] }[]) => {
    const ordered = [...batch].sort((a, b) => byPriority(waitingEntry(a.request), waitingEntry(b.request)));
    const allocationRequests: AllocationRequest[] = ordered.map(({ request, options }) => ({ id: request.id, nights: request.nights, options, noBedCost: noBedCost(request) }));
    const allocation = await solve(allocationRequests, method, run);
    for (const { request } of ordered) {
      const option = allocation.assigned.get(request.id);
      if (!option) continue;
      const placement = { requestId: request.id, unitId: option.unitId, start: option.start, nights: request.nights };
      calendar.book(placement);
      placements.set(request.id, placement);
      const known = knownLocations.get(request.guestId) ?? new Set<string>();
      known.add(world.unitById.get(option.unitId)!.offer.locationId);
      knownLocations.set(request.guestId, known);
    }
  };

  let pending: SimRequest[] = [];
  let next = 0;
  const lastDay = Math.max(...requests.map((request) => request.latest));
  for (let day = byArrival[0]?.arrival ?? 0; day <= lastDay; day++) {
    while (next < byArrival.length && byArrival[next]!.arrival <= day) pending.push(byArrival[next++]!);
    if (pending.length === 0) continue;
    const inRegion = pending.map((request) => ({ request, options: optionsFor(request, day, unitsIn.get(request.regionId) ?? [], 0) }));
    await allocate(inRegion.filter(({ options }) => options.length > 0));
    const hopeless = inRegion.filter(({ options }) => options.length === 0).map(({ request }) => request);
    await allocate(hopeless.map((request) => ({ request, options: optionsFor(request, day, neighbourUnits(request.regionId), OUTSIDE_REGION_KM) })));
    // Respite is answered the day it is asked; the rest keeps waiting while a night in the home region can still come.
    pending = pending.filter((request) =>
      !placements.has(request.id) && request.kind !== 'respite' && !hopeless.includes(request) && day < request.latest);
  }
  return run;
}

function waitingEntry(request: SimRequest): WaitingEntry {
  return {
    referralId: request.id,
    urgency: request.urgency,
    burdenLevel: request.burden,
    // Day numbers as sortable text: the waiting list orders by when the referral came in.
    waitingSince: `${String(request.arrival + 100_000).padStart(7, '0')}T${request.arrivalTime}`,
  };
}

/**
 * One day's batch. Most days no two requests want the same unit-night among their best options; then each simply
 * takes its cheapest, which is optimal, and the solver is not started.
 */
async function solve(requests: AllocationRequest[], method: BatchMethod, run: AdempauzeRun): Promise<Allocation> {
  if (requests.length === 0) return { assigned: new Map(), unplaced: [], totalCost: 0, optimal: true, lowerBound: 0 };
  const greedy = allocateGreedy(requests);
  if (method === 'greedy' || everyTookItsCheapest(requests, greedy)) return greedy;
  run.solverBatches++;
  const optimal = await allocateOptimal(requests, { timeLimitSeconds: DAILY_SOLVER_SECONDS });
  if (optimal.optimal) run.solverBatchesOptimal++;
  return optimal.totalCost <= greedy.totalCost ? optimal : greedy;
}

function everyTookItsCheapest(requests: readonly AllocationRequest[], allocation: Allocation): boolean {
  return requests.every((request) => {
    const costs = request.options.filter((option) => option.cost < request.noBedCost).map((option) => option.cost);
    return costs.length === 0 ? !allocation.assigned.has(request.id) : allocation.assigned.get(request.id)?.cost === Math.min(...costs);
  });
}
