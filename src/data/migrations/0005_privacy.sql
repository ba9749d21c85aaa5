-- Anonymised clients keep their stays (financing and capacity figures need them) but lose what identifies them.
ALTER TABLE client ADD COLUMN anonymised_at timestamptz;
