-- Issue 18: a booking in one round trip, and stay triggers that run only when they have work to do.

-- A trigger whose function would return at once is not called at all: a WHEN costs one expression, a PL/pgSQL call
-- costs a function call and, for an AFTER trigger, a queued event per row. The functions keep their own checks.
DROP TRIGGER stay_audit ON stay;
CREATE TRIGGER stay_audit AFTER INSERT OR UPDATE ON stay FOR EACH ROW
  WHEN (current_setting('adempauze.actor', true) <> '')
  EXECUTE FUNCTION audit_change();

DROP TRIGGER stay_referral_status ON stay;
CREATE TRIGGER stay_referral_status AFTER INSERT OR UPDATE OF status ON stay FOR EACH ROW
  WHEN (NEW.referral_id IS NOT NULL)
  EXECUTE FUNCTION sync_referral_status();

DROP TRIGGER stay_required_features ON stay;
CREATE TRIGGER stay_required_features BEFORE INSERT OR UPDATE OF unit_id, required_features, feature_override_reason ON stay
  FOR EACH ROW WHEN (cardinality(NEW.required_features) > 0 AND NEW.feature_override_reason IS NULL)
  EXECUTE FUNCTION stay_required_features_check();

-- The fast path of a booking (booking.service.ts): what the application's transaction of findUnit (locked),
-- findBlockers and the insert does, in one statement. The application has already checked the unit's rules against
-- the unit as it last saw it; here that unit is locked (FOR UPDATE, like every writer of the unit) and compared
-- with what the application saw. When the unit changed, or a closure lies on the period, nothing is inserted and no
-- row comes back: the application then takes its slow path, which names the reason. An overlapping stay of the unit
-- or the guest is refused by the exclusion constraints as ever (23P01). The change author is set for the audit
-- trigger, and a read model's sync marker (p_sync) is sent in the same transaction, so read-your-writes needs no
-- round trip of its own. Each statement of a volatile function sees what committed before it, so the closure check
-- runs after the lock is held, as in the application's transaction.
CREATE FUNCTION place_stay(
  p_actor text,
  p_sync text,
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
  IF p_sync IS NOT NULL THEN
    PERFORM pg_notify('availability', p_sync);
  END IF;
END $$;
