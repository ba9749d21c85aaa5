import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { knownMunicipalities, pc4Area, pc4AreasOfMunicipalities } from '../data/pc4-table.ts';
import * as registry from '../data/registry-admin.repository.ts';
import type { AdmissionHoursJson, Database } from '../data/schema.ts';
import { type ValidityPeriod, planNewPeriod } from '../domain/registry/validity.ts';
import { regionIdFromName } from '../domain/registry/region-id.ts';
import type { StayType } from '../domain/stay-types.ts';
import { AppError, type FieldIssue, notFound } from '../errors.ts';
import { type Scope, assertLocationInScope, assertUnitInScope } from './scope.ts';

/** Setting up a region and keeping its registry current: the administrator for everything, a provider for its own. */

function invalid(fields: FieldIssue[]): never {
  throw new AppError('validation_failed', { fields });
}

// ── Regions ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface RegionInput {
  name?: string;
  municipalities?: string[];
  postcodes?: string[];
  neighbours?: string[];
}

/**
 * Checks a region's municipalities, postcode areas and neighbours against the PC4 table and the other regions. Left
 * out, the postcode areas are every area of its municipalities where people live (PO-box areas have no residents).
 */
async function regionPlan(db: Kysely<Database>, regionId: string | null, input: RegionInput, current?: { municipalities: string[] }) {
  const fields: FieldIssue[] = [];
  const known = knownMunicipalities();
  input.municipalities?.forEach((name, index) => {
    if (!known.has(name)) fields.push({ field: `municipalities.${index}`, code: 'not_a_municipality' });
  });
  const municipalities = input.municipalities ?? current?.municipalities ?? [];
  let postcodes = input.postcodes;
  if (postcodes) {
    const inside = new Set(pc4AreasOfMunicipalities(municipalities).map((area) => area.pc4));
    postcodes.forEach((pc4, index) => {
      if (!inside.has(pc4)) fields.push({ field: `postcodes.${index}`, code: 'postcode_outside_municipalities' });
    });
  } else if (input.municipalities) {
    postcodes = pc4AreasOfMunicipalities(municipalities)
      .filter((area) => area.kind !== 'postbox')
      .map((area) => area.pc4);
  }
  if (input.neighbours) {
    const existing = await registry.regionIdsThatExist(db, input.neighbours);
    input.neighbours.forEach((id, index) => {
      if (id === regionId) fields.push({ field: `neighbours.${index}`, code: 'own_region' });
      else if (!existing.has(id)) fields.push({ field: `neighbours.${index}`, code: 'unknown_region' });
    });
  }
  if (fields.length > 0) invalid(fields);
  const uniquePostcodes = postcodes ? [...new Set(postcodes)].sort() : undefined;
  if (uniquePostcodes) {
    const taken = await registry.postcodesOfOtherRegions(db, uniquePostcodes, regionId);
    if (taken.length > 0) {
      throw new AppError('postcode_taken', {
        params: {
          postcodes: taken
            .slice(0, 20)
            .map((row) => `${row.pc4} (${row.regionId})`)
            .join(', '),
        },
        extensions: { postcodes: taken },
      });
    }
  }
  return { postcodes: uniquePostcodes, neighbours: input.neighbours ? [...new Set(input.neighbours)] : undefined };
}

export async function createRegion(db: Kysely<Database>, input: Required<Omit<RegionInput, 'postcodes'>> & { postcodes?: string[] }) {
  const id = regionIdFromName(input.name);
  if ((await registry.regionIdsThatExist(db, [id])).size > 0) throw new AppError('region_exists', { params: { name: input.name } });
  const plan = await regionPlan(db, id, input);
  await withTransaction(db, async (trx) => {
    await registry.insertRegion(trx, { id, name: input.name, municipalities: input.municipalities });
    await registry.replaceRegionPostcodes(trx, id, plan.postcodes ?? []);
    await registry.replaceRegionNeighbours(trx, id, plan.neighbours ?? []);
  });
  return getRegionAdmin(db, id);
}

export async function updateRegion(db: Kysely<Database>, regionId: string, input: RegionInput) {
  const current = await registry.findRegionAdmin(db, regionId);
  if (!current) throw notFound('region');
  const plan = await regionPlan(db, regionId, input, current);
  await withTransaction(db, async (trx) => {
    await registry.updateRegionRow(trx, regionId, { name: input.name, municipalities: input.municipalities });
    if (plan.postcodes) await registry.replaceRegionPostcodes(trx, regionId, plan.postcodes);
    if (plan.neighbours) await registry.replaceRegionNeighbours(trx, regionId, plan.neighbours);
  });
  return getRegionAdmin(db, regionId);
}

export async function getRegionAdmin(db: Kysely<Database>, regionId: string) {
  const region = await registry.findRegionAdmin(db, regionId);
  if (!region) throw notFound('region');
  return region;
}

/** The PC4 areas of one municipality, with the region that serves each now: what the region form offers to pick. */
export async function municipalityPostcodes(db: Kysely<Database>, municipality: string) {
  if (!knownMunicipalities().has(municipality)) throw notFound('information');
  const areas = pc4AreasOfMunicipalities([municipality]);
  const regions = await registry.regionsOfPostcodes(
    db,
    areas.map((area) => area.pc4),
  );
  return areas.map((area) => ({ pc4: area.pc4, place: area.place, kind: area.kind, regionId: regions.get(area.pc4) ?? null }));
}

// ── Organisations ──────────────────────────────────────────────────────────────────────────────────────────────

export async function createOrganisation(db: Kysely<Database>, input: registry.OrganisationValues & { name: string }) {
  await assertAgbFree(db, input.agbCode, null);
  const id = await withTransaction(db, (trx) => registry.insertOrganisation(trx, input));
  return getOrganisation(db, id);
}

export async function updateOrganisation(db: Kysely<Database>, organisationId: string, input: registry.OrganisationValues) {
  await assertAgbFree(db, input.agbCode, organisationId);
  const found = await withTransaction(db, (trx) => registry.updateOrganisationRow(trx, organisationId, input));
  if (!found) throw notFound('organisation');
  return getOrganisation(db, organisationId);
}

async function assertAgbFree(db: Kysely<Database>, agbCode: string | null | undefined, except: string | null) {
  if (agbCode && (await registry.organisationWithAgbCode(db, agbCode, except))) throw new AppError('agb_taken');
}

export async function getOrganisation(db: Kysely<Database>, organisationId: string) {
  const [organisation] = await registry.listOrganisations(db, organisationId);
  if (!organisation) throw notFound('organisation');
  return organisation;
}

// ── Locations ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface LocationInput extends Omit<registry.LocationValues, 'pc4' | 'latitude' | 'longitude'> {
  latitude?: number | null;
  longitude?: number | null;
  admissionHours?: AdmissionHoursJson[];
}

/** The address decides the PC4 area; its centre is the location's place on the map unless coordinates are given. */
function placeOf(postcode: string, latitude: number | null | undefined, longitude: number | null | undefined) {
  const pc4 = postcode.slice(0, 4);
  if ((latitude == null) !== (longitude == null))
    invalid([{ field: latitude == null ? 'latitude' : 'longitude', code: 'coordinates_incomplete' }]);
  if (latitude != null && longitude != null) return { pc4, latitude, longitude };
  const area = pc4Area(pc4);
  if (!area) invalid([{ field: 'postcode', code: 'unknown_postcode' }]);
  return { pc4, latitude: area.latitude, longitude: area.longitude };
}

async function assertOwnersExist(db: Kysely<Database>, input: { organisationId?: string; regionId?: string }) {
  const fields: FieldIssue[] = [];
  if (input.regionId && (await registry.regionIdsThatExist(db, [input.regionId])).size === 0)
    fields.push({ field: 'regionId', code: 'unknown_region' });
  if (fields.length > 0) invalid(fields);
  if (input.organisationId && (await registry.listOrganisations(db, input.organisationId)).length === 0) throw notFound('organisation');
}

export async function createLocation(
  db: Kysely<Database>,
  input: LocationInput & {
    organisationId: string;
    regionId: string;
    name: string;
    street: string;
    houseNumber: string;
    postcode: string;
    city: string;
    features: string[];
    admissionHours: AdmissionHoursJson[];
  },
) {
  await assertOwnersExist(db, input);
  const place = placeOf(input.postcode, input.latitude, input.longitude);
  const id = await withTransaction(db, (trx) =>
    registry.insertLocation(trx, {
      ...input,
      ...place,
      phone: input.phone ?? null,
      description: input.description ?? null,
      homeliness: input.homeliness ?? null,
    }),
  );
  return getLocationAdmin(db, { kind: 'region' }, id);
}

/** A provider changes what it runs (features, hours, texts); moving a location to another organisation or region is the administrator's. */
export async function updateLocation(db: Kysely<Database>, scope: Scope, locationId: string, input: LocationInput) {
  await assertLocationInScope(db, scope, locationId);
  if (scope.kind === 'organisation' && (input.organisationId !== undefined || input.regionId !== undefined))
    throw new AppError('forbidden');
  await assertOwnersExist(db, input);
  const [current] = await registry.listLocationsAdmin(db, { locationId });
  const addressChanged = input.postcode !== undefined || input.latitude !== undefined || input.longitude !== undefined;
  const place = addressChanged
    ? placeOf(
        input.postcode ?? current!.postcode,
        input.latitude === undefined ? null : input.latitude,
        input.longitude === undefined ? null : input.longitude,
      )
    : {};
  await withTransaction(db, (trx) =>
    registry.updateLocationRow(trx, locationId, { ...input, latitude: undefined, longitude: undefined, ...place }),
  );
  return getLocationAdmin(db, scope, locationId);
}

/** "Nothing changed, this is still how it is": the provider vouches for the location's data today. */
export async function confirmLocation(db: Kysely<Database>, scope: Scope, locationId: string) {
  await assertLocationInScope(db, scope, locationId);
  await registry.confirmLocationRow(db, locationId);
  return getLocationAdmin(db, scope, locationId);
}

export async function getLocationAdmin(db: Kysely<Database>, scope: Scope, locationId: string) {
  await assertLocationInScope(db, scope, locationId);
  const [location] = await registry.listLocationsAdmin(db, { locationId });
  return location!;
}

export async function listLocationsForAdmin(db: Kysely<Database>, scope: Scope, filter: { regionId?: string; organisationId?: string }) {
  const organisationId = scope.kind === 'organisation' ? scope.organisationId : filter.organisationId;
  return registry.listLocationsAdmin(db, { regionId: filter.regionId, organisationId });
}

// ── Units ──────────────────────────────────────────────────────────────────────────────────────────────────────

function checkReserved(accepted: readonly string[], reservedFor: string | null | undefined) {
  if (reservedFor && !accepted.includes(reservedFor)) invalid([{ field: 'reservedFor', code: 'reserved_not_accepted' }]);
}

export async function createUnit(
  db: Kysely<Database>,
  scope: Scope,
  locationId: string,
  unit: {
    name: string;
    kind: 'bed' | 'home_night';
    acceptedStayTypes: StayType[];
    reservedFor: StayType | null;
    features: string[];
    activeFrom: string;
    activeUntil: string | null;
  },
) {
  await assertLocationInScope(db, scope, locationId);
  checkReserved(unit.acceptedStayTypes, unit.reservedFor);
  return withTransaction(db, async (trx) => {
    const created = await registry.insertUnit(trx, { ...unit, acceptedStayTypes: [...new Set(unit.acceptedStayTypes)], locationId });
    await registry.confirmLocationRow(trx, locationId);
    return created;
  });
}

/**
 * Changing what a unit takes must not strand a guest already booked: stays ahead of a kind no longer accepted are
 * listed and the change refused, so they can be moved first.
 */
export async function updateUnit(
  db: Kysely<Database>,
  scope: Scope,
  unitId: string,
  change: {
    name?: string;
    acceptedStayTypes?: StayType[];
    reservedFor?: StayType | null;
    features?: string[];
  },
  today: string,
) {
  await assertUnitInScope(db, scope, unitId);
  const current = await registry.findUnitAdmin(db, unitId);
  if (!current) throw notFound('unit');
  const accepted = change.acceptedStayTypes ? [...new Set(change.acceptedStayTypes)] : current.acceptedStayTypes;
  checkReserved(accepted, change.reservedFor === undefined ? current.reservedFor : change.reservedFor);
  return withTransaction(db, async (trx) => {
    if (change.acceptedStayTypes) await refuseStranded(trx, unitId, today, accepted);
    const updated = await registry.updateUnitRow(trx, unitId, {
      ...change,
      acceptedStayTypes: change.acceptedStayTypes ? accepted : undefined,
    });
    await registry.confirmLocationRow(trx, current.locationId);
    return updated;
  });
}

export async function refuseStranded(
  db: Parameters<typeof registry.occupyingStaysFrom>[0],
  unitId: string,
  from: string,
  keepTypes?: readonly StayType[],
) {
  const stays = await registry.occupyingStaysFrom(db, unitId, from, keepTypes);
  if (stays.length > 0) throw new AppError('unit_has_stays', { params: { count: stays.length }, extensions: { stays } });
}

// ── Tariffs and co-payments ────────────────────────────────────────────────────────────────────────────────────

function overlapError(conflict: ValidityPeriod): AppError {
  return new AppError('period_overlap', { params: { from: conflict.validFrom }, extensions: { conflicts: [conflict] } });
}

/** A new tariff from a date; the one running until further notice ends that day (see domain/registry/validity.ts). */
export async function addTariff(
  db: Kysely<Database>,
  scope: Scope,
  locationId: string,
  tariff: {
    stayType: StayType;
    funding: 'in_kind' | 'personal_budget';
    housingCents: number;
    stayCents: number;
    careCents: number;
    validFrom: string;
    validUntil: string | null;
  },
) {
  await assertLocationInScope(db, scope, locationId);
  return withTransaction(db, async (trx) => {
    const existing = await registry.tariffsOf(trx, locationId, tariff);
    const plan = planNewPeriod(existing, tariff);
    if (plan.conflicts[0]) throw overlapError(plan.conflicts[0]);
    for (const closing of plan.close) await registry.endTariff(trx, closing.id, closing.until);
    const created = await registry.insertTariff(trx, { ...tariff, locationId });
    await registry.confirmLocationRow(trx, locationId);
    return created;
  });
}

export async function listTariffs(db: Kysely<Database>, scope: Scope, locationId: string) {
  await assertLocationInScope(db, scope, locationId);
  return registry.tariffsOf(db, locationId);
}

export async function addCoPaymentRule(
  db: Kysely<Database>,
  rule: { municipality: string; centsPerNight: number; validFrom: string; validUntil: string | null },
) {
  if (!knownMunicipalities().has(rule.municipality)) invalid([{ field: 'municipality', code: 'not_a_municipality' }]);
  return withTransaction(db, async (trx) => {
    const plan = planNewPeriod(await registry.listCoPaymentRules(trx, rule.municipality), rule);
    if (plan.conflicts[0]) throw overlapError(plan.conflicts[0]);
    for (const closing of plan.close) await registry.endCoPaymentRule(trx, closing.id, closing.until);
    return registry.insertCoPaymentRule(trx, rule);
  });
}

export { listCoPaymentRules, listOrganisations } from '../data/registry-admin.repository.ts';
