import type { Kysely } from 'kysely';
import { nearestFreeShifts } from '../domain/date-shifts.ts';
import { type DateRange, addDays, todayIso } from '../domain/dates.ts';
import { isFreeThroughout } from '../domain/availability.ts';
import { distanceKm } from '../domain/geo.ts';
import { findCandidateUnits, findOccupations, regionWithNeighbours } from '../data/availability.repository.ts';
import type { UnitDetailRow } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import { type UnitOption, groupByUnit, toOption } from './availability.service.ts';

export interface Alternatives {
  /** Other units free for the same period, nearest to the unit asked for first. */
  otherUnits: (UnitOption & { distanceKm: number })[];
  /** The same unit on the nearest dates of the same length. */
  otherDates: DateRange[];
}

const MAX_OTHER_UNITS = 5;
const MAX_OTHER_DATES = 3;
const MAX_SHIFT_DAYS = 28;

/** What to offer instead when a unit is taken or closed for the wished period. */
export async function findAlternatives(
  db: Kysely<Database>,
  unit: UnitDetailRow,
  stayType: string,
  period: DateRange,
): Promise<Alternatives> {
  const regionIds = await regionWithNeighbours(db, unit.regionId);
  const candidates = (await findCandidateUnits(db, { regionIds, stayType, window: period })).filter(
    (candidate) => candidate.unitId !== unit.id,
  );
  const taken = groupByUnit(await findOccupations(db, candidates.map((c) => c.unitId), period));
  const otherUnits = candidates
    .filter((candidate) => isFreeThroughout(period, candidate, taken.get(candidate.unitId) ?? []))
    .map((candidate) => ({
      ...toOption(candidate, unit.regionId),
      distanceKm: Math.round(distanceKm(unit, candidate) * 10) / 10,
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.unitName.localeCompare(b.unitName))
    .slice(0, MAX_OTHER_UNITS);

  const around = {
    from: maxDate(todayIso(), addDays(period.from, -MAX_SHIFT_DAYS)),
    to: addDays(period.to, MAX_SHIFT_DAYS),
  };
  const ownOccupations = await findOccupations(db, [unit.id], around);
  const otherDates = nearestFreeShifts(period, unit, ownOccupations, {
    maxShiftDays: MAX_SHIFT_DAYS,
    limit: MAX_OTHER_DATES,
    earliest: todayIso(),
  });
  return { otherUnits, otherDates };
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
