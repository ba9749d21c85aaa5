import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aRegion } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { renameFormerMunicipalities } from './municipality-names.repository.ts';
import { formerMunicipalityNames } from './pc4-table.ts';

describe('bringing stored municipality names up to date', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it('renames regions, support items and co-payment rules, and keeps a rule whose dates the new municipality already covers', async () => {
    const { db } = database;
    const regionId = await aRegion(db, 'hw-old', 'Hoeksche Waard (oud)');
    await db
      .updateTable('region')
      .set({ municipalities: ['Korendijk', 'Strijen', 'Zwijndrecht'] })
      .where('id', '=', regionId)
      .execute();
    await db
      .insertInto('support_item')
      .values({ municipality: 'Strijen', category: 'advice', title: 'Steunpunt', summary: 'Een gesprek.' })
      .execute();
    await db
      .insertInto('co_payment_rule')
      .values([
        { municipality: 'Korendijk', cents_per_night: 1000, valid_from: '2024-01-01', valid_until: null },
        { municipality: 'Strijen', cents_per_night: 1200, valid_from: '2024-01-01', valid_until: null },
        { municipality: 'Zwijndrecht', cents_per_night: 900, valid_from: '2024-01-01', valid_until: null },
      ])
      .execute();

    const renamed = await renameFormerMunicipalities(db, formerMunicipalityNames());

    assert.deepEqual(renamed, {
      regions: 1,
      supportItems: 1,
      coPaymentRules: 1,
      coPaymentConflicts: [{ municipality: 'Strijen', validFrom: '2024-01-01' }],
    });
    const region = await db.selectFrom('region').select('municipalities').where('id', '=', regionId).executeTakeFirstOrThrow();
    assert.deepEqual(region.municipalities, ['Hoeksche Waard', 'Zwijndrecht']);
    const rules = await db.selectFrom('co_payment_rule').select(['municipality', 'cents_per_night']).orderBy('cents_per_night').execute();
    assert.deepEqual(rules, [
      { municipality: 'Zwijndrecht', cents_per_night: 900 },
      { municipality: 'Hoeksche Waard', cents_per_night: 1000 },
      { municipality: 'Strijen', cents_per_night: 1200 },
    ]);
    const item = await db.selectFrom('support_item').select('municipality').executeTakeFirstOrThrow();
    assert.equal(item.municipality, 'Hoeksche Waard');

    const again = await renameFormerMunicipalities(db, formerMunicipalityNames());
    assert.deepEqual(
      { ...again, coPaymentConflicts: again.coPaymentConflicts.length },
      { regions: 0, supportItems: 0, coPaymentRules: 0, coPaymentConflicts: 1 },
    );
  });
});
