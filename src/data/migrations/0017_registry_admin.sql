-- A region set up and kept up to date by its own people: an administrator registers regions, organisations and
-- locations; a provider keeps its locations, units and tariffs current. Every change is recorded in the audit log
-- by the same trigger as changes to personal data (0006), named after the table.

ALTER TABLE organisation
  ADD COLUMN contact_name  text,
  ADD COLUMN contact_email text,
  ADD COLUMN contact_phone text;
CREATE UNIQUE INDEX organisation_agb_code_key ON organisation (agb_code) WHERE agb_code IS NOT NULL;

ALTER TABLE location
  ADD COLUMN phone        text,
  ADD COLUMN description  text,
  -- What makes a stay feel like home (the people, the garden, the meals): for the public profile.
  ADD COLUMN homeliness   text,
  -- When the provider last said "this is how it is": a location's data that nobody confirmed for long is not to be
  -- trusted for matching (an empty bed without staff is not an available bed).
  ADD COLUMN confirmed_at timestamptz NOT NULL DEFAULT app_now(),
  ADD COLUMN updated_at   timestamptz NOT NULL DEFAULT app_now();

ALTER TABLE capacity_unit ADD COLUMN updated_at timestamptz NOT NULL DEFAULT app_now();

-- Regions have a text id: the record and client ids are read through jsonb, so one function serves every table.
CREATE OR REPLACE FUNCTION audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor jsonb := nullif(current_setting('adempauze.actor', true), '')::jsonb;
  self  jsonb := to_jsonb(NEW);
BEGIN
  IF actor IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_event (user_id, user_email, role, organisation_id, action, entity, record_id, client_id, purpose, outcome, ip)
  VALUES (
    (actor ->> 'userId')::uuid,
    actor ->> 'email',
    actor ->> 'role',
    (actor ->> 'organisationId')::uuid,
    CASE WHEN TG_OP = 'INSERT' THEN 'create' ELSE coalesce(actor ->> 'updateAction', 'update') END,
    CASE TG_TABLE_NAME WHEN 'stay_series' THEN 'series' WHEN 'app_user' THEN 'user' ELSE TG_TABLE_NAME END,
    self ->> 'id',
    (CASE WHEN TG_TABLE_NAME = 'client' THEN self ->> 'id' ELSE self ->> 'client_id' END)::uuid,
    actor ->> 'purpose',
    'success',
    actor ->> 'ip'
  );
  RETURN NULL;
END;
$$;

CREATE TRIGGER region_audit AFTER INSERT OR UPDATE ON region FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER organisation_audit AFTER INSERT OR UPDATE ON organisation FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER location_audit AFTER INSERT OR UPDATE ON location FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER capacity_unit_audit AFTER INSERT OR UPDATE ON capacity_unit FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER location_tariff_audit AFTER INSERT OR UPDATE ON location_tariff FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER co_payment_rule_audit AFTER INSERT OR UPDATE ON co_payment_rule FOR EACH ROW EXECUTE FUNCTION audit_change();
