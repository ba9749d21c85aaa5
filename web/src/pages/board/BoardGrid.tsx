import { type KeyboardEvent, memo, useEffect, useLayoutEffect, useRef } from 'react';
import { formatShortDate } from '../../i18n/format.ts';
import type { Cell, DayState, Grid, GridUnit } from './board-model.ts';
import { moveFocus } from './board-model.ts';

/**
 * Units × nights, as one table with the grid role: one cell is in the tab order and the arrow keys move within the
 * grid; Enter or a click selects. Cells carry their state as a name (aria-label) as well as colour and pattern; a
 * label, not a hidden text node, keeps the board at one DOM node per night. Rows are memoised and events are handled
 * once on the table, so 200 units × 90 nights render and update quickly (bench/web.ts measures it).
 */
export function BoardGrid({ grid, stateLabels, caption, focus, onFocus, onSelect }: {
  grid: Grid;
  stateLabels: Record<DayState, string>;
  caption: string;
  focus: Cell;
  onFocus(cell: Cell): void;
  onSelect(cell: Cell): void;
}) {
  const table = useRef<HTMLTableElement>(null);
  const moved = useRef(false);

  // After the cells are in the page: the next frame is the first that shows them (measured by bench/web.ts).
  useLayoutEffect(() => {
    requestAnimationFrame(() => performance.mark('board-rendered'));
  }, [grid]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    table.current?.querySelector<HTMLElement>(`[data-cell="${focus.row}:${focus.column}"]`)?.focus();
  }, [focus]);

  const cellOf = (target: EventTarget | null): Cell | null => {
    const element = (target as HTMLElement | null)?.closest<HTMLElement>('[data-cell]');
    if (!element) return null;
    const [row, column] = element.dataset.cell!.split(':').map(Number) as [number, number];
    return { row, column };
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
      <table ref={table} role="grid" className="adempauze-board__table" aria-rowcount={grid.units.length + 1} aria-colcount={grid.dates.length + 1}
        onKeyDown={onKeyDown} onClick={(event) => {
          const cell = cellOf(event.target);
          if (cell) {
            onFocus(cell);
            onSelect(cell);
          }
        }}>
        <caption className="adempauze-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="adempauze-board__corner" />
            {grid.dates.map((date) => <th key={date} scope="col" className="adempauze-board__date">{formatShortDate(date)}</th>)}
          </tr>
        </thead>
        <tbody>
          {grid.units.map((unit, row) => (
            <BoardRow key={unit.unitId} unit={unit} row={row} stateLabels={stateLabels} focusColumn={focus.row === row ? focus.column : -1} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const BoardRow = memo(function BoardRow({ unit, row, stateLabels, focusColumn }: {
  unit: GridUnit;
  row: number;
  stateLabels: Record<DayState, string>;
  focusColumn: number;
}) {
  return (
    <tr>
      <th scope="row" className="adempauze-board__unit" title={`${unit.locationName}, ${unit.unitName}`}>{unit.locationName}, {unit.unitName}</th>
      {unit.states.map((state, column) => (
        <td key={column} data-cell={`${row}:${column}`} className={`adempauze-board__cell adempauze-board__cell--${state}`}
          tabIndex={column === focusColumn ? 0 : -1} aria-label={stateLabels[state]} />
      ))}
    </tr>
  );
});
