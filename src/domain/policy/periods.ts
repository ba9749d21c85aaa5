import { type DateRange, type IsoDate, addDays, isoWeekday, nightsBetween } from '../dates.ts';

/** A calendar month as far as it lies inside a period: the month's code and its nights in the period. */
export interface MonthSlice extends DateRange {
  /** YYYY-MM */
  readonly month: string;
}

/** Every month that a period touches, cut to the period. */
export function monthsIn(period: DateRange): MonthSlice[] {
  const slices: MonthSlice[] = [];
  let start = period.from;
  while (start < period.to) {
    const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const end = next < period.to ? next : period.to;
    slices.push({ month: start.slice(0, 7), from: start, to: end });
    start = end;
  }
  return slices;
}

/** The Mondays in a period: the moments the waiting list is counted. */
export function mondaysIn(period: DateRange): IsoDate[] {
  const mondays: IsoDate[] = [];
  const first = addDays(period.from, (8 - isoWeekday(period.from)) % 7);
  for (let day = first; day < period.to; day = addDays(day, 7)) mondays.push(day);
  return mondays;
}

export function nightsIn(period: DateRange): number {
  return Math.max(0, nightsBetween(period.from, period.to));
}
