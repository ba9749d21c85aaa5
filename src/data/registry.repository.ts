import { type Kysely, sql } from 'kysely';
import type { AdmissionHoursJson, Database } from './schema.ts';

export interface UnitDetailRow {
  id: string;
  name: string;
  kind: 'bed' | 'home_night';
  acceptedStayTypes: string[];
  reservedFor: string | null;
  unitFeatures: string[];
  activeFrom: string;
  activeUntil: string | null;
  locationId: string;
  locationName: string;
  locationFeatures: string[];
  regionId: string;
  organisationId: string;
  latitude: number;
  longitude: number;
}

/** With `lock`, the unit row is locked for the rest of the transaction (see lockUnits for the order). */
export async function findUnit(db: Kysely<Database>, unitId: string, options: { lock?: boolean } = {}): Promise<UnitDetailRow | undefined> {
  const query = db
    .selectFrom('capacity_unit as u')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select([
      'u.id',
      'u.name',
      'u.kind',
      'u.accepted_stay_types as acceptedStayTypes',
      'u.reserved_for as reservedFor',
      'u.features as unitFeatures',
      'u.active_from as activeFrom',
      'u.active_until as activeUntil',
      'l.id as locationId',
      'l.name as locationName',
      'l.features as locationFeatures',
      'l.region_id as regionId',
      'l.organisation_id as organisationId',
      'l.latitude',
      'l.longitude',
    ])
    .where('u.id', '=', unitId);
  return (options.lock ? query.forUpdate('u') : query).executeTakeFirst();
}

export async function listRegions(db: Kysely<Database>) {
  return db
    .selectFrom('region as r')
    .select([
      'r.id',
      'r.name',
      'r.municipalities',
      sql<string[]>`array(SELECT n.neighbour_id FROM region_neighbour n WHERE n.region_id = r.id ORDER BY 1)`.as('neighbours'),
      sql<number>`(SELECT count(*)::int FROM region_postcode p WHERE p.region_id = r.id)`.as('postcodeCount'),
      sql<number>`(SELECT count(*)::int FROM capacity_unit u JOIN location l ON l.id = u.location_id
                    WHERE l.region_id = r.id)`.as('unitCount'),
    ])
    .orderBy('r.name')
    .execute();
}

export async function regionExists(db: Kysely<Database>, regionId: string): Promise<boolean> {
  return (await db.selectFrom('region').select('id').where('id', '=', regionId).executeTakeFirst()) !== undefined;
}

export async function listRegionIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('region').select('id').execute()).map((region) => region.id);
}

export async function regionOfPostcode(db: Kysely<Database>, pc4: string): Promise<string | undefined> {
  const row = await db.selectFrom('region_postcode').select('region_id').where('pc4', '=', pc4).executeTakeFirst();
  return row?.region_id;
}

export interface LocationRowOut {
  id: string;
  organisationId: string;
  organisationName: string;
  regionId: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  pc4: string;
  latitude: number;
  longitude: number;
  features: string[];
  admissionHours: AdmissionHoursJson[];
  phone: string | null;
  /** The public page's texts: the place, and what makes it feel like home. */
  description: string | null;
  homeliness: string | null;
  /** When the provider last confirmed the location's data (ISO 8601). */
  confirmedAt: string;
}

export async function listLocations(
  db: Kysely<Database>,
  filter: { regionId?: string; locationId?: string; organisationId?: string },
): Promise<LocationRowOut[]> {
  return locationsQuery(db, filter).execute();
}

/** The locations matching the filter with their public fields, by name; others may select more columns on it. */
export function locationsQuery(db: Kysely<Database>, filter: { regionId?: string; locationId?: string; organisationId?: string }) {
  let query = db
    .selectFrom('location as l')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select([
      'l.id',
      'l.organisation_id as organisationId',
      'o.name as organisationName',
      'l.region_id as regionId',
      'l.name',
      'l.street',
      'l.house_number as houseNumber',
      'l.postcode',
      'l.city',
      'l.pc4',
      'l.latitude',
      'l.longitude',
      'l.features',
      'l.admission_hours as admissionHours',
      'l.phone',
      'l.description',
      'l.homeliness',
      sql<string>`to_json(l.confirmed_at) #>> '{}'`.as('confirmedAt'),
    ]);
  if (filter.regionId) query = query.where('l.region_id', '=', filter.regionId);
  if (filter.locationId) query = query.where('l.id', '=', filter.locationId);
  if (filter.organisationId) query = query.where('l.organisation_id', '=', filter.organisationId);
  return query.orderBy('l.name').orderBy('l.id');
}

export async function listUnitsOfLocation(db: Kysely<Database>, locationId: string) {
  return db
    .selectFrom('capacity_unit')
    .select([
      'id',
      'name',
      'kind',
      'accepted_stay_types as acceptedStayTypes',
      'reserved_for as reservedFor',
      'features',
      'active_from as activeFrom',
      'active_until as activeUntil',
    ])
    .where('location_id', '=', locationId)
    .orderBy('name')
    .execute();
}

export async function listTariffsOfLocation(db: Kysely<Database>, locationId: string) {
  return db
    .selectFrom('location_tariff')
    .select([
      'stay_type as stayType',
      'funding',
      'housing_cents as housingCents',
      'stay_cents as stayCents',
      'care_cents as careCents',
      'valid_from as validFrom',
      'valid_until as validUntil',
    ])
    .where('location_id', '=', locationId)
    .orderBy('stay_type')
    .orderBy('valid_from')
    .execute();
}

/** A closure of one unit for a period; its kind is the table's default, a planned closure. */
export async function insertUnitClosure(
  trx: Kysely<Database>,
  closure: { unitId: string; startsOn: string; endsOn: string; reason: 'admission_stop' | 'maintenance' | 'other'; note: string | null },
) {
  return trx
    .insertInto('unit_closure')
    .values({
      unit_id: closure.unitId,
      starts_on: closure.startsOn,
      ends_on: closure.endsOn,
      reason: closure.reason,
      note: closure.note,
    })
    .returning(['id', 'unit_id', 'starts_on', 'ends_on', 'reason', 'note'])
    .executeTakeFirstOrThrow();
}

/** True when there was such a closure. */
export async function deleteUnitClosure(db: Kysely<Database>, closureId: string): Promise<boolean> {
  const result = await db.deleteFrom('unit_closure').where('id', '=', closureId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
