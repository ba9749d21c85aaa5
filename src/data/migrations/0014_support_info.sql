-- Support for caregivers per municipality, in one place: respite options, advice, day care, peer groups, money
-- matters. Maintained by the central point in the app, read by anyone. No personal data: organisations and services.
CREATE TABLE support_item (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL: for the whole region, or for everyone.
  municipality  text,
  category      text NOT NULL CHECK (category IN ('respite', 'advice', 'day_care', 'peer_support', 'money', 'emergency', 'other')),
  title         text NOT NULL CHECK (length(title) BETWEEN 3 AND 120),
  summary       text NOT NULL CHECK (length(summary) BETWEEN 3 AND 300),
  body          text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
  phone         text,
  email         text,
  url           text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    uuid REFERENCES app_user (id)
);
CREATE INDEX support_item_municipality_idx ON support_item (municipality);
