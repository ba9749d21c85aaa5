import { type CastingContext, type Options, stringify } from 'csv-stringify/sync';

/**
 * CSV that Dutch Excel opens as it is: semicolons between fields (the comma is the decimal sign) and a byte-order
 * mark so that it reads UTF-8. One place for every export: claims, the audit log and the policy figures.
 */
export function dutchCsv(
  columns: readonly string[],
  records: readonly (readonly unknown[])[] | readonly object[],
  cast?: Options['cast'],
): string {
  return stringify(records as unknown[], {
    header: true,
    columns: [...columns],
    delimiter: ';',
    bom: true,
    cast: {
      ...cast,
      string: (value: string, context: CastingContext) => neutraliseFormula(cast?.string ? String(cast.string(value, context)) : value),
    },
  });
}

// OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula, e.g. a name typed into
// the public form as =HYPERLINK(...). A leading apostrophe makes it text; the apostrophe itself is not shown.
const FORMULA_START = /^[=+\-@\t\r\n]/;
// Our own negative figures ("-0,05") are numbers, not formulas, and must stay numbers for the spreadsheet.
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** A cell a spreadsheet shows as text, never runs as a formula. */
function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Cents as euros with a decimal comma and always two decimals: "1234,50", "-0,05". */
export function dutchEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const size = Math.abs(cents);
  return `${sign}${Math.floor(size / 100)},${String(size % 100).padStart(2, '0')}`;
}

/** A cell with a decimal comma; null (a figure hidden for privacy, or none) an empty cell. */
export function dutchCell(value: string | number | null): string {
  return value === null ? '' : typeof value === 'number' ? String(value).replace('.', ',') : value;
}
