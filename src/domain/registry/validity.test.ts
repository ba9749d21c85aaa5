import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../dates.ts';
import { type ValidityPeriod, periodsOverlap, planNewPeriod } from './validity.ts';

describe('a new validity period (tariff, co-payment)', () => {
  const running: ValidityPeriod = { id: 'old', validFrom: '2026-01-01', validUntil: null };

  it('ends the price that runs until further notice on the first day of the new one', () => {
    assert.deepEqual(planNewPeriod([running], { validFrom: '2027-01-01', validUntil: null }), {
      close: [{ id: 'old', until: '2027-01-01' }],
      conflicts: [],
    });
  });

  it('is a conflict when it starts on or before the running one, or overlaps a closed period', () => {
    assert.deepEqual(planNewPeriod([running], { validFrom: '2026-01-01', validUntil: null }).conflicts, [running]);
    const closed: ValidityPeriod = { id: 'closed', validFrom: '2026-01-01', validUntil: '2026-07-01' };
    assert.deepEqual(planNewPeriod([closed], { validFrom: '2026-06-30', validUntil: '2026-08-01' }).conflicts, [closed]);
  });

  it('leaves periods alone that it does not touch (the end day is not part of a period)', () => {
    const closed: ValidityPeriod = { id: 'closed', validFrom: '2026-01-01', validUntil: '2026-07-01' };
    assert.deepEqual(planNewPeriod([closed], { validFrom: '2026-07-01', validUntil: null }), { close: [], conflicts: [] });
  });

  it('never leaves two periods overlapping once the plan is applied and there is no conflict', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((offset) => addDays('2026-01-01', offset));
    const period = fc.tuple(day, fc.option(fc.integer({ min: 1, max: 30 }))).map(([from, length]) => ({
      validFrom: from,
      validUntil: length === null ? null : addDays(from, length),
    }));
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), period, (candidates, next) => {
        // Build an existing set without overlaps, as the database guarantees.
        const existing: ValidityPeriod[] = [];
        for (const [index, candidate] of candidates.entries()) {
          if (existing.every((other) => !periodsOverlap(other, candidate))) existing.push({ id: String(index), ...candidate });
        }
        const plan = planNewPeriod(existing, next);
        if (plan.conflicts.length > 0) return;
        const after = existing.map((other) => ({
          ...other,
          validUntil: plan.close.find((closing) => closing.id === other.id)?.until ?? other.validUntil,
        }));
        for (const other of after) assert.ok(!periodsOverlap(other, next), `${JSON.stringify(other)} overlaps ${JSON.stringify(next)}`);
        for (const other of after) assert.ok(other.validUntil === null || other.validUntil > other.validFrom);
      }),
      { numRuns: 300 },
    );
  });
});
