import { type Kysely, sql } from 'kysely';
import type { DateRange, IsoDate } from '../domain/dates.ts';
import type { StayType } from '../domain/stay-types.ts';
import type { Database } from './schema.ts';

/**
 * What the demand model and the capacity planner read: the stays and unanswered requests of a region's residents,
 * and the region's units. One row per stay asked for, with the person's id as text for counting only.
 */

export interface RegionForPlanning {
  id: string;
  name: string;
  /** The first day any unit of the region was active: no request can have been seen before it. */
  firstActive: IsoDate | null;
}

export async function regionForPlanning(db: Kysely<Database>, regionId: string): Promise<RegionForPlanning | undefined> {
  const result = await sql<RegionForPlanning>`
    SELECT r.id, r.name, to_char(min(u.active_from), 'YYYY-MM-DD') AS "firstActive"
      FROM region r
      LEFT JOIN location l ON l.region_id = r.id
      LEFT JOIN capacity_unit u ON u.location_id = l.id
     WHERE r.id = ${regionId}
     GROUP BY r.id, r.name`.execute(db);
  return result.rows[0];
}

export interface PlacedStayRow {
  person: string;
  stayType: StayType;
  arrival: IsoDate;
  nights: number;
  /** Where the stay was: the region of its unit. */
  inRegion: boolean;
}

/** Stays that took place or are booked (not holds, not cancelled) for residents of the region, arriving in the window. */
export async function placedStaysOfResidents(db: Kysely<Database>, regionId: string, window: DateRange): Promise<PlacedStayRow[]> {
  const result = await sql<PlacedStayRow>`
    SELECT s.client_id::text AS person, s.stay_type AS "stayType", to_char(s.arrival, 'YYYY-MM-DD') AS arrival,
           (s.departure - s.arrival)::int AS nights, (l.region_id = ${regionId}) AS "inRegion"
      FROM stay s
      JOIN client c ON c.id = s.client_id
      JOIN region_postcode home ON home.pc4 = c.pc4 AND home.region_id = ${regionId}
      JOIN capacity_unit u ON u.id = s.unit_id
      JOIN location l ON l.id = u.location_id
     WHERE s.status IN ('confirmed', 'arrived', 'departed')
       AND s.arrival >= ${window.from} AND s.arrival < ${window.to}`.execute(db);
  return result.rows;
}

export interface UnplacedRequestRow {
  person: string;
  kind: string;
  /** The wished first night, else the Dutch calendar day the request was made. */
  date: IsoDate;
  nights: number | null;
  wlzProfile: string | null;
  /** The stay types of the latest triage, after a triagist's override; null when never triaged. */
  triagedStayTypes: string[] | null;
}

/**
 * Requests of residents for a stay (not a tour) that ended without one: cancelled or closed while no stay of theirs
 * was booked or took place. Requests still open are not counted: they may yet get a place.
 */
export async function unplacedRequestsOfResidents(
  db: Kysely<Database>,
  regionId: string,
  window: DateRange,
): Promise<UnplacedRequestRow[]> {
  const result = await sql<UnplacedRequestRow>`
    WITH asked AS (
      SELECT r.id, r.client_id, r.kind, r.indication_wlz_profile,
             coalesce(r.wished_arrival, (r.created_at AT TIME ZONE 'Europe/Amsterdam')::date) AS day,
             (r.wished_departure - r.wished_arrival)::int AS nights
        FROM referral r
        JOIN client c ON c.id = r.client_id
        JOIN region_postcode home ON home.pc4 = c.pc4 AND home.region_id = ${regionId}
       WHERE r.kind <> 'tour' AND r.status IN ('cancelled', 'closed')
         AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.referral_id = r.id AND s.status IN ('confirmed', 'arrived', 'departed'))
    )
    SELECT a.client_id::text AS person, a.kind, to_char(a.day, 'YYYY-MM-DD') AS date, a.nights,
           a.indication_wlz_profile AS "wlzProfile",
           (SELECT ARRAY(SELECT jsonb_array_elements_text(coalesce(
                     (SELECT o.value FROM triage_override o WHERE o.triage_id = t.id AND o.topic = 'stay_types' ORDER BY o.created_at DESC LIMIT 1),
                     t.outcome -> 'stayTypes', '[]'::jsonb)))
              FROM triage t WHERE t.referral_id = a.id ORDER BY t.created_at DESC LIMIT 1) AS "triagedStayTypes"
      FROM asked a
     WHERE a.day >= ${window.from} AND a.day < ${window.to}`.execute(db);
  return result.rows;
}

export interface PlanningUnitRow {
  providerId: string;
  provider: string;
  kind: 'bed' | 'home_night';
  acceptedStayTypes: string[];
  reservedFor: string | null;
}

/** The region's units active on a day, with their provider (organisation). */
export async function unitsOnDay(db: Kysely<Database>, regionId: string, day: IsoDate): Promise<PlanningUnitRow[]> {
  return db
    .selectFrom('capacity_unit as u')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select([
      'o.id as providerId',
      'o.name as provider',
      'u.kind',
      'u.accepted_stay_types as acceptedStayTypes',
      'u.reserved_for as reservedFor',
    ])
    .where('l.region_id', '=', regionId)
    .where('u.active_from', '<=', day)
    .where((eb) => eb.or([eb('u.active_until', 'is', null), eb('u.active_until', '>', day)]))
    .orderBy('o.name')
    .orderBy('u.name')
    .execute();
}

/** Locations of the region with a bed that takes planned respite on the day: where a reserved bed would stand. */
export async function respiteBedLocationsOnDay(db: Kysely<Database>, regionId: string, day: IsoDate): Promise<string[]> {
  const rows = await db
    .selectFrom('capacity_unit as u')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select('u.location_id as locationId')
    .distinct()
    .where('l.region_id', '=', regionId)
    .where('u.kind', '=', 'bed')
    .where(sql<boolean>`'respite' = ANY (u.accepted_stay_types)`)
    .where('u.active_from', '<=', day)
    .where((eb) => eb.or([eb('u.active_until', 'is', null), eb('u.active_until', '>', day)]))
    .orderBy('u.location_id')
    .execute();
  return rows.map((row) => row.locationId);
}
