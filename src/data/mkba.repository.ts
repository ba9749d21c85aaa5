import type { Kysely } from 'kysely';
import type { DateRange } from '../domain/dates.ts';
import type { Database } from './schema.ts';

/** Logeerzorg in the sense of the MKBA: planned respite under the Wmo and respite stays under the Wlz. */
export const RESPITE_STAY_TYPES = ['respite', 'wlz_respite'] as const;

export interface RespiteStayRow {
  clientId: string;
  stayType: string;
  arrival: string;
  departure: string;
  locationId: string;
  /** The guest's postcode area, for the municipality's co-payment rule. */
  pc4: string | null;
  /** What the referral behind the stay says about the caregiver's paid work; null when not asked or no referral. */
  caregiverWorks: boolean | null;
}

export async function findRegionName(db: Kysely<Database>, regionId: string): Promise<string | undefined> {
  const region = await db.selectFrom('region').select('name').where('id', '=', regionId).executeTakeFirst();
  return region?.name;
}

/**
 * Respite stays at the region's locations with a night in the window that took place: the guest arrived (and may have
 * left). Booked stays still ahead and cancelled ones are not part of the year's figures. The service counts and
 * prices them; nothing of a person leaves it.
 */
export async function respiteStaysInRegion(db: Kysely<Database>, regionId: string, window: DateRange): Promise<RespiteStayRow[]> {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .leftJoin('referral as r', 'r.id', 's.referral_id')
    .select(['s.client_id as clientId', 's.stay_type as stayType', 's.arrival', 's.departure', 'u.location_id as locationId', 'c.pc4',
      'r.caregiver_works as caregiverWorks'])
    .where('l.region_id', '=', regionId)
    .where('s.stay_type', 'in', [...RESPITE_STAY_TYPES])
    .where('s.status', 'in', ['arrived', 'departed'])
    .where('s.arrival', '<', window.to)
    .where('s.departure', '>', window.from)
    .orderBy('s.arrival')
    .orderBy('s.id')
    .execute();
}
