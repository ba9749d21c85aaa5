-- A stay's revision is the SEQUENCE of its iCalendar event: it grows by one with every change, so two changes
-- within one second still give a calendar app a newer version (SEQUENCE followed updated_at in whole seconds before).
-- Stays that exist already go on from the SEQUENCE their calendar files had, so no calendar sees a lower one.
ALTER TABLE stay ADD COLUMN revision integer NOT NULL DEFAULT 0;

ALTER TABLE stay DISABLE TRIGGER USER;
UPDATE stay SET revision = (floor(extract(epoch FROM updated_at))::bigint % 2147483647)::integer;
ALTER TABLE stay ENABLE TRIGGER USER;

CREATE FUNCTION bump_stay_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := OLD.revision + 1;
  RETURN NEW;
END;
$$;

CREATE TRIGGER stay_revision BEFORE UPDATE ON stay FOR EACH ROW EXECUTE FUNCTION bump_stay_revision();
