import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { formatShortDate } from '../../i18n/format.ts';
import type { Cell, DayState, Grid } from './board-model.ts';
import { bodyHtml, moveFocus } from './board-model.ts';

/**
 * Units × nights, as one table with the grid role: one cell is in the tab order and the arrow keys move within the
 * grid; Enter or a click selects. Cells carry their state as a name (aria-label) as well as colour and pattern; a
 * label, not a hidden text node, keeps the board at one DOM node per night. The rows are written as one HTML string
 * (bodyHtml), parsed by the browser in one go, and a cell is found by its place in the table; only the cell in the
 * tab order gets a tabindex, set on the element when the focus moves, so a move redraws no row. Events are handled
 * once on the table, so 200 units × 90 nights render and update quickly (bench/web.ts measures it).
 */
export function BoardGrid({
  grid,
  stateLabels,
  caption,
  focus,
  onFocus,
  onSelect,
}: {
  grid: Grid;
  stateLabels: Record<DayState, string>;
  caption: string;
  focus: Cell;
  onFocus(cell: Cell): void;
  onSelect(cell: Cell): void;
}) {
  const table = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  // Written again only for a new grid or language: a move of the focus leaves the rows as they are.
  const body = useMemo(() => ({ __html: bodyHtml(grid.units, stateLabels) }), [grid, stateLabels]);

  // After the cells are in the page: the next frame is the first that shows them (measured by bench/web.ts).
  useLayoutEffect(() => {
    requestAnimationFrame(() => performance.mark('board-rendered'));
  }, [grid]);

  // The one cell in the tab order; rows are written without it, so it is set again when they are written again.
  useLayoutEffect(() => {
    const cell = cellElement(table.current, focus);
    if (!cell) return;
    cell.tabIndex = 0;
    return () => cell.removeAttribute('tabindex');
  }, [focus, body]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    cellElement(table.current, focus)?.focus();
  }, [focus]);

  // A night's cell is known by its place in the table (the first row and column are headers): no attribute per cell.
  const cellOf = (target: EventTarget | null): Cell | null => {
    const element = (target as HTMLElement | null)?.closest<HTMLTableCellElement>('tbody td');
    const row = element?.parentElement as HTMLTableRowElement | null | undefined;
    if (!element || !row) return null;
    return { row: row.sectionRowIndex, column: element.cellIndex - 1 };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(cell);
      return;
    }
    const next = moveFocus(cell, event.key, grid.units.length, grid.dates.length, event.ctrlKey);
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    onFocus(next);
  };

  return (
    <div className="adempauze-board" role="region" aria-label={caption} tabIndex={-1}>
      <table
        ref={table}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the board is an ARIA grid, moved through with the arrow keys (onKeyDown).
        role="grid"
        className="adempauze-board__table"
        aria-rowcount={grid.units.length + 1}
        aria-colcount={grid.dates.length + 1}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          const cell = cellOf(event.target);
          if (cell) {
            // The clicked cell takes the tab order and the focus, so the arrow keys go on from there.
            moved.current = true;
            onFocus(cell);
            onSelect(cell);
          }
        }}
      >
        <caption className="adempauze-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="adempauze-board__corner" />
            {grid.dates.map((date) => (
              <th key={date} scope="col" className="adempauze-board__date">
                {formatShortDate(date)}
              </th>
            ))}
          </tr>
        </thead>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the rows as one string (bodyHtml escapes every text): the browser parses 18 000 cells at once instead of React making each one. */}
        <tbody dangerouslySetInnerHTML={body} />
      </table>
    </div>
  );
}

/** The cell of a night in the table: row and column counted from the first night of the first unit. */
function cellElement(table: HTMLTableElement | null, cell: Cell): HTMLElement | undefined {
  return table?.tBodies[0]?.rows[cell.row]?.cells[cell.column + 1];
}
