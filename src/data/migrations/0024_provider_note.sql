-- What the staff who receive the guest should know, written by the referrer or the caregiver (e.g. "slechtziend",
-- "slaapt met licht aan"). Kept apart from the message to the central point, which may hold what the provider has no
-- business reading; the handover shows this note only, and only while the guest is expected, staying or just left.
ALTER TABLE referral ADD COLUMN provider_note text CHECK (length(provider_note) <= 1000);
