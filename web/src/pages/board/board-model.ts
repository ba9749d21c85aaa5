import type { z } from 'zod';
import type { GridResponse } from '../../../../src/http/schemas/availability.schemas.ts';
import { escapeHtml } from '../../../../src/http/escape-html.ts';

/** The availability board's data, as GET /api/availability/grid answers it. */
export type Grid = z.infer<typeof GridResponse>;

export type GridUnit = Grid['units'][number];

export type DayState = GridUnit['states'][number];

export interface Cell {
  row: number;
  column: number;
}

/** The occupation behind one night of a unit, if any: the stay or closure a click opens. */
export function occupationAt(unit: GridUnit, date: string) {
  return unit.occupations.find((occupation) => occupation.from <= date && date < occupation.to);
}

/** Where an arrow, Home/End or Page key moves the focus in the grid (WAI-ARIA grid pattern). */
export function moveFocus(cell: Cell, key: string, rows: number, columns: number, ctrl: boolean): Cell | null {
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max - 1, value));
  switch (key) {
    case 'ArrowRight':
      return { ...cell, column: clamp(cell.column + 1, columns) };
    case 'ArrowLeft':
      return { ...cell, column: clamp(cell.column - 1, columns) };
    case 'ArrowDown':
      return { ...cell, row: clamp(cell.row + 1, rows) };
    case 'ArrowUp':
      return { ...cell, row: clamp(cell.row - 1, rows) };
    case 'Home':
      return ctrl ? { row: 0, column: 0 } : { ...cell, column: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, column: columns - 1 } : { ...cell, column: columns - 1 };
    case 'PageDown':
      return { ...cell, row: clamp(cell.row + 10, rows) };
    case 'PageUp':
      return { ...cell, row: clamp(cell.row - 10, rows) };
    default:
      return null;
  }
}

const DAY_STATES = ['free', 'hold', 'booked', 'closed', 'not_admitting', 'inactive'] as const satisfies readonly DayState[];

/** The board's rows as HTML, one per unit: the browser parses them at once, which is quicker than a row at a time. */
export function bodyHtml(units: readonly GridUnit[], stateLabels: Record<DayState, string>): string {
  return units.map((unit) => `<tr>${rowHtml(unit, stateLabels)}</tr>`).join('');
}

/**
 * A unit's row of the board as HTML: its name, then a cell per night named by its state. One string per row costs the
 * browser a fraction of what 90 elements made one by one cost (bench/web.ts); every text in it is escaped.
 */
export function rowHtml(unit: GridUnit, stateLabels: Record<DayState, string>): string {
  const name = escapeHtml(`${unit.locationName}, ${unit.unitName}`);
  // Six kinds of cell: each written once, not once per night.
  const cellOf = Object.fromEntries(
    DAY_STATES.map((state) => [
      state,
      `<td class="adempauze-board__cell adempauze-board__cell--${state}" aria-label="${escapeHtml(stateLabels[state])}"></td>`,
    ]),
  ) as Record<DayState, string>;
  return `<th scope="row" class="adempauze-board__unit" title="${name}">${name}</th>${unit.states.map((state) => cellOf[state]).join('')}`;
}
