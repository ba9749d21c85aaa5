-- The caregiver's own way back to a request sent through the public form: a secret link (only its SHA-256 is
-- stored), no account. The page behind it shows where the request stands and the access point's contact.
CREATE TABLE referral_status_link (
  token_hash   text PRIMARY KEY,
  referral_id  uuid NOT NULL UNIQUE REFERENCES referral (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT app_now()
);

-- How caregivers reach the central access point: one row, kept by its administrators.
CREATE TABLE access_point_contact (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  phone       text,
  email       text,
  hours       text,
  updated_at  timestamptz NOT NULL DEFAULT app_now()
);
INSERT INTO access_point_contact (id) VALUES (true);
