import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { aClient } from '../../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../../testing/test-app.ts';

describe('a read whose audit row cannot be written because the database is unavailable', () => {
  let t: TestApp;
  let clientId: string;

  before(async () => {
    t = await createTestApp();
    clientId = await aClient(t.database.db);
    // The database refusing new work as it does while it starts or shuts down (SQLSTATE 57P03 cannot_connect_now).
    await sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the database system is starting up' USING ERRCODE = '57P03'; END $$`.execute(t.database.db);
    await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(t.database.db);
  });
  after(() => t.close());

  it('shows nothing and answers 503 to try again, not a 500', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/clients/${clientId}` });
    assert.equal(response.statusCode, 503, response.body);
    assert.equal(response.headers['content-type'], 'application/problem+json');
    assert.equal(response.headers['retry-after'], '10');
    assert.equal(response.json().code, 'database_unavailable');
    assert.equal(response.json().name, undefined, 'no data of the client');
  });
});
