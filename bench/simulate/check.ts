import type { Placement } from './calendar.ts';
import type { SimRequest } from './demand.ts';
import { isAllowed } from './rules.ts';
import { isBlocked, type World } from './world.ts';

/**
 * What no policy may ever do, checked on its whole outcome rather than trusted: a stay on a unit that may not take
 * the request (the app's hard constraints, exclusionOf, at the stay's first night), outside the request's window or
 * regions, on a closed or not yet open night, two stays overlapping on one unit, or one guest in two places at once.
 */
export function violations(world: World, requests: readonly SimRequest[], placements: ReadonlyMap<string, Placement>): string[] {
  const problems: string[] = [];
  const requestById = new Map(requests.map((request) => [request.id, request]));
  const byUnit = new Map<string, Placement[]>();
  const byGuest = new Map<string, Placement[]>();
  for (const [requestId, placement] of placements) {
    const request = requestById.get(requestId);
    const unit = world.unitById.get(placement.unitId);
    if (!request || !unit || placement.requestId !== requestId) {
      problems.push(`${requestId}: unknown request or unit`);
      continue;
    }
    if (placement.nights !== request.nights) problems.push(`${requestId}: ${placement.nights} nights instead of ${request.nights}`);
    if (!isAllowed(request, unit, placement.start, world))
      problems.push(
        `${requestId}: ${unit.candidate.unitName} (${unit.candidate.locationName}) may not take it from day ${placement.start}`,
      );
    if (isBlocked(unit, placement.start, placement.start + placement.nights))
      problems.push(`${requestId}: ${unit.candidate.unitName} is closed then`);
    byUnit.set(placement.unitId, [...(byUnit.get(placement.unitId) ?? []), placement]);
    byGuest.set(request.guestId, [...(byGuest.get(request.guestId) ?? []), placement]);
  }
  for (const [key, stays] of [...byUnit, ...byGuest]) {
    const sorted = [...stays].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      const [before, after] = [sorted[i - 1]!, sorted[i]!];
      if (after.start < before.start + before.nights) problems.push(`${key}: ${before.requestId} and ${after.requestId} overlap`);
    }
  }
  return problems;
}
