import { createClients } from '../../src/demo/demo-clients.ts';
import { type GuestPlan, pilotGuestPlans, RECOVERY_STAYS, recoveryOccupancy, type StayPlan } from '../../src/demo/pilot-demand.ts';
import { createRandom, type Random } from '../../src/demo/prng.ts';
import type { CareFeature } from '../../src/domain/care-features.ts';
import type { GeoPoint } from '../../src/domain/geo.ts';
import type { StayType } from '../../src/domain/stay-types.ts';
import type { BurdenLevel, Urgency } from '../../src/domain/triage/outcome.ts';
import type { ExpectedFlow } from '../../src/domain/matching/anticipation.ts';
import { flowUrgency } from '../../src/domain/matching/expected-flows.ts';
import type { SimUnit, World } from './world.ts';

/**
 * One year of requests for a temporary stay in the demo regions. Respite comes from the pilots' guest plans (the
 * reports' guest numbers, stay lengths and rhythms, src/demo/pilot-demand.ts); ELV and crisis requests arrive as a
 * Poisson process whose rate per bed is the demo's occupancy target, less what respite already takes of a flexible
 * bed, divided by the mean stay (RECOVERY_STAYS): the offered load is what the reports describe, whatever the capacity
 * can take. Calibration: bench/README.md.
 */
export type RequestKind = 'respite' | 'elv' | 'crisis';

export interface SimRequest {
  readonly id: string;
  /** Stays of one guest never overlap: their windows are kept apart when generated. */
  readonly guestId: string;
  readonly kind: RequestKind;
  readonly stayType: StayType;
  readonly unitKind: 'bed' | 'home_night';
  readonly regionId: string;
  readonly home: GeoPoint;
  readonly requiredFeatures: readonly CareFeature[];
  readonly nights: number;
  /** The day the request reaches the access point, and the hour ("HH:MM"). */
  readonly arrival: number;
  readonly arrivalTime: string;
  /** The first night wished; for ELV and crisis the day of the request. */
  readonly desired: number;
  /** The first nights acceptable: respite moves either way by its flexibility, ELV and crisis wait at most so long. */
  readonly earliest: number;
  readonly latest: number;
  readonly urgency: Urgency;
  readonly burden: BurdenLevel;
}

export interface DemandOptions {
  readonly seed: number;
  /** Days of recovery arrivals before day 0, so the year starts with beds occupied as in a running system. */
  readonly warmupDays: number;
}

/**
 * How long an unplanned request can wait for a bed: ELV waits in hospital (median waits for intermediate care are
 * 2 days for low and 4 for high complexity, Arntzen et al. 2023), a palliative patient hardly, a crisis at most a day.
 */
export const MAX_WAIT_DAYS: Partial<Record<StayType, number>> = {
  elv_low_complex: 4,
  elv_high_complex: 4,
  elv_palliative: 2,
  crisis_wmo: 1,
  crisis_wlz: 1,
};
/** Respite is asked for weeks ahead ("always planned in advance"): two to eight weeks … */
export const RESPITE_LEAD_DAYS: readonly [number, number] = [14, 56];
/** … and is never moved to less than a week after the request: a location needs that long to prepare. */
export const RESPITE_MIN_NOTICE_DAYS = 7;
/** 40% of the Hoeksche Waard guests use a wheelchair (004 §5.3). */
export const WHEELCHAIR_SHARE = 0.4;
/** Assumed: Plezant is built for (suspected) dementia, so most Peelregio respite guests need that care … */
export const PEEL_DEMENTIA_SHARE = 0.8;
/** … and some of them wander, which only a secured unit can take (002 §2.1.1). */
export const WANDERING_SHARE_OF_DEMENTIA = 0.2;

const BURDEN: readonly (readonly [BurdenLevel, number])[] = [
  ['low', 0.3],
  ['moderate', 0.4],
  ['high', 0.3],
];

export function generateDemand(world: World, options: DemandOptions): SimRequest[] {
  // Separate streams: a change in one kind of demand leaves the other's draws as they were.
  const planRandom = createRandom(options.seed);
  const homeRandom = createRandom(options.seed ^ 0x2f6b1a37);
  const needRandom = createRandom(options.seed ^ 0x51ed270b);
  const recoveryRandom = createRandom(options.seed ^ 0x6c8e9cf5);
  const clients = createClients(world.registry, world.window, homeRandom, createRandom(options.seed ^ 0x7a3d));
  const requests: SimRequest[] = [];
  pilotGuestPlans(planRandom, world.window).forEach((plan, index) => {
    requests.push(...respiteRequests(plan, `g${index}`, clients.add(plan.regionId, plan).home, needRandom));
  });
  requests.push(
    ...recoveryRequests(
      world,
      options,
      recoveryRandom,
      (regionId) => clients.add(regionId, {}).home,
      respiteNightsByRegion(world, requests),
    ),
  );
  return requests.sort((a, b) => a.arrival - b.arrival || a.arrivalTime.localeCompare(b.arrivalTime) || a.id.localeCompare(b.id));
}

function respiteRequests(plan: GuestPlan, guestId: string, home: GeoPoint, random: Random): SimRequest[] {
  const requiredFeatures: CareFeature[] = [];
  if (plan.unitKind === 'bed') {
    if (random.chance(WHEELCHAIR_SHARE)) requiredFeatures.push('wheelchair_accessible');
    if (plan.regionId === 'peelregio' && random.chance(PEEL_DEMENTIA_SHARE)) {
      requiredFeatures.push('dementia_specialised');
      if (random.chance(WANDERING_SHARE_OF_DEMENTIA)) requiredFeatures.push('secured_unit');
    }
  }
  const burden = random.weighted(BURDEN);
  // Cancelled requests never take a bed; the simulation leaves them out rather than book and release them.
  const wishes = [...(plan.series?.stays ?? []), ...plan.stays].filter((stay) => !stay.cancelReason);
  // A series is asked for at once, as the app books it; single stays each on their own.
  const seriesLead = random.int(...RESPITE_LEAD_DAYS);
  const seriesStart = Math.min(...(plan.series?.stays ?? []).map((stay) => stay.desired));
  const seriesWishes = new Set(plan.series?.stays ?? []);
  const leads = new Map(
    wishes.map((stay) => [stay, seriesWishes.has(stay) ? stay.desired - seriesStart + seriesLead : random.int(...RESPITE_LEAD_DAYS)]),
  );
  return separate(wishes).map((stay, index): SimRequest => {
    const arrival = stay.desired - leads.get(stay.plan)!;
    return {
      id: `${guestId}-${index}`,
      guestId,
      kind: 'respite',
      stayType: plan.stayType,
      unitKind: plan.unitKind,
      regionId: plan.regionId,
      home,
      requiredFeatures,
      nights: stay.nights,
      arrival,
      arrivalTime: '10:00',
      desired: stay.desired,
      earliest: Math.min(stay.desired, Math.max(stay.earliest, arrival + RESPITE_MIN_NOTICE_DAYS)),
      latest: stay.latest,
      urgency: 'planned',
      burden,
    };
  });
}

export interface Wish {
  plan: StayPlan;
  desired: number;
  nights: number;
  earliest: number;
  latest: number;
}

/**
 * One guest's wishes in date order, each moved at most `maxShift` days either way (as the demo generator moves
 * them), and the windows kept apart with a day at home between any two stays: the room between two wishes is split
 * between them. A wish that starts inside the previous stay is the generator's overlap, not a request: dropped.
 */
export function separate(wishes: readonly StayPlan[]): Wish[] {
  const sorted = [...wishes].sort((a, b) => a.desired - b.desired);
  const kept: Wish[] = [];
  for (const plan of sorted) {
    const previous = kept.at(-1);
    const wish = {
      plan,
      desired: plan.desired,
      nights: plan.nights,
      earliest: plan.desired - plan.maxShift,
      latest: plan.desired + plan.maxShift,
    };
    if (previous) {
      const room = plan.desired - (previous.desired + previous.nights) - 1;
      if (room < 0) continue;
      previous.latest = Math.min(previous.latest, previous.desired + Math.floor(room / 2));
      wish.earliest = Math.max(wish.earliest, plan.desired - Math.ceil(room / 2));
    }
    kept.push(wish);
  }
  return kept;
}

/** Respite nights asked for in the year per region, on beds. */
function respiteNightsByRegion(world: World, respite: readonly SimRequest[]): Map<string, number> {
  const nights = new Map<string, number>();
  for (const request of respite) {
    if (request.unitKind !== 'bed' || request.desired < 0 || request.desired >= world.window.days) continue;
    nights.set(request.regionId, (nights.get(request.regionId) ?? 0) + request.nights);
  }
  return nights;
}

/** Planned respite nights fill a bed that takes only respite up to this share; the rest lands on the flexible beds. */
const RESERVED_RESPITE_OCCUPANCY = 0.88;

/**
 * The share of a flexible bed's target occupancy that respite already takes, per region: the targets describe the
 * whole bed (322 of 365 nights in Hoeksche Waard, respite and ELV together), so ELV and crisis fill only what respite
 * leaves, as in the demo year (generate-year.ts books respite first and fills up with recovery stays).
 */
function respiteShares(world: World, respiteNights: ReadonlyMap<string, number>): Map<string, number> {
  const shares = new Map<string, number>();
  for (const [regionId, nights] of respiteNights) {
    const beds = world.units.filter(
      (unit) => unit.kind === 'bed' && unit.candidate.regionId === regionId && unit.candidate.acceptedStayTypes.includes('respite'),
    );
    const takesRecovery = (unit: (typeof beds)[number]) =>
      unit.candidate.reservedFor === null && unit.candidate.acceptedStayTypes.some((type) => RECOVERY_STAYS[type as StayType]);
    // Beds for respite only (reserved for it, or taking nothing else, as Plezant's) take their share first.
    const reserved = beds.filter((unit) => !takesRecovery(unit)).length * RESERVED_RESPITE_OCCUPANCY * world.window.days;
    const flexible = beds.filter(takesRecovery);
    const capacity = flexible.reduce(
      (sum, unit) => sum + recoveryOccupancy(locationKeyOf(world, unit.candidate.unitId), false) * world.window.days,
      0,
    );
    if (capacity > 0) shares.set(regionId, Math.min(0.9, Math.max(0, nights - reserved) / capacity));
  }
  return shares;
}

function recoveryRequests(
  world: World,
  options: DemandOptions,
  random: Random,
  homeIn: (regionId: string) => GeoPoint,
  respiteNights: ReadonlyMap<string, number>,
): SimRequest[] {
  const requests: SimRequest[] = [];
  let next = 0;
  for (const { unit, types, rate } of recoveryRates(world, respiteNights)) {
    const { candidate } = unit;
    for (let time = -options.warmupDays + exponential(random, rate); time < world.window.days; time += exponential(random, rate)) {
      const pick = random.weighted(types.map((entry) => [entry, entry.weight] as const));
      const arrival = Math.floor(time);
      const crisis = pick.type.startsWith('crisis');
      // Crises come at any hour; hospitals and GPs refer in the daytime.
      const minutes = crisis ? random.int(0, 24 * 60 - 1) : random.int(8 * 60, 18 * 60 - 1);
      const requiredFeatures: CareFeature[] = [];
      if (random.chance(WHEELCHAIR_SHARE)) requiredFeatures.push('wheelchair_accessible');
      const id = `r${next++}`;
      requests.push({
        id,
        guestId: id,
        kind: crisis ? 'crisis' : 'elv',
        stayType: pick.type,
        unitKind: 'bed',
        regionId: candidate.regionId,
        home: homeIn(candidate.regionId),
        requiredFeatures,
        nights: random.int(pick.nights[0], pick.nights[1]),
        arrival,
        arrivalTime: clock(minutes),
        desired: arrival,
        earliest: arrival,
        latest: arrival + (MAX_WAIT_DAYS[pick.type] ?? 0),
        urgency: crisis ? 'today' : 'within_48h',
        burden: crisis ? 'high' : random.weighted(BURDEN),
      });
    }
  }
  return requests;
}

interface UnitRate {
  unit: SimUnit;
  types: { type: StayType; weight: number; nights: readonly [number, number] }[];
  /** The types' weights together: a type's share of the arrivals is its weight over this. */
  totalWeight: number;
  /** ELV and crisis arrivals per day this bed brings. */
  rate: number;
}

/** The arrival rate of ELV and crisis each bed that takes them brings, and the stay types they come as. */
function recoveryRates(world: World, respiteNights: ReadonlyMap<string, number>): UnitRate[] {
  const shares = respiteShares(world, respiteNights);
  return world.units.flatMap((unit) => {
    const { candidate } = unit;
    const types = candidate.acceptedStayTypes.flatMap((type) => {
      const recovery = RECOVERY_STAYS[type as StayType];
      return recovery ? [{ type: type as StayType, ...recovery }] : [];
    });
    if (unit.kind !== 'bed' || types.length === 0) return [];
    const locationKey = locationKeyOf(world, candidate.unitId);
    const takesRespite = unit.candidate.acceptedStayTypes.includes('respite') && unit.candidate.reservedFor === null;
    const occupancy =
      recoveryOccupancy(
        locationKey,
        types.every(({ type }) => type.startsWith('crisis')),
      ) * (takesRespite ? 1 - (shares.get(candidate.regionId) ?? 0) : 1);
    const totalWeight = types.reduce((sum, { weight }) => sum + weight, 0);
    const meanNights = types.reduce((sum, { weight, nights: [min, max] }) => sum + (weight * (min + max)) / 2, 0) / totalWeight;
    // Arrivals per day that keep one bed at the target occupancy: Little's law, L = λ·W.
    return [{ unit, types, totalWeight, rate: occupancy / meanNights }];
  });
}

/**
 * The demand model's expected ELV and crisis arrivals per day, per region and stay type: the rates the requests above
 * are drawn from (what an access point learns from its history), not the draws themselves. The rates depend on the
 * respite nights planned in the year (respite leaves the rest of a flexible bed to ELV), which the access point knows
 * from its planned bookings.
 */
export function expectedFlows(world: World, requests: readonly SimRequest[]): ExpectedFlow[] {
  const flows = new Map<string, ExpectedFlow>();
  for (const { unit, types, totalWeight, rate } of recoveryRates(
    world,
    respiteNightsByRegion(
      world,
      requests.filter((request) => request.kind === 'respite'),
    ),
  )) {
    for (const { type, weight, nights } of types) {
      const key = `${unit.candidate.regionId}/${type}`;
      const flow = flows.get(key) ?? {
        regionId: unit.candidate.regionId,
        stayType: type,
        urgency: flowUrgency(type) ?? 'within_48h',
        perDay: 0,
        nights,
      };
      flows.set(key, { ...flow, perDay: flow.perDay + (rate * weight) / totalWeight });
    }
  }
  return [...flows.values()];
}

function locationKeyOf(world: World, unitId: string): string {
  const unit = world.registry.units.find((candidate) => candidate.id === unitId);
  if (!unit) throw new Error(`Unknown unit ${unitId}`);
  return unit.locationKey;
}

function exponential(random: Random, rate: number): number {
  return -Math.log(1 - random.next()) / rate;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
