-- Issue 18: the read model follows a change feed it polls, instead of a NOTIFY per changed row (0003).
--
-- Why: PostgreSQL takes a database-wide lock before the commit of every transaction that sent a NOTIFY and holds it
-- through the commit's WAL flush, so all committing stay inserts waited for each other: raw inserts ran at about
-- 900/s with the NOTIFY and 1 400/s without it (npm run bench:triggers). An insert into a table commits side by side.
--
-- A row names what changed and the transaction that changed it (xid8), not the new state: a reader reads the row's
-- current state itself, in the same statement, so reading a change late is harmless. A reader polls for the rows of
-- transactions that its previous poll's snapshot did not yet see as committed (pg_visible_in_snapshot) and that are
-- visible now: each change is read once, however long its transaction ran.
CREATE TABLE availability_change (
  xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
  kind       text NOT NULL CHECK (kind IN ('stay', 'closure', 'registry')),
  row_id     uuid,
  CHECK ((kind = 'registry') = (row_id IS NULL))
);
CREATE INDEX availability_change_xid_idx ON availability_change (xid);

-- The feed is pruned: rows of transactions before `before` are gone. A reader whose horizon is older than that may
-- have missed some, and reloads.
CREATE TABLE availability_change_pruned (before xid8 NOT NULL);
INSERT INTO availability_change_pruned VALUES ('0');

DROP TRIGGER stay_notify ON stay;
DROP TRIGGER unit_closure_notify ON unit_closure;
DROP TRIGGER region_notify ON region;
DROP TRIGGER region_neighbour_notify ON region_neighbour;
DROP TRIGGER location_notify ON location;
DROP TRIGGER capacity_unit_notify ON capacity_unit;
DROP FUNCTION notify_stay_change();
DROP FUNCTION notify_closure_change();
DROP FUNCTION notify_registry_change();

CREATE FUNCTION record_availability_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO availability_change (kind, row_id)
  VALUES (TG_ARGV[0], CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  RETURN NULL;
END $$;

-- An update that leaves the unit, the dates, the status and the hold's expiry alone changes no availability.
CREATE TRIGGER stay_availability_insert_delete AFTER INSERT OR DELETE ON stay
  FOR EACH ROW EXECUTE FUNCTION record_availability_change('stay');
CREATE TRIGGER stay_availability_update AFTER UPDATE OF unit_id, arrival, departure, status, hold_expires_at ON stay
  FOR EACH ROW
  WHEN ((OLD.unit_id, OLD.arrival, OLD.departure, OLD.status, OLD.hold_expires_at)
        IS DISTINCT FROM (NEW.unit_id, NEW.arrival, NEW.departure, NEW.status, NEW.hold_expires_at))
  EXECUTE FUNCTION record_availability_change('stay');
CREATE TRIGGER unit_closure_availability AFTER INSERT OR UPDATE OR DELETE ON unit_closure
  FOR EACH ROW EXECUTE FUNCTION record_availability_change('closure');

-- Registry changes are rare: one row per statement, and the reader reloads the registry.
CREATE FUNCTION record_registry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO availability_change (kind) VALUES ('registry');
  RETURN NULL;
END $$;

CREATE TRIGGER region_availability AFTER INSERT OR UPDATE OR DELETE ON region
  FOR EACH STATEMENT EXECUTE FUNCTION record_registry_change();
CREATE TRIGGER region_neighbour_availability AFTER INSERT OR UPDATE OR DELETE ON region_neighbour
  FOR EACH STATEMENT EXECUTE FUNCTION record_registry_change();
CREATE TRIGGER location_availability AFTER INSERT OR UPDATE OR DELETE ON location
  FOR EACH STATEMENT EXECUTE FUNCTION record_registry_change();
CREATE TRIGGER capacity_unit_availability AFTER INSERT OR UPDATE OR DELETE ON capacity_unit
  FOR EACH STATEMENT EXECUTE FUNCTION record_registry_change();

-- place_stay (0034) without its sync marker: the writer's read model polls after the commit instead.
DROP FUNCTION place_stay(text, text, uuid, text[], text, date, date, uuid, text, date, date, text, timestamptz, uuid, boolean,
                         text[], text, uuid);
CREATE FUNCTION place_stay(
  p_actor text,
  p_unit_id uuid,
  p_accepted_stay_types text[],
  p_reserved_for text,
  p_active_from date,
  p_active_until date,
  p_client_id uuid,
  p_stay_type text,
  p_arrival date,
  p_departure date,
  p_status text,
  p_hold_expires_at timestamptz,
  p_referral_id uuid,
  p_open_ended boolean,
  p_required_features text[],
  p_feature_override_reason text,
  p_feature_override_by uuid
) RETURNS SETOF stay LANGUAGE plpgsql AS $$
BEGIN
  IF p_actor IS NOT NULL THEN
    PERFORM set_config('adempauze.actor', p_actor, true);
  END IF;
  PERFORM 1 FROM capacity_unit
    WHERE id = p_unit_id
      AND accepted_stay_types = p_accepted_stay_types
      AND reserved_for IS NOT DISTINCT FROM p_reserved_for
      AND active_from = p_active_from
      AND active_until IS NOT DISTINCT FROM p_active_until
    FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM unit_closure WHERE unit_id = p_unit_id AND period && daterange(p_arrival, p_departure, '[)')) THEN
    RETURN;
  END IF;
  RETURN QUERY
    INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status, hold_expires_at, referral_id,
                      open_ended, required_features, feature_override_reason, feature_override_by)
    VALUES (p_unit_id, p_client_id, p_stay_type, p_arrival, p_departure, p_status, p_hold_expires_at, p_referral_id,
            p_open_ended, p_required_features, p_feature_override_reason, p_feature_override_by)
    RETURNING *;
END $$;
