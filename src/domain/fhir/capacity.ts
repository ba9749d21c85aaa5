import type { DayState } from '../availability.ts';
import { STAY_TYPES, STAY_TYPE_LABELS, type StayType } from '../stay-types.ts';
import { SYSTEMS } from './systems.ts';

export interface CapacityUnit {
  acceptedStayTypes: readonly string[];
  /** Tonight's state. */
  state: DayState;
}

export interface CapacityCounts {
  total: number;
  staffed: number;
  occupied: number;
  free: number;
}

const POPULATIONS = [
  { key: 'total', display: 'Bedden in gebruik (totaal)' },
  { key: 'staffed', display: 'Bedden met personeel (niet gesloten)' },
  { key: 'occupied', display: 'Bezet of vastgehouden' },
  { key: 'free', display: 'Vrij' },
] as const satisfies readonly { key: keyof CapacityCounts; display: string }[];

/**
 * Beds by stay type on one night, as a regional capacity feed counts them (after SANER's bed-capacity measure):
 * total = units in use that take the type; staffed = those not closed or without staff; occupied = booked or held;
 * free = staffed and neither. A flexible unit counts under every type it takes, so the groups overlap.
 */
export function countCapacity(units: readonly CapacityUnit[]): Map<StayType, CapacityCounts> {
  const counts = new Map<StayType, CapacityCounts>(STAY_TYPES.map((type) => [type, { total: 0, staffed: 0, occupied: 0, free: 0 }]));
  for (const unit of units) {
    if (unit.state === 'inactive') continue;
    for (const type of unit.acceptedStayTypes) {
      const count = counts.get(type as StayType);
      if (!count) continue;
      count.total++;
      if (unit.state === 'closed' || unit.state === 'not_admitting') continue;
      count.staffed++;
      if (unit.state === 'booked' || unit.state === 'hold') count.occupied++;
      else count.free++;
    }
  }
  return counts;
}

/** The region's capacity on one night as a FHIR MeasureReport, one group per stay type. */
export function capacityReport(
  region: { id: string; name: string },
  night: string,
  generatedAt: string,
  counts: Map<StayType, CapacityCounts>,
) {
  return {
    resourceType: 'MeasureReport' as const,
    id: `${region.id}-${night}`,
    status: 'complete' as const,
    type: 'summary' as const,
    measure: SYSTEMS.capacityMeasure,
    subject: { identifier: { system: SYSTEMS.region, value: region.id }, display: region.name },
    date: generatedAt,
    period: { start: night, end: night },
    group: [...counts].map(([type, count]) => ({
      code: { coding: [{ system: SYSTEMS.stayType, code: type, display: STAY_TYPE_LABELS[type].nl }] },
      population: POPULATIONS.map((population) => ({
        code: { coding: [{ system: SYSTEMS.capacityPopulation, code: population.key, display: population.display }] },
        count: count[population.key],
      })),
    })),
  };
}
