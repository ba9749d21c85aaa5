import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { changeFeedSnapshot, pruneChangeFeed } from '../data/availability.repository.ts';
import type { DatabaseHandle } from '../data/database.ts';
import { addDays } from '../domain/dates.ts';
import { aLocation, aRegion, aUnit } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { AvailabilityReadModel } from './availability-read-model.ts';
import { appClock } from '../clock.ts';

/**
 * The read model when the database goes away (issue 15, item 9): every change's answer waits for `sync()`, so a
 * sync must end, and not fail, when its poll of the change feed fails; the model then reloads.
 */
describe('availability read model during a database outage', () => {
  let database: TestDatabase;
  let model: AvailabilityReadModel;
  let down = false;

  before(async () => {
    database = await createTestDatabase();
    // The real database, behind a switch that makes every statement fail as a lost connection does.
    const outage: KyselyPlugin = {
      transformQuery(args) {
        if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const handle: DatabaseHandle = { ...database, db: database.db.withPlugin(outage) };
    model = await AvailabilityReadModel.start(handle, { pollMs: 60_000 });
  });
  after(async () => {
    down = false;
    await model.close();
    await database.close();
  });

  const week = () => ({ from: appClock().today(), to: addDays(appClock().today(), 7) });

  async function settles(promise: Promise<void>, what: string): Promise<void> {
    const outcome = await Promise.race([promise.then(() => 'settled'), sleep(3_000, 'hanging', { ref: false })]);
    assert.equal(outcome, 'settled', what);
  }

  async function reloaded(): Promise<void> {
    for (let waited = 0; !model.covers(week()); waited += 50) {
      assert.ok(waited < 10_000, 'the read model reloads after the outage');
      await sleep(50);
    }
  }

  it('does not fail a sync when its poll fails, stops answering, and reloads once the database is back', async () => {
    assert.ok(model.covers(week()));
    down = true;
    await settles(model.sync(), 'the sync ends without an error');
    assert.equal(model.covers(week()), false, 'not in step any more: no answers from memory');
    await settles(model.sync(), 'a sync while it reloads ends at once');
    await sleep(1_500);
    assert.equal(model.covers(week()), false, 'still away while the database is');
    down = false;
    await reloaded();
    await settles(model.sync(), 'a sync works again after the reload');
  });

  it('sees a change made while it was away', async () => {
    const unitId = await aUnit(database.db, await aLocation(database.db, await aRegion(database.db)));
    down = true;
    await model.sync();
    await database.db
      .insertInto('unit_closure')
      .values({ unit_id: unitId, starts_on: addDays(appClock().today(), 2), ends_on: addDays(appClock().today(), 4), reason: 'other' })
      .execute();
    down = false;
    await reloaded();
    assert.ok(model.occupationsOf(unitId, week()).some((occupation) => occupation.kind === 'closed'));
  });

  it('reloads when another process pruned changes it had not read yet', async () => {
    const unitId = await aUnit(database.db, await aLocation(database.db, await aRegion(database.db)));
    await model.sync();
    await database.db
      .insertInto('unit_closure')
      .values({ unit_id: unitId, starts_on: addDays(appClock().today(), 3), ends_on: addDays(appClock().today(), 5), reason: 'other' })
      .execute();
    // Another process read that change and pruned the feed up to its horizon; this model has not polled since.
    await pruneChangeFeed(database.db, (await changeFeedSnapshot(database.db)).horizon);
    await settles(model.sync(), 'the sync ends');
    await reloaded();
    assert.ok(
      model.occupationsOf(unitId, week()).some((occupation) => occupation.kind === 'closed'),
      'the pruned change is loaded',
    );
  });
});
