import {
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type ReactNode, useId } from 'react';
import { addDays, isIsoDate, nightsBetween } from '../../../../src/domain/dates.ts';
import { formatDayMonth } from '../../i18n/format.ts';

/**
 * What the policy pages (monitor, capacity planner, MKBA) share: a period in the address and its checks, the date
 * fields, and tables of figures where a number the API hid for privacy shows as a word.
 */

/** The same limit as the API's: three years. */
export const MAX_PERIOD_NIGHTS = 3 * 366;

/** The period in the address (`van`, `tot`: first and last day), or the page's own default. */
export function periodFromParams(params: URLSearchParams, fallback: { from: string; to: string }): { from: string; to: string } {
  return {
    from: isIsoDate(params.get('van') ?? '') ? params.get('van')! : fallback.from,
    to: isIsoDate(params.get('tot') ?? '') ? params.get('tot')! : fallback.to,
  };
}

export type PeriodProblem = 'fromRequired' | 'toRequired' | 'toBeforeFrom' | 'tooLong';

/** What is wrong with a period typed in, per field (as text keys of the page), before the server is asked. */
export function periodProblems(from: string, to: string): { from?: PeriodProblem; to?: PeriodProblem } {
  return {
    from: isIsoDate(from) ? undefined : 'fromRequired',
    to: !isIsoDate(to)
      ? 'toRequired'
      : isIsoDate(from) && to < from
        ? 'toBeforeFrom'
        : isIsoDate(from) && nightsBetween(from, addDays(to, 1)) > MAX_PERIOD_NIGHTS
          ? 'tooLong'
          : undefined,
  };
}

export function DateField({ id, name, label, value, error }: { id: string; name: string; label: string; value: string; error?: string }) {
  return (
    <FormField invalid={Boolean(error)}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {/* The key resets the field when the period in the address changes (back button). */}
      <Textbox
        key={value}
        id={id}
        name={name}
        type="date"
        defaultValue={value}
        required
        invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </FormField>
  );
}

/** A wide table scrolls inside its own region, which a keyboard user can focus and scroll with the arrow keys. */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="adempauze-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** A table of figures: a header row, and rows with a header cell; null is a number hidden for privacy. */
export interface TableData {
  columns: string[];
  rows: { header: string; cells: (string | null)[] }[];
}

export function NumberTable({ caption, table, hidden }: { caption: string; table: TableData; hidden: string }) {
  const captionId = useId();
  return (
    <ScrollTable labelledBy={captionId}>
      <Table>
        <TableCaption id={captionId}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {table.columns.map((column, index) => (
              <TableHeaderCell key={index} scope="col">
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((row, index) => (
            <TableRow key={index}>
              <TableHeaderCell scope="row">{row.header}</TableHeaderCell>
              {row.cells.map((cell, column) => (
                <TableCell key={column} className={cell === null ? 'adempauze-policy__hidden' : 'adempauze-policy__number'}>
                  {cell ?? hidden}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/** A week by its Monday: "2 mrt" ("2 Mar" in English). */
export const weekLabel = (date: string) => formatDayMonth(date);
