/** Dates, numbers and euros always in Dutch notation (nl-NL), also in the English interface: the data is Dutch. */
const LOCALE = 'nl-NL';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const shortDateFormat = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
const euroFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

/** An ISO date (2026-12-01) as "1 december 2026"; noon avoids a day shift across time zones. */
export const formatDate = (iso: string) => dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
export const formatShortDate = (iso: string) => shortDateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
export const formatEuro = (amount: number) => euroFormat.format(amount);
export const formatNumber = (value: number) => numberFormat.format(value);
