import type { Kysely } from 'kysely';
import { findOccupations } from '../data/availability.repository.ts';
import { findCalendarUnits, locationExists } from '../data/public-calendar.repository.ts';
import type { Database } from '../data/schema.ts';
import { type DateRange, type IsoDate, addDays, datesOf } from '../domain/dates.ts';
import { type StayTypeWeek, monthView, neighbouringWeeks, publicCalendar, weekOf, weekStartIssue } from '../domain/public-calendar.ts';
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

/** Seven nights of one location from `from` (today when absent), per stay type free / limited / full. */
export async function publicWeek(
  db: Kysely<Database>,
  locationId: string,
  from: IsoDate | undefined,
  today: IsoDate = appClock().today(),
): Promise<PublicWeek> {
  const start = from ?? today;
  const issue = weekStartIssue(start, today);
  if (issue) throw new AppError('validation_failed', { fields: [{ field: 'from', code: issue }] });
  const window = weekOf(start);
  const stayTypes = await publicNights(db, locationId, window);
  const { previous, next } = neighbouringWeeks(start, today);
  return { locationId, from: window.from, to: window.to, dates: datesOf(window), stayTypes, previousFrom: previous, nextFrom: next };
}

export interface PublicMonth {
  locationId: string;
  month: string;
  /** The nights of the month still to come. */
  dates: IsoDate[];
  stayTypes: StayTypeWeek[];
  previousMonth: string | null;
  nextMonth: string | null;
}

/** A month of one location, from today on, per stay type free / limited / full: the caregiver picks dates in it. */
export async function publicMonth(
  db: Kysely<Database>,
  locationId: string,
  month: string | undefined,
  today: IsoDate = appClock().today(),
): Promise<PublicMonth> {
  const asked = month ?? today.slice(0, 7);
  const view = monthView(asked, today);
  if (typeof view === 'string') throw new AppError('validation_failed', { fields: [{ field: 'month', code: view }] });
  const stayTypes = await publicNights(db, locationId, view.window);
  return { locationId, month: asked, dates: datesOf(view.window), stayTypes, previousMonth: view.previous, nextMonth: view.next };
}

/** The public aggregate for any nights from today to a year ahead (FHIR's public Slots): per stay type and night. */
export async function publicNightsFrom(
  db: Kysely<Database>,
  locationId: string,
  window: DateRange,
  today: IsoDate = appClock().today(),
): Promise<StayTypeWeek[]> {
  const issue = weekStartIssue(window.from, today) ?? weekStartIssue(addDays(window.to, -1), today);
  if (issue) throw new AppError('validation_failed', { fields: [{ field: 'start', code: issue }] });
  return publicNights(db, locationId, window);
}

/**
 * Per stay type free / limited / full for each night of a window. Occupations are read with the same rule as every
 * availability search (an expired hold no longer counts); their stay and closure ids are dropped here, before
 * anything is built from them.
 */
async function publicNights(db: Kysely<Database>, locationId: string, window: DateRange): Promise<StayTypeWeek[]> {
  if (!(await locationExists(db, locationId))) throw notFound('location');
  const units = await findCalendarUnits(db, locationId, window);
  const occupations = await findOccupations(
    db,
    units.map((unit) => unit.unitId),
    window,
    appClock().now(),
  );
  return publicCalendar(
    window,
    units.map((unit) => ({
      acceptedStayTypes: unit.acceptedStayTypes,
      reservedFor: unit.reservedFor,
      activeFrom: unit.activeFrom,
      activeUntil: unit.activeUntil,
      occupations: occupations.filter((row) => row.unitId === unit.unitId).map((row) => ({ kind: row.kind, range: row.range })),
    })),
  );
}
