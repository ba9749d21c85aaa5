import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { departedWithoutAftercare } from '../data/aftercare.repository.ts';
import { referralsWaiting } from '../data/waiting-list.repository.ts';
import { addDays } from '../domain/dates.ts';
import { policyMonitor } from '../services/policy.service.ts';
import { seedDemo } from './seed-demo.ts';

const TODAY = '2026-03-02';

describe(`seedDemo (${process.env.DATABASE_URL ? 'server' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let first: Awaited<ReturnType<typeof seedDemo>>;

  before(async () => {
    database = await createTestDatabase();
    first = await seedDemo(database.db, { today: TODAY });
  });
  after(() => database.close());

  const count = async (query: string) =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${sql.raw(query)}) AS q`.execute(database.db)).rows[0]!.n;

  it('inserts the registry and a year of stays, and reports what it inserted', async () => {
    assert.equal(first.inserted, true);
    for (const [table, inserted] of Object.entries(first.counts)) {
      assert.equal(await count(`SELECT 1 FROM ${table}`), inserted, table);
    }
    assert.equal(first.counts.region, 6);
    assert.equal(first.counts.region_neighbour, 6);
    assert.ok(first.counts.region_postcode! > 150);
    assert.ok(first.counts.stay! > 800);
    assert.ok(first.counts.stay_series! > 40);
    const roles = await sql<{ role: string }>`SELECT role FROM app_user ORDER BY role`.execute(database.db);
    assert.deepEqual(
      roles.rows.map((row) => row.role),
      ['administrator', 'coordinator', 'policy_viewer', 'provider_planner', 'referrer'],
    );
  });

  it('puts every location in a postcode area of its own region', async () => {
    const outside = `SELECT 1 FROM location l
      LEFT JOIN region_postcode p ON p.pc4 = l.pc4 AND p.region_id = l.region_id WHERE p.pc4 IS NULL`;
    assert.equal(await count(outside), 0);
  });

  it('books no stay into a closure and gives each stay the state its dates imply', async () => {
    const intoClosure = `SELECT 1 FROM stay s JOIN unit_closure c ON c.unit_id = s.unit_id AND c.period && s.period
      WHERE s.status IN ('hold', 'confirmed', 'arrived', 'departed')`;
    assert.equal(await count(intoClosure), 0);
    const wrongState = `SELECT 1 FROM stay WHERE NOT CASE status
      WHEN 'departed' THEN departure <= DATE '${TODAY}'
      WHEN 'arrived' THEN arrival < DATE '${TODAY}' AND departure > DATE '${TODAY}'
      WHEN 'confirmed' THEN arrival >= DATE '${TODAY}'
      WHEN 'cancelled' THEN true
      ELSE false END`;
    assert.equal(await count(wrongState), 0);
  });

  it('links series stays to a series of the same client', async () => {
    const mismatched = `SELECT 1 FROM stay s JOIN stay_series r ON r.id = s.series_id WHERE r.client_id <> s.client_id`;
    assert.equal(await count(mismatched), 0);
    assert.ok((await count('SELECT 1 FROM stay WHERE series_id IS NOT NULL')) > 300);
  });

  it('gives every stay the referral it came from, with aftercare after every departure, so the minute jobs have nothing to catch up', async () => {
    assert.equal(await count('SELECT 1 FROM stay WHERE referral_id IS NULL'), 0);
    assert.deepEqual(await departedWithoutAftercare(database.db, 10), []);
    assert.deepEqual(await referralsWaiting(database.db), []);
    assert.equal(await count('SELECT 1 FROM referral_event WHERE notice_pending'), 0);
    // The status trigger of 0009 would say the same of every referral (after a departure: aftercare or closed).
    const disagreeing = `SELECT 1 FROM referral r JOIN LATERAL (SELECT CASE
        WHEN bool_or(s.status = 'arrived') THEN 'arrived' WHEN bool_or(s.status = 'confirmed') THEN 'booked'
        WHEN bool_or(s.status = 'departed') THEN 'departed' ELSE 'triaged' END AS derived FROM stay s WHERE s.referral_id = r.id) d ON true
      WHERE NOT (r.status = d.derived OR (d.derived = 'departed' AND r.status IN ('aftercare', 'closed')) OR (d.derived = 'triaged' AND r.status = 'cancelled'))`;
    assert.equal(await count(disagreeing), 0);
  });

  it('fills every figure of the policy monitor for the months behind today', async () => {
    const monitor = await policyMonitor(database.db, { from: addDays(TODAY, -270), to: TODAY });
    for (const [figure, rows] of Object.entries(monitor)) {
      if (!Array.isArray(rows) || figure === 'months' || figure === 'weeks') continue;
      assert.ok(
        rows.some((row: { suppressed?: boolean }) => row.suppressed !== true),
        `${figure} shows nothing`,
      );
    }
  });

  it('gives the caregivers called after a stay a contact person and a screening, a few with a check-in due now', async () => {
    assert.ok(first.counts.burden_screening! > 20);
    assert.equal(first.counts.caregiver_contact, first.counts.burden_screening);
    const due = await count(`SELECT 1 FROM caregiver_contact WHERE next_check_in <= '${TODAY}' AND opted_out_at IS NULL`);
    assert.ok(due > 0 && due < first.counts.caregiver_contact! / 4, `${due} due`);
    assert.equal(await count('SELECT 1 FROM burden_screening WHERE score < 0 OR score > 9'), 0);
  });

  it('inserts nothing into a database that already has a registry', async () => {
    const stays = await count('SELECT 1 FROM stay');
    const second = await seedDemo(database.db, { today: TODAY, seed: 7 });
    assert.deepEqual(second, { inserted: false, counts: {} });
    assert.equal(await count('SELECT 1 FROM stay'), stays);
    assert.equal(await count('SELECT 1 FROM region'), 6);
  });
});
