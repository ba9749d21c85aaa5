import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from './prng.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    assert.deepEqual(draw(7), draw(7));
    assert.notDeepEqual(draw(7), draw(8));
  });

  it('keeps integers within bounds and reaches both ends', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(3, 6)));
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
  });

  it('makes distinct, well-formed version 4 UUIDs', () => {
    const random = createRandom(42);
    const ids = Array.from({ length: 1000 }, () => random.uuid());
    assert.ok(ids.every((id) => UUID_V4.test(id)));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('picks by weight', () => {
    const random = createRandom(3);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ['a', 3],
        ['b', 1],
      ] as const),
    );
    const share = picks.filter((pick) => pick === 'a').length / picks.length;
    assert.ok(Math.abs(share - 0.75) < 0.02);
  });
});
