-- A referral's history. A stay row is updated in place, so its earlier states (the hold before the booking, the
-- dates before an extension, the unit before a move) survive only if they are written down when they change: a
-- trigger does that in the transaction of the change, so no code path (also the hold sweeper or plain SQL) can
-- forget it. Facts that other tables already keep with their own time and author (the referral itself, triage and
-- overrides, offers, aftercare tasks) are read from those tables, not copied (see referral-event.repository.ts).
--
-- No names and no free text here: a cancellation's reason is read from the stay, so erasure and retention, which
-- blank it there, blank it in the history too.
CREATE TABLE referral_event (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id     uuid NOT NULL REFERENCES referral (id),
  stay_id         uuid REFERENCES stay (id),
  kind            text NOT NULL CHECK (kind IN ('waiting', 'booked', 'confirmed', 'cancelled', 'expired', 'no_show',
                    'arrived', 'departed', 'extended', 'shortened', 'dates_changed', 'moved')),
  -- clock_timestamp, not now(): two events of one transaction keep their order.
  at              timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- The role behind the change as the application names it (change-author.ts); NULL for system work.
  actor_role      text,
  -- The stay as it is after the change (unitId, arrival, departure, status), and what it was where that changed.
  details         jsonb NOT NULL DEFAULT '{}',
  -- An outbox: bookings and changes the referrer and the central point must hear of. The request that made the
  -- change delivers it at once; the minute job delivers what a crash or a plain SQL change left behind.
  notice_pending  boolean NOT NULL DEFAULT false
);
CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id);
CREATE INDEX referral_event_pending_idx ON referral_event (id) WHERE notice_pending;

CREATE FUNCTION record_stay_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor_role text := nullif(current_setting('adempauze.actor', true), '')::jsonb ->> 'role';
  state jsonb;
  booked boolean := NEW.status IN ('confirmed', 'arrived');
BEGIN
  IF NEW.referral_id IS NULL THEN
    RETURN NULL;
  END IF;
  state := jsonb_build_object('unitId', NEW.unit_id, 'arrival', NEW.arrival, 'departure', NEW.departure, 'status', NEW.status);
  IF TG_OP = 'INSERT' THEN
    INSERT INTO referral_event (referral_id, stay_id, kind, actor_role, details, notice_pending)
    VALUES (NEW.referral_id, NEW.id, 'booked', actor_role, state, NEW.status = 'confirmed');
    RETURN NULL;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'hold' THEN
    INSERT INTO referral_event (referral_id, stay_id, kind, actor_role, details, notice_pending)
    VALUES (NEW.referral_id, NEW.id, NEW.status, actor_role, state || jsonb_build_object('previousStatus', OLD.status),
            NEW.status IN ('confirmed', 'cancelled', 'no_show'));
  END IF;
  IF NEW.arrival IS DISTINCT FROM OLD.arrival OR NEW.departure IS DISTINCT FROM OLD.departure THEN
    INSERT INTO referral_event (referral_id, stay_id, kind, actor_role, details, notice_pending)
    VALUES (
      NEW.referral_id, NEW.id,
      CASE WHEN NEW.arrival <= OLD.arrival AND NEW.departure >= OLD.departure THEN 'extended'
           WHEN NEW.arrival >= OLD.arrival AND NEW.departure <= OLD.departure THEN 'shortened'
           ELSE 'dates_changed' END,
      actor_role,
      state || jsonb_build_object('previousArrival', OLD.arrival, 'previousDeparture', OLD.departure),
      -- A hold is not yet news for the referrer; a booking is.
      booked);
  END IF;
  IF NEW.unit_id IS DISTINCT FROM OLD.unit_id THEN
    INSERT INTO referral_event (referral_id, stay_id, kind, actor_role, details, notice_pending)
    VALUES (NEW.referral_id, NEW.id, 'moved', actor_role, state || jsonb_build_object('previousUnitId', OLD.unit_id), booked);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER stay_referral_event AFTER INSERT OR UPDATE OF status, arrival, departure, unit_id ON stay
  FOR EACH ROW EXECUTE FUNCTION record_stay_event();

-- Going on the waiting list (by the central point, or back on it when an offer lapsed) leaves no row elsewhere.
CREATE FUNCTION record_referral_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO referral_event (referral_id, kind, actor_role)
  VALUES (NEW.id, 'waiting', nullif(current_setting('adempauze.actor', true), '')::jsonb ->> 'role');
  RETURN NULL;
END;
$$;

CREATE TRIGGER referral_waiting_event AFTER UPDATE OF status ON referral
  FOR EACH ROW WHEN (NEW.status = 'waiting' AND OLD.status IS DISTINCT FROM 'waiting')
  EXECUTE FUNCTION record_referral_waiting();

-- The day-before-arrival reminder, once per stay and arrival date: the key is the claim, so two processes running
-- the job at once send it once, and a stay moved to other dates is reminded again.
CREATE TABLE stay_reminder (
  stay_id  uuid NOT NULL REFERENCES stay (id),
  arrival  date NOT NULL,
  sent_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stay_id, arrival)
);
