import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../data/database.ts';
import { claimJobRun, deleteJobRunsBefore, finishJobRun, withJobLock } from '../data/job-run.repository.ts';
import type { Database } from '../data/schema.ts';

/**
 * Background jobs for any number of app processes on one database. Each tick (a minute, or a day) every job is
 * claimed in the table job_run before it runs, so it runs once per tick across all processes however many there
 * are; on a server an advisory lock per job also keeps a run that takes longer than a tick from overlapping the next
 * one in another process. A failing job is reported and the others still run.
 */
export interface Job {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

export type JobOutcome = 'ran' | 'failed' | 'claimed_elsewhere' | 'busy_elsewhere';

export interface JobReport {
  job: string;
  tick: Date;
  outcome: JobOutcome;
  ms: number;
}

export interface JobRunnerOptions {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The real time: ticks are the machine's minutes, whatever the app clock says. */
  now?: () => Date;
  /** Told of every job of every tick: logs and metrics. */
  onReport?: (report: JobReport) => void;
}

const KEEP_RUNS_MS = 7 * 24 * 3_600_000;
const processName = `${hostname()}:${process.pid}`;

/** A job's name as the second key of its advisory lock (FNV-1a, 32 bits, signed as PostgreSQL's int4). */
function lockKeyOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash | 0;
}

export function createJobRunner(options: JobRunnerOptions) {
  const now = options.now ?? (() => new Date());

  async function runOne(job: Job, tick: Date): Promise<JobOutcome> {
    const claimAndRun = async (): Promise<JobOutcome> => {
      if (!(await claimJobRun(options.db, { job: job.name, tick, process: processName }))) return 'claimed_elsewhere';
      let failed = false;
      try {
        await job.run();
      } catch (error) {
        failed = true;
        console.error(`${job.name} failed:`, error);
      }
      await finishJobRun(options.db, { job: job.name, tick }, failed);
      return failed ? 'failed' : 'ran';
    };
    // PGlite is one process behind its lock file, with one connection: nothing to wait for, and a held connection would block the job.
    if (options.kind === 'pglite') return claimAndRun();
    return (await withJobLock(options.db, lockKeyOf(job.name), claimAndRun)) ?? 'busy_elsewhere';
  }

  return {
    /** The jobs in order for the tick of `periodMs` that holds now (a minute: its first millisecond). */
    async runTick(jobs: readonly Job[], periodMs: number): Promise<JobReport[]> {
      const tick = new Date(Math.floor(now().getTime() / periodMs) * periodMs);
      const reports: JobReport[] = [];
      for (const job of jobs) {
        const started = performance.now();
        const outcome = await runOne(job, tick).catch((error: unknown) => {
          // The claim itself failed (the database is away): the next tick tries again.
          console.error(`${job.name} could not be claimed:`, error);
          return 'failed' as const;
        });
        const report = { job: job.name, tick, outcome, ms: Math.round(performance.now() - started) };
        options.onReport?.(report);
        reports.push(report);
      }
      await deleteJobRunsBefore(options.db, new Date(tick.getTime() - KEEP_RUNS_MS)).catch(() => undefined);
      return reports;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

/**
 * Runs the jobs every `periodMs`, never two ticks of this process at once. `stop()` ends the schedule and waits for
 * the tick under way, so a shutdown does not cut a job off halfway.
 */
export function schedule(runner: JobRunner, jobs: readonly Job[], periodMs: number, options: { firstAfterMs?: number } = {}) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runner.runTick(jobs, periodMs).finally(() => {
      running = null;
    });
  };
  const interval = setInterval(tick, periodMs);
  const first = options.firstAfterMs === undefined ? null : setTimeout(tick, options.firstAfterMs);
  return {
    async stop(): Promise<void> {
      clearInterval(interval);
      if (first) clearTimeout(first);
      await running;
    },
  };
}
