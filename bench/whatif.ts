import type { Kysely } from 'kysely';
import { findCandidateUnits, regionWithNeighbours } from '../src/data/availability.repository.ts';
import { regionExists } from '../src/data/registry.repository.ts';
import type { Database } from '../src/data/schema.ts';
import type { ActivePeriod, Occupation } from '../src/domain/availability.ts';
import { type DateRange, fromEpochDay, toEpochDay } from '../src/domain/dates.ts';
import { type SearchRequest, type SearchResult, type UnitOption, toOption } from '../src/services/availability.service.ts';
import { proposedFindOccupations } from './search.ts';

/**
 * "What if" versions of the search, used only to put numbers on the changes proposed for src/. Nothing here replaces
 * the measured code: the headline figures always come from src/ as it is.
 */

/**
 * freeRanges from src/domain/availability.ts on epoch-day integers: the same answer, but without building an ISO
 * date string (a Date + toISOString) for every night of the window, twice per unit (isFreeThroughout, then
 * freeRanges). Proposed as the implementation of freeRanges/isFreeThroughout.
 */
export function fastFreeRanges(window: DateRange, unit: ActivePeriod, occupations: readonly Occupation[]): DateRange[] {
  const start = toEpochDay(window.from);
  const length = toEpochDay(window.to) - start;
  const blocked = new Uint8Array(length);
  const activeFrom = toEpochDay(unit.activeFrom) - start;
  for (let i = 0; i < Math.min(activeFrom, length); i++) blocked[i] = 1;
  if (unit.activeUntil !== null) {
    for (let i = Math.max(0, toEpochDay(unit.activeUntil) - start); i < length; i++) blocked[i] = 1;
  }
  for (const occupation of occupations) {
    const from = Math.max(toEpochDay(occupation.range.from) - start, 0);
    const to = Math.min(toEpochDay(occupation.range.to) - start, length);
    for (let i = from; i < to; i++) blocked[i] = 1;
  }
  const ranges: DateRange[] = [];
  let runStart = -1;
  for (let i = 0; i <= length; i++) {
    const free = i < length && blocked[i] === 0;
    if (free && runStart < 0) runStart = i;
    if (!free && runStart >= 0) {
      ranges.push({ from: fromEpochDay(start + runStart), to: fromEpochDay(start + i) });
      runStart = -1;
    }
  }
  return ranges;
}

/** searchFreeUnits with the proposed occupation query and the integer-day free-range computation. */
export async function proposedSearchFreeUnits(db: Kysely<Database>, request: SearchRequest): Promise<SearchResult> {
  if (!(await regionExists(db, request.regionId))) throw new Error('region not found');
  const regionIds = request.includeNeighbours ? await regionWithNeighbours(db, request.regionId) : [request.regionId];
  const candidates = await findCandidateUnits(db, {
    regionIds,
    stayType: request.stayType,
    features: request.features,
    window: request.period,
  });
  const rows = await proposedFindOccupations(
    db,
    candidates.map((unit) => unit.unitId),
    request.period,
  );
  const byUnit = new Map<string, Occupation[]>();
  for (const row of rows) {
    const occupation: Occupation = { range: { from: row.starts, to: row.ends }, kind: row.kind as Occupation['kind'] };
    const list = byUnit.get(row.unit_id);
    if (list) list.push(occupation);
    else byUnit.set(row.unit_id, [occupation]);
  }
  const result: SearchResult = { period: request.period, regionIds, free: [], partiallyFree: [] };
  for (const unit of candidates) {
    const ranges = fastFreeRanges(request.period, unit, byUnit.get(unit.unitId) ?? []);
    const option = toOption(unit, request.regionId);
    if (ranges.length === 1 && ranges[0]!.from === request.period.from && ranges[0]!.to === request.period.to) {
      result.free.push(option);
    } else if (ranges.length > 0) {
      result.partiallyFree.push({ ...option, freeRanges: ranges });
    }
  }
  const byRegion = (a: UnitOption, b: UnitOption) => Number(a.outsideRegion) - Number(b.outsideRegion);
  result.free.sort(byRegion);
  result.partiallyFree.sort(byRegion);
  return result;
}
