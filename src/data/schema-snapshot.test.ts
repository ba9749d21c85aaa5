import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REFERRAL_KINDS, REFERRER_KINDS } from '../domain/referral.ts';
import { REFERRAL_STATUSES } from '../domain/referral-lifecycle.ts';
import { ROLES } from '../domain/roles.ts';
import { OCCUPYING_STATUSES, STAY_STATUSES } from '../domain/stay-lifecycle.ts';
import { STAY_TYPES } from '../domain/stay-types.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { schemaSnapshot } from './schema-snapshot.ts';

/** docs/schema.sql is what the migrations build: a migration without its snapshot fails here. */
describe('schema snapshot', () => {
  let database: TestDatabase;
  let snapshot: string;
  before(async () => {
    database = await createTestDatabase();
    snapshot = await schemaSnapshot(database.db);
  });
  after(() => database.close());

  /** The codes a constraint names, as 'code'::text in its definition. */
  const codesOf = (name: string) => {
    const line = snapshot.split('\n').find((candidate) => candidate.includes(`CONSTRAINT ${name} `));
    assert.ok(line, name);
    return [...line.matchAll(/'([a-z_0-9]+)'::text/g)].map((match) => match[1]).sort();
  };

  it(`docs/schema.sql matches the migrated database (${process.env.DATABASE_URL ? 'server' : 'PGlite'}); after a migration run npm run schema:snapshot`, async () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'schema.sql'), 'utf8');
    assert.ok(snapshot.includes('CONSTRAINT stay_no_overlap EXCLUDE USING gist (unit_id WITH =, period WITH &&)'));
    assert.equal(snapshot, committed);
  });

  it('the exclusion constraints take the occupying stay statuses of domain/stay-lifecycle.ts', () => {
    for (const name of ['stay_no_overlap', 'stay_client_no_overlap']) assert.deepEqual(codesOf(name), [...OCCUPYING_STATUSES].sort(), name);
  });

  it('the CHECK constraints allow exactly the codes of the domain lists that schema.ts types the columns with', async () => {
    const expected: [string, readonly string[]][] = [
      ['stay_stay_type_check', STAY_TYPES],
      ['location_tariff_stay_type_check', STAY_TYPES],
      ['capacity_unit_accepted_stay_types_check', STAY_TYPES],
      ['stay_status_check', STAY_STATUSES],
      ['referral_status_check', REFERRAL_STATUSES],
      ['referral_kind_check', REFERRAL_KINDS],
      ['referral_referrer_kind_check', REFERRER_KINDS],
      ['app_user_role_check', ROLES],
      ['role_grant_role_check', ROLES],
    ];
    for (const [name, codes] of expected) assert.deepEqual(codesOf(name), [...codes].sort(), name);
  });
});
