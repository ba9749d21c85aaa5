import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { isMissingFeaturesViolation } from './stay.repository.ts';

/** The database itself refuses a unit that lacks what the guest needs: straight SQL, no service in between. */
describe('trigger stay_required_features', () => {
  let database: TestDatabase;
  let plainUnit: string;
  let securedUnit: string;
  let nursingUnit: string;

  before(async () => {
    database = await createTestDatabase();
    const regionId = await aRegion(database.db);
    plainUnit = await aUnit(database.db, await aLocation(database.db, regionId));
    securedUnit = await aUnit(database.db, await aLocation(database.db, regionId, { features: ['secured_unit'] }), {
      features: ['dementia_specialised'],
    });
    nursingUnit = await aUnit(database.db, await aLocation(database.db, regionId, { features: ['nursing_24h'] }));
  });
  after(() => database.close());

  let day = 10;
  const insert = async (unitId: string, requiredFeatures: string[], override: string | null = null) => {
    day += 5;
    return database.db
      .insertInto('stay')
      .values({
        unit_id: unitId,
        client_id: await aClient(database.db),
        stay_type: 'respite',
        arrival: inDays(day),
        departure: inDays(day + 3),
        status: 'confirmed',
        required_features: requiredFeatures,
        feature_override_reason: override,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  };

  it(`refuses a unit without a required feature, naming what is missing (${process.env.DATABASE_URL ? 'server' : 'PGlite'})`, async () => {
    await assert.rejects(insert(plainUnit, ['secured_unit', 'dementia_specialised']), (error) => {
      assert.ok(isMissingFeaturesViolation(error));
      assert.equal((error as { detail?: string }).detail, 'dementia_specialised,secured_unit');
      return true;
    });
  });

  it('accepts what the location and the unit offer together, and night supervision from a secured unit or 24-hour nursing', async () => {
    await insert(securedUnit, ['secured_unit', 'dementia_specialised', 'night_supervision']);
    await insert(nursingUnit, ['night_supervision']);
    await assert.rejects(insert(plainUnit, ['night_supervision']), isMissingFeaturesViolation);
  });

  it("accepts a coordinator's override with a reason, and refuses a move to a lacking unit", async () => {
    await insert(plainUnit, ['isolation_room'], 'Enige vrije plek; eigen badkamer, hygiëneprotocol afgesproken');
    const stay = await insert(securedUnit, ['secured_unit']);
    await assert.rejects(
      database.db.updateTable('stay').set({ unit_id: plainUnit }).where('id', '=', stay.id).execute(),
      isMissingFeaturesViolation,
    );
  });

  it('takes the new features in the registry', async () => {
    const regionId = await aRegion(database.db);
    const unit = await aUnit(database.db, await aLocation(database.db, regionId, { features: ['isolation_room', 'bariatric_bed'] }), {
      features: ['korsakov_competent'],
    });
    await insert(unit, ['bariatric_bed', 'isolation_room', 'korsakov_competent']);
    await assert.rejects(aLocation(database.db, regionId, { features: ['jacuzzi'] }));
  });
});
