import type { Kysely } from 'kysely';
import { appClock } from '../clock.ts';
import { findOccupations } from '../data/availability.repository.ts';
import { findDirectoryLocations, findDirectoryUnits, findOrganisations } from '../data/fhir.repository.ts';
import { findRegionName } from '../data/mkba.repository.ts';
import type { Database } from '../data/schema.ts';
import { type DayState, dayStates } from '../domain/availability.ts';
import { type DateRange, addDays, datesOf } from '../domain/dates.ts';
import { capabilityStatement } from '../domain/fhir/capability.ts';
import { capacityReport, countCapacity } from '../domain/fhir/capacity.ts';
import {
  healthcareServiceResource,
  locationResource,
  locationScheduleResource,
  organisationResource,
  publicSlotResource,
  scheduleResource,
  slotResource,
  unitResource,
} from '../domain/fhir/directory.ts';
import { publicNightsFrom } from './public-calendar.service.ts';
import { effectiveFeatures } from '../domain/care-features.ts';
import { stayInstants } from '../domain/fhir/referral.ts';
import { notFound } from '../errors.ts';
import { groupByUnit } from './availability.service.ts';

/** A search's answer: a Bundle of type searchset with every match (the directory of a region is small). */
export function searchset(baseUrl: string, resources: readonly { resourceType: string; id: string }[]) {
  return {
    resourceType: 'Bundle' as const,
    type: 'searchset' as const,
    total: resources.length,
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  };
}

export function metadata(baseUrl: string, version: string) {
  return capabilityStatement(baseUrl, version, appClock().now().toISOString());
}

export async function organisations(db: Kysely<Database>, filter: { id?: string; agbCode?: string; namePrefix?: string }) {
  return (await findOrganisations(db, filter)).map(organisationResource);
}

export async function locations(db: Kysely<Database>, filter: { id?: string; organisationId?: string; postcodePrefix?: string }) {
  return (await findDirectoryLocations(db, filter, appClock().today())).map(locationResource);
}

export async function healthcareServices(
  db: Kysely<Database>,
  filter: { id?: string; organisationId?: string; stayType?: string; feature?: string },
) {
  const rows = await findDirectoryLocations(db, { id: filter.id, organisationId: filter.organisationId }, appClock().today());
  return rows
    .filter((row) => !filter.stayType || row.acceptedStayTypes.includes(filter.stayType))
    .filter((row) => !filter.feature || row.features.includes(filter.feature))
    .map(healthcareServiceResource);
}

/** Each unit's state on every night of a window: free, held, booked, closed, not admitting or not in use. */
async function statesOver(
  db: Kysely<Database>,
  units: readonly { id: string; activeFrom: string; activeUntil: string | null }[],
  window: DateRange,
): Promise<Map<string, DayState[]>> {
  const byUnit = groupByUnit(
    await findOccupations(
      db,
      units.map((unit) => unit.id),
      window,
      appClock().now(),
    ),
  );
  return new Map(units.map((unit) => [unit.id, dayStates(window, unit, byUnit.get(unit.id) ?? [])]));
}

/** Each unit's state on one night. */
async function statesOn(
  db: Kysely<Database>,
  units: readonly { id: string; activeFrom: string; activeUntil: string | null }[],
  night: string,
): Promise<Map<string, DayState>> {
  const states = await statesOver(db, units, { from: night, to: addDays(night, 1) });
  return new Map([...states].map(([unitId, nights]) => [unitId, nights[0]!]));
}

export async function units(db: Kysely<Database>, filter: { id?: string; locationId?: string }) {
  const rows = await findDirectoryUnits(db, filter);
  const states = await statesOn(db, rows, appClock().today());
  return rows.map((row) => unitResource({ ...row, state: states.get(row.id) }, row.organisationId));
}

/** The region's beds by stay type on a night, tonight when none is given. */
export async function capacity(db: Kysely<Database>, regionId: string, night: string | undefined) {
  const name = await findRegionName(db, regionId);
  if (name === undefined) throw notFound('region');
  const day = night ?? appClock().today();
  const rows = await findDirectoryUnits(db, { regionId });
  const states = await statesOn(db, rows, day);
  const counts = countCapacity(rows.map((row) => ({ acceptedStayTypes: row.acceptedStayTypes, state: states.get(row.id)! })));
  return capacityReport({ id: regionId, name }, day, appClock().now().toISOString(), counts);
}

/**
 * The units of a region (or of one location) as Slots over the nights asked, for the stay type and the care
 * features needed: a `$find` for a transfer desk. Free ones first, then by location and name.
 */
export async function findSlots(
  db: Kysely<Database>,
  query: { regionId?: string; locationId?: string; from: string; to: string; stayType?: string; feature?: string },
) {
  const rows = (await findDirectoryUnits(db, { regionId: query.regionId, locationId: query.locationId }))
    .filter((row) => !query.stayType || row.acceptedStayTypes.some((type) => type === query.stayType))
    .filter((row) => !query.feature || effectiveFeatures(row.locationFeatures, row.features).includes(query.feature));
  const states = await statesOver(db, rows, { from: query.from, to: query.to });
  const period = stayInstants(query.from, query.to);
  const slots = rows.map((row) => slotResource(row.id, states.get(row.id)!, period));
  return [...slots].sort((a, b) => Number(b.status === 'free') - Number(a.status === 'free'));
}

/** Without a professional's view: a location's nights per stay type as free / limited / full (the public aggregate). */
export async function publicSlots(db: Kysely<Database>, locationId: string, from: string, to: string, stayType?: string) {
  const window = { from, to };
  const nights = datesOf(window);
  const perType = (await publicNightsFrom(db, locationId, window)).filter((week) => !stayType || week.stayType === stayType);
  return perType.flatMap((week) =>
    week.days.map((availability, index) => {
      const date = nights[index]!;
      return publicSlotResource(locationId, week.stayType, { date, availability }, stayInstants(date, addDays(date, 1)));
    }),
  );
}

/** A unit's Schedule, or a location's (its public calendar). */
export async function scheduleOf(db: Kysely<Database>, id: string) {
  const [unit] = await findDirectoryUnits(db, { id });
  if (unit) return { of: 'unit' as const, resource: scheduleResource(unit) };
  const [location] = await findDirectoryLocations(db, { id }, appClock().today());
  if (!location) throw notFound('unit');
  return { of: 'location' as const, resource: locationScheduleResource(location) };
}
