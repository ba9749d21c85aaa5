import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { appClock } from '../clock.ts';
import { postgresHandle } from '../data/database.ts';
import { addDays } from '../domain/dates.ts';
import { DEFAULT_AUTH_SETTINGS } from '../services/auth/auth-settings.ts';
import { type Server, liveChildren, serverEnv, startServer, stopServer } from '../testing/child-server.ts';
import { sessionHeaders } from '../testing/sessions.ts';
import { emptyServerDatabase, testServerUrl } from '../testing/test-database.ts';

/**
 * Three app processes (`node src/main.ts`) on one PostgreSQL database, as behind a load balancer: a storm of bookings
 * spread over all three never double-books, every process's read model shows the same beds afterwards, each
 * background job runs once per tick across the three (ticks of one second here), no mail or reminder goes out
 * twice, and each process stops cleanly on SIGTERM.
 */
const PROCESSES = 3;
const REQUESTS = 90;
const TICK_SECONDS = 1;
const FIRST_DAY_AHEAD = 500;

describe('several app processes on one PostgreSQL server', { skip: testServerUrl() ? false : 'DATABASE_URL is not set' }, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const child of liveChildren) child.kill('SIGKILL');
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('books through all three without a double booking, keeps their read models in step, runs each job once per tick and sends nothing twice', {
    timeout: 15 * 60_000,
  }, async () => {
    const serverUrl = testServerUrl()!;
    const database = await emptyServerDatabase(serverUrl, 'adempauze_multi');
    cleanups.push(() => database.drop());
    const url = database.url;
    const env = (seed: boolean) => serverEnv({ DATABASE_URL: url, SEED_DEMO: String(seed), JOB_INTERVAL_SECONDS: String(TICK_SECONDS) });
    // The first migrates and seeds; the others start on the same database as it is.
    const servers: Server[] = [await startServer(env(true))];
    for (let i = 1; i < PROCESSES; i++) servers.push(await startServer(env(false)));

    const handle = postgresHandle(url, 2);
    cleanups.push(() => handle.close());
    const db = handle.db;
    const session = await sessionHeaders(db, DEFAULT_AUTH_SETTINGS, { role: 'coordinator' });
    const units = await db
      .selectFrom('capacity_unit as u')
      .innerJoin('location as l', 'l.id', 'u.location_id')
      .select(['u.id', 'l.region_id as regionId'])
      .where('l.region_id', '=', 'hoeksche-waard')
      .where(sql<boolean>`'respite' = ANY (u.accepted_stay_types)`)
      .where('u.reserved_for', 'is', null)
      .orderBy('u.id')
      .limit(4)
      .execute();
    const clients = (await db.selectFrom('client').select('id').orderBy('id').limit(12).execute()).map((row) => row.id);
    assert.equal(units.length, 4);
    const firstDay = addDays(appClock().today(), FIRST_DAY_AHEAD);

    // The storm: the same few units and overlapping dates, each request to the next process in turn, all at once.
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, async (_x, i) => {
        const arrival = addDays(firstDay, (i * 7) % 24);
        const response = await fetch(`${servers[i % PROCESSES]!.baseUrl}/api/stays`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...session },
          body: JSON.stringify({
            unitId: units[i % units.length]!.id,
            clientId: clients[i % clients.length],
            stayType: 'respite',
            arrival,
            departure: addDays(arrival, 3),
            status: 'confirmed',
          }),
        });
        return response.status;
      }),
    );
    const booked = answers.filter((status) => status === 201).length;
    assert.ok(booked > 0 && answers.every((status) => status === 201 || status === 409), `answers: ${answers.join(',')}`);
    const overlaps = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM stay a JOIN stay b ON a.unit_id = b.unit_id AND a.id < b.id AND a.period && b.period
       WHERE a.status IN ('held', 'confirmed', 'arrived') AND b.status IN ('held', 'confirmed', 'arrived')`.execute(db);
    assert.equal(overlaps.rows[0]!.n, 0);
    const stored = await db
      .selectFrom('stay')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('arrival', '>=', firstDay)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), booked, 'every 201 is a stay, and nothing else was written');

    /** Reads until `done` holds, every 200 ms, at most `attempts` times more; the caller asserts on what came back. */
    const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 300): Promise<T> => {
      let value = await read();
      for (let attempt = 0; attempt < attempts && !done(value); attempt++) {
        await sleep(200);
        value = await read();
      }
      return value;
    };

    // Every process shows the same nights: their read models follow the same database.
    const grid = (server: Server) =>
      fetch(`${server.baseUrl}/api/availability/grid?regionId=hoeksche-waard&from=${firstDay}&to=${addDays(firstDay, 30)}`, {
        headers: session,
      }).then((response) => response.text());
    const agree = (texts: string[]) => texts.every((text) => text === texts[0]);
    const grids = await until(() => Promise.all(servers.map(grid)), agree, 50);
    assert.ok(agree(grids), 'the three read models agree');

    // Several ticks of jobs in three processes, each job once per tick. Waited for by what the table shows, not by time.
    const jobRuns = () => db.selectFrom('job_run').select(['job', 'tick', 'process', 'failed']).orderBy('tick').execute();
    const ticksOf = (runs: Awaited<ReturnType<typeof jobRuns>>) =>
      new Set(runs.filter((run) => run.job === 'expire_holds').map((run) => new Date(run.tick).getTime()));
    const runs = await until(jobRuns, (rows) => ticksOf(rows).size >= 3);
    assert.ok(ticksOf(runs).size >= 3, 'several ticks ran');
    // No job and tick twice: as many distinct (job, tick) pairs as runs.
    const onceEach = (rows: typeof runs) =>
      new Set(rows.map((run) => `${run.job}|${new Date(run.tick).toISOString()}`)).size === rows.length;
    assert.ok(onceEach(runs));
    assert.deepEqual(
      runs.filter((run) => run.failed === true).map((run) => run.job),
      [],
    );
    // Which process claims a tick is a race, and one may win every tick; when it stops, another takes the next ticks.
    const claimer = runs.at(-1)!.process;
    const claiming = servers.find((server) => claimer.endsWith(`:${server.child.pid}`));
    assert.ok(claiming, `the claiming process ${claimer} is one of the three`);
    await stopServer(claiming);
    // The ticks it claimed before it exited are in the table now; every later one is another process's.
    const lastTick = Math.max(...(await jobRuns()).map((run) => new Date(run.tick).getTime()));
    const running = servers.filter((server) => server !== claiming);
    const later = (rows: typeof runs) => rows.filter((run) => new Date(run.tick).getTime() > lastTick);
    const afterStop = await until(jobRuns, (rows) => later(rows).some((run) => run.job === 'expire_holds'));
    assert.ok(
      later(afterStop).some((run) => run.job === 'expire_holds'),
      'the jobs go on after the claiming process stopped',
    );
    assert.ok(later(afterStop).every((run) => run.process !== claimer));
    assert.ok(onceEach(afterStop));
    // Nothing sent twice: the same mail to the same person, or a reminder of the same arrival.
    const twice = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM (SELECT recipient, subject, body FROM mail_message GROUP BY 1, 2, 3 HAVING count(*) > 1) d`.execute(
      db,
    );
    assert.equal(twice.rows[0]!.n, 0);

    // A stop lets the request under way finish: the capacity planner takes a while; SIGTERM arrives in the middle.
    const viewer = await sessionHeaders(db, DEFAULT_AUTH_SETTINGS, { role: 'policy_viewer' });
    const today = appClock().today();
    const planning = fetch(`${running[0]!.baseUrl}/api/policy/capacity?regionId=hoeksche-waard&from=${addDays(today, -365)}&to=${today}`, {
      headers: viewer,
    });
    await sleep(50);
    const stopped = stopServer(running[0]!);
    const answer = await planning;
    assert.equal(answer.status, 200, 'the request in flight was answered');
    assert.equal(answer.headers.get('connection'), 'close', 'the stop began while the request was under way');
    assert.ok(((await answer.json()) as { stayTypes: unknown[] }).stayTypes.length > 0);
    await stopped;
    for (const server of running.slice(1)) await stopServer(server);
  });
});
