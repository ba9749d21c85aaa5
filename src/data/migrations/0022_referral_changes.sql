-- A referral can change after it is sent, and crisis and ELV often have no known end.
--  expected_nights: for an open-ended stay, how long it will probably last; the stay is booked for that long, marked
--                   open_ended, and extended (or shortened) when the end is known.
--  urgency:         the referrer's own judgement when sending (triage may set another); the inbox sorts on triage
--                   first and this second.
--  callback_phone:  the number at which the central point reaches the referrer about this referral.
--  close_reason:    why the central point closed a referral without (further) stays, like cancel_reason for a
--                   withdrawn one.
ALTER TABLE referral
  ADD COLUMN expected_nights integer CHECK (expected_nights BETWEEN 1 AND 365),
  ADD COLUMN urgency text CHECK (urgency IN ('today', 'within_48h', 'planned')),
  ADD COLUMN callback_phone text CHECK (length(callback_phone) <= 40),
  ADD COLUMN close_reason text CHECK (length(close_reason) <= 500);

ALTER TABLE stay ADD COLUMN open_ended boolean NOT NULL DEFAULT false;

-- The history also tells that a referral was changed, withdrawn or closed (which fields, not their values: those
-- are in the audit log for the few who may read it).
ALTER TABLE referral_event DROP CONSTRAINT referral_event_kind_check;
ALTER TABLE referral_event ADD CONSTRAINT referral_event_kind_check CHECK (kind IN ('waiting', 'booked', 'confirmed',
  'cancelled', 'expired', 'no_show', 'arrived', 'departed', 'extended', 'shortened', 'dates_changed', 'moved',
  'referral_changed', 'referral_withdrawn', 'referral_closed'));
