import { type Urgency, urgencyRank } from '../triage/outcome.ts';

/**
 * Anticipation: keep a bed free for the urgent flow (ELV, crisis) the demand model expects, when that costs less than
 * it saves. Pure: the caller says how many requests of each stay type are expected per day in each region (the demand
 * model's rates, or the region's history) and how many other beds are still free on each night; this prices the
 * nights an option would take from that flow, and the day allocation adds the price to the option's cost.
 *
 * A bed-night is needed by a flow when more of its guests are expected on that night than the other beds that can take
 * them: with D expected guests (Poisson) and K other free beds, the chance is P(D > K). The guests expected on a night
 * are those arriving from today on who would still stay then (λ per day times the days their stay may last), so for a
 * bed tomorrow only tomorrow's arrivals count, for one in a month the whole flow. Each needed night costs
 * HELD_BED_NIGHT_KM.
 *
 * Whose flow a bed is held for:
 * - an unplanned request pays for the more urgent flows the bed takes (ELV for crisis), so a bed held back is released
 *   for the urgent request it was held for, and a crisis pays for nobody;
 * - a request from outside the bed's region pays for the region's own unplanned flows of its urgency or more: home
 *   region first, also for the neighbours' beds, so an overflow guest takes a neighbour's bed only when that region is
 *   not expected to need it more than the guest needs a bed;
 * - planned respite pays nothing: it is booked weeks ahead on the reserved respite beds first (NEEDLESS_FLEXIBILITY_KM
 *   already keeps it off the beds ELV and crisis can use), and pricing its nights as well moved respite stays days away
 *   from their wish without placing more ELV (bench/README.md).
 * No flow expected, no price.
 */

/** Requests of one stay type expected per day in one region, and how long such a stay lasts (nights, uniform). */
export interface ExpectedFlow {
  regionId: string;
  stayType: string;
  urgency: Urgency;
  perDay: number;
  nights: readonly [number, number];
}

export interface Outlook {
  /** The day the allocation runs (its day number). */
  today: number;
  flows: readonly ExpectedFlow[];
  /** Beds in `regionId` other than `unitId` free on `night` that take `stayType`, as booked now. */
  freeOthers(unitId: string, regionId: string, stayType: string, night: number): number;
}

/**
 * What a night an urgent guest of the region is expected to need costs when it is given away. An ELV request without
 * a bed costs 2 000 km (NO_BED_KM) over a stay of about 20 nights, 100 km a night; the simulation placed more in the
 * region at 200 without leaving more without a bed (a sweep of 100, 150, 200 and 300 on its nine years, bench/README.md),
 * so this is a setting tuned on the simulated demand, not a derived figure.
 */
export const HELD_BED_NIGHT_KM = 200;

/** Expected guests of a flow still staying `ahead` nights from today: arrivals on each day until then staying that long. */
export function expectedGuests(flow: Pick<ExpectedFlow, 'perDay' | 'nights'>, ahead: number): number {
  const [min, max] = flow.nights;
  let staying = 0;
  for (let k = 0; k <= ahead; k++) staying += survival(k, min, max);
  return flow.perDay * staying;
}

/** P(a stay of min–max nights, uniform, lasts more than k nights). */
function survival(k: number, min: number, max: number): number {
  if (k < min) return 1;
  if (k >= max) return 0;
  return (max - k) / (max - min + 1);
}

/** P(X > k) for X Poisson with mean `mean`. */
export function poissonAbove(mean: number, k: number): number {
  if (mean <= 0) return 0;
  let term = Math.exp(-mean);
  let atMost = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    atMost += term;
  }
  return Math.max(0, 1 - atMost);
}

export interface HeldUnit {
  unitId: string;
  regionId: string;
  acceptedStayTypes: readonly string[];
  /** Outside the request's home region. */
  outsideRegion: boolean;
}

/** The flows a bed is held for against this request (see above). */
export function flowsHeldFor(urgency: Urgency, unit: HeldUnit, flows: readonly ExpectedFlow[]): ExpectedFlow[] {
  if (urgency === 'planned') return [];
  return flows.filter(
    (flow) =>
      flow.regionId === unit.regionId &&
      flow.perDay > 0 &&
      unit.acceptedStayTypes.includes(flow.stayType) &&
      (urgencyRank(flow.urgency) < urgencyRank(urgency) || (unit.outsideRegion && urgencyRank(flow.urgency) <= urgencyRank(urgency))),
  );
}

/** The price of the nights [start, start + nights) on this unit for the flows that may need it; 0 without an outlook. */
export function heldBackKm(request: { urgency: Urgency }, unit: HeldUnit, start: number, nights: number, outlook?: Outlook): number {
  if (!outlook) return 0;
  const flows = flowsHeldFor(request.urgency, unit, outlook.flows);
  if (flows.length === 0) return 0;
  let needed = 0;
  for (let night = Math.max(start, outlook.today); night < start + nights; night++) {
    const ahead = night - outlook.today;
    // One pool: the flows' guests together against the other beds that take any of them.
    const guests = flows.reduce((sum, flow) => sum + expectedGuests(flow, ahead), 0);
    const others = Math.max(...flows.map((flow) => outlook.freeOthers(unit.unitId, unit.regionId, flow.stayType, night)));
    needed += poissonAbove(guests, others);
  }
  return HELD_BED_NIGHT_KM * needed;
}
