import type { IsoDate } from '../dates.ts';
import { type StayAction, type StayStatus, nextStatus } from '../stay-lifecycle.ts';
import type { StayType } from '../stay-types.ts';

/** A stay that arrives or leaves on a day, as the provider's desk sees it. */
export interface MovementStay {
  stayId: string;
  clientId: string;
  clientName: string;
  stayType: StayType;
  arrival: IsoDate;
  departure: IsoDate;
  status: StayStatus;
  unitId: string;
  unitName: string;
  locationId: string;
  locationName: string;
}

export type MovementAction = Extract<StayAction, 'arrive' | 'depart' | 'no_show'>;

export interface Movement extends MovementStay {
  /** What the desk can record now: the buttons beside the guest. */
  actions: MovementAction[];
}

export interface LocationMovements {
  locationId: string;
  locationName: string;
  arrivals: Movement[];
  departures: Movement[];
}

/** A cancelled or lapsed stay does not come; the desk is not bothered with it. */
const EXPECTED_ON_ARRIVAL: ReadonlySet<StayStatus> = new Set(['hold', 'confirmed', 'arrived', 'departed', 'no_show']);
const EXPECTED_ON_DEPARTURE: ReadonlySet<StayStatus> = new Set(['confirmed', 'arrived', 'departed']);

/**
 * What can be recorded for a guest on the day of a movement. A guest still "booked" on the day of leaving was never
 * recorded as arrived: that comes first, so the one button offered is "arrived".
 */
export function movementActions(kind: 'arrival' | 'departure', status: StayStatus): MovementAction[] {
  const candidates: MovementAction[] = kind === 'arrival' ? ['arrive', 'no_show'] : ['arrive', 'depart'];
  return candidates.filter((action) => nextStatus(action, status) !== undefined);
}

/**
 * The arrivals and departures of one day per location, locations by name and guests by unit. Every location of
 * the provider is listed, also a quiet one, so an empty list reads as "nobody today" rather than "not loaded".
 */
export function movementsOfDay(
  date: IsoDate,
  stays: readonly MovementStay[],
  locations: readonly { id: string; name: string }[],
): LocationMovements[] {
  const byLocation = new Map<string, LocationMovements>();
  for (const location of locations)
    byLocation.set(location.id, { locationId: location.id, locationName: location.name, arrivals: [], departures: [] });
  for (const stay of stays) {
    const entry = byLocation.get(stay.locationId) ?? {
      locationId: stay.locationId,
      locationName: stay.locationName,
      arrivals: [],
      departures: [],
    };
    byLocation.set(stay.locationId, entry);
    if (stay.arrival === date && EXPECTED_ON_ARRIVAL.has(stay.status))
      entry.arrivals.push({ ...stay, actions: movementActions('arrival', stay.status) });
    if (stay.departure === date && EXPECTED_ON_DEPARTURE.has(stay.status))
      entry.departures.push({ ...stay, actions: movementActions('departure', stay.status) });
  }
  const byUnit = (a: Movement, b: Movement) =>
    a.unitName.localeCompare(b.unitName, 'nl', { numeric: true }) || a.stayId.localeCompare(b.stayId);
  return [...byLocation.values()]
    .map((entry) => ({ ...entry, arrivals: entry.arrivals.sort(byUnit), departures: entry.departures.sort(byUnit) }))
    .sort((a, b) => a.locationName.localeCompare(b.locationName, 'nl') || a.locationId.localeCompare(b.locationId));
}
