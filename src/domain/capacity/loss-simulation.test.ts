import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { erlangB } from './erlang.ts';
import { type PoolStructure, type SimUnit, type Stream, seededRandom, simulateLoss } from './loss-simulation.ts';

const units = (count: number, accepts: string[], group = 'pool'): SimUnit[] => Array.from({ length: count }, () => ({ group, accepts }));
const pooled = (list: SimUnit[]): PoolStructure => ({ units: list, routing: 'pooled' });
const poisson = (classId: string, perDay: number, meanDays = 1): Stream => ({
  classId,
  arrivals: { kind: 'poisson', perDay },
  stay: { kind: 'exponential', mean: meanDays },
});

describe('the loss simulation', () => {
  it('agrees with Erlang B within its confidence interval under Poisson arrivals and exponential stays', () => {
    // Fixed before looking at the outcome: the demo's seed. With 99 % intervals a correct simulation misses one of
    // these six with a chance of about 6 %; the next test checks that the 95 % intervals cover as often as they claim.
    const cases: [number, number][] = [
      [1, 0.5],
      [3, 1],
      [5, 3],
      [10, 5],
      [10, 8],
      [20, 15],
    ];
    for (const [count, load] of cases) {
      const [outcome] = simulateLoss([poisson('x', load)], [pooled(units(count, ['x']))], {
        seed: 2019,
        replications: 20,
        horizonDays: 2000,
        warmupDays: 20,
        confidence: 0.99,
      });
      const share = outcome!.total.share!;
      const exact = erlangB(count, load);
      assert.ok(
        Math.abs(share.mean - exact) <= share.halfWidth,
        `${count} units, ${load} Erlang: simulated ${share.mean.toFixed(5)} ± ${share.halfWidth.toFixed(5)}, Erlang B ${exact.toFixed(5)}`,
      );
      // Little's law on what is carried: the busy units are the load that got a unit.
      assert.ok(Math.abs(outcome!.busyUnits.mean - load * (1 - exact)) <= 3 * outcome!.busyUnits.halfWidth + 0.01 * load);
    }
  });

  it('has 95 % intervals that contain Erlang B in about 95 % of independent runs', () => {
    let covered = 0;
    const runs = 60;
    for (let seed = 1; seed <= runs; seed++) {
      const [outcome] = simulateLoss([poisson('x', 3)], [pooled(units(5, ['x']))], {
        seed,
        replications: 10,
        horizonDays: 500,
        warmupDays: 10,
        confidence: 0.95,
      });
      const share = outcome!.total.share!;
      if (Math.abs(share.mean - erlangB(5, 3)) <= share.halfWidth) covered++;
    }
    // Binomial(60, 0.95): at most 50 happens with a chance of about 0.2 %.
    assert.ok(covered >= 51, `covered ${covered} of ${runs}`);
  });

  it('gives the same Erlang answer whatever the stay lengths, for the same mean (insensitivity)', () => {
    const streams: Stream[] = [
      { classId: 'x', arrivals: { kind: 'poisson', perDay: 2 }, stay: { kind: 'fixed', days: 2 } },
      { classId: 'x', arrivals: { kind: 'poisson', perDay: 2 }, stay: { kind: 'empirical', values: [1, 1, 1, 5] } },
    ];
    for (const stream of streams) {
      const [outcome] = simulateLoss([stream], [pooled(units(6, ['x']))], {
        seed: 5,
        replications: 20,
        horizonDays: 1000,
        warmupDays: 30,
        confidence: 0.99,
      });
      const share = outcome!.total.share!;
      assert.ok(
        Math.abs(share.mean - erlangB(6, 4)) <= share.halfWidth,
        `${stream.stay.kind}: ${share.mean} ± ${share.halfWidth}, B ${erlangB(6, 4)}`,
      );
    }
  });

  it('follows given arrival times exactly: a unit taken is refused to the next request until it is free again', () => {
    const stream: Stream = { classId: 'x', arrivals: { kind: 'trace', times: [0, 0.5, 1, 1.2, -3] }, stay: { kind: 'fixed', days: 1 } };
    const [outcome] = simulateLoss([stream], [pooled(units(1, ['x']))], {
      seed: 1,
      replications: 2,
      horizonDays: 10,
      warmupDays: 5,
      confidence: 0.95,
    });
    // 0 takes it, 0.5 is refused, 1 takes it as 0 leaves, 1.2 is refused; −3 fell in the warm-up and is not counted.
    assert.equal(outcome!.total.requests, 4);
    assert.equal(outcome!.total.refused, 2);
    assert.equal(outcome!.busyUnits.mean, 0.2);
  });

  it('brings recurring guests back at their interval and never lets a stay outlast it', () => {
    const stream: Stream = {
      classId: 'respite',
      arrivals: { kind: 'periodic', intervals: [30, 30, 30] },
      stay: { kind: 'fixed', days: 45 },
    };
    const [outcome] = simulateLoss([stream], [pooled(units(3, ['respite']))], {
      seed: 3,
      replications: 4,
      horizonDays: 300,
      warmupDays: 60,
      confidence: 0.95,
    });
    // Three guests, each every 30 days for 300 days: 10 stays each; each guest's stay ends as the next begins.
    assert.equal(outcome!.total.requests, 30);
    assert.equal(outcome!.total.refused, 0);
    assert.ok(Math.abs(outcome!.busyUnits.mean - 3) < 1e-9);
  });

  it('follows a seasonal rate: a cycle with one busy half brings its requests in that half', () => {
    const rates = [...Array(182).fill(4), ...Array(183).fill(0)];
    const [outcome] = simulateLoss(
      [{ classId: 'x', arrivals: { kind: 'poisson', perDay: rates }, stay: { kind: 'fixed', days: 0.01 } }],
      [pooled(units(50, ['x']))],
      { seed: 9, replications: 10, horizonDays: 365, warmupDays: 0, confidence: 0.95 },
    );
    assert.ok(Math.abs(outcome!.total.requests - 728) < 60, String(outcome!.total.requests));
  });

  it('keeps reserved units for their own class: fewer refusals for it, more for the others', () => {
    const streams = [poisson('respite', 1, 5), poisson('elv', 2, 5)];
    const flexible = pooled(units(20, ['respite', 'elv']));
    const reserved = pooled([...units(4, ['respite']), ...units(16, ['respite', 'elv'])]);
    const [all, kept] = simulateLoss(streams, [flexible, reserved], {
      seed: 11,
      replications: 20,
      horizonDays: 365,
      warmupDays: 60,
      confidence: 0.95,
    });
    const share = (outcome: typeof all, classId: string) => outcome!.classes.find((item) => item.classId === classId)!.share!.mean;
    assert.ok(share(kept, 'respite') < share(all, 'respite'));
    assert.ok(share(kept, 'elv') > share(all, 'elv'));
  });

  it('refuses a class that no unit takes, and only sends a request to a pool that takes its class', () => {
    const list = [...units(2, ['respite'], 'a'), ...units(2, ['elv'], 'b')];
    const [together, apart] = simulateLoss(
      [poisson('respite', 0.2, 2), poisson('crisis', 0.1, 2)],
      [pooled(list), { units: list, routing: 'by-group' }],
      { seed: 2, replications: 5, horizonDays: 365, warmupDays: 30, confidence: 0.95 },
    );
    for (const outcome of [together, apart]) {
      assert.equal(outcome!.classes.find((item) => item.classId === 'crisis')!.share!.mean, 1);
    }
    // Respite has one pool that takes it, so apart and together are the same system for it.
    assert.equal(together!.classes[0]!.refused, apart!.classes[0]!.refused);
  });

  it('never refuses more in one regional pool than in separate pools with the same units and requests (in expectation)', () => {
    // Not true request by request: one pool may take a long stay that separate pools would have refused, and then
    // refuse two short ones. It holds for the expected losses (Smith & Whitt 1981); with common random numbers and
    // 30 replications the estimated difference has never come out negative, and 0.2 percentage point allows for it.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.double({ min: 0.1, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<Stream['stay']>({ kind: 'exponential', mean: 5 }, { kind: 'empirical', values: [2, 3, 5, 10] }),
        fc.integer({ min: 1, max: 10_000 }),
        (sizes, loadPerUnit, stay, seed) => {
          const total = sizes.reduce((sum, size) => sum + size, 0);
          const classes = loadPerUnit.map((_load, index) => `c${index}`);
          const list = sizes.flatMap((size, group) => units(size, classes, `provider-${group}`));
          const streams: Stream[] = loadPerUnit.map((load, index) => ({
            classId: classes[index]!,
            arrivals: { kind: 'poisson', perDay: (load * total) / classes.length / 5 },
            stay,
          }));
          const [together, apart] = simulateLoss(streams, [pooled(list), { units: list, routing: 'by-group' }], {
            seed,
            replications: 30,
            horizonDays: 365,
            warmupDays: 60,
            confidence: 0.95,
          });
          assert.ok(
            together!.total.share!.mean <= apart!.total.share!.mean + 0.002,
            `pooled ${together!.total.share!.mean} against separate ${apart!.total.share!.mean}`,
          );
        },
      ),
      { seed: 2019, numRuns: 40 },
    );
  });

  it('repeats itself for a seed, and the generator spreads its numbers evenly', () => {
    const run = () =>
      simulateLoss([poisson('x', 3)], [pooled(units(4, ['x']))], {
        seed: 42,
        replications: 3,
        horizonDays: 100,
        warmupDays: 10,
        confidence: 0.95,
      });
    assert.deepEqual(run(), run());
    const random = seededRandom(1);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(random() * 10)]++;
    for (const count of buckets) assert.ok(Math.abs(count - 10_000) < 400, String(count));
    assert.throws(() => simulateLoss([], [], { seed: 1, replications: 1, horizonDays: 1, warmupDays: 0, confidence: 0.95 }), RangeError);
  });
});
