import type { Kysely } from 'kysely';
import type { DateRange } from '../domain/dates.ts';
import type { Database } from './schema.ts';

export interface CalendarUnitRow {
  unitId: string;
  acceptedStayTypes: string[];
  reservedFor: string | null;
  activeFrom: string;
  activeUntil: string | null;
}

export async function locationExists(db: Kysely<Database>, locationId: string): Promise<boolean> {
  return (await db.selectFrom('location').select('id').where('id', '=', locationId).executeTakeFirst()) !== undefined;
}

/** The units of a location in use on at least one night of the window: only what decides the stay types and places. */
export async function findCalendarUnits(db: Kysely<Database>, locationId: string, window: DateRange): Promise<CalendarUnitRow[]> {
  return db
    .selectFrom('capacity_unit')
    .select([
      'id as unitId',
      'accepted_stay_types as acceptedStayTypes',
      'reserved_for as reservedFor',
      'active_from as activeFrom',
      'active_until as activeUntil',
    ])
    .where('location_id', '=', locationId)
    .where('active_from', '<', window.to)
    .where((eb) => eb.or([eb('active_until', 'is', null), eb('active_until', '>', window.from)]))
    .execute();
}
