-- What a region pays each year for respite care outside the night tariffs: staff, coordination of the access point,
-- and contracts that pay a lump sum for keeping beds available (the Peelregio's logeerhuis: insurer 50 %,
-- municipalities 50 %). The MKBA counts them as cost lines of their own (issue 19). Aggregate money, no personal data.
CREATE TABLE region_yearly_cost (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id            text NOT NULL REFERENCES region (id),
  kind                 text NOT NULL CHECK (kind IN ('staff', 'coordination', 'availability_contract')),
  description          text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  -- A contract pays for the beds of one location: the respite nights there are not priced again at the tariff.
  location_id          uuid REFERENCES location (id),
  cents_per_year       integer NOT NULL CHECK (cents_per_year >= 0),
  municipality_percent integer NOT NULL CHECK (municipality_percent BETWEEN 0 AND 100),
  insurer_percent      integer NOT NULL CHECK (insurer_percent BETWEEN 0 AND 100),
  care_office_percent  integer NOT NULL CHECK (care_office_percent BETWEEN 0 AND 100),
  valid_from           date NOT NULL,
  valid_until          date,
  created_at           timestamptz NOT NULL DEFAULT app_now(),
  CHECK (municipality_percent + insurer_percent + care_office_percent = 100),
  CHECK (valid_until IS NULL OR valid_until > valid_from),
  CHECK ((kind = 'availability_contract') = (location_id IS NOT NULL))
);
CREATE INDEX region_yearly_cost_region_idx ON region_yearly_cost (region_id);
