import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { suppressSmallCells } from './small-cells.ts';

describe('small-cell suppression', () => {
  it('hides counts of 1 to 4, shows 0, and 5 or more rounded to a multiple of 5', () => {
    const cells = [0, 1, 4, 5, 7, 8, 12].map((count, i) => ({ key: `g${i}`, count }));
    const result = suppressSmallCells(cells, (cell) => cell.key);
    assert.deepEqual(
      result.map((cell) => cell.count),
      [0, null, null, 5, 5, 10, 10],
    );
  });

  it('differencing two overlapping questions never gives 1 to 4 people away: shown counts differ by a multiple of 5', () => {
    // The attack: the same cell for two periods one day apart, where the later one has d more people (d from 1 to 4).
    fc.assert(
      fc.property(fc.nat({ max: 200 }), fc.integer({ min: 1, max: 4 }), (before, extra) => {
        const [a, b] = [before, before + extra].map((count) => suppressSmallCells([{ count }], () => 'g')[0]!.count) as [
          number | null,
          number | null,
        ];
        if (a === null || b === null) return;
        assert.equal((b - a) % 5, 0);
        // The attacker knows only what is shown: every count x that shows as a, and x + d that shows as b. At least two
        // values of d fit, so the difference never says how many people came.
        const shown = (count: number) => suppressSmallCells([{ count }], () => 'g')[0]!.count;
        const fitting = [1, 2, 3, 4].filter((d) =>
          Array.from({ length: 210 }, (_, x) => x).some((x) => shown(x) === a && shown(x + d) === b),
        );
        assert.ok(fitting.length >= 2, `a=${a} b=${b}: only d in ${fitting}`);
      }),
    );
  });

  it('hides a second cell when a group has exactly one hidden cell, so the total does not give it away', () => {
    const cells = [
      { type: 'respite', municipality: 'Strijen', count: 3 },
      { type: 'respite', municipality: 'Oud-Beijerland', count: 20 },
      { type: 'respite', municipality: 'Korendijk', count: 7 },
    ];
    const result = suppressSmallCells(cells, (cell) => cell.type);
    assert.deepEqual(
      result.map((cell) => cell.count),
      [null, 20, null],
    );
  });

  it('never shows a count between 1 and 4, and no group has exactly one hidden non-zero cell when it could hide two', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.integer({ min: 0, max: 3 }), count: fc.nat({ max: 30 }) })), (cells) => {
        const result = suppressSmallCells(cells, (cell) => String(cell.group));
        for (const cell of result) assert.ok(cell.count === null || cell.count === 0 || (cell.count >= 5 && cell.count % 5 === 0));
        for (const group of new Set(cells.map((cell) => cell.group))) {
          const members = result.filter((cell) => cell.group === group);
          const positive = members.filter((_cell, i) => cells.filter((c) => c.group === group)[i]!.count > 0);
          const hiddenCount = members.filter((cell) => cell.suppressed).length;
          if (positive.length >= 2) assert.notEqual(hiddenCount, 1);
        }
      }),
    );
  });
});
