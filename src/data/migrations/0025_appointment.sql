-- A tour of a location (rondleiding) or a trial stay (proeflogeren, a day part to get to know the place) is an
-- appointment at a location, not a stay: it takes no bed and needs no medical triage. The central point plans it;
-- the provider sees it on its day list.
CREATE TABLE appointment (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id  uuid NOT NULL REFERENCES referral (id),
  location_id  uuid NOT NULL REFERENCES location (id),
  kind         text NOT NULL CHECK (kind IN ('tour', 'trial_stay')),
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  status       text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
  note         text CHECK (length(note) <= 500),
  created_at   timestamptz NOT NULL DEFAULT app_now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX appointment_referral_idx ON appointment (referral_id);
CREATE INDEX appointment_location_idx ON appointment (location_id, starts_at);

CREATE TRIGGER appointment_audit AFTER INSERT OR UPDATE ON appointment FOR EACH ROW EXECUTE FUNCTION audit_change();
