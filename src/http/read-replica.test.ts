import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { appClock } from '../clock.ts';
import { addDays } from '../domain/dates.ts';
import { aClient, aLocation, aRegion, aUnit } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { testServerUrl, withDatabase } from '../testing/test-database.ts';
import { WRITE_POSITION_COOKIE } from './read-your-writes.ts';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'throwaway-postgres.sh');

/**
 * A streaming replica of the test server (pg_basebackup, hot standby) behind the public calendar: with the replica's
 * replay paused, someone who did not write sees the replica's state, while the coordinator who just booked sees the
 * booking (read-your-writes); once replay resumes, everyone does.
 */
describe('a read replica for the public calendar, with read-your-writes', {
  skip: testServerUrl() ? false : 'DATABASE_URL is not set',
}, () => {
  let t: TestApp;
  let replica: { url: string; dir: string };
  let standby: pg.Client;
  let locationId: string;
  let unitId: string;
  let clientId: string;

  before(async () => {
    const started = spawnSync('bash', [SCRIPT, 'replica', testServerUrl()!], { encoding: 'utf8' });
    assert.equal(started.status, 0, started.stderr);
    const exported = Object.fromEntries([...started.stdout.matchAll(/export (\w+)=(\S+)/g)].map((match) => [match[1], match[2]]));
    replica = { url: exported.DATABASE_REPLICA_URL!, dir: exported.PG_REPLICA_DIR! };
    t = await createTestApp({ replicaServerUrl: replica.url });
    const db = t.database.db;
    locationId = await aLocation(db, await aRegion(db));
    unitId = await aUnit(db, locationId, { accepted: ['respite'], activeFrom: '2020-01-01' });
    clientId = await aClient(db, 'Jannie B.');
    // The test's database and its rows reach the standby in a moment.
    for (let attempt = 0; ; attempt++) {
      const client = new pg.Client({ connectionString: withDatabase(replica.url, t.database.name!) });
      try {
        await client.connect();
        if ((await client.query('SELECT 1 FROM capacity_unit WHERE id = $1', [unitId])).rowCount === 1) {
          standby = client;
          break;
        }
        await client.end();
      } catch (error) {
        await client.end().catch(() => undefined);
        if (attempt > 100) throw error;
      }
      await sleep(100);
    }
  });
  after(async () => {
    await standby?.end().catch(() => undefined);
    await t?.close();
    if (replica) spawnSync('bash', [SCRIPT, 'stop', replica.dir]);
  });

  const night = addDays(appClock().today(), 10);
  const calendar = async (cookie?: string) => {
    const response = await t.inject(
      { method: 'GET', url: `/api/locations/${locationId}/week?from=${night}`, headers: cookie ? { cookie } : {} },
      'anonymous',
    );
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { stayTypes: { days: string[] }[] }).stayTypes[0]!.days[0];
  };

  it('shows the booker the booking at once, and others once the replica has it', async () => {
    assert.equal(await calendar(), 'free');
    await standby.query('SELECT pg_wal_replay_pause()');
    try {
      const booked = await t.inject({
        method: 'POST',
        url: '/api/stays',
        payload: { unitId, clientId, stayType: 'respite', arrival: night, departure: addDays(night, 2), status: 'confirmed' },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const wrote = String(booked.headers['set-cookie']).match(new RegExp(`${WRITE_POSITION_COOKIE}=([^;]+)`))?.[1];
      assert.match(wrote ?? '', /^[0-9A-F]+\/[0-9A-F]+$/, 'the change answers with its write position');
      // The booker reads the primary: the replica has not replayed that far.
      assert.equal(await calendar(`${WRITE_POSITION_COOKIE}=${wrote}`), 'full');
      // Anyone else reads the replica, which is paused before the booking.
      assert.equal(await calendar(), 'free');
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
    let seen = 'free';
    for (let attempt = 0; attempt < 100 && seen !== 'full'; attempt++) {
      seen = (await calendar())!;
      if (seen !== 'full') await sleep(50);
    }
    assert.equal(seen, 'full', 'the replica caught up');
  });
});
