/**
 * Statistical disclosure control for policy figures: a count of 1–4 people could point to a person, so it is
 * hidden (primary suppression). When a group (e.g. one stay type over all municipalities) would then have exactly
 * one hidden cell, its value could be worked out from the total, so the next smallest cell is hidden too
 * (secondary suppression). Zero is shown: "nobody" identifies no one.
 */
export const SMALL_CELL_THRESHOLD = 5;

/**
 * Suppression alone does not hold against overlapping questions: the same cell for two periods one day apart differs
 * by the people of that one day, 1–4 included. So every count of people that is shown is rounded to a multiple of 5
 * (CBS's rounding to base 5): the difference of two shown counts is then a multiple of 5 too and never tells whether
 * 1, 2, 3 or 4 people lie behind it. Zero stays zero; a hidden cell stays hidden (null).
 */
export const ROUNDING_BASE = 5;

export function roundedCount(count: number): number;
export function roundedCount(count: number | null): number | null;
export function roundedCount(count: number | null): number | null {
  return count === null ? null : Math.round(count / ROUNDING_BASE) * ROUNDING_BASE;
}

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
    const next = indexes.filter((index) => !hidden[index] && cells[index]!.count > 0).sort((a, b) => cells[a]!.count - cells[b]!.count)[0];
    if (next !== undefined) hidden[next] = true;
  }
  return cells.map((cell, index) => ({ ...cell, count: hidden[index] ? null : roundedCount(cell.count), suppressed: hidden[index]! }));
}
