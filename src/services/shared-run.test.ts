import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SharedRun } from './shared-run.ts';

describe('SharedRun', () => {
  it('runs items added while a run is busy together in the next run, and one run at a time', async () => {
    const runs: number[][] = [];
    let active = 0;
    let release!: () => void;
    const firstRunHeld = new Promise<void>((resolve) => (release = resolve));
    const shared = new SharedRun<number>(async (items) => {
      active++;
      assert.equal(active, 1, 'two runs at once');
      runs.push([...items]);
      if (runs.length === 1) await firstRunHeld;
      active--;
    });
    const first = shared.add([1]);
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = [shared.add([2]), shared.add([3, 4]), shared.add([5])];
    release();
    await Promise.all([first, ...waiting]);
    assert.deepEqual(runs, [[1], [2, 3, 4, 5]]);
  });

  it('gives a failed run to its own callers only', async () => {
    const shared = new SharedRun<string>(async (items) => {
      if (items.includes('bad')) throw new Error('no');
    });
    await assert.rejects(shared.add(['bad']), /no/);
    await shared.add(['good']);
  });
});
