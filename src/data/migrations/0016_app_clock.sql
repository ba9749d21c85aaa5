-- The app's clock in the database. The app may run on another day than the real one (ADEMPAUZE_NOW, for demos
-- and test runs); it tells each connection how far its clock is from the real time in adempauze.clock_offset_ms,
-- and the times the database stamps on business rows (when a request came in, a stay was booked, an offer made, a
-- step of a referral taken) follow it. Sign-in (sessions, tokens, codes, accounts), the audit log and the migration
-- record keep the real time: the audit log must say when something really happened.
CREATE FUNCTION app_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT now() + coalesce(nullif(current_setting('adempauze.clock_offset_ms', true), ''), '0')::float8 * interval '1 millisecond'
$$;

-- Like clock_timestamp(): it moves within a transaction, so two events of one transaction keep their order.
CREATE FUNCTION app_clock_timestamp() RETURNS timestamptz LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT clock_timestamp() + coalesce(nullif(current_setting('adempauze.clock_offset_ms', true), ''), '0')::float8 * interval '1 millisecond'
$$;

DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT table_name, column_name, column_default
      FROM information_schema.columns
     WHERE table_schema = current_schema()
       AND column_default IN ('now()', 'clock_timestamp()')
       AND table_name NOT IN ('app_user', 'user_session', 'one_time_token', 'audit_event', 'schema_migration')
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT %s', c.table_name, c.column_name,
                   CASE c.column_default WHEN 'now()' THEN 'app_now()' ELSE 'app_clock_timestamp()' END);
  END LOOP;
END;
$$;

CREATE OR REPLACE FUNCTION sync_referral_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  derived text;
BEGIN
  IF NEW.referral_id IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT CASE
           WHEN bool_or(status = 'arrived') THEN 'arrived'
           WHEN bool_or(status = 'confirmed') THEN 'booked'
           WHEN bool_or(status = 'hold') THEN 'proposed'
           WHEN bool_or(status = 'departed') THEN 'departed'
           ELSE 'triaged'
         END
    INTO derived
    FROM stay WHERE referral_id = NEW.referral_id;
  UPDATE referral SET status = derived, updated_at = app_now()
   WHERE id = NEW.referral_id
     AND status IN ('triaged', 'waiting', 'proposed', 'booked', 'arrived', 'departed')
     AND status IS DISTINCT FROM derived;
  RETURN NULL;
END;
$$;
