-- Photos of a location for its public page: the place and its "thuisgevoel". Kept in the database (a few per
-- location, at most 2 MiB each), so the backup holds them and no separate file store is needed.
CREATE TABLE location_photo (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id   uuid NOT NULL REFERENCES location (id) ON DELETE CASCADE,
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes         bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152),
  -- The text alternative (WCAG 1.1.1): what the photo shows, for those who cannot see it.
  alt           text NOT NULL CHECK (length(alt) BETWEEN 3 AND 200),
  created_at    timestamptz NOT NULL DEFAULT app_now()
);
CREATE INDEX location_photo_location_idx ON location_photo (location_id, created_at);
