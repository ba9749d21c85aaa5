import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OCCUPYING_STATUSES } from '../domain/stay-lifecycle.ts';
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

  it('the exclusion constraints take the occupying stay statuses of domain/stay-lifecycle.ts', async () => {
    const snapshot = await schemaSnapshot(database.db);
    for (const name of ['stay_no_overlap', 'stay_client_no_overlap']) {
      const definition = snapshot.split('\n').find((line) => line.includes(`CONSTRAINT ${name} `));
      assert.ok(definition, name);
      const statuses = [...(definition.match(/ARRAY\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
      assert.deepEqual(statuses.sort(), [...OCCUPYING_STATUSES].sort(), name);
    }
  });
});
