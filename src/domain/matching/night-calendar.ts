import { type ActivePeriod, type Occupation, dayStates } from '../availability.ts';
import { type IsoDate, addDays } from '../dates.ts';
import { type StayTypeRule, unitTakesStayType } from '../stay-types.ts';
import { FIT_HORIZON_NIGHTS } from './day-allocation.ts';

/** A unit as the night calendar needs it: where it is, what it takes, when it is open. */
export interface CalendarUnit extends ActivePeriod, StayTypeRule {
  unitId: string;
  regionId: string;
  kind: 'bed' | 'home_night';
}

/**
 * Which units are free on which night from today on, as booked now: what best fit (freeAround) and anticipation
 * (freeOthers) weigh an option against. Read once per allocation (the batch, an offer round) for the nights its
 * options can touch, so pricing thousands of options asks no query. Pure: day numbers, 0 = today, like the day
 * allocation's. A night past the window counts as taken, so the window must reach FIT_HORIZON_NIGHTS past the last
 * night an option may take.
 */
export class NightCalendar {
  readonly today: IsoDate;
  /** Nights 0 … nights − 1 are known. */
  readonly nights: number;
  readonly #units: readonly CalendarUnit[];
  readonly #unitById: ReadonlyMap<string, CalendarUnit>;
  readonly #free = new Map<string, boolean[]>();
  // freeOthers is asked per option and night for the same few regions and types: counted once each until a booking.
  #counts = new Map<string, number>();

  constructor(today: IsoDate, nights: number, units: readonly CalendarUnit[], occupations: ReadonlyMap<string, readonly Occupation[]>) {
    this.today = today;
    this.nights = nights;
    this.#units = units;
    this.#unitById = new Map(units.map((unit) => [unit.unitId, unit]));
    const window = { from: today, to: addDays(today, nights) };
    for (const unit of units) {
      this.#free.set(
        unit.unitId,
        dayStates(window, unit, occupations.get(unit.unitId) ?? []).map((state) => state === 'free'),
      );
    }
  }

  isFree(unitId: string, night: number): boolean {
    return this.#free.get(unitId)?.[night] ?? false;
  }

  /**
   * The free nights right before `start` (back to today at most) and right after `end` (exclusive), each counted up to
   * FIT_HORIZON_NIGHTS: the idle room a stay of [start, end) leaves beside it (day-allocation.ts idleNightsKm).
   * Undefined for a unit read after the calendar (added a moment ago): it is priced as if it fitted like any other,
   * rather than as a perfect fit.
   */
  freeAround(unitId: string, start: number, end: number): { before: number; after: number } | undefined {
    if (!this.#free.has(unitId)) return undefined;
    let before = 0;
    while (before < FIT_HORIZON_NIGHTS && start - before - 1 >= 0 && this.isFree(unitId, start - before - 1)) before++;
    let after = 0;
    while (after < FIT_HORIZON_NIGHTS && this.isFree(unitId, end + after)) after++;
    return { before, after };
  }

  /**
   * The beds of `regionId` other than `unitId` that take `stayType` and are free on `night` (anticipation.ts Outlook).
   * Beds only: the flows held for are ELV and crisis guests, who need a bed away from home, not nights of care at home.
   */
  freeOthers(unitId: string, regionId: string, stayType: string, night: number): number {
    const key = `${regionId}/${stayType}/${night}`;
    let count = this.#counts.get(key);
    if (count === undefined) {
      count = this.#units.filter((unit) => this.#servesFlow(unit, regionId, stayType) && this.isFree(unit.unitId, night)).length;
      this.#counts.set(key, count);
    }
    const self = this.#unitById.get(unitId);
    return count - (self && this.#servesFlow(self, regionId, stayType) && this.isFree(unitId, night) ? 1 : 0);
  }

  /** Takes the nights [start, start + nights) of a unit: an offer round made a hold, the next referral sees it. */
  book(unitId: string, start: number, nights: number): void {
    const free = this.#free.get(unitId);
    if (!free) return;
    for (let night = Math.max(0, start); night < Math.min(start + nights, free.length); night++) free[night] = false;
    this.#counts = new Map();
  }

  #servesFlow(unit: CalendarUnit, regionId: string, stayType: string): boolean {
    return unit.regionId === regionId && unit.kind === 'bed' && unitTakesStayType(unit, stayType);
  }
}
