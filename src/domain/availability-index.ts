import { type ActivePeriod, type Occupation, freeRanges, isFreeThroughout } from './availability.ts';
import { type DateRange, rangesOverlap } from './dates.ts';
import { unitTakesStayType } from './stay-types.ts';

/** A unit as the index needs it; `rank` is its place in the display order (location name, unit name). */
export interface IndexedUnit extends ActivePeriod {
  readonly unitId: string;
  readonly regionId: string;
  readonly acceptedStayTypes: readonly string[];
  readonly reservedFor: string | null;
  readonly features: readonly string[];
  readonly rank: number;
}

export interface IndexedOccupation extends Occupation {
  /** Stays and closures share the index; the key keeps their ids apart. */
  readonly key: string;
  readonly unitId: string;
  /** Epoch milliseconds after which a hold no longer counts; null for everything else. */
  readonly expiresAtMs: number | null;
}

export interface IndexQuery {
  regionIds: readonly string[];
  period: DateRange;
  stayType: string;
  features: readonly string[];
  /** Skip the partly free units, e.g. when looking for alternatives. */
  freeOnly?: boolean;
}

export interface IndexResult<U> {
  free: U[];
  partiallyFree: { unit: U; freeRanges: DateRange[] }[];
}

/**
 * Availability in memory: the registry and every occupation, kept in step with the database by the caller.
 * Answers the same question as the SQL search, with the same rules, without a round trip.
 */
export class AvailabilityIndex<U extends IndexedUnit> {
  #unitsByRegion = new Map<string, U[]>();
  #units = new Map<string, U>();
  #neighbours = new Map<string, string[]>();
  #occupationsByUnit = new Map<string, Map<string, IndexedOccupation>>();
  #unitOfKey = new Map<string, string>();

  setRegistry(regions: readonly { id: string; neighbours: readonly string[] }[], units: readonly U[]): void {
    this.#neighbours = new Map(regions.map((region) => [region.id, [...region.neighbours].sort()]));
    this.#unitsByRegion = new Map(regions.map((region) => [region.id, []]));
    for (const unit of [...units].sort((a, b) => a.rank - b.rank)) this.#unitsByRegion.get(unit.regionId)?.push(unit);
    this.#units = new Map(units.map((unit) => [unit.unitId, unit]));
  }

  unit(unitId: string): U | undefined {
    return this.#units.get(unitId);
  }

  hasRegion(regionId: string): boolean {
    return this.#neighbours.has(regionId);
  }

  regionWithNeighbours(regionId: string): string[] {
    return [regionId, ...(this.#neighbours.get(regionId) ?? [])];
  }

  upsert(occupation: IndexedOccupation): void {
    this.remove(occupation.key);
    let ofUnit = this.#occupationsByUnit.get(occupation.unitId);
    if (!ofUnit) {
      ofUnit = new Map();
      this.#occupationsByUnit.set(occupation.unitId, ofUnit);
    }
    ofUnit.set(occupation.key, occupation);
    this.#unitOfKey.set(occupation.key, occupation.unitId);
  }

  remove(key: string): void {
    const unitId = this.#unitOfKey.get(key);
    if (unitId === undefined) return;
    this.#occupationsByUnit.get(unitId)?.delete(key);
    this.#unitOfKey.delete(key);
  }

  clearOccupations(): void {
    this.#occupationsByUnit.clear();
    this.#unitOfKey.clear();
  }

  get occupationCount(): number {
    return this.#unitOfKey.size;
  }

  search(query: IndexQuery, nowMs: number): IndexResult<U> {
    const result: IndexResult<U> = { free: [], partiallyFree: [] };
    const candidates = query.regionIds.flatMap((regionId) => this.#unitsByRegion.get(regionId) ?? []);
    if (query.regionIds.length > 1) candidates.sort((a, b) => a.rank - b.rank);
    for (const unit of candidates) {
      if (!takes(unit, query)) continue;
      const taken = this.occupationsOf(unit.unitId, query.period, nowMs);
      if (isFreeThroughout(query.period, unit, taken)) {
        result.free.push(unit);
      } else if (!query.freeOnly) {
        const ranges = freeRanges(query.period, unit, taken);
        if (ranges.length > 0) result.partiallyFree.push({ unit, freeRanges: ranges });
      }
    }
    return result;
  }

  occupationsOf(unitId: string, window: DateRange, nowMs: number): IndexedOccupation[] {
    const found: IndexedOccupation[] = [];
    for (const occupation of this.#occupationsByUnit.get(unitId)?.values() ?? []) {
      if (occupation.expiresAtMs !== null && occupation.expiresAtMs <= nowMs) continue;
      if (rangesOverlap(occupation.range, window)) found.push(occupation);
    }
    return found;
  }
}

/** The fixed criteria, exactly as findCandidateUnits applies them in SQL. */
function takes(unit: IndexedUnit, query: IndexQuery): boolean {
  return (
    unitTakesStayType(unit, query.stayType) &&
    query.features.every((feature) => unit.features.includes(feature)) &&
    unit.activeFrom < query.period.to &&
    (unit.activeUntil === null || unit.activeUntil > query.period.from)
  );
}
