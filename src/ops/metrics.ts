import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseHandle } from '../data/database.ts';
import type { JobReport } from '../jobs/job-runner.ts';
import type { AvailabilityReadModel } from '../services/availability-read-model.ts';

/**
 * The process's figures for Prometheus (prom-client, GET /metrics): requests by route and status with their
 * latency, bookings and booking conflicts, background job runs, the database pool's use and how far the read model
 * lags behind the database. Labels are route patterns and codes, never an id or anything about a person.
 */
export function createMetrics(options: { process?: boolean } = {}) {
  const registry = new Registry();
  // Process figures (CPU, memory, event loop) only for the real server: a test process builds many apps.
  if (options.process) collectDefaultMetrics({ register: registry, prefix: 'adempauze_' });
  const requests = new Counter({
    name: 'adempauze_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'adempauze_http_request_duration_seconds',
    help: 'Time to answer, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const bookings = new Counter({
    name: 'adempauze_bookings_total',
    help: 'Stays booked or held over the API (POST /api/stays answered 201)',
    registers: [registry],
  });
  const conflicts = new Counter({
    name: 'adempauze_booking_conflicts_total',
    help: 'Bookings refused because the unit was taken (409)',
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'adempauze_job_runs_total',
    help: 'Background job ticks by job and outcome (ran, failed, claimed_elsewhere, busy_elsewhere)',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'adempauze_job_duration_seconds',
    help: 'Time a job run took in this process',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });

  return {
    registry,
    /** One answered request; `route` is the route's pattern (404s share one label). */
    request(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
      if (method === 'POST' && route === '/api/stays') {
        if (status === 201) bookings.inc();
        if (status === 409) conflicts.inc();
      }
    },
    job(report: JobReport) {
      jobRuns.inc({ job: report.job, outcome: report.outcome });
      if (report.outcome === 'ran' || report.outcome === 'failed') jobSeconds.observe({ job: report.job }, report.ms / 1000);
    },
    /** Figures read when scraped: the pool's use and the read model's state and lag. */
    watch(handle: DatabaseHandle, readModel: AvailabilityReadModel | undefined) {
      if (handle.poolUse) {
        const use = handle.poolUse;
        new Gauge({
          name: 'adempauze_db_pool_connections',
          help: 'Database pool connections by state (max: the configured size)',
          labelNames: ['state'],
          registers: [registry],
          collect() {
            const now = use();
            for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, now[state]);
          },
        });
      }
      if (readModel) {
        new Gauge({
          name: 'adempauze_read_model_ready',
          help: '1 while the read model is loaded and follows the database',
          registers: [registry],
          collect() {
            this.set(readModel.ready ? 1 : 0);
          },
        });
        new Gauge({
          name: 'adempauze_read_model_lag_seconds',
          help: "Time until a poll of the database's change feed that starts now has been applied to this process's read model (NaN while it is not ready)",
          registers: [registry],
          async collect() {
            if (!readModel.ready) return this.set(Number.NaN);
            const started = performance.now();
            await readModel.sync();
            this.set((performance.now() - started) / 1000);
          },
        });
      }
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
