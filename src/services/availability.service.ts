import type { Kysely } from 'kysely';
import { type DayState, dayStates, freeRanges, isFreeThroughout } from '../domain/availability.ts';
import { type DateRange, datesOf } from '../domain/dates.ts';
import {
  type OccupationRow,
  type UnitCandidateRow,
  findCandidateUnits,
  findOccupations,
  regionWithNeighbours,
} from '../data/availability.repository.ts';
import { regionExists } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import { notFound } from '../errors.ts';
import type { AvailabilityReadModel } from './availability-read-model.ts';
import type { Scope } from './scope.ts';
import { appClock } from '../clock.ts';

export interface UnitOption {
  unitId: string;
  unitName: string;
  kind: 'bed' | 'home_night';
  locationId: string;
  locationName: string;
  organisationName: string;
  city: string;
  pc4: string;
  regionId: string;
  features: string[];
  /** Found in a neighbour region, not the region asked for. */
  outsideRegion: boolean;
}

export interface SearchRequest {
  regionId: string;
  period: DateRange;
  stayType: string;
  features: readonly string[];
  includeNeighbours: boolean;
}

export interface SearchResult {
  period: DateRange;
  regionIds: string[];
  /** Free for every night of the period. */
  free: UnitOption[];
  /** Free for some nights only, with the free stretches inside the period. */
  partiallyFree: (UnitOption & { freeRanges: DateRange[] })[];
}

/**
 * Free units for a period. Answered from the in-memory read model when one is given and covers the period,
 * otherwise in the database; both apply the same rules and give the same answer (tested).
 */
export async function searchFreeUnits(
  db: Kysely<Database>,
  request: SearchRequest,
  readModel?: AvailabilityReadModel,
): Promise<SearchResult> {
  if (readModel?.covers(request.period)) return searchInReadModel(readModel, request);
  if (!(await regionExists(db, request.regionId))) throw notFound('region');
  const regionIds = request.includeNeighbours ? await regionWithNeighbours(db, request.regionId) : [request.regionId];
  const candidates = await findCandidateUnits(db, {
    regionIds,
    stayType: request.stayType,
    features: request.features,
    window: request.period,
  });
  const occupations = groupByUnit(
    await findOccupations(
      db,
      candidates.map((unit) => unit.unitId),
      request.period,
      appClock().now(),
    ),
  );
  const result: SearchResult = { period: request.period, regionIds, free: [], partiallyFree: [] };
  for (const unit of candidates) {
    const taken = occupations.get(unit.unitId) ?? [];
    const option = toOption(unit, request.regionId);
    if (isFreeThroughout(request.period, unit, taken)) {
      result.free.push(option);
    } else {
      const ranges = freeRanges(request.period, unit, taken);
      if (ranges.length > 0) result.partiallyFree.push({ ...option, freeRanges: ranges });
    }
  }
  return insideRegionFirst(result);
}

function searchInReadModel(readModel: AvailabilityReadModel, request: SearchRequest): SearchResult {
  if (!readModel.hasRegion(request.regionId)) throw notFound('region');
  const regionIds = request.includeNeighbours ? readModel.regionWithNeighbours(request.regionId) : [request.regionId];
  const found = readModel.search({ regionIds, period: request.period, stayType: request.stayType, features: request.features });
  return insideRegionFirst({
    period: request.period,
    regionIds,
    free: found.free.map((unit) => toOption(unit, request.regionId)),
    partiallyFree: found.partiallyFree.map(({ unit, freeRanges }) => ({ ...toOption(unit, request.regionId), freeRanges })),
  });
}

// Inside the region first; within each group the display order (location, unit name) stays.
function insideRegionFirst(result: SearchResult): SearchResult {
  const byRegion = (a: UnitOption, b: UnitOption) => Number(a.outsideRegion) - Number(b.outsideRegion);
  result.free.sort(byRegion);
  result.partiallyFree.sort(byRegion);
  return result;
}

export interface GridRequest {
  regionId: string;
  window: DateRange;
  stayType?: string;
  features?: readonly string[];
  locationId?: string;
}

export interface GridRow extends UnitOption {
  states: DayState[];
  occupations: {
    kind: 'hold' | 'booked' | 'closed' | 'not_admitting';
    from: string;
    to: string;
    stayId: string | null;
    closureId: string | null;
  }[];
}

export interface Grid {
  window: DateRange;
  dates: string[];
  units: GridRow[];
}

/** Units × nights for a region: the basis of the coordinator's board and the public calendar. */
/**
 * The board. Stay ids are shown only where the viewer may open the stay (the central point everywhere, a provider
 * at its own locations); elsewhere a booked night is just booked.
 */
export async function occupancyGrid(db: Kysely<Database>, request: GridRequest, scope: Scope): Promise<Grid> {
  if (!(await regionExists(db, request.regionId))) throw notFound('region');
  const candidates = await findCandidateUnits(db, {
    regionIds: [request.regionId],
    stayType: request.stayType,
    features: request.features,
    locationId: request.locationId,
    window: request.window,
  });
  const occupations = groupByUnit(
    await findOccupations(
      db,
      candidates.map((unit) => unit.unitId),
      request.window,
      appClock().now(),
    ),
  );
  return {
    window: request.window,
    dates: datesOf(request.window),
    units: candidates.map((unit) => {
      const taken = occupations.get(unit.unitId) ?? [];
      const showStays = scope.kind === 'region' || unit.organisationId === scope.organisationId;
      return {
        ...toOption(unit, request.regionId),
        states: dayStates(request.window, unit, taken),
        occupations: taken
          .map((o) => ({ kind: o.kind, from: o.range.from, to: o.range.to, stayId: showStays ? o.stayId : null, closureId: o.closureId }))
          .sort((a, b) => a.from.localeCompare(b.from)),
      };
    }),
  };
}

export function groupByUnit(rows: readonly OccupationRow[]): Map<string, OccupationRow[]> {
  const grouped = new Map<string, OccupationRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.unitId);
    if (list) list.push(row);
    else grouped.set(row.unitId, [row]);
  }
  return grouped;
}

export function toOption(unit: UnitCandidateRow, homeRegionId: string): UnitOption {
  return {
    unitId: unit.unitId,
    unitName: unit.unitName,
    kind: unit.kind,
    locationId: unit.locationId,
    locationName: unit.locationName,
    organisationName: unit.organisationName,
    city: unit.city,
    pc4: unit.pc4,
    regionId: unit.regionId,
    features: unit.features,
    outsideRegion: unit.regionId !== homeRegionId,
  };
}
