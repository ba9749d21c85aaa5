import type { Kysely } from 'kysely';
import type { DateRange } from '../domain/dates.ts';
import type { Database } from './schema.ts';
import type { StayType } from '../domain/stay-types.ts';

/** Logeerzorg in the sense of the MKBA: planned respite under the Wmo and respite stays under the Wlz. */
export const RESPITE_STAY_TYPES = ['respite', 'wlz_respite'] as const;

export interface RespiteStayRow {
  clientId: string;
  stayType: StayType;
  arrival: string;
  departure: string;
  locationId: string;
  locationName: string;
  unitKind: 'bed' | 'home_night';
  /** A bed kept for respite pays the stay's nights already (see reservedRespiteBeds). */
  unitReservedFor: string | null;
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
    .select([
      's.client_id as clientId',
      's.stay_type as stayType',
      's.arrival',
      's.departure',
      'u.location_id as locationId',
      'l.name as locationName',
      'u.kind as unitKind',
      'u.reserved_for as unitReservedFor',
      'c.pc4',
      'r.caregiver_works as caregiverWorks',
    ])
    .where('l.region_id', '=', regionId)
    .where('s.stay_type', 'in', [...RESPITE_STAY_TYPES])
    .where('s.status', 'in', ['arrived', 'departed'])
    .where('s.arrival', '<', window.to)
    .where('s.departure', '>', window.from)
    .orderBy('s.arrival')
    .orderBy('s.id')
    .execute();
}

export interface ReservedBedRow {
  locationId: string;
  locationName: string;
  reservedFor: StayType;
  activeFrom: string;
  activeUntil: string | null;
}

/** Beds of the region's locations kept for respite with a day in the window (a night at home is paid per use). */
export async function reservedRespiteBeds(db: Kysely<Database>, regionId: string, window: DateRange): Promise<ReservedBedRow[]> {
  return db
    .selectFrom('capacity_unit as u')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select([
      'u.location_id as locationId',
      'l.name as locationName',
      'u.reserved_for as reservedFor',
      'u.active_from as activeFrom',
      'u.active_until as activeUntil',
    ])
    .$narrowType<{ reservedFor: StayType }>()
    .where('l.region_id', '=', regionId)
    .where('u.kind', '=', 'bed')
    .where('u.reserved_for', 'in', [...RESPITE_STAY_TYPES])
    .where('u.active_from', '<', window.to)
    .where((eb) => eb.or([eb('u.active_until', 'is', null), eb('u.active_until', '>', window.from)]))
    .orderBy('l.name')
    .orderBy('u.id')
    .execute();
}

/** The region's yearly costs outside the tariffs with a day in the window. */
export async function yearlyCostsInRegion(db: Kysely<Database>, regionId: string, window: DateRange) {
  return db
    .selectFrom('region_yearly_cost')
    .select([
      'id',
      'kind',
      'description',
      'location_id as locationId',
      'cents_per_year as centsPerYear',
      'municipality_percent as municipalityPercent',
      'insurer_percent as insurerPercent',
      'care_office_percent as careOfficePercent',
      'valid_from as validFrom',
      'valid_until as validUntil',
    ])
    .where('region_id', '=', regionId)
    .where('valid_from', '<', window.to)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', window.from)]))
    .orderBy('kind')
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}
