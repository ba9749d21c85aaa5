import type { StayType } from '../stay-types.ts';
import type { BurdenLevel, Urgency } from '../triage/outcome.ts';
import { byPriority } from '../waiting-list.ts';
import { type Allocation, type AllocationOption, type AllocationRequest, allocateGreedy, allocateOptimal } from './batch-allocation.ts';
import { type Outlook, heldBackKm } from './anticipation.ts';
import { NO_BED_KM, OUTSIDE_REGION_KM } from './referral-allocation.ts';

/**
 * How the access point allocates its pending requests on one day: the coordinator's batch, the waiting list's
 * offers and the simulated year (bench/simulate) all run this code. Pure: days are numbers (0 = today for the app),
 * and the caller ranks the units free from each possible first night (matching's rankCandidates).
 *
 * A request may start on any night of its window: a planned stay within its flexibility around the wished night,
 * an ELV or crisis admission from today until it must have a bed. Each option is priced in kilometres: the matching
 * score, the region, the stay types the unit takes that the request does not need, and each day the start moves.
 */

/** Planned respite moves at a modest price; a patient waiting in hospital or a caregiver in crisis weighs heavily. */
export type RequestKind = 'respite' | 'elv' | 'crisis';

/**
 * The price of a day's move, per kind. Four days of waiting for ELV or crisis still cost less than a bed outside the
 * home region (OUTSIDE_REGION_KM): the access point aims at a bed close to home.
 */
export const SHIFT_KM_PER_DAY: Record<RequestKind, number> = { respite: 10, elv: 30, crisis: 30 };

/**
 * The price, in km, of each unplanned stay type (ELV, crisis) a unit takes besides the request's own. A bed booked
 * weeks ahead for respite, or for a kind of ELV that other beds take too, is a bed the next hospital discharge or
 * crisis cannot have, and those cannot wait or move; so among beds about as near, the one fewer others can use.
 */
export const NEEDLESS_FLEXIBILITY_KM = 5;
const UNPLANNED: ReadonlySet<string> = new Set<StayType>([
  'elv_low_complex',
  'elv_high_complex',
  'elv_palliative',
  'crisis_wmo',
  'crisis_wlz',
]);

export function needlessFlexibilityKm(stayType: string, acceptedStayTypes: readonly string[]): number {
  return NEEDLESS_FLEXIBILITY_KM * acceptedStayTypes.filter((type) => type !== stayType && UNPLANNED.has(type)).length;
}

export function kindOfStayType(stayType: string): RequestKind {
  if (stayType.startsWith('elv_')) return 'elv';
  return stayType.startsWith('crisis_') ? 'crisis' : 'respite';
}

export interface PendingRequest {
  id: string;
  kind: RequestKind;
  urgency: Urgency;
  burdenLevel: BurdenLevel;
  /** When it came in (sortable text): the waiting list's last tie-breaker. */
  waitingSince: string;
  nights: number;
  /** The wished first night and the window it may move in (day numbers, inclusive). */
  desired: number;
  earliest: number;
  latest: number;
}

/** A unit matching ranked free from one first night. */
export interface RankedUnit {
  unitId: string;
  /** Matching's score in km (distance, continuity and preference bonuses, scarce-care penalty). */
  score: number;
  outsideRegion: boolean;
  stayType: string;
  acceptedStayTypes: readonly string[];
  /** The unit's region: what anticipation needs to know whose flow the unit serves (without it, nothing is held back). */
  regionId?: string;
  /**
   * Free nights on the unit right before the first night (from today) and right after the last, as booked now; left
   * out, every unit fits alike.
   */
  freeAround?: { before: number; after: number };
}

/**
 * Best fit: a stay that closes a gap in a unit's calendar, rather than cutting a long free stretch in two, leaves the
 * long stretches for the long stays to come. A small price per idle night left beside the stay, counted up to
 * FIT_HORIZON_NIGHTS each side, so it decides between units about as good and hardly moves anyone.
 */
export const IDLE_NIGHT_KM = 0.2;
export const FIT_HORIZON_NIGHTS = 14;

export function idleNightsKm(freeAround: RankedUnit['freeAround']): number {
  if (!freeAround) return 0;
  return IDLE_NIGHT_KM * (Math.min(freeAround.before, FIT_HORIZON_NIGHTS) + Math.min(freeAround.after, FIT_HORIZON_NIGHTS));
}

/** Every first night a request may take from `from` on, nearest the wish first (later before earlier on a tie). */
export function startsOf(request: Pick<PendingRequest, 'desired' | 'earliest' | 'latest'>, from = request.earliest): number[] {
  const starts: number[] = [];
  for (let day = Math.max(from, request.earliest); day <= request.latest; day++) starts.push(day);
  return starts.sort((a, b) => Math.abs(a - request.desired) - Math.abs(b - request.desired) || b - a);
}

export function optionCost(
  request: Pick<PendingRequest, 'kind' | 'desired'> & Partial<Pick<PendingRequest, 'urgency' | 'nights'>>,
  unit: RankedUnit,
  start: number,
  outlook?: Outlook,
): number {
  const held =
    outlook && unit.regionId !== undefined && request.urgency !== undefined && request.nights !== undefined
      ? heldBackKm({ urgency: request.urgency }, { ...unit, regionId: unit.regionId }, start, request.nights, outlook)
      : 0;
  const cost =
    unit.score +
    (unit.outsideRegion ? OUTSIDE_REGION_KM : 0) +
    needlessFlexibilityKm(unit.stayType, unit.acceptedStayTypes) +
    SHIFT_KM_PER_DAY[request.kind] * Math.abs(start - request.desired) +
    idleNightsKm(unit.freeAround) +
    held;
  // Hundredths are precision enough, and keep the solver's input short.
  return Math.round(cost * 100) / 100;
}

/**
 * A request's options on `today`: each unit ranked free from each first night still open, priced. With an outlook
 * (anticipation.ts), a night a more urgent flow is expected to need costs what that flow would lose.
 */
export function optionsOf(
  request: PendingRequest,
  today: number,
  rankedFrom: (start: number) => readonly RankedUnit[],
  outlook?: Outlook,
): AllocationOption[] {
  return startsOf(request, today).flatMap((start) =>
    rankedFrom(start).map((unit) => ({ unitId: unit.unitId, start, cost: optionCost(request, unit, start, outlook) })),
  );
}

export type AllocationMethod = 'optimal' | 'greedy';

export interface DayAllocation extends Allocation {
  /** Whether the solver had to run: not when every request simply took its cheapest option. */
  solved: boolean;
}

/**
 * One day's batch in the waiting list's order: `greedy` gives each its cheapest option that still fits; `optimal`
 * the minimum-cost assignment, unless every request already got its cheapest (then greedy is optimal and the solver
 * is not started). The solver's answer is kept only when it is not dearer than greedy's (a time limit may stop it).
 */
export async function allocateDay(
  batch: readonly { request: PendingRequest; options: readonly AllocationOption[] }[],
  method: AllocationMethod,
  limits: { timeLimitSeconds: number },
): Promise<DayAllocation> {
  const ordered = [...batch].sort((a, b) => byPriority(waitingEntryOf(a.request), waitingEntryOf(b.request)));
  const requests: AllocationRequest[] = ordered.map(({ request, options }) => ({
    id: request.id,
    nights: request.nights,
    options,
    noBedCost: NO_BED_KM[request.urgency],
  }));
  const greedy = allocateGreedy(requests);
  if (method === 'greedy' || requests.length === 0 || everyTookItsCheapest(requests, greedy))
    return { ...greedy, optimal: method === 'optimal', solved: false };
  const optimal = await allocateOptimal(requests, limits);
  return { ...(optimal.totalCost <= greedy.totalCost ? optimal : greedy), solved: true };
}

/** A request as the waiting list orders it (byPriority). */
export function waitingEntryOf(request: PendingRequest) {
  return { referralId: request.id, urgency: request.urgency, burdenLevel: request.burdenLevel, waitingSince: request.waitingSince };
}

function everyTookItsCheapest(requests: readonly AllocationRequest[], allocation: Allocation): boolean {
  return requests.every((request) => {
    const costs = request.options.filter((option) => option.cost < request.noBedCost).map((option) => option.cost);
    return costs.length === 0 ? !allocation.assigned.has(request.id) : allocation.assigned.get(request.id)?.cost === Math.min(...costs);
  });
}
