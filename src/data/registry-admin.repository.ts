import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import { locationsQuery } from './registry.repository.ts';
import type { AdmissionHoursJson, Database, LocationTable } from './schema.ts';
import type { StayType } from '../domain/stay-types.ts';

/** Writes and administrative reads of the registry: regions, organisations, locations, units, tariffs, co-payments. */

type Db = Kysely<Database> | Transaction<Database>;

export async function findRegionAdmin(db: Db, regionId: string) {
  return db
    .selectFrom('region as r')
    .select([
      'r.id',
      'r.name',
      'r.municipalities',
      sql<string[]>`array(SELECT p.pc4::text FROM region_postcode p WHERE p.region_id = r.id ORDER BY 1)`.as('postcodes'),
      sql<string[]>`array(SELECT n.neighbour_id FROM region_neighbour n WHERE n.region_id = r.id ORDER BY 1)`.as('neighbours'),
    ])
    .where('r.id', '=', regionId)
    .executeTakeFirst();
}

export async function regionIdsThatExist(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('region').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** PC4 areas among `postcodes` that another region serves already, with that region. */
export async function postcodesOfOtherRegions(db: Db, postcodes: readonly string[], regionId: string | null) {
  if (postcodes.length === 0) return [];
  let query = db.selectFrom('region_postcode').select(['pc4', 'region_id as regionId']).where('pc4', 'in', postcodes);
  if (regionId) query = query.where('region_id', '<>', regionId);
  return query.orderBy('pc4').execute();
}

export async function regionsOfPostcodes(db: Db, postcodes: readonly string[]): Promise<Map<string, string>> {
  if (postcodes.length === 0) return new Map();
  const rows = await db.selectFrom('region_postcode').select(['pc4', 'region_id']).where('pc4', 'in', postcodes).execute();
  return new Map(rows.map((row) => [row.pc4, row.region_id]));
}

export async function insertRegion(trx: Transaction<Database>, region: { id: string; name: string; municipalities: string[] }) {
  await trx.insertInto('region').values(region).execute();
}

export async function updateRegionRow(trx: Transaction<Database>, regionId: string, change: { name?: string; municipalities?: string[] }) {
  if (change.name === undefined && change.municipalities === undefined) return;
  await trx.updateTable('region').set(change).where('id', '=', regionId).execute();
}

export async function replaceRegionPostcodes(trx: Transaction<Database>, regionId: string, postcodes: readonly string[]) {
  await trx.deleteFrom('region_postcode').where('region_id', '=', regionId).execute();
  if (postcodes.length > 0) {
    await trx
      .insertInto('region_postcode')
      .values(postcodes.map((pc4) => ({ pc4, region_id: regionId })))
      .execute();
  }
}

/** Neighbours are stored in both directions (see 0001_core.sql). */
export async function replaceRegionNeighbours(trx: Transaction<Database>, regionId: string, neighbours: readonly string[]) {
  await trx
    .deleteFrom('region_neighbour')
    .where((eb) => eb.or([eb('region_id', '=', regionId), eb('neighbour_id', '=', regionId)]))
    .execute();
  if (neighbours.length === 0) return;
  await trx
    .insertInto('region_neighbour')
    .values(
      neighbours.flatMap((other) => [
        { region_id: regionId, neighbour_id: other },
        { region_id: other, neighbour_id: regionId },
      ]),
    )
    .execute();
}

const ORGANISATION_COLUMNS = [
  'o.id',
  'o.name',
  'o.agb_code as agbCode',
  'o.contact_name as contactName',
  'o.contact_email as contactEmail',
  'o.contact_phone as contactPhone',
  sql<number>`(SELECT count(*)::int FROM location l WHERE l.organisation_id = o.id)`.as('locationCount'),
] as const;

export async function listOrganisations(db: Db, organisationId?: string) {
  let query = db.selectFrom('organisation as o').select(ORGANISATION_COLUMNS);
  if (organisationId) query = query.where('o.id', '=', organisationId);
  return query.orderBy('o.name').execute();
}

export interface OrganisationValues {
  name?: string;
  agbCode?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

function organisationColumns(values: OrganisationValues) {
  return {
    name: values.name,
    agb_code: values.agbCode,
    contact_name: values.contactName,
    contact_email: values.contactEmail,
    contact_phone: values.contactPhone,
  };
}

export async function insertOrganisation(trx: Transaction<Database>, values: OrganisationValues & { name: string }): Promise<string> {
  const row = await trx
    .insertInto('organisation')
    .values({ ...organisationColumns(values), name: values.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisationRow(
  trx: Transaction<Database>,
  organisationId: string,
  values: OrganisationValues,
): Promise<boolean> {
  const columns = Object.fromEntries(Object.entries(organisationColumns(values)).filter(([, value]) => value !== undefined));
  if (Object.keys(columns).length === 0) return (await listOrganisations(trx, organisationId)).length > 0;
  const result = await trx.updateTable('organisation').set(columns).where('id', '=', organisationId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function organisationExists(db: Db, organisationId: string): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').where('id', '=', organisationId).executeTakeFirst()) !== undefined;
}

export async function organisationWithAgbCode(db: Db, agbCode: string, except: string | null) {
  let query = db.selectFrom('organisation').select('id').where('agb_code', '=', agbCode);
  if (except) query = query.where('id', '<>', except);
  return query.executeTakeFirst();
}

/** The public fields of locations, with their contact, texts and number of units. */
export async function listLocationsAdmin(db: Db, filter: { regionId?: string; organisationId?: string; locationId?: string }) {
  return locationsQuery(db, filter)
    .select([
      sql<number>`(SELECT count(*)::int FROM capacity_unit u WHERE u.location_id = l.id)`.as('unitCount'),
      // Staffed capacity today, by the app clock like every business date.
      sql<number>`(SELECT count(DISTINCT c.unit_id)::int FROM unit_closure c JOIN capacity_unit u ON u.id = c.unit_id
                    WHERE u.location_id = l.id AND c.kind = 'not_admitting' AND c.period @> (app_now() AT TIME ZONE 'Europe/Amsterdam')::date)`.as(
        'notAdmittingUnits',
      ),
      sql<string | null>`(SELECT max(c.ends_on)::text FROM unit_closure c JOIN capacity_unit u ON u.id = c.unit_id
                    WHERE u.location_id = l.id AND c.kind = 'not_admitting' AND c.period @> (app_now() AT TIME ZONE 'Europe/Amsterdam')::date)`.as(
        'notAdmittingUntil',
      ),
    ])
    .execute();
}

export interface LocationValues {
  organisationId?: string;
  regionId?: string;
  name?: string;
  street?: string;
  houseNumber?: string;
  postcode?: string;
  city?: string;
  pc4?: string;
  latitude?: number;
  longitude?: number;
  features?: string[];
  admissionHours?: AdmissionHoursJson[];
  phone?: string | null;
  description?: string | null;
  homeliness?: string | null;
}

function locationColumns(values: LocationValues) {
  return {
    organisation_id: values.organisationId,
    region_id: values.regionId,
    name: values.name,
    street: values.street,
    house_number: values.houseNumber,
    postcode: values.postcode,
    city: values.city,
    pc4: values.pc4,
    latitude: values.latitude,
    longitude: values.longitude,
    features: values.features,
    admission_hours: values.admissionHours === undefined ? undefined : JSON.stringify(values.admissionHours),
    phone: values.phone,
    description: values.description,
    homeliness: values.homeliness,
  };
}

export async function insertLocation(trx: Transaction<Database>, values: Required<LocationValues>): Promise<string> {
  // Every field is present (Required), so none of the columns is left undefined.
  const row = await trx
    .insertInto('location')
    .values(locationColumns(values) as Insertable<LocationTable>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A change by the provider also confirms the location's data as current. */
export async function updateLocationRow(trx: Transaction<Database>, locationId: string, values: LocationValues): Promise<void> {
  await trx
    .updateTable('location')
    .set({ ...locationColumns(values), updated_at: sql<Date>`app_now()`, confirmed_at: sql<Date>`app_now()` })
    .where('id', '=', locationId)
    .execute();
}

export async function confirmLocationRow(db: Db, locationId: string): Promise<void> {
  await db.updateTable('location').set({ confirmed_at: sql<Date>`app_now()` }).where('id', '=', locationId).execute();
}

const UNIT_COLUMNS = [
  'id',
  'location_id as locationId',
  'name',
  'kind',
  'accepted_stay_types as acceptedStayTypes',
  'reserved_for as reservedFor',
  'features',
  'active_from as activeFrom',
  'active_until as activeUntil',
] as const;

export async function findUnitAdmin(db: Db, unitId: string) {
  return db.selectFrom('capacity_unit').select(UNIT_COLUMNS).where('id', '=', unitId).executeTakeFirst();
}

export async function insertUnit(
  trx: Transaction<Database>,
  unit: {
    locationId: string;
    name: string;
    kind: 'bed' | 'home_night';
    acceptedStayTypes: StayType[];
    reservedFor: StayType | null;
    features: string[];
    activeFrom: string;
    activeUntil: string | null;
  },
) {
  return trx
    .insertInto('capacity_unit')
    .values({
      location_id: unit.locationId,
      name: unit.name,
      kind: unit.kind,
      accepted_stay_types: unit.acceptedStayTypes,
      reserved_for: unit.reservedFor,
      features: unit.features,
      active_from: unit.activeFrom,
      active_until: unit.activeUntil,
    })
    .returning(UNIT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateUnitRow(
  trx: Transaction<Database>,
  unitId: string,
  change: {
    name?: string;
    acceptedStayTypes?: StayType[];
    reservedFor?: StayType | null;
    features?: string[];
    activeUntil?: string | null;
  },
) {
  return trx
    .updateTable('capacity_unit')
    .set({
      name: change.name,
      accepted_stay_types: change.acceptedStayTypes,
      reserved_for: change.reservedFor,
      features: change.features,
      active_until: change.activeUntil,
      updated_at: sql<Date>`app_now()`,
    })
    .where('id', '=', unitId)
    .returning(UNIT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Stays that occupy the unit on or after `from`, or of a stay type outside `keepTypes`: what a change would strand. */
export async function occupyingStaysFrom(db: Db, unitId: string, from: string, keepTypes?: readonly StayType[]) {
  let query = db
    .selectFrom('stay')
    .select(['id', 'stay_type as stayType', 'arrival', 'departure', 'status'])
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['hold', 'confirmed', 'arrived'])
    .where('departure', '>', from);
  if (keepTypes) query = query.where('stay_type', 'not in', keepTypes);
  return query.orderBy('arrival').execute();
}

const TARIFF_COLUMNS = [
  'id',
  'location_id as locationId',
  'stay_type as stayType',
  'funding',
  'housing_cents as housingCents',
  'stay_cents as stayCents',
  'care_cents as careCents',
  'valid_from as validFrom',
  'valid_until as validUntil',
] as const;

export async function tariffsOf(db: Db, locationId: string, key?: { stayType: StayType; funding: string }) {
  let query = db.selectFrom('location_tariff').select(TARIFF_COLUMNS).where('location_id', '=', locationId);
  if (key) query = query.where('stay_type', '=', key.stayType).where('funding', '=', key.funding as 'in_kind');
  return query.orderBy('stay_type').orderBy('funding').orderBy('valid_from').execute();
}

export async function endTariff(trx: Transaction<Database>, tariffId: string, until: string) {
  await trx.updateTable('location_tariff').set({ valid_until: until }).where('id', '=', tariffId).execute();
}

export async function insertTariff(
  trx: Transaction<Database>,
  tariff: {
    locationId: string;
    stayType: StayType;
    funding: 'in_kind' | 'personal_budget';
    housingCents: number;
    stayCents: number;
    careCents: number;
    validFrom: string;
    validUntil: string | null;
  },
) {
  return trx
    .insertInto('location_tariff')
    .values({
      location_id: tariff.locationId,
      stay_type: tariff.stayType,
      funding: tariff.funding,
      housing_cents: tariff.housingCents,
      stay_cents: tariff.stayCents,
      care_cents: tariff.careCents,
      valid_from: tariff.validFrom,
      valid_until: tariff.validUntil,
    })
    .returning(TARIFF_COLUMNS)
    .executeTakeFirstOrThrow();
}

const CO_PAYMENT_COLUMNS = [
  'id',
  'municipality',
  'cents_per_night as centsPerNight',
  'valid_from as validFrom',
  'valid_until as validUntil',
] as const;

export async function listCoPaymentRules(db: Db, municipality?: string) {
  let query = db.selectFrom('co_payment_rule').select(CO_PAYMENT_COLUMNS);
  if (municipality) query = query.where('municipality', '=', municipality);
  return query.orderBy('municipality').orderBy('valid_from').execute();
}

export async function endCoPaymentRule(trx: Transaction<Database>, ruleId: string, until: string) {
  await trx.updateTable('co_payment_rule').set({ valid_until: until }).where('id', '=', ruleId).execute();
}

export async function insertCoPaymentRule(
  trx: Transaction<Database>,
  rule: { municipality: string; centsPerNight: number; validFrom: string; validUntil: string | null },
) {
  return trx
    .insertInto('co_payment_rule')
    .values({
      municipality: rule.municipality,
      cents_per_night: rule.centsPerNight,
      valid_from: rule.validFrom,
      valid_until: rule.validUntil,
    })
    .returning(CO_PAYMENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The whole registry in brief, for an import to match its rows against. */
export async function registryForImport(db: Db) {
  const [organisations, locations, units, regions] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'name', 'agb_code as agbCode']).execute(),
    db.selectFrom('location').select(['id', 'organisation_id as organisationId', 'name']).execute(),
    db
      .selectFrom('capacity_unit')
      .select([
        'id',
        'location_id as locationId',
        'name',
        'accepted_stay_types as acceptedStayTypes',
        'reserved_for as reservedFor',
        'features',
      ])
      .execute(),
    db.selectFrom('region').select(['id', 'name']).execute(),
  ]);
  return { organisations, locations, units, regions };
}
