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

/**
 * The dates the app takes from anyone: birth dates from 1900, stays up to 2199. Outside, a date is a typing error,
 * and year 0 or 10 000 would break the formats that describe it afterwards (JSON, iCalendar, the database's own).
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

/** A real calendar date as YYYY-MM-DD, within FIRST_DATE..LAST_DATE. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value) || value < FIRST_DATE || value > LAST_DATE) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * Days since 1970-01-01, by integer civil-calendar arithmetic (H. Hinnant's days_from_civil). Availability turns
 * dates into day numbers for every night of every unit searched; going through Date objects was the app's
 * largest cost under load.
 */
export function toEpochDay(date: IsoDate): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromEpochDay(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function nightsBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

// en-CA writes dates as YYYY-MM-DD.
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in the Netherlands: from midnight to 1 or 2 a.m. the UTC date would still be yesterday. */
export function todayIso(now: Date): IsoDate {
  return DUTCH_DATE.format(now);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The date `days` working days (Monday to Friday) after `date`. Public holidays are not counted out. */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let result = date;
  for (let left = days; left > 0; ) {
    result = addDays(result, 1);
    if (isoWeekday(result) <= 5) left--;
  }
  return result;
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
