/**
 * Dates, numbers and euros in Dutch notation (nl-NL): the data is Dutch. In the English interface the names of months
 * and weekdays are English (en-GB keeps the Dutch order: day, month, year); numbers and euros stay nl-NL.
 */
type FormatLanguage = 'nl' | 'en';
const DATE_LOCALE: Record<FormatLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };
const ZONE = 'Europe/Amsterdam';

function dateFormats(locale: string) {
  return {
    date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }),
    shortDate: new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: ZONE }),
    dateTime: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: ZONE }),
    month: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: ZONE }),
    shortMonth: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: ZONE }),
    dayMonth: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: ZONE }),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }),
  };
}
const DATE_FORMATS = { nl: dateFormats(DATE_LOCALE.nl), en: dateFormats(DATE_LOCALE.en) };
const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

let language: FormatLanguage = 'nl';
/** Set by the language switch (I18nProvider) while it renders, so every date on the page follows it. */
export function setFormatLanguage(next: FormatLanguage): void {
  language = next;
}

/** An ISO date (2026-12-01) as "1 december 2026" or "1 December 2026"; noon avoids a day shift across time zones. */
export const formatDate = (iso: string) => DATE_FORMATS[language].date.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
export const formatShortDate = (iso: string) => DATE_FORMATS[language].shortDate.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
export const formatDateTime = (iso: string) => DATE_FORMATS[language].dateTime.format(new Date(iso));
/** A moment (an ISO timestamp) as its Dutch calendar day, "1 december 2026", and its Dutch clock time, "14:00". */
export const formatDayOf = (instant: string) => DATE_FORMATS[language].date.format(new Date(instant));
export const formatTime = (instant: string) => DATE_FORMATS[language].time.format(new Date(instant));
/** A month (2026-12) as "december 2026", or short "dec 2026"; a date as "1 dec". */
export const formatMonth = (month: string) => DATE_FORMATS[language].month.format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));
export const formatShortMonth = (month: string) => DATE_FORMATS[language].shortMonth.format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));
export const formatDayMonth = (iso: string) => DATE_FORMATS[language].dayMonth.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
export const formatEuro = (amount: number) => euroFormat.format(amount);
export const formatNumber = (value: number) => numberFormat.format(value);
