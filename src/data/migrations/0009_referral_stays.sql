-- A stay booked for a referral points to it, and the referral's status follows its stays: held → proposed,
-- confirmed → booked, arrived, departed; when every stay is cancelled, expired or a no-show it is back to triaged,
-- to be matched again. Kept by the database, so every path that changes a stay (also the hold sweeper) agrees.
ALTER TABLE stay ADD COLUMN referral_id uuid REFERENCES referral (id);
CREATE INDEX stay_referral_idx ON stay (referral_id) WHERE referral_id IS NOT NULL;

CREATE FUNCTION sync_referral_status() RETURNS trigger LANGUAGE plpgsql AS $$
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
  UPDATE referral SET status = derived, updated_at = now()
   WHERE id = NEW.referral_id
     AND status IN ('triaged', 'waiting', 'proposed', 'booked', 'arrived', 'departed')
     AND status IS DISTINCT FROM derived;
  RETURN NULL;
END;
$$;

CREATE TRIGGER stay_referral_status AFTER INSERT OR UPDATE OF status ON stay
  FOR EACH ROW EXECUTE FUNCTION sync_referral_status();
