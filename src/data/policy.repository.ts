import { type Kysely, sql } from 'kysely';
import type { DateRange } from '../domain/dates.ts';
import type {
  Cancellation,
  CapacityCount,
  LeadTime,
  OccupiedByLocation,
  OccupiedByStayType,
  PlacementCount,
  RequestsByMonthAndKind,
  RequestsByPostcode,
  SurveyAnswer,
  WaitingSpell,
} from '../domain/policy/figures.ts';
import type { Database } from './schema.ts';
import { OCCUPYING_STATUSES } from '../domain/stay-lifecycle.ts';

export interface StayCountRow {
  stayType: string;
  pc4: string | null;
  stays: number;
  nights: number;
}

/** Stays that arrive in the window at units of the region (held, booked or done), by stay type and home postcode. */
export async function countStaysByTypeAndPc4(db: Kysely<Database>, regionId: string, window: DateRange): Promise<StayCountRow[]> {
  const rows = await db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .select([
      's.stay_type as stayType',
      'c.pc4',
      sql<number>`count(*)::int`.as('stays'),
      sql<number>`sum(s.departure - s.arrival)::int`.as('nights'),
    ])
    .where('l.region_id', '=', regionId)
    .where('s.arrival', '>=', window.from)
    .where('s.arrival', '<', window.to)
    .where('s.status', 'in', [...OCCUPYING_STATUSES])
    .groupBy(['s.stay_type', 'c.pc4'])
    .execute();
  return rows;
}

// ——— the policy monitor ———
// Counts for the figures of src/domain/policy/figures.ts. Timestamps are read as Dutch calendar days: a referral made at
// 00:30 on the first of a month belongs to that month, whatever the server's time zone.

const LOCAL = sql.raw(`'Europe/Amsterdam'`);

/** A period of the monitor, for the whole area or one region. */
export type PolicyWindow = DateRange & { regionId?: string };

/** Supply side: a unit at one of the region's locations (when a region is chosen). */
const unitInRegion = (window: PolicyWindow, unitColumn: string) =>
  window.regionId
    ? sql`AND ${sql.ref(unitColumn)} IN (SELECT u0.id FROM capacity_unit u0 JOIN location l0 ON l0.id = u0.location_id WHERE l0.region_id = ${window.regionId})`
    : sql``;
/** Demand side: a client living in the region, by postcode area (when a region is chosen). */
const residentOf = (window: PolicyWindow, clientColumn: string) =>
  window.regionId
    ? sql`AND ${sql.ref(clientColumn)} IN (SELECT c0.id FROM client c0 JOIN region_postcode rp0 ON rp0.pc4 = c0.pc4 WHERE rp0.region_id = ${window.regionId})`
    : sql``;
/** The moment a calendar day starts in the Netherlands. */
const startOf = (date: string) => sql<Date>`(${date}::date::timestamp AT TIME ZONE ${LOCAL})`;

/** Each month the window touches, cut to the window: month (YYYY-MM), lo, hi (exclusive). */
const monthsOf = (window: DateRange) => sql`
  SELECT to_char(m, 'YYYY-MM') AS month,
         greatest(m::date, ${window.from}::date) AS lo,
         least((m + interval '1 month')::date, ${window.to}::date) AS hi
    FROM generate_series(date_trunc('month', ${window.from}::date::timestamp), (${window.to}::date - 1)::timestamp, interval '1 month') AS m`;

/** Unit-nights each location had per month: units while active, less the nights they were closed. */
export async function capacityByLocationAndMonth(db: Kysely<Database>, window: PolicyWindow): Promise<CapacityCount[]> {
  const result = await sql<CapacityCount>`
    WITH months AS (${monthsOf(window)}),
    active AS (
      SELECT u.id AS unit_id, u.location_id, mo.month,
             greatest(u.active_from, mo.lo) AS lo, least(coalesce(u.active_until, mo.hi), mo.hi) AS hi
        FROM capacity_unit u JOIN months mo ON u.active_from < mo.hi AND (u.active_until IS NULL OR u.active_until > mo.lo)
       WHERE TRUE ${unitInRegion(window, 'u.id')}
    ),
    closed AS (
      -- Night by night, so that overlapping closures of one unit count once.
      SELECT a.unit_id, a.month, count(DISTINCT night)::int AS nights
        FROM active a
        JOIN unit_closure c ON c.unit_id = a.unit_id AND c.starts_on < a.hi AND c.ends_on > a.lo
        CROSS JOIN LATERAL generate_series(greatest(c.starts_on, a.lo)::timestamp, (least(c.ends_on, a.hi) - 1)::timestamp, interval '1 day') AS night
       GROUP BY a.unit_id, a.month
    )
    SELECT l.id AS "locationId", l.name AS location, r.name AS region, a.month,
           sum((a.hi - a.lo) - coalesce(cl.nights, 0))::int AS "availableNights"
      FROM active a
      JOIN location l ON l.id = a.location_id
      JOIN region r ON r.id = l.region_id
      LEFT JOIN closed cl ON cl.unit_id = a.unit_id AND cl.month = a.month
     GROUP BY l.id, l.name, r.name, a.month`.execute(db);
  return result.rows;
}

// Holds are not counted: they are offers, not stays.
const OCCUPYING = sql.raw(`('confirmed', 'arrived', 'departed')`);

export async function occupiedByLocationAndMonth(db: Kysely<Database>, window: PolicyWindow): Promise<OccupiedByLocation[]> {
  const result = await sql<OccupiedByLocation>`
    WITH months AS (${monthsOf(window)})
    SELECT u.location_id AS "locationId", mo.month, sum(least(s.departure, mo.hi) - greatest(s.arrival, mo.lo))::int AS nights
      FROM stay s
      JOIN capacity_unit u ON u.id = s.unit_id
      JOIN months mo ON s.arrival < mo.hi AND s.departure > mo.lo
     WHERE s.status IN ${OCCUPYING} ${unitInRegion(window, 's.unit_id')}
     GROUP BY u.location_id, mo.month`.execute(db);
  return result.rows;
}

export async function occupiedByStayTypeAndMonth(db: Kysely<Database>, window: PolicyWindow): Promise<OccupiedByStayType[]> {
  const result = await sql<OccupiedByStayType>`
    WITH months AS (${monthsOf(window)})
    SELECT mo.month, s.stay_type AS "stayType", sum(least(s.departure, mo.hi) - greatest(s.arrival, mo.lo))::int AS nights,
           count(DISTINCT s.client_id)::int AS people
      FROM stay s
      JOIN months mo ON s.arrival < mo.hi AND s.departure > mo.lo
     WHERE s.status IN ${OCCUPYING} ${unitInRegion(window, 's.unit_id')}
     GROUP BY mo.month, s.stay_type`.execute(db);
  return result.rows;
}

const madeIn = (window: DateRange) => sql<boolean>`r.created_at >= ${startOf(window.from)} AND r.created_at < ${startOf(window.to)}`;

export async function requestsByMonthAndKind(db: Kysely<Database>, window: PolicyWindow): Promise<RequestsByMonthAndKind[]> {
  const result = await sql<RequestsByMonthAndKind>`
    SELECT to_char(r.created_at AT TIME ZONE ${LOCAL}, 'YYYY-MM') AS month, r.kind,
           count(*)::int AS requests, count(DISTINCT r.client_id)::int AS people
      FROM referral r
     WHERE ${madeIn(window)} ${residentOf(window, 'r.client_id')}
     GROUP BY 1, 2`.execute(db);
  return result.rows;
}

export async function requestsByPostcode(db: Kysely<Database>, window: PolicyWindow): Promise<RequestsByPostcode[]> {
  const result = await sql<RequestsByPostcode>`
    SELECT c.pc4, count(*)::int AS requests, count(DISTINCT r.client_id)::int AS people
      FROM referral r JOIN client c ON c.id = r.client_id
     WHERE ${madeIn(window)} ${residentOf(window, 'r.client_id')}
     GROUP BY c.pc4`.execute(db);
  return result.rows;
}

/** Referrals made in the window that got a stay, by the guest's home region and whether the first stay was in it. */
export async function placementsByHomeRegion(db: Kysely<Database>, window: PolicyWindow): Promise<PlacementCount[]> {
  const result = await sql<PlacementCount>`
    WITH placed AS (
      SELECT DISTINCT ON (r.id) r.id, r.client_id, c.pc4, l.region_id AS placed_region
        FROM referral r
        JOIN client c ON c.id = r.client_id
        JOIN stay s ON s.referral_id = r.id AND s.status IN ${OCCUPYING}
        JOIN capacity_unit u ON u.id = s.unit_id
        JOIN location l ON l.id = u.location_id
       WHERE ${madeIn(window)}
       ORDER BY r.id, s.arrival
    )
    SELECT home.id AS "homeRegionId", home.name AS "homeRegion", (p.placed_region = home.id) AS within,
           count(*)::int AS requests, count(DISTINCT p.client_id)::int AS people
      FROM placed p
      JOIN region_postcode rp ON rp.pc4 = p.pc4
      JOIN region home ON home.id = rp.region_id
     WHERE ${window.regionId ? sql`home.id = ${window.regionId}` : sql`TRUE`}
     GROUP BY home.id, home.name, (p.placed_region = home.id)`.execute(db);
  return result.rows;
}

/** Days from each referral made in the window to its first hold or booking, and to its first confirmed booking. */
export async function leadTimes(db: Kysely<Database>, window: PolicyWindow): Promise<LeadTime[]> {
  const days = (first: ReturnType<typeof sql>) => sql`(extract(epoch FROM (${first} - r.created_at)) / 86400)::float8`;
  const result = await sql<LeadTime>`
    SELECT r.kind, r.client_id::text AS person,
           ${days(sql`min(e.at) FILTER (WHERE e.kind = 'booked')`)} AS "daysToOffer",
           ${days(sql`min(e.at) FILTER (WHERE e.kind = 'confirmed' OR (e.kind = 'booked' AND e.details ->> 'status' = 'confirmed'))`)} AS "daysToBooking"
      FROM referral r
      LEFT JOIN referral_event e ON e.referral_id = r.id
     WHERE ${madeIn(window)} ${residentOf(window, 'r.client_id')}
     GROUP BY r.id, r.kind, r.client_id`.execute(db);
  return result.rows;
}

/** Stays cancelled whose arrival fell in the window, with the reason as given (the domain decides what is shown). */
export async function cancellations(db: Kysely<Database>, window: PolicyWindow): Promise<Cancellation[]> {
  let query = db
    .selectFrom('stay')
    .select(['cancel_reason as reason', sql<string>`client_id::text`.as('person')])
    .where('status', '=', 'cancelled')
    .where('arrival', '>=', window.from)
    .where('arrival', '<', window.to);
  if (window.regionId) {
    query = query.where('unit_id', 'in', (eb) =>
      eb
        .selectFrom('capacity_unit as u')
        .innerJoin('location as l', 'l.id', 'u.location_id')
        .select('u.id')
        .where('l.region_id', '=', window.regionId!),
    );
  }
  return query.execute();
}

/**
 * Each time a referral went on the waiting list, until it left: its next hold or booking, or the referral being
 * closed or cancelled. Only spells that touch the window.
 */
export async function waitingSpells(db: Kysely<Database>, window: PolicyWindow): Promise<WaitingSpell[]> {
  const result = await sql<WaitingSpell>`
    SELECT person, "from", until FROM (
      SELECT r.client_id::text AS person,
             to_char(w.at AT TIME ZONE ${LOCAL}, 'YYYY-MM-DD') AS "from",
             to_char(least(
               (SELECT min(b.at) FROM referral_event b WHERE b.referral_id = w.referral_id AND b.kind = 'booked' AND b.at > w.at),
               CASE WHEN r.status IN ('cancelled', 'closed') AND r.updated_at > w.at THEN r.updated_at END
             ) AT TIME ZONE ${LOCAL}, 'YYYY-MM-DD') AS until
        FROM referral_event w JOIN referral r ON r.id = w.referral_id
       WHERE w.kind = 'waiting' AND w.at < ${startOf(window.to)} ${residentOf(window, 'r.client_id')}
    ) AS spell
    WHERE until IS NULL OR until > ${window.from}`.execute(db);
  return result.rows;
}

/** Survey answers given in the window: scores only, never the comment. */
export async function surveyAnswers(db: Kysely<Database>, window: PolicyWindow): Promise<SurveyAnswer[]> {
  const rows = await db
    .selectFrom('survey')
    .select(['respondent', sql<string>`client_id::text`.as('person'), 'scores'])
    .where('answered_at', '>=', startOf(window.from))
    .where('answered_at', '<', startOf(window.to))
    .where(sql<boolean>`TRUE ${residentOf(window, 'survey.client_id')}`)
    .execute();
  return rows.map((row) => ({ respondent: row.respondent, person: row.person, scores: (row.scores ?? {}) as Record<string, unknown> }));
}
