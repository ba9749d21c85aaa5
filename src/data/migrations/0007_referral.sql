-- Referral intake (aanmelding): one request for a temporary stay, from a professional or from a caregiver.

-- What the work needs to know about the person beyond name, birth date and postcode area: how to reach them and,
-- for financing, the BSN when the referrer gives it.
ALTER TABLE client
  ADD COLUMN bsn char(9) CHECK (bsn ~ '^[0-9]{9}$'),
  ADD COLUMN street text,
  ADD COLUMN house_number text,
  ADD COLUMN postcode text CHECK (postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
  ADD COLUMN city text,
  ADD COLUMN phone text;

CREATE TABLE referral (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A short code people can read out on the phone.
  reference                 text NOT NULL UNIQUE,
  status                    text NOT NULL DEFAULT 'new' CHECK (status IN
                              ('new', 'triaged', 'waiting', 'proposed', 'booked', 'arrived', 'departed', 'aftercare', 'closed', 'cancelled')),
  source                    text NOT NULL CHECK (source IN ('professional', 'public')),
  referrer_kind             text NOT NULL CHECK (referrer_kind IN ('gp', 'poh', 'casemanager_dementia', 'wmo_consultant',
                              'district_nursing', 'social_team', 'hospital_transfer', 'caregiver', 'client')),
  referrer_user_id          uuid REFERENCES app_user (id),
  referrer_organisation_id  uuid REFERENCES organisation (id),
  kind                      text NOT NULL CHECK (kind IN ('respite_once', 'respite_recurring', 'crisis', 'elv_after_hospital',
                              'elv_from_gp', 'wlz_respite', 'trial_stay', 'tour', 'couple_stay')),
  client_id                 uuid NOT NULL REFERENCES client (id),
  partner_client_id         uuid REFERENCES client (id),
  caregiver_name            text,
  caregiver_relation        text CHECK (caregiver_relation IN ('partner', 'child', 'other')),
  caregiver_works           boolean,
  caregiver_phone           text,
  caregiver_email           text,
  wished_arrival            date,
  wished_departure          date,
  flexibility_days          integer NOT NULL DEFAULT 0 CHECK (flexibility_days BETWEEN 0 AND 60),
  recurrence                text,
  preferred_location_ids    uuid[] NOT NULL DEFAULT '{}',
  indication_wmo            boolean NOT NULL DEFAULT false,
  indication_wlz_profile    text,
  indication_zvw_nursing    boolean NOT NULL DEFAULT false,
  consent_at                timestamptz NOT NULL,
  consent_given_by          text NOT NULL,
  message                   text,
  cancel_reason             text,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  CHECK (wished_departure IS NULL OR wished_arrival IS NULL OR wished_departure > wished_arrival),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  CHECK (source = 'public' OR referrer_user_id IS NOT NULL)
);
CREATE INDEX referral_status_idx ON referral (status, created_at);
CREATE INDEX referral_client_idx ON referral (client_id);
CREATE INDEX referral_referrer_org_idx ON referral (referrer_organisation_id);

CREATE TRIGGER referral_audit AFTER INSERT OR UPDATE ON referral FOR EACH ROW EXECUTE FUNCTION audit_change();
