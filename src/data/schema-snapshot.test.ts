import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { schemaSnapshot } from './schema-snapshot.ts';

/** docs/schema.sql is what the migrations build: a migration without its snapshot fails here. */
describe('schema snapshot', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it(`docs/schema.sql matches the migrated database (${process.env.DATABASE_URL ? 'server' : 'PGlite'}); after a migration run npm run schema:snapshot`, async () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'schema.sql'), 'utf8');
    const actual = await schemaSnapshot(database.db);
    assert.ok(actual.includes('CONSTRAINT stay_no_overlap EXCLUDE USING gist (unit_id WITH =, period WITH &&)'));
    assert.equal(actual, committed);
  });
});
