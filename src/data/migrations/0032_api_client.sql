-- Systems that talk to the access point over FHIR (a hospital's transfer desk, a GP system, a capacity monitor):
-- one key per system, for one organisation, with the scopes it may use. Only the key's SHA-256 is kept, like a
-- session; the key is shown once when made. A revoked key stays, so the audit log keeps naming it.
CREATE TABLE api_client (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  name             text NOT NULL CHECK (length(trim(name)) >= 2),
  key_hash         text NOT NULL UNIQUE,
  scopes           text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['availability', 'capacity', 'referrals']),
  created_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT app_now(),
  last_used_at     timestamptz,
  revoked_at       timestamptz
);
CREATE TRIGGER api_client_audit AFTER INSERT OR UPDATE OF organisation_id, name, scopes, revoked_at ON api_client
  FOR EACH ROW EXECUTE FUNCTION audit_change();

-- A referral sent by a system names the key it came with, as a person's names the person.
ALTER TABLE referral ADD COLUMN referrer_api_client_id uuid REFERENCES api_client (id);
ALTER TABLE referral DROP CONSTRAINT referral_check2;
ALTER TABLE referral ADD CONSTRAINT referral_has_referrer
  CHECK (source = 'public' OR referrer_user_id IS NOT NULL OR referrer_api_client_id IS NOT NULL);
