-- Wrong passwords count per account and address: someone guessing from one address locks only that address out, not
-- the owner everywhere. Wrong second-factor codes count per account across sessions and addresses: whoever is asked
-- for a code already has the password, and a new sign-in must not start the count again.

CREATE TABLE password_failure (
  user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  address       text NOT NULL,
  failures      integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  PRIMARY KEY (user_id, address)
);

ALTER TABLE app_user RENAME COLUMN failed_logins TO failed_second_factors;
COMMENT ON COLUMN app_user.locked_until IS 'Locked after too many wrong second-factor codes; wrong passwords lock per address in password_failure.';
