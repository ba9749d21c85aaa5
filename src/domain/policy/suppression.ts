import { SMALL_CELL_THRESHOLD } from '../small-cells.ts';

/**
 * Small-cell suppression for figures that are published side by side. A count of 1–4 people is hidden (primary
 * suppression, the rule of small-cells.ts). Each relation lists cells whose sum is shown or can be worked out
 * (a month's column in a stacked chart, a total row, the same requests counted by kind and by municipality): a
 * relation with exactly one hidden cell would give that cell away, so the smallest other non-zero cell of the
 * relation is hidden too (secondary suppression), preferring a cell that protects another such relation at the same
 * time. Because hiding a cell can leave another relation with one hidden cell, this repeats until nothing changes. Not
 * the fewest cells possible (that is an integer program), but never a cell that can be worked out exactly from what is
 * shown. Zero is never hidden: "nobody" identifies no one.
 */
export interface CountedCell {
  /** How many different people the cell counts: the number the threshold applies to. */
  readonly people: number;
}

export function suppressLinked(
  cells: readonly CountedCell[],
  relations: readonly (readonly number[])[],
  threshold = SMALL_CELL_THRESHOLD,
): boolean[] {
  const hidden = cells.map((cell) => cell.people > 0 && cell.people < threshold);
  const relationsOf = cells.map(() => [] as number[]);
  relations.forEach((relation, r) => {
    for (const index of relation) relationsOf[index]!.push(r);
  });
  const hiddenIn = (relation: readonly number[]) => relation.filter((index) => hidden[index]).length;
  // A cell that also closes another relation with one hidden cell protects two at the cost of one.
  const closesAnother = (index: number, current: number) => relationsOf[index]!.some((r) => r !== current && hiddenIn(relations[r]!) === 1);
  let changed = true;
  while (changed) {
    changed = false;
    relations.forEach((relation, r) => {
      if (hiddenIn(relation) !== 1) return;
      const next = relation
        .filter((index) => !hidden[index] && cells[index]!.people > 0)
        .sort((a, b) => Number(closesAnother(b, r)) - Number(closesAnother(a, r)) || cells[a]!.people - cells[b]!.people || a - b)[0];
      if (next === undefined) return;
      hidden[next] = true;
      changed = true;
    });
  }
  return hidden;
}

/** The indexes of the cells, grouped by a key: one relation per group. */
export function relationsBy<T>(items: readonly T[], keyOf: (item: T) => string, offset = 0): number[][] {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), offset + index]);
  });
  return [...groups.values()];
}
