import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestDatabase, createTestDatabase, testServerUrl } from '../testing/test-database.ts';
import { type Job, createJobRunner } from './job-runner.ts';

/** Two runners on one database stand for two app processes: on a server each takes its own connection for a lock. */
describe('background jobs, claimed per tick', () => {
  let database: TestDatabase;
  const at = new Date('2031-05-01T10:00:30Z');
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  const runners = () => [0, 1].map(() => createJobRunner({ db: database.db, kind: database.kind, now: () => at }));
  const counting = (name: string) => {
    const job = { name, runs: 0, run: async () => void job.runs++ };
    return job;
  };

  it('runs each job once per tick however many processes tick, in order, and again on the next tick', async () => {
    const [a, b] = runners();
    const [first, second] = [counting('first'), counting('second')];
    const reportsA = await a!.runTick([first, second], 60_000);
    const reportsB = await b!.runTick([first, second], 60_000);
    assert.deepEqual(
      reportsA.map((report) => [report.job, report.outcome]),
      [
        ['first', 'ran'],
        ['second', 'ran'],
      ],
    );
    assert.deepEqual(
      reportsB.map((report) => [report.job, report.outcome]),
      [
        ['first', 'claimed_elsewhere'],
        ['second', 'claimed_elsewhere'],
      ],
    );
    assert.equal(reportsA[0]!.tick.toISOString(), '2031-05-01T10:00:00.000Z');
    assert.deepEqual([first.runs, second.runs], [1, 1]);
    const later = createJobRunner({ db: database.db, kind: database.kind, now: () => new Date(at.getTime() + 60_000) });
    await later.runTick([first], 60_000);
    assert.equal(first.runs, 2);
  });

  it('reports a failing job, records it, and still runs the next one', async () => {
    const [a] = runners();
    const after = counting('after-failure');
    const failing: Job = { name: 'failing', run: async () => Promise.reject(new Error('mail server away')) };
    const reports = await a!.runTick([failing, after], 60_000);
    assert.deepEqual(
      reports.map((report) => report.outcome),
      ['failed', 'ran'],
    );
    assert.equal(after.runs, 1);
    const row = await database.db
      .selectFrom('job_run')
      .select(['failed', 'finished_at'])
      .where('job', '=', 'failing')
      .executeTakeFirstOrThrow();
    assert.equal(row.failed, true);
    assert.ok(row.finished_at);
  });

  it('on a server, does not start a job while another process is still running it from an earlier tick', {
    skip: testServerUrl() ? false : 'PGlite is one process',
  }, async () => {
    let release!: () => void;
    const slow: Job = { name: 'slow', run: () => new Promise<void>((resolve) => (release = resolve)) };
    const first = createJobRunner({ db: database.db, kind: database.kind, now: () => at }).runTick([slow], 60_000);
    // The next minute, in the other process, while the first run still goes on.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await createJobRunner({ db: database.db, kind: database.kind, now: () => new Date(at.getTime() + 60_000) }).runTick(
      [slow],
      60_000,
    );
    assert.deepEqual(
      next.map((report) => report.outcome),
      ['busy_elsewhere'],
    );
    release();
    assert.deepEqual(
      (await first).map((report) => report.outcome),
      ['ran'],
    );
  });
});
