-- Providers hear of every booking, change and cancellation at their locations at once, also of stays that did not
-- come through a referral (a coordinator booking from the board). The outbox of 0013 therefore records the events
-- of every stay; an event without a referral belongs to no referral's history and is there for its notice only.
-- Loading history in bulk (the demo year) sets adempauze.bulk_load for its transaction: nobody is told of a past
-- that was loaded rather than lived.
ALTER TABLE referral_event ALTER COLUMN referral_id DROP NOT NULL;

CREATE OR REPLACE FUNCTION record_stay_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor_role text := nullif(current_setting('adempauze.actor', true), '')::jsonb ->> 'role';
  state jsonb;
  booked boolean := NEW.status IN ('confirmed', 'arrived');
BEGIN
  IF NEW.referral_id IS NULL AND current_setting('adempauze.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  state := jsonb_build_object('unitId', NEW.unit_id, 'arrival', NEW.arrival, 'departure', NEW.departure, 'status', NEW.status);
  IF NEW.series_id IS NOT NULL THEN
    state := state || jsonb_build_object('seriesId', NEW.series_id);
  END IF;
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
      booked);
  END IF;
  IF NEW.unit_id IS DISTINCT FROM OLD.unit_id THEN
    INSERT INTO referral_event (referral_id, stay_id, kind, actor_role, details, notice_pending)
    VALUES (NEW.referral_id, NEW.id, 'moved', actor_role, state || jsonb_build_object('previousUnitId', OLD.unit_id), booked);
  END IF;
  RETURN NULL;
END;
$$;
