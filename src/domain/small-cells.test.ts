import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { suppressSmallCells } from './small-cells.ts';

describe('small-cell suppression', () => {
  it('hides counts of 1 to 4, shows 0 and 5 or more', () => {
    const cells = [0, 1, 4, 5, 12].map((count, i) => ({ key: `g${i}`, count }));
    const result = suppressSmallCells(cells, (cell) => cell.key);
    assert.deepEqual(result.map((cell) => cell.count), [0, null, null, 5, 12]);
  });

  it('hides a second cell when a group has exactly one hidden cell, so the total does not give it away', () => {
    const cells = [
      { type: 'respite', municipality: 'Strijen', count: 3 },
      { type: 'respite', municipality: 'Oud-Beijerland', count: 20 },
      { type: 'respite', municipality: 'Korendijk', count: 7 },
    ];
    const result = suppressSmallCells(cells, (cell) => cell.type);
    assert.deepEqual(result.map((cell) => cell.count), [null, 20, null]);
  });

  it('never shows a count between 1 and 4, and no group has exactly one hidden non-zero cell when it could hide two', () => {
    fc.assert(fc.property(fc.array(fc.record({ group: fc.integer({ min: 0, max: 3 }), count: fc.nat({ max: 30 }) })), (cells) => {
      const result = suppressSmallCells(cells, (cell) => String(cell.group));
      for (const cell of result) assert.ok(cell.count === null || cell.count === 0 || cell.count >= 5);
      for (const group of new Set(cells.map((cell) => cell.group))) {
        const members = result.filter((cell) => cell.group === group);
        const positive = members.filter((_cell, i) => cells.filter((c) => c.group === group)[i]!.count > 0);
        const hiddenCount = members.filter((cell) => cell.suppressed).length;
        if (positive.length >= 2) assert.notEqual(hiddenCount, 1);
      }
    }));
  });
});
