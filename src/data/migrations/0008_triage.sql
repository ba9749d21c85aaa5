-- Triage of a referral: the answers to a versioned questionnaire, the rules' conclusions, and the triagist's
-- overrides with their reasons. Every submission is kept, so the history shows how the advice came about.
CREATE TABLE triage (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id            uuid NOT NULL REFERENCES referral (id),
  client_id              uuid NOT NULL REFERENCES client (id),
  questionnaire_version  text NOT NULL,
  answers                jsonb NOT NULL,
  outcome                jsonb NOT NULL,
  triaged_by             uuid REFERENCES app_user (id),
  created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX triage_referral_idx ON triage (referral_id, created_at);

CREATE TABLE triage_override (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  triage_id      uuid NOT NULL REFERENCES triage (id),
  client_id      uuid NOT NULL REFERENCES client (id),
  topic          text NOT NULL CHECK (topic IN ('disposition', 'stay_types', 'urgency', 'financing', 'features')),
  value          jsonb NOT NULL,
  reason         text NOT NULL CHECK (length(reason) >= 5),
  overridden_by  uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX triage_override_triage_idx ON triage_override (triage_id, created_at);

CREATE TRIGGER triage_audit AFTER INSERT OR UPDATE ON triage FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER triage_override_audit AFTER INSERT OR UPDATE ON triage_override FOR EACH ROW EXECUTE FUNCTION audit_change();
