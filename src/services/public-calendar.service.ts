import type { Kysely } from 'kysely';
import { findOccupations } from '../data/availability.repository.ts';
import { findCalendarUnits, locationExists } from '../data/public-calendar.repository.ts';
import type { Database } from '../data/schema.ts';
import { type IsoDate, datesOf } from '../domain/dates.ts';
import { type StayTypeWeek, neighbouringWeeks, publicCalendar, weekOf, weekStartIssue } from '../domain/public-calendar.ts';
import { AppError, notFound } from '../errors.ts';
import { appClock } from '../clock.ts';

export interface PublicWeek {
  locationId: string;
  from: IsoDate;
  /** Exclusive. */
  to: IsoDate;
  dates: IsoDate[];
  stayTypes: StayTypeWeek[];
  previousFrom: IsoDate | null;
  nextFrom: IsoDate | null;
}

/**
 * Seven nights of one location from `from` (today when absent), per stay type free / limited / full. Occupations
 * are read with the same rule as every availability search (an expired hold no longer counts); their stay and
 * closure ids are dropped here, before anything is built from them.
 */
export async function publicWeek(db: Kysely<Database>, locationId: string, from: IsoDate | undefined, today: IsoDate = appClock().today()): Promise<PublicWeek> {
  const start = from ?? today;
  const issue = weekStartIssue(start, today);
  if (issue) throw new AppError('validation_failed', { fields: [{ field: 'from', code: issue }] });
  if (!(await locationExists(db, locationId))) throw notFound('location');
  const window = weekOf(start);
  const units = await findCalendarUnits(db, locationId, window);
  const occupations = await findOccupations(db, units.map((unit) => unit.unitId), window, appClock().now());
  const calendar = publicCalendar(window, units.map((unit) => ({
    acceptedStayTypes: unit.acceptedStayTypes,
    reservedFor: unit.reservedFor,
    activeFrom: unit.activeFrom,
    activeUntil: unit.activeUntil,
    occupations: occupations.filter((row) => row.unitId === unit.unitId).map((row) => ({ kind: row.kind, range: row.range })),
  })));
  const { previous, next } = neighbouringWeeks(start, today);
  return { locationId, from: window.from, to: window.to, dates: datesOf(window), stayTypes: calendar, previousFrom: previous, nextFrom: next };
}
