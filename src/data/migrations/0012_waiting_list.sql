-- The waiting list: a referral without a suitable unit waits; when capacity frees up, the best waiting referral gets
-- an offer (a hold). Offers are remembered, so a lapsed offer passes the unit on instead of coming back.
CREATE TABLE offer (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id  uuid NOT NULL REFERENCES referral (id),
  stay_id      uuid NOT NULL REFERENCES stay (id),
  unit_id      uuid NOT NULL REFERENCES capacity_unit (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offer_referral_idx ON offer (referral_id);

-- What a person should know: for one user, or for everyone with a role (the central point). No names: references.
CREATE TABLE notification (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid REFERENCES app_user (id),
  role         text,
  kind         text NOT NULL CHECK (kind IN ('offer', 'booking', 'change', 'reminder')),
  title        text NOT NULL,
  body         text NOT NULL,
  referral_id  uuid REFERENCES referral (id),
  stay_id      uuid REFERENCES stay (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz,
  CHECK (user_id IS NOT NULL OR role IS NOT NULL)
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at) WHERE user_id IS NOT NULL;
CREATE INDEX notification_role_idx ON notification (role, created_at) WHERE role IS NOT NULL;
