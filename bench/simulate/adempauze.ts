import type { AllocationOption } from '../../src/domain/matching/batch-allocation.ts';
import {
  type AllocationMethod,
  FIT_HORIZON_NIGHTS,
  type PendingRequest,
  allocateDay,
  optionsOf,
} from '../../src/domain/matching/day-allocation.ts';
import { rankCandidates } from '../../src/domain/matching/rank.ts';
import { Calendar, type Placement } from './calendar.ts';
import { expectedFlows, type SimRequest } from './demand.ts';
import type { ExpectedFlow, Outlook } from '../../src/domain/matching/anticipation.ts';
import { needOf, candidateOf } from './rules.ts';
import type { SimUnit, World } from './world.ts';

export type BatchMethod = AllocationMethod;

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
 * rankCandidates proposes for each first night it can still take, priced by the matching score, the needless
 * flexibility of the unit and the days the stay moves from its wish, so a bed that frees up in two days can be booked
 * now while the patient waits in hospital. The home region
 * comes first: only a request for which no unit in its region is free on any night it could start — which later
 * bookings can only make worse — is offered the neighbour regions, marked outside the region, or else gets no bed.
 * Planned respite is decided on the day it is asked for. Between units about as good, the one the stay fits best
 * (freeAround, the nights left idle beside it). Anticipation (src/domain/matching/anticipation.ts): with the demand
 * model's expected ELV and crisis arrivals per region and stay type (`flows`, expectedFlows: the rates, never the
 * requests to come) and the beds still free each night, an ELV pays for the nights a crisis is expected to need, and a
 * guest from outside the region for the nights that region's own flow is expected to need.
 */
export async function adempauze(
  world: World,
  requests: readonly SimRequest[],
  method: BatchMethod,
  // The demand model's rates; a hand-made world (the tests') has no demand model, so nothing is held back there.
  flows: readonly ExpectedFlow[] = world.registry.units.length > 0 ? expectedFlows(world, requests) : [],
): Promise<AdempauzeRun> {
  const calendar = new Calendar(world.unitById);
  const placements = new Map<string, Placement>();
  const knownLocations = new Map<string, Set<string>>();
  const run: AdempauzeRun = { placements, solverBatches: 0, solverBatchesOptimal: 0 };
  const byArrival = [...requests].sort(
    (a, b) => a.arrival - b.arrival || a.arrivalTime.localeCompare(b.arrivalTime) || a.id.localeCompare(b.id),
  );
  const unitsIn = new Map(
    world.regionIds.map((regionId) => [regionId, world.units.filter((unit) => unit.candidate.regionId === regionId)]),
  );
  const neighbourUnits = (regionId: string) => (world.neighbours.get(regionId) ?? []).flatMap((id) => unitsIn.get(id) ?? []);

  // Beds free per region, stay type and night as booked now: what anticipation weighs the expected flow against.
  let freeCache = new Map<string, ReadonlySet<string>>();
  const outlookOn = (today: number): Outlook => ({
    today,
    flows,
    freeOthers: (unitId, regionId, stayType, night) => {
      const key = `${regionId}/${stayType}/${night}`;
      let free = freeCache.get(key);
      if (!free) {
        free = new Set(
          (unitsIn.get(regionId) ?? [])
            .filter(
              (unit) =>
                unit.kind === 'bed' &&
                unit.candidate.acceptedStayTypes.includes(stayType) &&
                calendar.isFree(unit.candidate.unitId, night, 1),
            )
            .map((unit) => unit.candidate.unitId),
        );
        freeCache.set(key, free);
      }
      return free.size - (free.has(unitId) ? 1 : 0);
    },
  });

  const optionsFor = (request: SimRequest, day: number, units: readonly SimUnit[]): AllocationOption[] => {
    const candidates = units.filter((unit) => unit.kind === request.unitKind);
    const known = [...(knownLocations.get(request.guestId) ?? [])];
    return optionsOf(
      pendingOf(request),
      day,
      (start) => {
        const offers = candidates.map((unit) => candidateOf(unit, calendar.isFree(unit.candidate.unitId, start, request.nights)));
        return rankCandidates(needOf(request, start, world, known), offers).map((proposal) => ({
          unitId: proposal.candidate.unitId,
          score: proposal.score,
          outsideRegion: proposal.outsideRegion,
          stayType: request.stayType,
          acceptedStayTypes: proposal.candidate.acceptedStayTypes,
          regionId: proposal.candidate.regionId,
          freeAround: calendar.freeAround(
            proposal.candidate.unitId,
            start,
            start + request.nights,
            Math.max(day, start - FIT_HORIZON_NIGHTS),
            start + request.nights + FIT_HORIZON_NIGHTS,
          ),
        }));
      },
      outlookOn(day),
    );
  };
  const allocate = async (batch: { request: SimRequest; options: AllocationOption[] }[]) => {
    const allocation = await allocateDay(
      batch.map(({ request, options }) => ({ request: pendingOf(request), options })),
      method,
      { timeLimitSeconds: DAILY_SOLVER_SECONDS },
    );
    if (allocation.solved) {
      run.solverBatches++;
      if (allocation.optimal) run.solverBatchesOptimal++;
    }
    for (const { request } of batch) {
      const option = allocation.assigned.get(request.id);
      if (!option) continue;
      const placement = { requestId: request.id, unitId: option.unitId, start: option.start, nights: request.nights };
      calendar.book(placement);
      freeCache = new Map();
      placements.set(request.id, placement);
      const known = knownLocations.get(request.guestId) ?? new Set<string>();
      known.add(world.unitById.get(option.unitId)!.candidate.locationId);
      knownLocations.set(request.guestId, known);
    }
  };

  let pending: SimRequest[] = [];
  let next = 0;
  const lastDay = Math.max(...requests.map((request) => request.latest));
  for (let day = byArrival[0]?.arrival ?? 0; day <= lastDay; day++) {
    while (next < byArrival.length && byArrival[next]!.arrival <= day) pending.push(byArrival[next++]!);
    if (pending.length === 0) continue;
    const inRegion = pending.map((request) => ({ request, options: optionsFor(request, day, unitsIn.get(request.regionId) ?? []) }));
    await allocate(inRegion.filter(({ options }) => options.length > 0));
    const hopeless = inRegion.filter(({ options }) => options.length === 0).map(({ request }) => request);
    await allocate(hopeless.map((request) => ({ request, options: optionsFor(request, day, neighbourUnits(request.regionId)) })));
    // Respite is answered the day it is asked; the rest keeps waiting while a night in the home region can still come.
    pending = pending.filter(
      (request) => !placements.has(request.id) && request.kind !== 'respite' && !hopeless.includes(request) && day < request.latest,
    );
  }
  return run;
}

/** A simulated request as the access point's allocation sees it. */
function pendingOf(request: SimRequest): PendingRequest {
  return {
    id: request.id,
    kind: request.kind,
    urgency: request.urgency,
    burdenLevel: request.burden,
    // Day numbers as sortable text: the waiting list orders by when the referral came in.
    waitingSince: `${String(request.arrival + 100_000).padStart(7, '0')}T${request.arrivalTime}`,
    nights: request.nights,
    desired: request.desired,
    earliest: request.earliest,
    latest: request.latest,
  };
}
