import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

describe('health and readiness for a load balancer (GET /api/health, /api/ready)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ readModel: true });
  });
  after(() => t.close());

  it('is alive, and ready with the database reachable, its migrations current and the read model loaded', async () => {
    assert.deepEqual((await t.inject({ method: 'GET', url: '/api/health' }, 'anonymous')).json(), { status: 'ok' });
    const ready = await t.inject({ method: 'GET', url: '/api/ready' }, 'anonymous');
    assert.equal(ready.statusCode, 200, ready.body);
    assert.deepEqual(ready.json(), {
      ready: true,
      checks: { database: 'ok', migrations: 'current', readModel: 'loaded' },
      pendingMigrations: [],
    });
  });

  it('answers 503 naming the migration the database lacks, so a process with newer code gets no traffic yet', async () => {
    const last = (await sql<{ name: string }>`SELECT max(name) AS name FROM schema_migration`.execute(t.database.db)).rows[0]!.name;
    await sql`DELETE FROM schema_migration WHERE name = ${last}`.execute(t.database.db);
    try {
      const answer = await t.inject({ method: 'GET', url: '/api/ready' }, 'anonymous');
      assert.equal(answer.statusCode, 503);
      assert.deepEqual(answer.json().checks.migrations, 'pending');
      assert.deepEqual(answer.json().pendingMigrations, [last]);
    } finally {
      await sql`INSERT INTO schema_migration (name) VALUES (${last})`.execute(t.database.db);
    }
  });
});
