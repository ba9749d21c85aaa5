import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type WaitingEntry, byPriority } from './waiting-list.ts';

const entry = (
  referralId: string,
  urgency: WaitingEntry['urgency'],
  burdenLevel: WaitingEntry['burdenLevel'],
  waitingSince: string,
): WaitingEntry => ({ referralId, urgency, burdenLevel, waitingSince });

describe('waiting-list priority', () => {
  it('puts urgency first, then the heavier caregiver burden, then the longer wait', () => {
    const list = [
      entry('a', 'planned', 'low', '2026-01-01T00:00:00Z'),
      entry('b', 'planned', 'high', '2026-06-01T00:00:00Z'),
      entry('c', 'within_48h', 'low', '2026-11-20T00:00:00Z'),
      entry('d', 'planned', 'high', '2026-03-01T00:00:00Z'),
    ];
    assert.deepEqual(
      [...list].sort(byPriority).map((e) => e.referralId),
      ['c', 'd', 'b', 'a'],
    );
  });

  it('is a total order: sorting any shuffle gives the same list', () => {
    const anEntry = fc.record({
      referralId: fc.uuid(),
      urgency: fc.constantFrom('today', 'within_48h', 'planned'),
      burdenLevel: fc.constantFrom('low', 'moderate', 'high'),
      waitingSince: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    }) as fc.Arbitrary<WaitingEntry>;
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 30 }), (entries) => {
        const once = [...entries].sort(byPriority);
        const again = [...entries].reverse().sort(byPriority);
        assert.deepEqual(
          once.map((e) => e.referralId),
          again.map((e) => e.referralId),
        );
      }),
    );
  });
});
