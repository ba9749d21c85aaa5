import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { clockStartingAt, setAppClock } from '../clock.ts';
import { aClient } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';

const MINUTE = 60_000;

describe('the database keeps the app clock', () => {
  const start = new Date('2031-10-26T02:30:00+01:00');
  let database: TestDatabase;
  let restore: ReturnType<typeof setAppClock>;

  before(async () => {
    // A clock years from any day the suite runs on: each connection is told the app clock's distance from the real time.
    restore = setAppClock(clockStartingAt(start));
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
    setAppClock(restore);
  });

  it('stamps business rows with the app clock: app_now() and the defaults of created_at', async () => {
    const {
      rows: [row],
    } = await sql<{ at: Date }>`SELECT app_now() AS at`.execute(database.db);
    assert.ok(Math.abs(row!.at.getTime() - start.getTime()) < 10 * MINUTE, `app_now() ${row!.at.toISOString()}`);
    const clientId = await aClient(database.db, 'Ida K.');
    const client = await database.db.selectFrom('client').select('created_at').where('id', '=', clientId).executeTakeFirstOrThrow();
    assert.ok(Math.abs(client.created_at.getTime() - start.getTime()) < 10 * MINUTE, `created_at ${client.created_at.toISOString()}`);
  });

  it('keeps the real time where it must be real: the audit log and the sign-in tables', async () => {
    const {
      rows: [row],
    } = await sql<{ real: Date }>`SELECT now() AS real`.execute(database.db);
    assert.ok(Math.abs(row!.real.getTime() - Date.now()) < 10 * MINUTE);
    const defaults = await sql<{ table_name: string; column_default: string }>`
      SELECT table_name, column_default FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_default LIKE '%now()%' ORDER BY table_name, column_name`.execute(database.db);
    const real = defaults.rows.filter((column) => column.column_default === 'now()').map((column) => column.table_name);
    assert.deepEqual(
      [...new Set(real)],
      ['app_user', 'audit_event', 'job_run', 'one_time_token', 'role_grant', 'schema_migration', 'user_session'],
    );
  });
});
