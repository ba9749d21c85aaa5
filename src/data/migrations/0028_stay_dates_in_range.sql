-- Dates within the years the app takes (FIRST_DATE..LAST_DATE in src/domain/dates.ts; a stay may end up to half a year later):
-- the schemas refuse other dates already; this makes sure nothing is ever committed that JSON, iCalendar or a
-- JavaScript date could not describe afterwards (a series in the year 10000 was).
ALTER TABLE stay ADD CONSTRAINT stay_dates_in_range CHECK (arrival >= DATE '1900-01-01' AND departure < DATE '2201-01-01');
ALTER TABLE client ADD CONSTRAINT client_date_of_birth_in_range CHECK (date_of_birth >= DATE '1900-01-01' AND date_of_birth <= DATE '2199-12-31');
