-- The central point keeps one fixed contact person for the caregiver of each guest (by the guest: the caregiver
-- has no record of their own), who asks once a year how the caregiver is doing. The caregiver may say no to that.
CREATE TABLE caregiver_contact (
  client_id        uuid PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
  contact_user_id  uuid REFERENCES app_user (id) ON DELETE SET NULL,
  next_check_in    date,
  opted_out_at     timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT app_now()
);
CREATE INDEX caregiver_contact_due ON caregiver_contact (next_check_in) WHERE opted_out_at IS NULL;

-- The nine-statement burden screening (src/domain/burden-screening.ts), taken at a check-in by the contact person
-- or by the caregiver on the status page. The latest of the past year can raise the waiting-list priority.
CREATE TABLE burden_screening (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id    uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
  answers      jsonb NOT NULL,
  score        smallint NOT NULL CHECK (score BETWEEN 0 AND 9),
  taken_by     text NOT NULL CHECK (taken_by IN ('caregiver', 'coordinator')),
  recorded_by  uuid REFERENCES app_user (id) ON DELETE SET NULL,
  taken_at     timestamptz NOT NULL DEFAULT app_now()
);
CREATE INDEX burden_screening_latest ON burden_screening (client_id, taken_at DESC);

-- Changes are personal data: in the audit log with the guest they are about, like every other such table.
CREATE TRIGGER caregiver_contact_audit AFTER INSERT OR UPDATE ON caregiver_contact FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER burden_screening_audit AFTER INSERT OR UPDATE ON burden_screening FOR EACH ROW EXECUTE FUNCTION audit_change();
