import type { ImportIssue, ImportRow } from './bed-import-rows.ts';
import type { StayType } from '../stay-types.ts';

/** What the registry holds now, as the import compares against it. */
export interface ExistingRegistry {
  organisations: readonly { id: string; name: string; agbCode: string | null }[];
  locations: readonly { id: string; organisationId: string; name: string }[];
  units: readonly {
    id: string;
    locationId: string;
    name: string;
    acceptedStayTypes: readonly StayType[];
    reservedFor: StayType | null;
    features: readonly string[];
  }[];
  regions: readonly { id: string; name: string }[];
  /** Whether a PC4 area is known (its centre places a new location on the map). */
  knownPc4(pc4: string): boolean;
}

export type RowAction = 'create' | 'update' | 'unchanged';

export interface PlannedRow {
  line: number;
  organisation: { name: string; action: 'create' | 'existing' };
  location: { name: string; action: 'create' | 'existing' };
  unit: { name: string; action: RowAction; changes: string[] };
}

export interface ImportPlan {
  rows: PlannedRow[];
  issues: ImportIssue[];
  /** What writing would do: the new records keyed by the rows that make them, and the units to change. */
  newOrganisations: { key: string; name: string; agbCode: string | null }[];
  newLocations: { key: string; organisationKey: string; regionId: string; row: ImportRow['location'] }[];
  newUnits: { locationKey: string; row: ImportRow['unit'] }[];
  unitChanges: { line: number; unitId: string; acceptedStayTypes: StayType[]; reservedFor: StayType | null; features: string[] }[];
}

const key = (text: string) => text.trim().toLowerCase();
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/**
 * Matches each row to the registry: the organisation by AGB code (else by name), the location by name within it,
 * the unit by name within that. New ones are created; a unit that exists gets the row's stay types, reservation
 * and features. A new location needs its address and region; rows of one new location must agree on them.
 * Nothing here writes: the same plan is the dry-run report and, without issues, what the import does.
 */
export function planBedImport(rows: readonly ImportRow[], existing: ExistingRegistry): ImportPlan {
  const plan: ImportPlan = { rows: [], issues: [], newOrganisations: [], newLocations: [], newUnits: [], unitChanges: [] };
  const seenUnits = new Map<string, number>();
  const firstSeen = new Map<string, { line: number; address: ImportRow['location']; regionId: string | undefined }>();
  for (const row of rows) {
    const issue = (column: ImportIssue['column'], code: string, params?: Record<string, string | number>) =>
      plan.issues.push({ line: row.line, column, code, ...(params ? { params } : {}) });
    const before = plan.issues.length;

    const organisation =
      existing.organisations.find((candidate) => row.organisation.agbCode && candidate.agbCode === row.organisation.agbCode) ??
      existing.organisations.find((candidate) => key(candidate.name) === key(row.organisation.name));
    if (organisation && row.organisation.agbCode && organisation.agbCode && organisation.agbCode !== row.organisation.agbCode) {
      issue('agb', 'agb_differs', { agb: organisation.agbCode });
    }
    const organisationKey = organisation ? organisation.id : `new:${key(row.organisation.name)}`;
    const newOrganisation = plan.newOrganisations.find((candidate) => candidate.key === organisationKey);
    if (
      !organisation &&
      row.organisation.agbCode &&
      existing.organisations.some((candidate) => candidate.agbCode === row.organisation.agbCode)
    ) {
      issue('agb', 'agb_taken');
    }

    const location = organisation
      ? existing.locations.find(
          (candidate) => candidate.organisationId === organisation.id && key(candidate.name) === key(row.location.name),
        )
      : undefined;
    const locationKey = location ? location.id : `${organisationKey}/${key(row.location.name)}`;
    let regionId: string | undefined;
    if (!location) {
      for (const column of ['straat', 'huisnummer', 'postcode', 'plaats', 'regio'] as const) {
        const value = {
          straat: row.location.street,
          huisnummer: row.location.houseNumber,
          postcode: row.location.postcode,
          plaats: row.location.city,
          regio: row.location.region,
        }[column];
        if (!value) issue(column, 'required_for_new_location');
      }
      if (row.location.postcode && !existing.knownPc4(row.location.postcode.slice(0, 4))) issue('postcode', 'unknown_postcode');
      regionId = existing.regions.find(
        (region) => key(region.id) === key(row.location.region) || key(region.name) === key(row.location.region),
      )?.id;
      if (row.location.region && !regionId) issue('regio', 'unknown_region', { value: row.location.region });
      const first = firstSeen.get(locationKey);
      if (!first) firstSeen.set(locationKey, { line: row.line, address: row.location, regionId });
      else if (
        first.address.postcode !== row.location.postcode ||
        first.address.street !== row.location.street ||
        first.address.houseNumber !== row.location.houseNumber ||
        first.regionId !== regionId
      ) {
        issue('locatie', 'location_differs', { line: first.line });
      }
    }

    const unitKey = `${locationKey}/${key(row.unit.name)}`;
    const duplicate = seenUnits.get(unitKey);
    if (duplicate !== undefined) issue('plek', 'duplicate_unit', { line: duplicate });
    seenUnits.set(unitKey, row.line);
    const unit = location
      ? existing.units.find((candidate) => candidate.locationId === location.id && key(candidate.name) === key(row.unit.name))
      : undefined;
    const changes = unit
      ? [
          ...(sameSet(unit.acceptedStayTypes, row.unit.acceptedStayTypes) ? [] : ['verblijf']),
          ...(unit.reservedFor === row.unit.reservedFor ? [] : ['alleen_voor']),
          ...(sameSet(unit.features, row.unit.features) ? [] : ['voorzieningen']),
        ]
      : [];

    plan.rows.push({
      line: row.line,
      organisation: { name: row.organisation.name, action: organisation ? 'existing' : 'create' },
      location: { name: row.location.name, action: location ? 'existing' : 'create' },
      unit: { name: row.unit.name, action: !unit ? 'create' : changes.length > 0 ? 'update' : 'unchanged', changes },
    });
    if (plan.issues.length > before) continue;

    if (!organisation && !newOrganisation)
      plan.newOrganisations.push({ key: organisationKey, name: row.organisation.name, agbCode: row.organisation.agbCode });
    if (!location && !plan.newLocations.some((candidate) => candidate.key === locationKey)) {
      plan.newLocations.push({ key: locationKey, organisationKey, regionId: regionId!, row: row.location });
    }
    if (!unit) plan.newUnits.push({ locationKey, row: row.unit });
    else if (changes.length > 0) {
      plan.unitChanges.push({
        line: row.line,
        unitId: unit.id,
        acceptedStayTypes: row.unit.acceptedStayTypes,
        reservedFor: row.unit.reservedFor,
        features: row.unit.features,
      });
    }
  }
  return plan;
}
