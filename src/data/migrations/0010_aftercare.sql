-- After a stay: a task for the central point (call the caregiver) and a short satisfaction survey for the caregiver
-- and for the guest, each reachable by a one-time link (only the SHA-256 of the link's token is stored).
CREATE TABLE task (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id  uuid NOT NULL REFERENCES referral (id),
  client_id    uuid NOT NULL REFERENCES client (id),
  kind         text NOT NULL CHECK (kind IN ('aftercare_call')),
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  due_on       date NOT NULL,
  note         text,
  done_at      timestamptz,
  done_by      uuid REFERENCES app_user (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (referral_id, kind),
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX task_open_idx ON task (due_on) WHERE status = 'open';

CREATE TABLE survey (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  stay_id      uuid NOT NULL REFERENCES stay (id),
  referral_id  uuid NOT NULL REFERENCES referral (id),
  client_id    uuid NOT NULL REFERENCES client (id),
  respondent   text NOT NULL CHECK (respondent IN ('caregiver', 'guest')),
  token_hash   text NOT NULL UNIQUE,
  expires_at   timestamptz NOT NULL,
  answered_at  timestamptz,
  scores       jsonb,
  comment      text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((answered_at IS NULL) = (scores IS NULL))
);
CREATE INDEX survey_stay_idx ON survey (stay_id, respondent);

CREATE TRIGGER task_audit AFTER INSERT OR UPDATE ON task FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER survey_audit AFTER INSERT OR UPDATE ON survey FOR EACH ROW EXECUTE FUNCTION audit_change();
