import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export async function findOrganisations(db: Kysely<Database>, filter: { id?: string; agbCode?: string; namePrefix?: string }) {
  let query = db.selectFrom('organisation').select(['id', 'name', 'agb_code as agbCode']);
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.agbCode) query = query.where('agb_code', '=', filter.agbCode);
  if (filter.namePrefix)
    query = query.where(sql<boolean>`lower(name) LIKE ${`${filter.namePrefix.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`);
  return query.orderBy('name').orderBy('id').execute();
}

/** Locations with the stay types their units in use today take, for the directory. */
export async function findDirectoryLocations(
  db: Kysely<Database>,
  filter: { id?: string; organisationId?: string; postcodePrefix?: string },
  today: string,
) {
  let query = db.selectFrom('location as l').select([
    'l.id',
    'l.organisation_id as organisationId',
    'l.name',
    'l.street',
    'l.house_number as houseNumber',
    'l.postcode',
    'l.city',
    'l.latitude',
    'l.longitude',
    'l.phone',
    'l.description',
    'l.features',
    'l.admission_hours as admissionHours',
    sql<string[]>`array(SELECT DISTINCT t FROM capacity_unit u, unnest(u.accepted_stay_types) AS t
                           WHERE u.location_id = l.id AND u.active_from <= ${today}::date AND (u.active_until IS NULL OR u.active_until > ${today}::date)
                           ORDER BY 1)`.as('acceptedStayTypes'),
  ]);
  if (filter.id) query = query.where('l.id', '=', filter.id);
  if (filter.organisationId) query = query.where('l.organisation_id', '=', filter.organisationId);
  if (filter.postcodePrefix)
    query = query.where(sql<boolean>`replace(l.postcode, ' ', '') LIKE ${`${filter.postcodePrefix.replace(/[%_\\\s]/g, '')}%`}`);
  return query.orderBy('l.name').orderBy('l.id').execute();
}

/** Units with their location's organisation, by location or by id. */
export async function findDirectoryUnits(db: Kysely<Database>, filter: { id?: string; locationId?: string; regionId?: string }) {
  let query = db
    .selectFrom('capacity_unit as u')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select([
      'u.id',
      'u.location_id as locationId',
      'l.organisation_id as organisationId',
      'u.name',
      'u.kind',
      'u.features',
      'l.features as locationFeatures',
      'u.accepted_stay_types as acceptedStayTypes',
      'u.active_from as activeFrom',
      'u.active_until as activeUntil',
    ]);
  if (filter.id) query = query.where('u.id', '=', filter.id);
  if (filter.locationId) query = query.where('u.location_id', '=', filter.locationId);
  if (filter.regionId) query = query.where('l.region_id', '=', filter.regionId);
  return query.orderBy('l.name').orderBy('u.name').orderBy('u.id').execute();
}

/** The stays of a referral, with their unit and location, for the Appointments. */
export async function appointmentsOfReferral(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.status',
      's.arrival',
      's.departure',
      's.client_id as clientId',
      's.unit_id as unitId',
      'u.location_id as locationId',
    ])
    .where('s.referral_id', '=', referralId)
    .orderBy('s.arrival')
    .orderBy('s.id')
    .execute();
}
