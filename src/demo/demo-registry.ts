import type { Insertable } from 'kysely';
import type { Pc4Area } from '../data/pc4-table.ts';
import type {
  CapacityUnitTable,
  LocationTable,
  LocationTariffTable,
  OrganisationTable,
  RegionNeighbourTable,
  RegionPostcodeTable,
  RegionTable,
  RegionYearlyCostTable,
  UnitClosureTable,
} from '../data/schema.ts';
import { addDays } from '../domain/dates.ts';
import type { GeoPoint } from '../domain/geo.ts';
import type { StayType } from '../domain/stay-types.ts';
import type { DemoWindow } from './pilot-demand.ts';
import { DEMO_CLOSURES, DEMO_LOCATIONS, DEMO_NEIGHBOURS, DEMO_ORGANISATIONS, DEMO_REGIONS, DEMO_YEARLY_COSTS } from './pilot-regions.ts';
import type { Random } from './prng.ts';

/** A row ready for insertion: every column the generator decides; timestamps are left to the database. */
export type DemoRow<T> = Required<Omit<Insertable<T>, 'created_at' | 'updated_at' | 'confirmed_at'>>;

/** What the booking generator needs to know about a unit. */
export interface UnitInfo {
  readonly id: string;
  readonly locationKey: string;
  readonly regionId: string;
  readonly kind: 'bed' | 'home_night';
  readonly acceptedStayTypes: readonly StayType[];
  readonly reservedFor: StayType | null;
  readonly point: GeoPoint;
  readonly admissionWeekdays: ReadonlySet<number>;
  /** Day number on which the unit opens; 0 when it is open throughout the window. */
  readonly opensOn: number;
}

export interface RegistryRows {
  readonly regions: DemoRow<RegionTable>[];
  readonly regionPostcodes: DemoRow<RegionPostcodeTable>[];
  readonly regionNeighbours: DemoRow<RegionNeighbourTable>[];
  readonly organisations: DemoRow<OrganisationTable>[];
  readonly locations: DemoRow<LocationTable>[];
  readonly units: DemoRow<CapacityUnitTable>[];
  readonly tariffs: DemoRow<LocationTariffTable>[];
  readonly closures: DemoRow<UnitClosureTable>[];
  readonly yearlyCosts: DemoRow<RegionYearlyCostTable>[];
}

export interface Registry {
  readonly rows: RegistryRows;
  readonly units: readonly UnitInfo[];
  /** Where people of a region live: its PC4 areas that have addresses. */
  readonly homeAreas: ReadonlyMap<string, readonly Pc4Area[]>;
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
}

/** The rows of pilot-regions.ts with ids, coordinates from the PC4 table and dates relative to today. */
export function buildRegistry(areas: readonly Pc4Area[], window: DemoWindow, ids: Random): Registry {
  const dateOf = (day: number) => addDays(window.from, day);
  const today = dateOf(window.today);
  const areaByPc4 = new Map(areas.map((area) => [area.pc4, area]));
  // Postbox-only areas have no residents, and their centroids can lie far from the place they are named after.
  const homeAreas = new Map(
    DEMO_REGIONS.map((region) => [
      region.id,
      areas.filter((area) => area.kind !== 'postbox' && region.municipalities.includes(area.municipality)),
    ]),
  );
  const organisationIds = new Map(DEMO_ORGANISATIONS.map((organisation) => [organisation.key, ids.uuid()]));
  const rows: RegistryRows = {
    regions: DEMO_REGIONS.map((region) => ({ id: region.id, name: region.name, municipalities: [...region.municipalities] })),
    regionPostcodes: [...homeAreas].flatMap(([regionId, list]) => list.map((area) => ({ pc4: area.pc4, region_id: regionId }))),
    regionNeighbours: DEMO_NEIGHBOURS.flatMap(([a, b]) => [
      { region_id: a, neighbour_id: b },
      { region_id: b, neighbour_id: a },
    ]),
    organisations: DEMO_ORGANISATIONS.map((organisation) => ({
      id: organisationIds.get(organisation.key)!,
      name: organisation.name,
      agb_code: organisation.agbCode,
      contact_name: null,
      contact_email: null,
      contact_phone: null,
    })),
    locations: [],
    units: [],
    tariffs: [],
    closures: [],
    yearlyCosts: [],
  };
  const locationIds = new Map<string, string>();
  const units: UnitInfo[] = [];
  const unitIds = new Map<string, string>();
  for (const location of DEMO_LOCATIONS) {
    const pc4 = location.postcode.slice(0, 4);
    const area = areaByPc4.get(pc4);
    const region = DEMO_REGIONS.find((candidate) => candidate.id === location.regionId);
    if (!area || !region?.municipalities.includes(area.municipality) || area.kind === 'postbox') {
      throw new Error(`Demo location ${location.key}: postcode ${location.postcode} is no address area of its region`);
    }
    const locationId = ids.uuid();
    locationIds.set(location.key, locationId);
    rows.locations.push({
      id: locationId,
      organisation_id: organisationIds.get(location.organisationKey)!,
      region_id: location.regionId,
      name: location.name,
      street: location.street,
      house_number: location.houseNumber,
      postcode: location.postcode,
      city: location.city,
      pc4,
      latitude: area.latitude,
      longitude: area.longitude,
      features: [...location.features],
      admission_hours: JSON.stringify(location.admissionHours),
      phone: null,
      description: null,
      homeliness: null,
    });
    for (const unit of location.units) {
      const id = ids.uuid();
      unitIds.set(`${location.key}/${unit.name}`, id);
      const opensOn = unit.opensInDays === undefined ? 0 : window.today + unit.opensInDays;
      rows.units.push({
        id,
        location_id: locationId,
        name: unit.name,
        kind: unit.kind,
        accepted_stay_types: [...unit.acceptedStayTypes],
        reserved_for: unit.reservedFor,
        features: [...unit.features],
        active_from: dateOf(opensOn),
        active_until: null,
      });
      units.push({
        id,
        locationKey: location.key,
        regionId: location.regionId,
        kind: unit.kind,
        acceptedStayTypes: unit.acceptedStayTypes,
        reservedFor: unit.reservedFor,
        point: area,
        admissionWeekdays: new Set(location.admissionHours.map((hours) => hours.weekday)),
        opensOn,
      });
    }
    for (const tariff of location.tariffs) {
      rows.tariffs.push({
        id: ids.uuid(),
        location_id: locationId,
        stay_type: tariff.stayType,
        funding: tariff.funding,
        housing_cents: tariff.housingCents,
        stay_cents: tariff.stayCents,
        care_cents: tariff.careCents,
        valid_from: window.from,
        valid_until: null,
      });
    }
  }
  for (const cost of DEMO_YEARLY_COSTS) {
    const locationId = cost.locationKey === undefined ? null : locationIds.get(cost.locationKey);
    if (locationId === undefined) throw new Error(`Demo yearly cost names unknown location ${cost.locationKey}`);
    rows.yearlyCosts.push({
      id: ids.uuid(),
      region_id: cost.regionId,
      kind: cost.kind,
      description: cost.description,
      location_id: locationId,
      cents_per_year: cost.euros * 100,
      municipality_percent: cost.shares.municipality,
      insurer_percent: cost.shares.insurer,
      care_office_percent: cost.shares.careOffice,
      valid_from: window.from,
      valid_until: null,
    });
  }
  for (const closure of DEMO_CLOSURES) {
    const location = DEMO_LOCATIONS.find((candidate) => candidate.key === closure.locationKey);
    for (const name of closure.unitNames ?? location?.units.map((unit) => unit.name) ?? []) {
      const unitId = unitIds.get(`${closure.locationKey}/${name}`);
      if (!unitId) throw new Error(`Demo closure names unknown unit ${closure.locationKey}/${name}`);
      rows.closures.push({
        id: ids.uuid(),
        unit_id: unitId,
        starts_on: addDays(today, closure.startsInDays),
        ends_on: addDays(today, closure.startsInDays + closure.days),
        kind: closure.kind ?? 'closure',
        reason: closure.reason,
        note: closure.note,
      });
    }
  }
  const neighbours = new Map<string, string[]>();
  for (const { region_id, neighbour_id } of rows.regionNeighbours) {
    neighbours.set(region_id, [...(neighbours.get(region_id) ?? []), neighbour_id]);
  }
  return { rows, units, homeAreas, neighbours };
}
