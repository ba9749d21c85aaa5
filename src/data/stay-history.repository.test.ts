import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appClock } from '../clock.ts';
import type { StayStatus } from '../domain/stay-lifecycle.ts';
import type { StayType } from '../domain/stay-types.ts';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { unplannedStayHistory } from './stay-history.repository.ts';

describe('the ELV and crisis stays of the past year, per region', () => {
  let database: TestDatabase;
  let north: string;
  let south: string;

  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    north = await aRegion(db, 'a-north');
    south = await aRegion(db, 'b-south');
    const northUnit = await aUnit(db, await aLocation(db, north), { accepted: ['respite', 'elv_low_complex', 'crisis_wmo'] });
    const otherNorthUnit = await aUnit(db, await aLocation(db, north), { accepted: ['elv_low_complex'], activeFrom: inDays(-30) });
    const southUnit = await aUnit(db, await aLocation(db, south), { accepted: ['elv_low_complex', 'crisis_wmo'], activeFrom: inDays(-40) });
    // A guest of their own each: a guest's stays may not overlap.
    const stay = async (unitId: string, stayType: StayType, from: number, nights: number, status: StayStatus = 'departed') =>
      db
        .insertInto('stay')
        .values({
          unit_id: unitId,
          client_id: await aClient(db),
          stay_type: stayType,
          arrival: inDays(from),
          departure: inDays(from + nights),
          status,
          hold_expires_at: status === 'hold' ? new Date(appClock().now().getTime() + 3_600_000) : null,
          cancel_reason: status === 'cancelled' ? 'Opgenomen in het ziekenhuis' : null,
        })
        .execute();
    // Counted: ELV and crisis stays that took a bed, arriving within the year before today.
    await stay(northUnit, 'elv_low_complex', -365, 10);
    await stay(northUnit, 'elv_low_complex', -200, 20, 'arrived');
    await stay(otherNorthUnit, 'elv_low_complex', -20, 5, 'confirmed');
    await stay(northUnit, 'crisis_wmo', -100, 7);
    await stay(southUnit, 'crisis_wmo', -10, 3);
    // Not counted: too long ago, arriving today or later, planned respite, and stays that took no bed.
    await stay(northUnit, 'elv_low_complex', -400, 10);
    await stay(northUnit, 'elv_low_complex', 0, 10, 'confirmed');
    await stay(northUnit, 'respite', -50, 7);
    await stay(northUnit, 'crisis_wmo', -80, 7, 'cancelled');
    await stay(northUnit, 'crisis_wmo', -70, 7, 'no_show');
    await stay(northUnit, 'crisis_wmo', -60, 7, 'expired');
    await stay(otherNorthUnit, 'elv_low_complex', -10, 4, 'hold');
  });
  after(() => database.close());

  it('counts each stay by the region of its unit, with its length, and the first night the region was open', async () => {
    const history = await unplannedStayHistory(database.db, { since: inDays(-365), today: appClock().today() });
    assert.deepEqual(
      history.map((entry) => ({ ...entry, nights: [...entry.nights].sort((a, b) => a - b) })),
      [
        { regionId: north, stayType: 'crisis_wmo', nights: [7], regionActiveFrom: inDays(-400) },
        { regionId: north, stayType: 'elv_low_complex', nights: [5, 10, 20], regionActiveFrom: inDays(-400) },
        { regionId: south, stayType: 'crisis_wmo', nights: [3], regionActiveFrom: inDays(-40) },
      ],
    );
  });
});
