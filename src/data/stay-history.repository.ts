import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../domain/dates.ts';
import { FLOW_STAY_TYPES, type StayHistory } from '../domain/matching/expected-flows.ts';
import type { Database } from './schema.ts';

/**
 * The ELV and crisis stays (FLOW_STAY_TYPES) that arrived from `since` until before `today`, per region of the unit
 * they took and stay type, with each one's length: what the region's beds were asked for (expected-flows.ts).
 *
 * By the unit's region, not the guest's home region: anticipation weighs a flow against the free beds of one region
 * (freeOthers), so the flow must be what lands on those beds; every stay has a unit, while a stay booked by a
 * provider has no referral and a guest's postcode may lie in no region.
 *
 * Stays that took a bed: confirmed, arrived or departed. Not a hold (an offer not taken up, or lapsing), a
 * cancellation, a no-show or an expired hold.
 */
export async function unplannedStayHistory(db: Kysely<Database>, window: { since: IsoDate; today: IsoDate }): Promise<StayHistory[]> {
  const result = await sql<{ region_id: string; stay_type: string; nights: number[]; region_active_from: string }>`
    WITH opened AS (
      SELECT l.region_id, min(u.active_from) AS active_from
        FROM capacity_unit u
        JOIN location l ON l.id = u.location_id
       GROUP BY l.region_id
    )
    SELECT l.region_id, s.stay_type, array_agg(s.departure - s.arrival ORDER BY s.arrival, s.id) AS nights,
           opened.active_from AS region_active_from
      FROM stay s
      JOIN capacity_unit u ON u.id = s.unit_id
      JOIN location l ON l.id = u.location_id
      JOIN opened ON opened.region_id = l.region_id
     WHERE s.stay_type IN (${sql.join(FLOW_STAY_TYPES.map((type) => sql.lit(type)))})
       AND s.status IN ('confirmed', 'arrived', 'departed')
       AND s.arrival >= ${window.since}::date AND s.arrival < ${window.today}::date
     GROUP BY l.region_id, s.stay_type, opened.active_from
     ORDER BY l.region_id, s.stay_type
  `.execute(db);
  return result.rows.map((row) => ({
    regionId: row.region_id,
    stayType: row.stay_type,
    nights: row.nights.map(Number),
    regionActiveFrom: row.region_active_from,
  }));
}
