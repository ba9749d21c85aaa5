/**
 * Calendar dates as ISO strings ("2027-03-01"). Stays are counted in nights, so a period is the
 * half-open range [arrival, departure): back-to-back stays share a date without overlapping.
 * All arithmetic is done in UTC so a daylight-saving change can never shift a date.
 */
export type IsoDate = string;

export interface DateRange {
  readonly from: IsoDate;
  /** Exclusive: the departure date. */
  readonly to: IsoDate;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function toEpochDay(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function nightsBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.from < b.to && b.from < a.to;
}

/** Every date of a range, departure excluded. */
export function datesOf(range: DateRange): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let day = toEpochDay(range.from); day < toEpochDay(range.to); day++) dates.push(fromEpochDay(day));
  return dates;
}
