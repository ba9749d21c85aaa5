import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Allocation, type AllocationRequest, allocateGreedy, allocateOptimal } from './batch-allocation.ts';

const request = (id: string, nights: number, options: [string, number, number][], noBedCost = 100): AllocationRequest => ({
  id,
  nights,
  noBedCost,
  options: options.map(([unitId, start, cost]) => ({ unitId, start, cost })),
});

function assertFeasible(requests: readonly AllocationRequest[], allocation: Allocation): void {
  const stays = [...allocation.assigned].map(([id, option]) => {
    const asked = requests.find((candidate) => candidate.id === id)!;
    assert.ok(asked.options.includes(option), `request ${id} got an option it did not offer`);
    assert.ok(option.cost < asked.noBedCost, `request ${id} got an option dearer than no bed`);
    return { unitId: option.unitId, start: option.start, end: option.start + asked.nights };
  });
  for (const a of stays) {
    for (const b of stays) {
      if (a !== b && a.unitId === b.unitId) assert.ok(a.end <= b.start || b.end <= a.start, `two stays overlap on ${a.unitId}`);
    }
  }
  assert.equal(allocation.assigned.size + allocation.unplaced.length, requests.length);
}

/** Every combination of one option (or none) per request: the true optimum of a tiny instance. */
function bruteForce(requests: readonly AllocationRequest[]): number {
  let best = Number.POSITIVE_INFINITY;
  const walk = (index: number, taken: { unitId: string; start: number; end: number }[], cost: number) => {
    if (cost >= best) return;
    if (index === requests.length) {
      best = cost;
      return;
    }
    const current = requests[index]!;
    walk(index + 1, taken, cost + current.noBedCost);
    for (const option of current.options) {
      const end = option.start + current.nights;
      if (taken.some((stay) => stay.unitId === option.unitId && option.start < stay.end && stay.start < end)) continue;
      walk(index + 1, [...taken, { unitId: option.unitId, start: option.start, end }], cost + option.cost);
    }
  };
  walk(0, [], 0);
  return best;
}

const instances = fc
  .array(
    fc.record({
      nights: fc.integer({ min: 1, max: 6 }),
      noBedCost: fc.integer({ min: 20, max: 60 }),
      options: fc.array(fc.tuple(fc.constantFrom('u1', 'u2', 'u3'), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 70 })), {
        maxLength: 3,
      }),
    }),
    { maxLength: 6 },
  )
  .map((drawn) => drawn.map((entry, i) => request(`r${i}`, entry.nights, entry.options, entry.noBedCost)));

describe('batch allocation', () => {
  it('places both requests where taking the nearest unit first would leave one without a bed', async () => {
    // A is nearest to unit 1 but can go to unit 2; B can only go to unit 1, overlapping A's stay there.
    const requests = [
      request('A', 5, [
        ['u1', 0, 1],
        ['u2', 0, 10],
      ]),
      request('B', 5, [['u1', 2, 2]]),
    ];
    const greedy = allocateGreedy(requests);
    assert.deepEqual(greedy.unplaced, ['B']);
    assert.equal(greedy.totalCost, 1 + 100);
    const optimal = await allocateOptimal(requests);
    assert.deepEqual(optimal.unplaced, []);
    assert.equal(optimal.assigned.get('A')?.unitId, 'u2');
    assert.equal(optimal.assigned.get('B')?.unitId, 'u1');
    assert.equal(optimal.totalCost, 12);
    assert.equal(optimal.optimal, true);
    assert.equal(optimal.lowerBound, 12);
  });

  it('chooses "no bed" over an option that costs more than leaving the request without one', async () => {
    const requests = [request('far', 3, [['u1', 0, 150]], 100)];
    for (const allocation of [allocateGreedy(requests), await allocateOptimal(requests)]) {
      assert.deepEqual(allocation.unplaced, ['far']);
      assert.equal(allocation.totalCost, 100);
    }
  });

  it('lets back-to-back stays share a unit: departure day is the next arrival day', async () => {
    const requests = [request('first', 3, [['u1', 0, 5]]), request('second', 3, [['u1', 3, 5]])];
    const optimal = await allocateOptimal(requests);
    assert.equal(optimal.assigned.size, 2);
  });

  it('finds the true optimum of small instances, never worse than greedy, never double-booking (property)', async () => {
    await fc.assert(
      fc.asyncProperty(instances, async (requests) => {
        const optimal = await allocateOptimal(requests);
        const greedy = allocateGreedy(requests);
        assertFeasible(requests, optimal);
        assertFeasible(requests, greedy);
        assert.equal(optimal.totalCost, bruteForce(requests));
        assert.ok(optimal.totalCost <= greedy.totalCost);
        assert.ok(optimal.optimal);
        assert.ok(greedy.lowerBound <= optimal.totalCost, 'the greedy bound is a true lower bound');
      }),
      { numRuns: 150 },
    );
  });

  it('reports a lower bound no higher than its assignment when stopped by a time limit', async () => {
    const requests = Array.from({ length: 80 }, (_, i) =>
      request(
        `r${i}`,
        2 + (i % 5),
        Array.from({ length: 12 }, (_, j): [string, number, number] => [`u${j % 6}`, (i * 3 + j) % 40, (i * 7 + j * 13) % 50]),
      ),
    );
    const allocation = await allocateOptimal(requests, { timeLimitSeconds: 0.05 });
    assertFeasible(requests, allocation);
    assert.ok(Number.isFinite(allocation.lowerBound), 'never an unknown bound');
    assert.ok(allocation.lowerBound <= allocation.totalCost);
  });
});
