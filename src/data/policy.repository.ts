import { type Kysely, sql } from 'kysely';
import type { DateRange } from '../domain/dates.ts';
import type { Database } from './schema.ts';

export interface StayCountRow {
  stayType: string;
  pc4: string | null;
  stays: number;
  nights: number;
}

/** Stays that arrive in the window at units of the region (held, booked or done), by stay type and home postcode. */
export async function countStaysByTypeAndPc4(db: Kysely<Database>, regionId: string, window: DateRange): Promise<StayCountRow[]> {
  const rows = await db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .select([
      's.stay_type as stayType',
      'c.pc4',
      sql<number>`count(*)::int`.as('stays'),
      sql<number>`sum(s.departure - s.arrival)::int`.as('nights'),
    ])
    .where('l.region_id', '=', regionId)
    .where('s.arrival', '>=', window.from)
    .where('s.arrival', '<', window.to)
    .where('s.status', 'in', ['hold', 'confirmed', 'arrived', 'departed'])
    .groupBy(['s.stay_type', 'c.pc4'])
    .execute();
  return rows;
}
