-- Core registry and bookings. Runs unchanged on PGlite and on a PostgreSQL server.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE region (
  id             text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{2,60}$'),
  name           text NOT NULL,
  municipalities text[] NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Which PC4 areas a region serves. A postcode area belongs to at most one region.
CREATE TABLE region_postcode (
  pc4       char(4) PRIMARY KEY CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
  region_id text NOT NULL REFERENCES region (id) ON DELETE CASCADE
);
CREATE INDEX region_postcode_region_idx ON region_postcode (region_id);

-- Stored in both directions so a lookup needs one index scan.
CREATE TABLE region_neighbour (
  region_id    text NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  neighbour_id text NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  PRIMARY KEY (region_id, neighbour_id),
  CHECK (region_id <> neighbour_id)
);

CREATE TABLE organisation (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  agb_code   char(8) CHECK (agb_code ~ '^[0-9]{8}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE location (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  region_id       text NOT NULL REFERENCES region (id),
  name            text NOT NULL,
  street          text NOT NULL,
  house_number    text NOT NULL,
  postcode        text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
  city            text NOT NULL,
  pc4             char(4) NOT NULL CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
  latitude        double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude       double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  features        text[] NOT NULL DEFAULT '{}' CHECK (features <@ ARRAY['secured_unit', 'nursing_24h', 'dementia_specialised', 'wheelchair_accessible', 'hoist_accessible', 'couple_room']),
  -- [{ "weekday": 1..7 (ISO, 1 = Monday), "from": "HH:MM", "until": "HH:MM" }]
  admission_hours jsonb NOT NULL DEFAULT '[]',
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX location_region_idx ON location (region_id);
CREATE INDEX location_organisation_idx ON location (organisation_id);

CREATE TABLE capacity_unit (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id         uuid NOT NULL REFERENCES location (id),
  name                text NOT NULL,
  kind                text NOT NULL DEFAULT 'bed' CHECK (kind IN ('bed', 'home_night')),
  accepted_stay_types text[] NOT NULL CHECK (cardinality(accepted_stay_types) > 0
                        AND accepted_stay_types <@ ARRAY['respite', 'crisis_wmo', 'crisis_wlz', 'elv_low_complex', 'elv_high_complex', 'elv_palliative', 'wlz_respite']),
  -- NULL: flexible, any accepted type may use it; otherwise reserved for this one type.
  reserved_for        text,
  features            text[] NOT NULL DEFAULT '{}' CHECK (features <@ ARRAY['secured_unit', 'nursing_24h', 'dementia_specialised', 'wheelchair_accessible', 'hoist_accessible', 'couple_room']),
  active_from         date NOT NULL,
  active_until        date,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (reserved_for IS NULL OR reserved_for = ANY (accepted_stay_types)),
  CHECK (active_until IS NULL OR active_until > active_from)
);
CREATE INDEX capacity_unit_location_idx ON capacity_unit (location_id);

CREATE TABLE unit_closure (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id    uuid NOT NULL REFERENCES capacity_unit (id),
  starts_on  date NOT NULL,
  ends_on    date NOT NULL,
  period     daterange GENERATED ALWAYS AS (daterange(starts_on, ends_on, '[)')) STORED,
  reason     text NOT NULL CHECK (reason IN ('admission_stop', 'maintenance', 'other')),
  note       text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on)
);
CREATE INDEX unit_closure_period_idx ON unit_closure USING gist (unit_id, period);

-- Minimal client record: the core only needs someone to book for. Referral intake extends it.
CREATE TABLE client (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  date_of_birth date,
  pc4           char(4) CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stay_series (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id  uuid NOT NULL REFERENCES client (id),
  rrule      text NOT NULL,
  nights     integer NOT NULL CHECK (nights BETWEEN 1 AND 90),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stay (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id         uuid NOT NULL REFERENCES capacity_unit (id),
  client_id       uuid NOT NULL REFERENCES client (id),
  stay_type       text NOT NULL CHECK (stay_type = ANY (ARRAY['respite', 'crisis_wmo', 'crisis_wlz', 'elv_low_complex', 'elv_high_complex', 'elv_palliative', 'wlz_respite'])),
  arrival         date NOT NULL,
  departure       date NOT NULL,
  period          daterange GENERATED ALWAYS AS (daterange(arrival, departure, '[)')) STORED,
  status          text NOT NULL CHECK (status IN
                    ('hold', 'confirmed', 'arrived', 'departed', 'cancelled', 'no_show', 'expired')),
  hold_expires_at timestamptz,
  cancel_reason   text,
  series_id       uuid REFERENCES stay_series (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (departure > arrival),
  CHECK ((status = 'hold') = (hold_expires_at IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  -- The guarantee: a unit never holds two overlapping stays that occupy it.
  -- Holds past their expiry are set to 'expired' before any write on the unit, so they never block.
  CONSTRAINT stay_no_overlap EXCLUDE USING gist (unit_id WITH =, period WITH &&)
    WHERE (status IN ('hold', 'confirmed', 'arrived', 'departed'))
);
CREATE INDEX stay_client_idx ON stay (client_id);
CREATE INDEX stay_series_idx ON stay (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX stay_hold_expiry_idx ON stay (hold_expires_at) WHERE status = 'hold';
