import { percentile, round2 } from '../stats.ts';
import type { Placement } from './calendar.ts';
import type { SimRequest } from './demand.ts';
import { isOutsideRegion, kmTo, noBedCost, placementCost, shiftDays } from './rules.ts';
import type { SimUnit } from './world.ts';

/** The figures the issue asks for, per policy. Percentages 0–100, rounded to two decimals. */
export interface PolicyFigures {
  requests: number;
  placed_in_region_pct: number;
  placed_outside_region_pct: number;
  not_placed_pct: number;
  /** Over placed requests: great-circle km from the home PC4 centroid to the location. */
  mean_km: number;
  p90_km: number;
  /** Over placed requests: days between the wished and the actual first night (for ELV and crisis: the wait). */
  mean_wait_days: number;
  /** Occupied unit-nights over open unit-nights of every unit in the year. */
  occupancy_pct: number;
}

export interface MeasureScope {
  /** Requests counted: those whose wished first night falls in the year. */
  readonly requests: readonly SimRequest[];
  readonly units: readonly SimUnit[];
  /** The year measured, half-open. */
  readonly from: number;
  readonly to: number;
}

export function figures(scope: MeasureScope, placements: ReadonlyMap<string, Placement>): PolicyFigures {
  const unitById = new Map(scope.units.map((unit) => [unit.candidate.unitId, unit]));
  const km: number[] = [];
  const waits: number[] = [];
  let inside = 0;
  let outside = 0;
  for (const request of scope.requests) {
    const placement = placements.get(request.id);
    if (!placement) continue;
    const unit = unitById.get(placement.unitId)!;
    if (isOutsideRegion(request, unit)) outside++;
    else inside++;
    km.push(kmTo(request, unit));
    waits.push(shiftDays(request, placement.start));
  }
  const count = scope.requests.length;
  return {
    requests: count,
    placed_in_region_pct: pct(inside, count),
    placed_outside_region_pct: pct(outside, count),
    not_placed_pct: pct(count - inside - outside, count),
    mean_km: round2(mean(km)),
    p90_km: round2(km.length === 0 ? 0 : percentile(km, 90)),
    mean_wait_days: round2(mean(waits)),
    occupancy_pct: occupancyPct(scope, placements.values()),
  };
}

/** Unit-nights of these units inside the year: a stay counts also when it began before the year or ends after it. */
export function occupancyPct(scope: Pick<MeasureScope, 'units' | 'from' | 'to'>, placements: Iterable<Placement>): number {
  let open = 0;
  for (const unit of scope.units) {
    for (let day = scope.from; day < scope.to; day++) {
      if (!unit.blocked.some(([from, to]) => from <= day && day < to)) open++;
    }
  }
  const counted = new Set(scope.units.map((unit) => unit.candidate.unitId));
  let occupied = 0;
  for (const placement of placements) {
    if (!counted.has(placement.unitId)) continue;
    occupied += Math.max(0, Math.min(scope.to, placement.start + placement.nights) - Math.max(scope.from, placement.start));
  }
  return pct(occupied, open);
}

/** The comparison cost of a whole outcome: placements at their cost, the others at their no-bed price. */
export function totalCost(
  requests: readonly SimRequest[],
  units: ReadonlyMap<string, SimUnit>,
  placements: ReadonlyMap<string, Placement>,
): number {
  let cost = 0;
  for (const request of requests) {
    const placement = placements.get(request.id);
    cost += placement ? placementCost(request, units.get(placement.unitId)!, placement.start) : noBedCost(request);
  }
  return cost;
}

function pct(part: number, whole: number): number {
  return whole === 0 ? 0 : round2((100 * part) / whole);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
