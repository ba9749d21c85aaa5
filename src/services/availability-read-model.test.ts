import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import { STAY_TYPES } from '../domain/stay-types.ts';
import { addDays } from '../domain/dates.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, neighbours } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase, testServerUrl, withDatabase } from '../testing/test-database.ts';
import { stayOccupation } from '../data/availability.repository.ts';
import { AvailabilityReadModel } from './availability-read-model.ts';
import { searchFreeUnits } from './availability.service.ts';
import { appClock } from '../clock.ts';

/** The read model must answer exactly as the database does, after any sequence of changes. */
describe('availability read model', () => {
  let database: TestDatabase;
  let model: AvailabilityReadModel;
  let regionId: string;
  let unitIds: string[];

  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    regionId = await aRegion(db);
    const other = await aRegion(db);
    await neighbours(db, regionId, other);
    const plain = await aLocation(db, regionId, { name: 'A' });
    const secured = await aLocation(db, regionId, { name: 'B', features: ['secured_unit'] });
    unitIds = [
      await aUnit(db, plain, { name: '1' }),
      await aUnit(db, plain, { name: '2', accepted: ['elv_low_complex'] }),
      await aUnit(db, secured, { name: '3', reservedFor: 'respite', accepted: ['respite', 'crisis_wmo'] }),
      await aUnit(db, secured, { name: '4', activeFrom: inDays(12), activeUntil: inDays(30) }),
      await aUnit(db, await aLocation(db, other, { name: 'C' }), { name: '5' }),
    ];
    model = await AvailabilityReadModel.start(database);
  });
  after(async () => {
    await model.close();
    await database.close();
  });

  const change = fc.oneof(
    fc.record({
      op: fc.constant('stay' as const),
      unit: fc.nat(4),
      start: fc.nat(40),
      nights: fc.integer({ min: 1, max: 10 }),
      status: fc.constantFrom('hold', 'confirmed', 'cancelled', 'departed', 'no_show'),
      expired: fc.boolean(),
    }),
    fc.record({ op: fc.constant('closure' as const), unit: fc.nat(4), start: fc.nat(40), nights: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ op: fc.constant('delete_some' as const), unit: fc.nat(4) }),
  );
  const query = fc.record({
    start: fc.nat(45),
    nights: fc.integer({ min: 1, max: 14 }),
    stayType: fc.constantFrom(...STAY_TYPES),
    features: fc.subarray(['secured_unit', 'wheelchair_accessible']),
    includeNeighbours: fc.boolean(),
  });

  it('gives the same free and partly free units as the database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 12 }), fc.array(query, { minLength: 1, maxLength: 5 }), async (changes, queries) => {
        const db = database.db;
        for (const c of changes) {
          const unitId = unitIds[c.unit]!;
          if (c.op === 'delete_some') {
            // Their events (0023 records one for every stay) go first: they refer to the stay.
            const gone = db.selectFrom('stay').select('id').where('unit_id', '=', unitId).where('status', 'in', ['cancelled', 'hold']);
            await db.deleteFrom('referral_event').where('stay_id', 'in', gone).execute();
            await db.deleteFrom('stay').where('unit_id', '=', unitId).where('status', 'in', ['cancelled', 'hold']).execute();
            await db.deleteFrom('unit_closure').where('unit_id', '=', unitId).execute();
          } else if (c.op === 'closure') {
            await db
              .insertInto('unit_closure')
              .values({ unit_id: unitId, starts_on: inDays(c.start), ends_on: inDays(c.start + c.nights), reason: 'maintenance' })
              .execute();
          } else {
            // Straight SQL, as another process would write; the constraint may refuse an overlap, which is fine.
            await db
              .insertInto('stay')
              .values({
                // A guest of its own: the test is about units, and one guest never stays twice a night.
                unit_id: unitId,
                client_id: await aClient(db),
                stay_type: 'respite',
                arrival: inDays(c.start),
                departure: inDays(c.start + c.nights),
                status: c.status,
                cancel_reason: c.status === 'cancelled' ? 'test' : null,
                hold_expires_at: c.status === 'hold' ? new Date(appClock().now().getTime() + (c.expired ? -60_000 : 600_000)) : null,
              })
              .execute()
              .catch((error: { code?: string }) => {
                if (error.code !== '23P01') throw error;
              });
          }
        }
        await model.sync();
        for (const q of queries) {
          const request = {
            regionId,
            period: { from: inDays(q.start), to: inDays(q.start + q.nights) },
            stayType: q.stayType,
            features: q.features,
            includeNeighbours: q.includeNeighbours,
          };
          assert.deepEqual(await searchFreeUnits(db, request, model), await searchFreeUnits(db, request));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('sees registry changes: a new unit becomes searchable', async () => {
    const location = await aLocation(database.db, regionId, { name: 'D' });
    const unitId = await aUnit(database.db, location, { name: 'nieuw' });
    await model.sync();
    const period = { from: inDays(100), to: inDays(104) };
    const result = await searchFreeUnits(
      database.db,
      { regionId, period, stayType: 'respite', features: [], includeNeighbours: false },
      model,
    );
    assert.ok(result.free.some((unit) => unit.unitId === unitId));
  });

  it('does not answer for periods before what it loaded', () => {
    assert.equal(model.covers({ from: inDays(-400), to: inDays(-390) }), false);
    assert.equal(model.covers({ from: inDays(1), to: addDays(inDays(1), 3) }), true);
  });

  it("follows another process's writes without being asked", async () => {
    const closed = { unit_id: unitIds[0]!, starts_on: inDays(300), ends_on: inDays(302), reason: 'other' as const };
    await database.db.insertInto('unit_closure').values(closed).execute();
    for (let waited = 0; !closedOn(unitIds[0]!, 300); waited += 20) {
      assert.ok(waited < 5_000, 'the background poll applies the closure');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('reads a change committed after a later one once its transaction ends', async (t) => {
    if (database.kind !== 'postgres') return t.skip('PGlite runs one transaction at a time');
    const slow = new pg.Client({ connectionString: withDatabase(testServerUrl()!, database.name!) });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query("INSERT INTO unit_closure (unit_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, 'other')", [
        unitIds[1],
        inDays(310),
        inDays(312),
      ]);
      // A later transaction commits first, and the model reads it while the slow one still runs.
      await database.db
        .insertInto('unit_closure')
        .values({ unit_id: unitIds[2]!, starts_on: inDays(310), ends_on: inDays(312), reason: 'other' })
        .execute();
      await model.sync();
      assert.ok(closedOn(unitIds[2]!, 310), 'the committed change is applied');
      assert.ok(!closedOn(unitIds[1]!, 310), 'the running one is not visible yet');
      await slow.query('COMMIT');
      await model.sync();
      assert.ok(closedOn(unitIds[1]!, 310), 'and is applied once it committed');
    } finally {
      await slow.end();
    }
  });

  it('keeps what a poll read over an older copy of a stay its writer places late', async () => {
    const [row] = await database.db
      .insertInto('stay')
      .values({
        unit_id: unitIds[0]!,
        client_id: await aClient(database.db),
        stay_type: 'respite',
        arrival: inDays(320),
        departure: inDays(323),
        status: 'confirmed',
      })
      .returning(['id', 'unit_id', 'arrival', 'departure', 'status', 'hold_expires_at'])
      .execute();
    await database.db.updateTable('stay').set({ status: 'cancelled', cancel_reason: 'test' }).where('id', '=', row!.id).execute();
    await model.sync();
    // The stay as its writer saw it, confirmed, arriving after the poll that read its cancellation.
    const asInserted = stayOccupation(row!);
    model.placed(asInserted);
    const window = { from: inDays(320), to: inDays(323) };
    assert.ok(!model.occupationsOf(unitIds[0]!, window).some((occupation) => occupation.key === `stay:${row!.id}`), 'stays cancelled');
  });

  it('prunes the feed of changes every model has read, and records how far', async () => {
    const pruning = await AvailabilityReadModel.start(database, { pollMs: 20, pruneEveryMs: 50 });
    try {
      await database.db
        .insertInto('unit_closure')
        .values({ unit_id: unitIds[3]!, starts_on: inDays(340), ends_on: inDays(342), reason: 'other' })
        .execute();
      const feedRows = async () => (await database.db.selectFrom('availability_change').select('xid').execute()).length;
      for (let waited = 0; (await feedRows()) > 0; waited += 20) {
        assert.ok(waited < 5_000, 'the read changes are deleted');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const marked = await database.db
        .selectFrom('availability_change_pruned')
        .select(sql<string>`before::text`.as('before'))
        .executeTakeFirstOrThrow();
      assert.ok(BigInt(marked.before) > 0n, 'how far it pruned is recorded');
      assert.ok(closedOn(unitIds[3]!, 340, pruning), 'and the change was applied before it went');
    } finally {
      await pruning.close();
    }
  });

  const closedOn = (unitId: string, day: number, which = model) =>
    which.occupationsOf(unitId, { from: inDays(day), to: inDays(day + 1) }).some((occupation) => occupation.kind === 'closed');
});
