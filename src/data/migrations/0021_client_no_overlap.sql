-- One guest, one bed per night: a client never holds two overlapping stays that occupy a place, whichever units
-- they are on. A couple stay is one stay of the client; the partner sleeps in the same room without a stay of
-- their own, so this rule does not stand in the partner's way. Same statuses as stay_no_overlap.
-- On a database that already holds such overlaps this migration fails and names the two stays (SQLSTATE 23P01):
-- cancel one of them first, with a reason, then start again.
ALTER TABLE stay ADD CONSTRAINT stay_client_no_overlap EXCLUDE USING gist (client_id WITH =, period WITH &&)
  WHERE (status IN ('hold', 'confirmed', 'arrived', 'departed'));
