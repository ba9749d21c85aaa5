-- Price per night of a stay type at a location, split into components so costs can later be routed to
-- the right financier (housing and stay: Wmo; care: Zvw). Amounts in euro cents.
CREATE TABLE location_tariff (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id   uuid NOT NULL REFERENCES location (id),
  stay_type     text NOT NULL CHECK (stay_type = ANY (ARRAY['respite', 'crisis_wmo', 'crisis_wlz',
                  'elv_low_complex', 'elv_high_complex', 'elv_palliative', 'wlz_respite'])),
  funding       text NOT NULL DEFAULT 'in_kind' CHECK (funding IN ('in_kind', 'personal_budget')),
  housing_cents integer NOT NULL DEFAULT 0 CHECK (housing_cents >= 0),
  stay_cents    integer NOT NULL DEFAULT 0 CHECK (stay_cents >= 0),
  care_cents    integer NOT NULL DEFAULT 0 CHECK (care_cents >= 0),
  valid_from    date NOT NULL,
  valid_until   date,
  CHECK (valid_until IS NULL OR valid_until > valid_from),
  CONSTRAINT location_tariff_no_overlap EXCLUDE USING gist (
    location_id WITH =, stay_type WITH =, funding WITH =, daterange(valid_from, valid_until, '[)') WITH &&)
);
