/**
 * Statistical disclosure control for policy figures: a count of 1–4 people could point to a person, so it is
 * hidden (primary suppression). When a group (e.g. one stay type over all municipalities) would then have exactly
 * one hidden cell, its value could be worked out from the total, so the next smallest cell is hidden too
 * (secondary suppression). Zero is shown: "nobody" identifies no one.
 */
export const SMALL_CELL_THRESHOLD = 5;

export interface Cell {
  readonly count: number;
}

export type Suppressed<T extends Cell> = Omit<T, 'count'> & { count: number | null; suppressed: boolean };

export function suppressSmallCells<T extends Cell>(
  cells: readonly T[],
  groupOf: (cell: T) => string,
  threshold = SMALL_CELL_THRESHOLD,
): Suppressed<T>[] {
  const hidden = cells.map((cell) => cell.count > 0 && cell.count < threshold);
  const groups = new Map<string, number[]>();
  cells.forEach((cell, index) => {
    const key = groupOf(cell);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  for (const indexes of groups.values()) {
    if (indexes.filter((index) => hidden[index]).length !== 1) continue;
    const next = indexes
      .filter((index) => !hidden[index] && cells[index]!.count > 0)
      .sort((a, b) => cells[a]!.count - cells[b]!.count)[0];
    if (next !== undefined) hidden[next] = true;
  }
  return cells.map((cell, index) => ({ ...cell, count: hidden[index] ? null : cell.count, suppressed: hidden[index]! }));
}
