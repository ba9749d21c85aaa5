import type { Kysely } from 'kysely';
import { nearestFreeShifts } from '../domain/date-shifts.ts';
import { type DateRange, addDays } from '../domain/dates.ts';
import { isFreeThroughout } from '../domain/availability.ts';
import { distanceKm } from '../domain/geo.ts';
import { findCandidateUnits, findOccupations, regionWithNeighbours } from '../data/availability.repository.ts';
import type { UnitDetailRow } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import type { AvailabilityReadModel } from './availability-read-model.ts';
import { type UnitOption, groupByUnit, toOption } from './availability.service.ts';
import { appClock } from '../clock.ts';

export interface Alternatives {
  /** Other units free for the same period, nearest to the unit asked for first. */
  otherUnits: (UnitOption & { distanceKm: number })[];
  /** The same unit on the nearest dates of the same length. */
  otherDates: DateRange[];
}

const MAX_OTHER_UNITS = 5;
const MAX_OTHER_DATES = 3;
const MAX_SHIFT_DAYS = 28;

/**
 * What to offer instead when a unit is taken or closed for the wished period. Answered from the read model when
 * it covers the dates (a conflict is the busiest moment to add load to the database), else from the database.
 */
export async function findAlternatives(
  db: Kysely<Database>,
  unit: UnitDetailRow,
  stayType: string,
  period: DateRange,
  readModel?: AvailabilityReadModel,
): Promise<Alternatives> {
  const around = {
    from: maxDate(appClock().today(), addDays(period.from, -MAX_SHIFT_DAYS)),
    to: addDays(period.to, MAX_SHIFT_DAYS),
  };
  const memory = readModel?.covers(around) ? readModel : undefined;
  const freeElsewhere = memory
    ? memory.search({ regionIds: memory.regionWithNeighbours(unit.regionId), period, stayType, features: [], freeOnly: true }).free
    : await freeUnitsInDatabase(db, unit.regionId, stayType, period);
  const otherUnits = freeElsewhere
    .filter((candidate) => candidate.unitId !== unit.id)
    .map((candidate) => ({
      ...toOption(candidate, unit.regionId),
      distanceKm: Math.round(distanceKm(unit, candidate) * 10) / 10,
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.unitName.localeCompare(b.unitName))
    .slice(0, MAX_OTHER_UNITS);

  const ownOccupations = memory ? memory.occupationsOf(unit.id, around) : await findOccupations(db, [unit.id], around, appClock().now());
  const otherDates = nearestFreeShifts(period, unit, ownOccupations, {
    maxShiftDays: MAX_SHIFT_DAYS,
    limit: MAX_OTHER_DATES,
    earliest: appClock().today(),
  });
  return { otherUnits, otherDates };
}

async function freeUnitsInDatabase(db: Kysely<Database>, regionId: string, stayType: string, period: DateRange) {
  const regionIds = await regionWithNeighbours(db, regionId);
  const candidates = await findCandidateUnits(db, { regionIds, stayType, window: period });
  const taken = groupByUnit(
    await findOccupations(
      db,
      candidates.map((c) => c.unitId),
      period,
      appClock().now(),
    ),
  );
  return candidates.filter((candidate) => isFreeThroughout(period, candidate, taken.get(candidate.unitId) ?? []));
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
