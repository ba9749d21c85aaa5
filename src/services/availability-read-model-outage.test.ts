import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../data/database.ts';
import { addDays } from '../domain/dates.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { AvailabilityReadModel } from './availability-read-model.ts';
import { appClock } from '../clock.ts';

/**
 * The read model when the database goes away (issue 15, item 9): every change's answer waits for `sync()`, so a
 * sync must end, and not fail, when its marker cannot be sent or cannot come back; the model then reloads.
 */
describe('availability read model during a database outage', () => {
  let database: TestDatabase;
  let model: AvailabilityReadModel;
  let lose: ((error: Error) => void) | undefined;
  let notifyMode: 'deliver' | 'swallow' | 'fail' = 'deliver';

  before(async () => {
    database = await createTestDatabase();
    // The real database, with a hand on the notification connection: lose it, or lose the markers sent over it.
    const handle: DatabaseHandle = {
      ...database,
      async listen(channel, onPayload, onLost) {
        lose = onLost;
        return database.listen(channel, onPayload, onLost);
      },
      async notify(channel, payload) {
        if (notifyMode === 'fail') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        if (notifyMode === 'deliver') await database.notify(channel, payload);
      },
    };
    model = await AvailabilityReadModel.start(handle);
  });
  after(async () => {
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

  it('ends a sync whose marker was sent when the notification connection is lost, and reloads', async () => {
    assert.ok(model.covers(week()));
    notifyMode = 'swallow';
    const pending = model.sync();
    await sleep(50);
    lose!(new Error('Connection terminated unexpectedly'));
    await settles(pending, 'the sync ends instead of waiting forever for its marker');
    assert.equal(model.covers(week()), false, 'no answers from memory until reloaded');
    notifyMode = 'deliver';
    await reloaded();
    await settles(model.sync(), 'a sync works again after the reload');
  });

  it('does not fail a sync when the marker cannot be sent, and reloads', async () => {
    notifyMode = 'fail';
    await settles(model.sync(), 'the sync ends without an error');
    assert.equal(model.covers(week()), false, 'not in step any more: no answers from memory');
    notifyMode = 'deliver';
    await reloaded();
  });
});
