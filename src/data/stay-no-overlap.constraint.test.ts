import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { isClientOverlapViolation, isOverlapViolation } from './stay.repository.ts';

/** The database itself refuses overlaps, whatever the application does: straight SQL, no service in between. */
describe('exclusion constraint stay_no_overlap', () => {
  let database: TestDatabase;
  let unitId: string;
  let clientId: string;

  before(async () => {
    database = await createTestDatabase();
    const regionId = await aRegion(database.db);
    unitId = await aUnit(database.db, await aLocation(database.db, regionId));
    clientId = await aClient(database.db);
  });
  after(() => database.close());

  const insert = (arrival: string, departure: string, status: 'confirmed' | 'cancelled' | 'departed' | 'no_show' = 'confirmed') =>
    database.db
      .insertInto('stay')
      .values({
        unit_id: unitId,
        client_id: clientId,
        stay_type: 'respite',
        arrival,
        departure,
        status,
        cancel_reason: status === 'cancelled' ? 'test' : null,
      })
      .execute();

  it(`rejects an overlapping stay with SQLSTATE 23P01 (${process.env.DATABASE_URL ? 'server' : 'PGlite'})`, async () => {
    await insert(inDays(10), inDays(15));
    await assert.rejects(insert(inDays(14), inDays(16)), (error) => isOverlapViolation(error));
    await assert.rejects(insert(inDays(5), inDays(20)), (error) => isOverlapViolation(error));
  });

  it('accepts back-to-back stays and stays that no longer occupy the unit', async () => {
    await insert(inDays(15), inDays(18));
    await insert(inDays(5), inDays(10));
    await insert(inDays(11), inDays(12), 'cancelled');
    await insert(inDays(11), inDays(12), 'no_show');
    const rows = await database.db.selectFrom('stay').select('id').where('unit_id', '=', unitId).execute();
    assert.equal(rows.length, 5);
  });

  it('still counts a departed stay as having occupied the unit', async () => {
    await assert.rejects(insert(inDays(16), inDays(17), 'departed'), (error) => isOverlapViolation(error));
  });
});

/** One guest, one bed a night: the database refuses a second occupying stay of the same client on any unit. */
describe('exclusion constraint stay_client_no_overlap', () => {
  let database: TestDatabase;
  let unitA: string;
  let unitB: string;
  let clientId: string;
  let otherClientId: string;

  before(async () => {
    database = await createTestDatabase();
    const locationId = await aLocation(database.db, await aRegion(database.db));
    unitA = await aUnit(database.db, locationId);
    unitB = await aUnit(database.db, locationId);
    clientId = await aClient(database.db);
    otherClientId = await aClient(database.db);
  });
  after(() => database.close());

  const insert = (
    unitId: string,
    client: string,
    arrival: string,
    departure: string,
    status: 'hold' | 'confirmed' | 'cancelled' = 'confirmed',
  ) =>
    database.db
      .insertInto('stay')
      .values({
        unit_id: unitId,
        client_id: client,
        stay_type: 'respite',
        arrival,
        departure,
        status,
        hold_expires_at: status === 'hold' ? new Date(Date.now() + 3_600_000).toISOString() : null,
        cancel_reason: status === 'cancelled' ? 'test' : null,
      })
      .execute();

  it('refuses the same client in another room for an overlapping night, naming the constraint', async () => {
    await insert(unitA, clientId, inDays(10), inDays(15));
    await assert.rejects(insert(unitB, clientId, inDays(14), inDays(16)), (error) => isClientOverlapViolation(error));
    await assert.rejects(insert(unitB, clientId, inDays(12), inDays(13), 'hold'), (error) => isClientOverlapViolation(error));
  });

  it('lets another client have the other room, and the same client come back the day of departure', async () => {
    await insert(unitB, otherClientId, inDays(10), inDays(15));
    await insert(unitB, clientId, inDays(15), inDays(17));
    await insert(unitB, clientId, inDays(3), inDays(10));
  });

  it('does not count a cancelled stay, and tells a unit overlap apart from a client overlap', async () => {
    await insert(unitB, clientId, inDays(20), inDays(22), 'cancelled');
    await insert(unitA, clientId, inDays(20), inDays(22));
    await assert.rejects(
      insert(unitA, otherClientId, inDays(21), inDays(23)),
      (error) => isOverlapViolation(error) && !isClientOverlapViolation(error),
    );
  });
});
