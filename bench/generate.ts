/**
 * National-scale data for the search benchmark, generated inside PostgreSQL with INSERT … SELECT generate_series.
 *
 * Every random choice comes from hashtextextended(key, SEED): a hash of a stable key (e.g. "<unit id>:l7" for the
 * length of a unit's 7th stay). The data is therefore the same on every run, whatever order the server evaluates
 * rows in, and all ids are md5-derived UUIDs, so two runs compare like for like.
 */

import { CARE_FEATURES } from '../src/domain/care-features.ts';

export const SEED = 20_270_101;
/**
 * The search data covers the year from the day of the run (stays start 20 days earlier so the first nights are
 * occupied too). Dates move with the calendar, everything else is fixed by the seed; starting today keeps every
 * search inside the window the availability read model holds (from 31 days back).
 */
export const YEAR_DAYS = 365;

export interface Scale {
  regions: number;
  locations: number;
  organisations: number;
  clients: number;
}

export const FULL_SCALE: Scale = { regions: 32, locations: 1070, organisations: 270, clients: 40_000 };
export const QUICK_SCALE: Scale = { regions: 32, locations: 270, organisations: 70, clients: 10_000 };

export const FEATURES = CARE_FEATURES;
// One chance per feature, in the order of CARE_FEATURES.
const LOCATION_FEATURE_CHANCE = [0.3, 0.5, 0.25, 0.7, 0.35, 0.08];

/**
 * A stable UUID from a text key: md5 with the version nibble set to 4 and the variant to 10xx, so the ids pass the
 * API's uuid validation like real (random v4) ids do.
 */
export const uid = (key: string) => `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;

/** Uniform in [0, 1) from a text key; the same key always gives the same number. */
const rnd = (key: string) => `((hashtextextended(${key}, ${SEED}) & 2147483647)::float8 / 2147483648.0)`;

export function regionId(index: number): string {
  return `bench-r${String(index).padStart(2, '0')}`;
}

/** The statements that fill an empty, migrated database. Run them in order on one connection. */
export function generationStatements(scale: Scale, yearStart: string): { label: string; sql: string }[] {
  const { regions: R, locations: L, organisations: O, clients: C } = scale;
  const y0 = `DATE '${yearStart}'`;
  const featureArray = `ARRAY[${FEATURES.map((f) => `'${f}'`).join(',')}]`;
  const chanceArray = `ARRAY[${LOCATION_FEATURE_CHANCE.join(',')}]::float8[]`;
  return [
    {
      label: 'organisations, regions, neighbours, postcodes, clients',
      sql: `
INSERT INTO organisation (id, name, agb_code)
SELECT ${uid(`'org-' || o`)}, 'Zorggroep ' || o, (10000000 + o)::text FROM generate_series(1, ${O}) o;

INSERT INTO region (id, name, municipalities)
SELECT 'bench-r' || lpad(r::text, 2, '0'), 'Regio ' || r, ARRAY['Gemeente ' || r || 'a', 'Gemeente ' || r || 'b']
  FROM generate_series(1, ${R}) r;

-- A ring plus a chord five steps on, stored in both directions like the app does.
INSERT INTO region_neighbour (region_id, neighbour_id)
SELECT DISTINCT 'bench-r' || lpad(a::text, 2, '0'), 'bench-r' || lpad(b::text, 2, '0')
  FROM generate_series(1, ${R}) r,
       LATERAL (VALUES (r, r % ${R} + 1), (r % ${R} + 1, r), (r, (r + 4) % ${R} + 1), ((r + 4) % ${R} + 1, r)) AS e(a, b)
 WHERE a <> b;

INSERT INTO region_postcode (pc4, region_id)
SELECT p::text, 'bench-r' || lpad((1 + (p - 1000) * ${R} / 9000)::text, 2, '0') FROM generate_series(1000, 9999) p;

INSERT INTO client (id, name, date_of_birth, pc4)
SELECT ${uid(`'client-' || c`)}, 'Cliënt ' || c, DATE '1925-01-01' + floor(${rnd(`'client-b' || c`)} * 10000)::int,
       (1000 + floor(${rnd(`'client-p' || c`)} * 9000)::int)::text
  FROM generate_series(1, ${C}) c;`,
    },
    {
      label: 'locations',
      // Regions differ in size: power(u, 1.4) crowds locations into the low region numbers (about 3.5x between the
      // largest and the smallest region).
      sql: `
INSERT INTO location (id, organisation_id, region_id, name, street, house_number, postcode, city, pc4, latitude,
                      longitude, features, admission_hours)
SELECT ${uid(`'loc-' || l`)},
       ${uid(`'org-' || (1 + (l - 1) % ${O})`)},
       'bench-r' || lpad((1 + least(${R - 1}, floor(${R} * power(${rnd(`'loc-r' || l`)}, 1.4))::int))::text, 2, '0'),
       'Locatie ' || lpad(l::text, 5, '0'),
       'Zorgstraat', l::text,
       pc4 || ' AB', 'Plaats ' || l, pc4,
       50.8 + ${rnd(`'loc-lat' || l`)} * 2.6,
       3.5 + ${rnd(`'loc-lon' || l`)} * 3.6,
       ARRAY(SELECT f FROM unnest(${featureArray}, ${chanceArray}) AS t(f, chance)
              WHERE ${rnd(`'loc-f' || l || f`)} < chance),
       '[{"weekday":1,"from":"09:00","until":"17:00"},{"weekday":3,"from":"09:00","until":"17:00"}]'
  FROM generate_series(1, ${L}) l,
       LATERAL (SELECT (1000 + floor(${rnd(`'loc-pc' || l`)} * 9000)::int)::text AS pc4) p;`,
    },
    {
      label: 'capacity units (4–20 per location)',
      sql: `
INSERT INTO capacity_unit (id, location_id, name, kind, accepted_stay_types, reserved_for, features, active_from, active_until)
SELECT ${uid(`key`)}, ${uid(`'loc-' || l`)}, 'Kamer ' || lpad(k::text, 2, '0'),
       CASE WHEN ${rnd(`key || 'kind'`)} < 0.1 THEN 'home_night' ELSE 'bed' END,
       accepted,
       CASE WHEN ${rnd(`key || 'res'`)} < 0.1 THEN accepted[1] END,
       CASE WHEN ${rnd(`key || 'feat'`)} < 0.1
            THEN ARRAY[(${featureArray})[1 + floor(${rnd(`key || 'featpick'`)} * ${FEATURES.length})::int]]
            ELSE '{}' END,
       active_from,
       CASE WHEN ${rnd(`key || 'until'`)} < 0.03
            THEN greatest(active_from, ${y0}) + 1 + floor(${rnd(`key || 'untild'`)} * ${YEAR_DAYS - 30})::int END
  FROM generate_series(1, ${L}) l,
       LATERAL generate_series(1, 4 + floor(${rnd(`'loc-n' || l`)} * 17)::int) k,
       LATERAL (SELECT 'unit-' || l || '-' || k AS key) kk,
       LATERAL (SELECT CASE floor(${rnd(`key || 'prof'`)} * 6)::int
                  WHEN 0 THEN ARRAY['respite', 'wlz_respite']
                  WHEN 1 THEN ARRAY['respite', 'crisis_wmo', 'elv_low_complex']
                  WHEN 2 THEN ARRAY['elv_low_complex', 'elv_high_complex', 'elv_palliative']
                  WHEN 3 THEN ARRAY['crisis_wlz', 'wlz_respite', 'respite']
                  WHEN 4 THEN ARRAY['elv_high_complex', 'elv_palliative']
                  ELSE ARRAY['respite', 'crisis_wmo', 'crisis_wlz', 'elv_low_complex', 'elv_high_complex',
                             'elv_palliative', 'wlz_respite'] END AS accepted,
                CASE WHEN ${rnd(`key || 'new'`)} < 0.05
                  THEN ${y0} + floor(${rnd(`key || 'newd'`)} * ${YEAR_DAYS - 30})::int
                  ELSE DATE '2020-01-01' END AS active_from) a;`,
    },
    {
      // Before the run day: departed (or no-show), across it: arrived; later: confirmed, some holds (expiring in a
      // day), expired holds and cancellations.
      label: 'stays (a chain per unit: gap 0–12 days, 2–28 nights, skewed short)',
      // arrival of the k-th stay = start + Σ_{i≤k} (gap_i + nights_i) − nights_k: back to back, never overlapping.
      sql: `
INSERT INTO stay (id, unit_id, client_id, stay_type, arrival, departure, status, hold_expires_at, cancel_reason)
WITH c AS (
  SELECT u.id AS unit_id, u.accepted_stay_types AS accepted, u.reserved_for, u.active_from, u.active_until, k,
         u.id::text || ':' || k AS key,
         -- Guests come back, but each to one unit only (a lane of C / units clients per unit, taken in turn), so no
         -- guest ever holds two overlapping stays (stay_client_no_overlap); needs at least as many clients as units.
         (dense_rank() OVER (ORDER BY u.id) - 1) * greatest(1, ${C} * 30 / count(*) OVER ())
           + k % greatest(1, ${C} * 30 / count(*) OVER ()) AS guest,
         floor(${rnd(`u.id::text || ':g' || k`)} * 13)::int AS gap,
         2 + floor(power(${rnd(`u.id::text || ':n' || k`)}, 1.6) * 27)::int AS nights
    FROM capacity_unit u CROSS JOIN generate_series(1, 30) k
), p AS (
  SELECT *, ${y0} - 20 + (sum(gap + nights) OVER (PARTITION BY unit_id ORDER BY k) - nights)::int AS arrival FROM c
), s AS (
  SELECT *, ${rnd(`key || 'st'`)} AS r_status FROM p
   WHERE arrival < ${y0} + ${YEAR_DAYS}
     AND arrival >= active_from AND (active_until IS NULL OR arrival + nights <= active_until)
)
SELECT ${uid(`'stay-' || key`)}, unit_id,
       ${uid(`'client-' || (1 + guest)`)},
       coalesce(reserved_for, accepted[1 + floor(${rnd(`key || 'ty'`)} * cardinality(accepted))::int]),
       arrival, arrival + nights,
       status,
       CASE WHEN status = 'hold' THEN now() + interval '1 day' END,
       CASE WHEN status = 'cancelled' THEN 'Plannen gewijzigd' END
  FROM s, LATERAL (SELECT CASE
         WHEN r_status < 0.03 THEN 'cancelled'
         WHEN arrival + nights <= ${y0} THEN CASE WHEN r_status < 0.05 THEN 'no_show' ELSE 'departed' END
         WHEN arrival <= ${y0} THEN 'arrived'
         WHEN r_status < 0.05 THEN 'expired'
         WHEN r_status < 0.07 THEN 'hold'
         ELSE 'confirmed' END AS status) st;`,
    },
    {
      label: 'closures (4% of units, 3–60 days)',
      sql: `
INSERT INTO unit_closure (id, unit_id, starts_on, ends_on, reason, note)
SELECT ${uid(`'closure-' || u.id`)}, u.id, d, d + 3 + floor(${rnd(`u.id::text || ':cl-n'`)} * 58)::int,
       CASE WHEN ${rnd(`u.id::text || ':cl-r'`)} < 0.5 THEN 'maintenance' ELSE 'admission_stop' END, 'bench'
  FROM capacity_unit u, LATERAL (SELECT ${y0} + floor(${rnd(`u.id::text || ':cl-d'`)} * ${YEAR_DAYS})::int AS d) x
 WHERE ${rnd(`u.id::text || ':cl'`)} < 0.04;`,
    },
  ];
}
