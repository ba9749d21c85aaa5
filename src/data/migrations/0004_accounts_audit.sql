-- Accounts, server-side sessions, one-time tokens and the append-only audit log (NEN 7513).

CREATE TABLE app_user (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email            text NOT NULL,
  name             text NOT NULL,
  role             text NOT NULL CHECK (role IN ('administrator', 'coordinator', 'referrer', 'provider_planner', 'policy_viewer')),
  -- Referrers and provider planners act for one organisation; the central point and policy staff for the region.
  organisation_id  uuid REFERENCES organisation (id),
  password_hash    text,
  totp_secret      text,
  totp_enabled     boolean NOT NULL DEFAULT false,
  -- The time step of the last accepted code: a code seen once cannot be replayed within its window.
  totp_last_step   bigint,
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  disabled         boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('referrer', 'provider_planner') OR organisation_id IS NOT NULL)
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));

CREATE TABLE recovery_code (
  user_id    uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash  text NOT NULL,
  used_at    timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of the database opens no session.
CREATE TABLE user_session (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  -- 'full' once the second factor is given; 'second_factor' waits for a code; 'enrol' must set up TOTP first.
  stage         text NOT NULL CHECK (stage IN ('second_factor', 'enrol', 'full')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE one_time_token (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('invite', 'password_reset')),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX one_time_token_user_idx ON one_time_token (user_id);

-- Mail as sent. In development and tests the transport stores messages here so they can be read in the app.
CREATE TABLE mail_message (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient   text NOT NULL,
  subject     text NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_event (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT now(),
  user_id          uuid,
  user_email       text,
  role             text,
  organisation_id  uuid,
  action           text NOT NULL CHECK (action IN ('read', 'create', 'update', 'delete', 'export', 'anonymise', 'login', 'login_failed', 'logout')),
  entity           text NOT NULL,
  record_id        text,
  client_id        uuid,
  purpose          text NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('success', 'denied', 'failed')),
  http_status      integer,
  ip               text
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_client_idx ON audit_event (client_id, at) WHERE client_id IS NOT NULL;
CREATE INDEX audit_event_user_idx ON audit_event (user_id, at);

-- Append-only for everyone who does not own the schema: a trigger refuses UPDATE, DELETE and TRUNCATE, so even
-- the application's own role cannot rewrite history (dropping the trigger needs the owner; see docs/SECURITY.md).
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
