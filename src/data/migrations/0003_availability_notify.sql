-- Every change that affects availability is announced on the channel 'availability', so in-memory read models
-- (in this process or another one) stay in step with the database. The database remains the source of truth:
-- bookings are still checked and constrained here.
CREATE FUNCTION notify_stay_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('availability', json_build_object('kind', 'stay', 'id', OLD.id, 'deleted', true)::text);
  ELSE
    PERFORM pg_notify('availability', json_build_object(
      'kind', 'stay', 'id', NEW.id, 'unitId', NEW.unit_id, 'from', NEW.arrival, 'to', NEW.departure,
      'status', NEW.status, 'holdExpiresAt', NEW.hold_expires_at)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stay_notify AFTER INSERT OR UPDATE OR DELETE ON stay
  FOR EACH ROW EXECUTE FUNCTION notify_stay_change();

CREATE FUNCTION notify_closure_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('availability', json_build_object('kind', 'closure', 'id', OLD.id, 'deleted', true)::text);
  ELSE
    PERFORM pg_notify('availability', json_build_object(
      'kind', 'closure', 'id', NEW.id, 'unitId', NEW.unit_id, 'from', NEW.starts_on, 'to', NEW.ends_on)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER unit_closure_notify AFTER INSERT OR UPDATE OR DELETE ON unit_closure
  FOR EACH ROW EXECUTE FUNCTION notify_closure_change();

-- Registry changes are rare: one notice per statement, and the read model reloads the registry.
CREATE FUNCTION notify_registry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('availability', json_build_object('kind', 'registry')::text);
  RETURN NULL;
END $$;

CREATE TRIGGER region_notify AFTER INSERT OR UPDATE OR DELETE ON region
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_change();
CREATE TRIGGER region_neighbour_notify AFTER INSERT OR UPDATE OR DELETE ON region_neighbour
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_change();
CREATE TRIGGER location_notify AFTER INSERT OR UPDATE OR DELETE ON location
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_change();
CREATE TRIGGER capacity_unit_notify AFTER INSERT OR UPDATE OR DELETE ON capacity_unit
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_change();
