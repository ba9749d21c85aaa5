import { Calendar, type Placement } from './calendar.ts';
import type { SimRequest } from './demand.ts';
import { startsOf } from '../../src/domain/matching/day-allocation.ts';
import { isAllowed, kmTo } from './rules.ts';
import type { SimUnit, World } from './world.ts';

/**
 * The baseline: how a referrer arranges a stay without the access point. They phone the providers of the home
 * region in a fixed order (alphabetical), then those of the neighbour regions, and the first provider with a
 * suitable free unit takes the guest. There is no central waiting list: a planned stay is asked for its wished
 * first night, then the nights nearest to it within its flexibility, when the request comes in; a patient in hospital or a
 * caregiver in crisis needs a bed today, and whoever does not get one phones the list again the next morning.
 * `nearest`: the same, with each list in order of distance from the guest's home instead of alphabetical.
 */
export type PhoneOrder = 'alphabetical' | 'nearest';

export function phoneRound(world: World, requests: readonly SimRequest[], order: PhoneOrder = 'alphabetical'): Map<string, Placement> {
  const calendar = new Calendar(world.unitById);
  const placements = new Map<string, Placement>();
  const lists = phoneLists(world);
  // A referrer who knows the region phones the places nearest the guest's home first (a stronger baseline).
  const byDistance = (request: SimRequest, units: SimUnit[]) => [...units].sort((a, b) => kmTo(request, a) - kmTo(request, b));
  const listFor = (request: SimRequest) => {
    const { home, neighbours } = lists(request.regionId);
    return order === 'alphabetical'
      ? { home, neighbours }
      : { home: byDistance(request, home), neighbours: byDistance(request, neighbours) };
  };
  const tryStart = (request: SimRequest, start: number, units: readonly SimUnit[]) => {
    const unit = units.find(
      (candidate) => isAllowed(request, candidate, start, world) && calendar.isFree(candidate.candidate.unitId, start, request.nights),
    );
    if (!unit) return false;
    const placement = { requestId: request.id, unitId: unit.candidate.unitId, start, nights: request.nights };
    calendar.book(placement);
    placements.set(request.id, placement);
    return true;
  };

  const byArrival = [...requests].sort(
    (a, b) => a.arrival - b.arrival || a.arrivalTime.localeCompare(b.arrivalTime) || a.id.localeCompare(b.id),
  );
  let waiting: SimRequest[] = [];
  let next = 0;
  const lastDay = Math.max(...requests.map((request) => request.latest));
  for (let day = byArrival[0]?.arrival ?? 0; day <= lastDay; day++) {
    // Those still looking phone again first thing in the morning, before today's new requests come in.
    const callers = [...waiting];
    while (next < byArrival.length && byArrival[next]!.arrival <= day) callers.push(byArrival[next++]!);
    waiting = [];
    for (const request of callers) {
      const { home, neighbours } = listFor(request);
      if (request.kind === 'respite') {
        for (const units of [home, neighbours]) {
          if (startsOf(request).some((start) => tryStart(request, start, units))) break;
        }
        continue;
      }
      if (day < request.earliest) continue;
      if (!tryStart(request, day, [...home, ...neighbours]) && day < request.latest) waiting.push(request);
    }
  }
  return placements;
}

/** Units in the order a referrer meets them: provider by provider alphabetically, each provider's units in its own order. */
export function phoneLists(world: World): (regionId: string) => { home: SimUnit[]; neighbours: SimUnit[] } {
  const inRegion = (regionId: string) =>
    world.units
      .map((unit, index) => ({ unit, index }))
      .filter(({ unit }) => unit.candidate.regionId === regionId)
      .sort(
        (a, b) =>
          a.unit.candidate.organisationName.localeCompare(b.unit.candidate.organisationName) ||
          a.unit.candidate.locationName.localeCompare(b.unit.candidate.locationName) ||
          a.index - b.index,
      )
      .map(({ unit }) => unit);
  const cache = new Map<string, { home: SimUnit[]; neighbours: SimUnit[] }>();
  return (regionId) => {
    let lists = cache.get(regionId);
    if (!lists) {
      lists = { home: inRegion(regionId), neighbours: (world.neighbours.get(regionId) ?? []).flatMap(inRegion) };
      cache.set(regionId, lists);
    }
    return lists;
  };
}
