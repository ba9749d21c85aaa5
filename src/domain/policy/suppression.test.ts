import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { suppressSmallCells } from '../small-cells.ts';
import { relationsBy, suppressLinked } from './suppression.ts';

const cellsOf = (...people: number[]) => people.map((count) => ({ people: count }));

describe('linked small-cell suppression', () => {
  it('hides 1 to 4 people and shows 0 and 5 or more', () => {
    assert.deepEqual(suppressLinked(cellsOf(0, 1, 4, 5, 30), []), [false, true, true, false, false]);
  });

  it('hides the smallest other cell of a relation that would otherwise have one hidden cell', () => {
    assert.deepEqual(suppressLinked(cellsOf(3, 20, 7, 9), [[0, 1, 2, 3]]), [true, false, true, false]);
  });

  it('follows the hiding into other relations: a row and a column of a table with its totals', () => {
    // within / outside for two regions and the total row: [A.in, A.out, B.in, B.out, all.in, all.out]
    const cells = cellsOf(20, 3, 40, 9, 60, 12);
    const relations = [
      [0, 1],
      [2, 3],
      [4, 5],
      [0, 2, 4],
      [1, 3, 5],
    ];
    const hidden = suppressLinked(cells, relations);
    // A.out is small; A.in goes with it (row); then the columns each have one hidden cell: B.in and B.out follow.
    assert.deepEqual(hidden, [true, true, true, true, false, false]);
  });

  it('cannot protect a relation whose only other cells are zero, and does not hide zeros to try', () => {
    assert.deepEqual(suppressLinked(cellsOf(2, 0, 0), [[0, 1, 2]]), [true, false, false]);
  });

  it('never shows 1–4 people, and leaves no relation with exactly one hidden cell while it has another non-zero cell', () => {
    const table = fc.record({
      rows: fc.integer({ min: 1, max: 5 }),
      columns: fc.integer({ min: 1, max: 5 }),
      counts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.nat({ max: 60 })), { minLength: 25, maxLength: 25 }),
    });
    fc.assert(
      fc.property(table, ({ rows, columns, counts }) => {
        const cells = counts.slice(0, rows * columns).map((people) => ({ people }));
        const relations = [
          ...Array.from({ length: rows }, (_r, r) => Array.from({ length: columns }, (_c, c) => r * columns + c)),
          ...Array.from({ length: columns }, (_c, c) => Array.from({ length: rows }, (_r, r) => r * columns + c)),
        ];
        const hidden = suppressLinked(cells, relations);
        cells.forEach((cell, index) => {
          if (cell.people > 0 && cell.people < 5) assert.ok(hidden[index], `cell ${index} with ${cell.people} people is shown`);
          if (cell.people === 0) assert.ok(!hidden[index], 'a zero is hidden');
        });
        for (const relation of relations) {
          const hiddenCells = relation.filter((index) => hidden[index]);
          const otherPositive = relation.filter((index) => !hidden[index] && cells[index]!.people > 0);
          assert.ok(hiddenCells.length !== 1 || otherPositive.length === 0, `relation ${relation} gives a hidden cell away`);
        }
      }),
    );
  });

  it('does what small-cells.ts does for groups that are not linked to each other', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.integer({ min: 0, max: 3 }), count: fc.nat({ max: 30 }) })), (cells) => {
        const expected = suppressSmallCells(cells, (cell) => String(cell.group)).map((cell) => cell.suppressed);
        const actual = suppressLinked(
          cells.map((cell) => ({ people: cell.count })),
          relationsBy(cells, (cell) => String(cell.group)),
        );
        assert.deepEqual(actual, expected);
      }),
    );
  });
});
