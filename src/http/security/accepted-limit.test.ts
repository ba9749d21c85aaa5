import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { AcceptedLimit } from './accepted-limit.ts';

describe('a limit on accepted requests', () => {
  it('lets max through per window, then says how long until the oldest leaves it, per address', () => {
    let now = 0;
    const limit = new AcceptedLimit(2, 3_600_000, () => now);
    for (const minute of [0, 10]) {
      now = minute * 60_000;
      limit.check('a');
      limit.record('a');
    }
    now = 20 * 60_000;
    assert.throws(
      () => limit.check('a'),
      (error: unknown) => error instanceof AppError && error.code === 'rate_limited' && error.params.seconds === 40 * 60,
    );
    limit.check('b');
    now = 60 * 60_000 + 1;
    limit.check('a');
  });
});
