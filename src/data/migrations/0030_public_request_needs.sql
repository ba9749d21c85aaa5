-- What a caregiver asks for on the public form beyond dates: care at home at night instead of a bed away from home
-- (matching then proposes 'home_night' units), and a short checklist of care needs in everyday words (CARE_NEEDS in
-- src/domain/care-needs.ts). A couple stay uses the existing partner_client_id.
ALTER TABLE referral
  ADD COLUMN at_home boolean NOT NULL DEFAULT false,
  ADD COLUMN care_needs text[] NOT NULL DEFAULT '{}'
    CHECK (care_needs <@ ARRAY['wanders', 'confused', 'night_help', 'wheelchair', 'hoist', 'personal_care', 'medication', 'nursing']);
