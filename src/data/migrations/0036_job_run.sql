-- The background jobs (holds, aftercare, waiting-list offers, notices, reminders, retention) of any number of app
-- processes on one database: a run is claimed per job and tick, so each job runs once per tick across all
-- processes (issue 21). Operations data, no personal data; kept for a week. Real time: the ticks of the machine.
CREATE TABLE job_run (
  job         text NOT NULL CHECK (length(job) BETWEEN 1 AND 80),
  tick        timestamptz NOT NULL,
  process     text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  failed      boolean,
  PRIMARY KEY (job, tick),
  CHECK ((finished_at IS NULL) = (failed IS NULL))
);
CREATE INDEX job_run_tick_idx ON job_run (tick);
