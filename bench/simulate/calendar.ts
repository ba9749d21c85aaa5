import { isBlocked, type SimUnit } from './world.ts';

/**
 * Which nights each unit is taken in one policy's run. Day numbers may be negative (the warm-up before the year);
 * a stay is the half-open range [start, start + nights).
 */
export interface Placement {
  readonly requestId: string;
  readonly unitId: string;
  readonly start: number;
  readonly nights: number;
}

export class Calendar {
  readonly #stays = new Map<string, Placement[]>();
  readonly #units: ReadonlyMap<string, SimUnit>;

  constructor(units: ReadonlyMap<string, SimUnit>) {
    this.#units = units;
  }

  isFree(unitId: string, start: number, nights: number): boolean {
    const unit = this.#units.get(unitId);
    if (!unit || isBlocked(unit, start, start + nights)) return false;
    return !(this.#stays.get(unitId) ?? []).some((stay) => start < stay.start + stay.nights && stay.start < start + nights);
  }

  /**
   * Free nights on the unit right before `start` (back to `from` at most) and right after `end` (up to `until`):
   * the idle room a stay from `start` to `end` leaves beside it.
   */
  freeAround(unitId: string, start: number, end: number, from: number, until: number): { before: number; after: number } {
    let before = 0;
    while (start - before - 1 >= from && this.isFree(unitId, start - before - 1, 1)) before++;
    let after = 0;
    while (end + after < until && this.isFree(unitId, end + after, 1)) after++;
    return { before, after };
  }

  book(placement: Placement): void {
    if (!this.isFree(placement.unitId, placement.start, placement.nights)) {
      throw new Error(`Unit ${placement.unitId} is not free from day ${placement.start} for ${placement.nights} nights`);
    }
    const stays = this.#stays.get(placement.unitId) ?? [];
    stays.push(placement);
    this.#stays.set(placement.unitId, stays);
  }
}
