-- Issue 14: placements never break a care need, and the entitlements a triagist watches.

-- The features the registry can carry grow with triage version 2 (src/domain/care-features.ts).
ALTER TABLE location DROP CONSTRAINT location_features_check;
ALTER TABLE location ADD CONSTRAINT location_features_check CHECK (features <@ ARRAY[
  'secured_unit', 'nursing_24h', 'night_supervision', 'dementia_specialised', 'wheelchair_accessible', 'hoist_accessible',
  'couple_room', 'isolation_room', 'bariatric_bed', 'korsakov_competent', 'psychiatric_care', 'addiction_care']);
ALTER TABLE capacity_unit DROP CONSTRAINT capacity_unit_features_check;
ALTER TABLE capacity_unit ADD CONSTRAINT capacity_unit_features_check CHECK (features <@ ARRAY[
  'secured_unit', 'nursing_24h', 'night_supervision', 'dementia_specialised', 'wheelchair_accessible', 'hoist_accessible',
  'couple_room', 'isolation_room', 'bariatric_bed', 'korsakov_competent', 'psychiatric_care', 'addiction_care']);

-- What the guest needs, copied from the triage when the stay is booked, and the coordinator's override (a reason,
-- and who) when a place that lacks some of it is the best there is. Changes are audited by stay_audit.
ALTER TABLE stay
  ADD COLUMN required_features text[] NOT NULL DEFAULT '{}',
  ADD COLUMN feature_override_reason text CHECK (feature_override_reason IS NULL OR length(trim(feature_override_reason)) >= 5),
  ADD COLUMN feature_override_by uuid REFERENCES app_user (id);

-- The last word, whatever the application checked: a stay is never placed on a unit that lacks a feature the
-- guest needs, unless overridden with a reason. Night supervision is part of 24-hour nursing and of a secured unit
-- (IMPLIED_FEATURES in care-features.ts). Raised as a check violation named stay_required_features.
CREATE FUNCTION stay_required_features_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  offered text[];
  missing text[];
BEGIN
  IF cardinality(NEW.required_features) = 0 OR NEW.feature_override_reason IS NOT NULL THEN
    RETURN NEW;
  END IF;
  SELECT l.features || u.features INTO offered
    FROM capacity_unit u JOIN location l ON l.id = u.location_id WHERE u.id = NEW.unit_id;
  IF offered && ARRAY['nursing_24h', 'secured_unit'] THEN
    offered := offered || ARRAY['night_supervision'];
  END IF;
  SELECT array_agg(feature ORDER BY feature) INTO missing FROM unnest(NEW.required_features) AS feature
    WHERE NOT feature = ANY (coalesce(offered, '{}'));
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'unit % lacks required features %', NEW.unit_id, missing
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stay_required_features', DETAIL = array_to_string(missing, ',');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER stay_required_features BEFORE INSERT OR UPDATE OF unit_id, required_features, feature_override_reason ON stay
  FOR EACH ROW EXECUTE FUNCTION stay_required_features_check();

-- Entitlements per municipality (names as in the PC4 table, like co_payment_rule): how long a Wmo crisis stay may
-- last, and how many Wmo respite nights a client has per calendar year. NULL: the municipality sets no limit.
-- Crossing one is a warning before booking, not a refusal: the triagist asks the municipality.
CREATE TABLE municipality_entitlement (
  municipality             text PRIMARY KEY,
  crisis_max_nights        integer CHECK (crisis_max_nights BETWEEN 1 AND 366),
  respite_nights_per_year  integer CHECK (respite_nights_per_year BETWEEN 0 AND 366),
  updated_at               timestamptz NOT NULL DEFAULT app_now()
);
