import type { z } from 'zod';
import type { GridResponse } from '../../../../src/http/schemas/availability.schemas.ts';

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

const CELL_CLASS = Object.fromEntries(
  (['free', 'hold', 'booked', 'closed', 'not_admitting', 'inactive'] as const).map((state) => [
    state,
    `adempauze-board__cell adempauze-board__cell--${state}`,
  ]),
) as Record<DayState, string>;

/** Text for HTML: every character that could end a text or an attribute is an entity. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/**
 * A unit's row of the board as HTML: its name, then a cell per night named by its state. One string per row costs the
 * browser a fraction of what 90 elements made one by one cost (bench/web.ts); every text in it is escaped.
 */
export function rowHtml(unit: GridUnit, stateLabels: Record<DayState, string>): string {
  const name = escapeHtml(`${unit.locationName}, ${unit.unitName}`);
  const cells = unit.states.map((state) => `<td class="${CELL_CLASS[state]}" aria-label="${escapeHtml(stateLabels[state])}"></td>`);
  return `<th scope="row" class="adempauze-board__unit" title="${name}">${name}</th>${cells.join('')}`;
}
