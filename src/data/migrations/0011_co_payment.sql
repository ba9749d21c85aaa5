-- The client's co-payment (eigen bijdrage) per night of a Wmo stay, set by each municipality, with validity dates.
-- Municipality names as in the PC4 table (assets/pc4), which is how a client's home is known.
CREATE TABLE co_payment_rule (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality     text NOT NULL,
  cents_per_night  integer NOT NULL CHECK (cents_per_night >= 0),
  valid_from       date NOT NULL,
  valid_until      date,
  CHECK (valid_until IS NULL OR valid_until > valid_from),
  CONSTRAINT co_payment_rule_no_overlap EXCLUDE USING gist (
    municipality WITH =, daterange(valid_from, valid_until, '[)') WITH &&)
);
