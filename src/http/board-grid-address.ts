import { type IsoDate, addDays } from '../domain/dates.ts';

/**
 * The query of GET /api/availability/grid as the board asks for it. One function for the web application's board and
 * for the page hint that asks for the same grid before the board's script runs: the browser uses the early answer
 * only when the address is exactly the same.
 */
export interface BoardGridFilter {
  regionId: string;
  from: IsoDate;
  days: number;
  stayType?: string;
  feature?: string;
  locationId?: string;
}

/** The board's nights when its address names none (`dagen`). */
export const BOARD_DEFAULT_NIGHTS = 28;

export function boardGridQuery(filter: BoardGridFilter): string {
  const query = new URLSearchParams({ regionId: filter.regionId, from: filter.from, to: addDays(filter.from, filter.days) });
  if (filter.stayType) query.set('stayType', filter.stayType);
  if (filter.feature) query.set('features', filter.feature);
  if (filter.locationId) query.set('locationId', filter.locationId);
  return query.toString();
}
