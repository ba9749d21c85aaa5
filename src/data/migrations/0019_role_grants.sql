-- Four eyes on access to personal data: a role that sees it (or such a role for another organisation) is given
-- only when a second administrator approves. A new account waits without its invitation until then.
CREATE TABLE role_grant (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES app_user (id),
  role             text NOT NULL CHECK (role IN ('administrator', 'coordinator', 'referrer', 'provider_planner', 'policy_viewer')),
  organisation_id  uuid REFERENCES organisation (id),
  -- true: the account is new, and approving it sends the invitation.
  invitation       boolean NOT NULL,
  requested_by     uuid NOT NULL REFERENCES app_user (id),
  requested_at     timestamptz NOT NULL DEFAULT now(),
  decided_by       uuid REFERENCES app_user (id),
  decided_at       timestamptz,
  approved         boolean,
  CHECK ((decided_by IS NULL) = (decided_at IS NULL) AND (decided_at IS NULL) = (approved IS NULL)),
  -- The database itself holds the rule: nobody approves their own request, nor a role for themselves.
  CHECK (decided_by IS NULL OR (decided_by <> requested_by AND decided_by <> user_id)),
  CHECK (requested_by <> user_id),
  CHECK (role NOT IN ('referrer', 'provider_planner') OR organisation_id IS NOT NULL)
);
CREATE UNIQUE INDEX role_grant_one_open_per_user ON role_grant (user_id) WHERE decided_at IS NULL;
