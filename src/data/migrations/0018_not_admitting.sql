-- Staffed capacity: "an empty bed is not an available bed". A provider marks units as temporarily not admitting
-- (no staff, an outbreak, the care on the ward too heavy), with an expected end it can extend or cut short. It
-- blocks new stays exactly like a closure, so it is a kind of closure: every search, the board, matching and the
-- public calendar already leave closed units out. A closure is planned (maintenance, an admission stop).
ALTER TABLE unit_closure ADD COLUMN kind text NOT NULL DEFAULT 'closure';
ALTER TABLE unit_closure DROP CONSTRAINT unit_closure_reason_check;
ALTER TABLE unit_closure ADD CONSTRAINT unit_closure_kind_reason_check CHECK (
  (kind = 'closure' AND reason IN ('admission_stop', 'maintenance', 'other'))
  OR (kind = 'not_admitting' AND reason IN ('staff_shortage', 'outbreak', 'care_load', 'other')));

CREATE OR REPLACE FUNCTION notify_closure_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('availability', json_build_object('kind', 'closure', 'id', OLD.id, 'deleted', true)::text);
  ELSE
    PERFORM pg_notify('availability', json_build_object(
      'kind', 'closure', 'id', NEW.id, 'unitId', NEW.unit_id, 'from', NEW.starts_on, 'to', NEW.ends_on,
      'closureKind', NEW.kind)::text);
  END IF;
  RETURN NULL;
END $$;
