-- Changes to personal data are recorded by the database in the same transaction as the change, so a change can
-- never be committed without its audit event (not even when the process dies right after the commit). The
-- application names the person behind the transaction with set_config('adempauze.actor', json, true); system work
-- (seeding, expiring holds) sets nothing and is not recorded here.
CREATE FUNCTION audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor jsonb := nullif(current_setting('adempauze.actor', true), '')::jsonb;
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
    NEW.id::text,
    CASE WHEN TG_TABLE_NAME = 'client' THEN NEW.id ELSE (to_jsonb(NEW) ->> 'client_id')::uuid END,
    actor ->> 'purpose',
    'success',
    actor ->> 'ip'
  );
  RETURN NULL;
END;
$$;

CREATE TRIGGER client_audit AFTER INSERT OR UPDATE ON client FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER stay_audit AFTER INSERT OR UPDATE ON stay FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER stay_series_audit AFTER INSERT OR UPDATE ON stay_series FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER app_user_audit AFTER INSERT OR UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION audit_change();
