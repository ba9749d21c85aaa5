import type { Kysely } from 'kysely';
import { pc4Area } from '../data/pc4-table.ts';
import { countStaysByTypeAndPc4 } from '../data/policy.repository.ts';
import type { Database } from '../data/schema.ts';
import type { DateRange } from '../domain/dates.ts';
import { suppressSmallCells } from '../domain/small-cells.ts';
import { notFound } from '../errors.ts';

export interface StaysByOrigin {
  stayType: string;
  municipality: string;
  /** null when suppressed: fewer than 5 stays could point to a person. */
  stays: number | null;
  nights: number | null;
  suppressed: boolean;
}

const UNKNOWN_MUNICIPALITY = 'onbekend';

/** Stays per stay type and home municipality for policy staff: aggregates only, small cells suppressed. */
export async function staysByOrigin(db: Kysely<Database>, regionId: string, window: DateRange): Promise<StaysByOrigin[]> {
  const region = await db.selectFrom('region').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!region) throw notFound('region');
  const totals = new Map<string, { stayType: string; municipality: string; count: number; nights: number }>();
  for (const row of await countStaysByTypeAndPc4(db, regionId, window)) {
    const municipality = (row.pc4 && pc4Area(row.pc4)?.municipality) || UNKNOWN_MUNICIPALITY;
    const key = `${row.stayType}|${municipality}`;
    const total = totals.get(key) ?? { stayType: row.stayType, municipality, count: 0, nights: 0 };
    total.count += row.stays;
    total.nights += row.nights;
    totals.set(key, total);
  }
  const cells = [...totals.values()].sort((a, b) => a.stayType.localeCompare(b.stayType) || a.municipality.localeCompare(b.municipality));
  return suppressSmallCells(cells, (cell) => cell.stayType).map((cell) => ({
    stayType: cell.stayType,
    municipality: cell.municipality,
    stays: cell.count,
    nights: cell.suppressed ? null : cell.nights,
    suppressed: cell.suppressed,
  }));
}
