import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { REFERRAL_STATUSES, type ReferralStatus, STAY_DRIVEN_STATUSES, statusFromStays } from '../domain/referral-lifecycle.ts';
import { STAY_STATUSES, type StayStatus } from '../domain/stay-lifecycle.ts';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';

/**
 * The trigger sync_referral_status moves a referral with its stays; domain/referral-lifecycle.ts states the same rule
 * as statusFromStays. Every referral status against every one or two stays, in straight SQL.
 */
describe('trigger sync_referral_status follows statusFromStays', () => {
  let database: TestDatabase;
  let unitId: string;

  before(async () => {
    database = await createTestDatabase();
    unitId = await aUnit(database.db, await aLocation(database.db, await aRegion(database.db)));
  });
  after(() => database.close());

  const stayCombinations: StayStatus[][] = STAY_STATUSES.flatMap((first, i) => [
    [first],
    ...STAY_STATUSES.slice(i).map((second) => [first, second]),
  ]);
  let day = 0;

  async function referralWithStays(start: ReferralStatus, stays: readonly StayStatus[]): Promise<string> {
    const clientId = await aClient(database.db);
    const referral = await database.db
      .insertInto('referral')
      .values({
        reference: `AP-${randomUUID().slice(0, 6).toUpperCase()}`,
        status: start,
        source: 'public',
        referrer_kind: 'caregiver',
        referrer_user_id: null,
        referrer_organisation_id: null,
        kind: 'respite_once',
        client_id: clientId,
        partner_client_id: null,
        caregiver_name: 'Mantelzorger',
        caregiver_relation: 'child',
        caregiver_works: null,
        caregiver_phone: null,
        caregiver_email: null,
        recurrence: null,
        indication_wlz_profile: null,
        consent_at: new Date('2026-01-01T10:00:00Z'),
        consent_given_by: 'Mantelzorger',
        message: null,
        cancel_reason: start === 'cancelled' ? 'Ingetrokken' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const status of stays) {
      day += 3;
      await database.db
        .insertInto('stay')
        .values({
          unit_id: unitId,
          client_id: clientId,
          stay_type: 'respite',
          arrival: inDays(day),
          departure: inDays(day + 2),
          status,
          referral_id: referral.id,
          hold_expires_at: status === 'hold' ? new Date('2099-01-01T00:00:00Z') : null,
          cancel_reason: status === 'cancelled' ? 'Afgezegd' : null,
        })
        .execute();
    }
    return referral.id;
  }

  it(`${REFERRAL_STATUSES.length} referral statuses × ${stayCombinations.length} sets of stays (${process.env.DATABASE_URL ? 'server' : 'PGlite'})`, async () => {
    const mismatches: string[] = [];
    for (const start of REFERRAL_STATUSES) {
      for (const stays of stayCombinations) {
        const id = await referralWithStays(start, stays);
        const { status } = await database.db.selectFrom('referral').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        const expected = STAY_DRIVEN_STATUSES.includes(start) ? statusFromStays(stays) : start;
        if (status !== expected) mismatches.push(`${start} + [${stays.join(', ')}]: database ${status}, domain ${expected}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });
});
