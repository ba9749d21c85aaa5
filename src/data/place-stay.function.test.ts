import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { addDays } from '../domain/dates.ts';
import { appClock } from '../clock.ts';
import { type CheckedUnit, isOverlapViolation, placeStay } from './stay.repository.ts';

/** place_stay (0034, 0037): the booking's one round trip inserts only onto the unit as the application checked it. */
describe('function place_stay', () => {
  let database: TestDatabase;
  let unitId: string;
  let asChecked: CheckedUnit;

  before(async () => {
    database = await createTestDatabase();
    unitId = await aUnit(database.db, await aLocation(database.db, await aRegion(database.db)), {
      accepted: ['respite'],
      activeFrom: addDays(appClock().today(), -30),
    });
    asChecked = {
      id: unitId,
      acceptedStayTypes: ['respite'],
      reservedFor: null,
      activeFrom: addDays(appClock().today(), -30),
      activeUntil: null,
    };
  });
  after(() => database.close());

  const stay = async (from: number, to: number) => ({
    client_id: await aClient(database.db),
    stay_type: 'respite' as const,
    arrival: inDays(from),
    departure: inDays(to),
    status: 'confirmed' as const,
  });
  const author = JSON.stringify({
    userId: null,
    email: null,
    role: 'coordinator',
    organisationId: null,
    purpose: 'care_coordination',
    ip: null,
  });

  it('inserts the stay, with its audit row and its row in the change feed', async () => {
    const row = await placeStay(database.db, asChecked, await stay(10, 14), author);
    assert.equal(row?.unit_id, unitId);
    assert.equal(row?.arrival, inDays(10));
    const audit = await database.db
      .selectFrom('audit_event')
      .select(['action', 'entity', 'role'])
      .where('record_id', '=', row!.id)
      .execute();
    assert.deepEqual(audit, [{ action: 'create', entity: 'stay', role: 'coordinator' }]);
    const feed = await database.db.selectFrom('availability_change').select('kind').where('row_id', '=', row!.id).execute();
    assert.deepEqual(feed, [{ kind: 'stay' }]);
  });

  it('inserts nothing when the unit is no longer as the application saw it', async () => {
    for (const seen of [
      { ...asChecked, acceptedStayTypes: ['respite', 'crisis_wmo'] },
      { ...asChecked, activeUntil: inDays(100) },
      { ...asChecked, reservedFor: 'respite' },
    ]) {
      assert.equal(await placeStay(database.db, seen, await stay(20, 22), null), undefined, JSON.stringify(seen));
    }
    assert.equal(
      (await database.db.selectFrom('stay').select('id').where('unit_id', '=', unitId).where('arrival', '=', inDays(20)).execute()).length,
      0,
    );
  });

  it('inserts nothing on a closure, and leaves an overlap to the exclusion constraint', async () => {
    await database.db
      .insertInto('unit_closure')
      .values({ unit_id: unitId, starts_on: inDays(40), ends_on: inDays(45), reason: 'maintenance' })
      .execute();
    assert.equal(await placeStay(database.db, asChecked, await stay(43, 47), null), undefined);
    await assert.rejects(placeStay(database.db, asChecked, await stay(12, 16), null), (error) => isOverlapViolation(error));
  });
});
