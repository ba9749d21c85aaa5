/**
 * Which days of the demo window are taken, per unit or per guest, so generated stays never overlap.
 * Days are numbers from the window's first day; ranges are half-open [from, to) like stay periods.
 */
export interface Occupancy {
  isFree(key: string, from: number, to: number): boolean;
  /** How many free days follow from `from`, counting at most `limit`. */
  freeRun(key: string, from: number, limit: number): number;
  occupy(key: string, from: number, to: number): void;
}

export function createOccupancy(days: number): Occupancy {
  const taken = new Map<string, Uint8Array>();
  const daysOf = (key: string) => {
    let row = taken.get(key);
    if (!row) {
      row = new Uint8Array(days);
      taken.set(key, row);
    }
    return row;
  };
  const freeRun = (key: string, from: number, limit: number) => {
    const row = daysOf(key);
    let run = 0;
    while (run < limit && from + run < days && from + run >= 0 && row[from + run] === 0) run++;
    return run;
  };
  return {
    freeRun,
    isFree: (key, from, to) => freeRun(key, from, to - from) === to - from,
    occupy(key, from, to) {
      daysOf(key).fill(1, Math.max(0, from), Math.min(days, to));
    },
  };
}
