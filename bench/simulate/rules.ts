import { distanceKm } from '../../src/domain/geo.ts';
import { type Need, type Candidate, exclusionOf } from '../../src/domain/matching/rank.ts';
import { NO_BED_KM, OUTSIDE_REGION_KM } from '../../src/domain/matching/referral-allocation.ts';
import { SHIFT_KM_PER_DAY } from '../../src/domain/matching/day-allocation.ts';
import type { SimRequest } from './demand.ts';
import type { SimUnit, World } from './world.ts';

/**
 * The rules every policy shares: when a request may start, which units may take it (the app's hard constraints,
 * exclusionOf), and the one cost by which the policies are compared. The cost uses the coordinator's own prices
 * (referral-allocation.ts): a request left without a bed costs 1 000–3 000 km by urgency, a bed outside the home
 * region 200 km extra, and each day a stay starts away from its wish the access point's own price (SHIFT_KM_PER_DAY).
 */
/** The app's price of a day's move (src/domain/matching/day-allocation.ts), which the comparison uses too. */
export const WAIT_KM_PER_DAY: Record<SimRequest['kind'], number> = SHIFT_KM_PER_DAY;

/**
 * When the guest would arrive: on the day of the request at its hour (a same-day admission), on any other day in the
 * daytime, so a location that admits only on weekdays or in office hours is held to that.
 */
export function admitAt(request: SimRequest, start: number, world: World): { weekday: number; time: string } {
  return { weekday: world.weekday(start), time: start === request.arrival ? request.arrivalTime : '12:00' };
}

export function needOf(request: SimRequest, start: number, world: World, knownLocationIds: readonly string[] = []): Need {
  return {
    stayType: request.stayType,
    requiredFeatures: request.requiredFeatures,
    home: request.home,
    homeRegionId: request.regionId,
    knownLocationIds,
    preferredLocationIds: [],
    admitAt: admitAt(request, start, world),
  };
}

export function candidateOf(unit: SimUnit, free: boolean): Candidate {
  return { ...unit.candidate, free };
}

/**
 * May this unit take this request from this night, calendar aside? The app's hard constraints, the kind of unit
 * (a night carer at home is not a bed), the request's own window and the regions it may go to.
 */
export function isAllowed(request: SimRequest, unit: SimUnit, start: number, world: World): boolean {
  if (start < request.earliest || start > request.latest) return false;
  if (unit.kind !== request.unitKind) return false;
  const region = unit.candidate.regionId;
  if (region !== request.regionId && !(world.neighbours.get(request.regionId) ?? []).includes(region)) return false;
  return exclusionOf(candidateOf(unit, true), needOf(request, start, world)) === null;
}

/** Days between the wished and the actual first night: the wait, or for respite the days it was moved either way. */
export function shiftDays(request: SimRequest, start: number): number {
  return Math.abs(start - request.desired);
}

export function kmTo(request: SimRequest, unit: SimUnit): number {
  return distanceKm(request.home, unit.candidate.location);
}

export function isOutsideRegion(request: SimRequest, unit: SimUnit): boolean {
  return unit.candidate.regionId !== request.regionId;
}

/** The comparison cost of one placement. */
export function placementCost(request: SimRequest, unit: SimUnit, start: number): number {
  return (
    kmTo(request, unit) +
    (isOutsideRegion(request, unit) ? OUTSIDE_REGION_KM : 0) +
    WAIT_KM_PER_DAY[request.kind] * shiftDays(request, start)
  );
}

export function noBedCost(request: SimRequest): number {
  return NO_BED_KM[request.urgency];
}
