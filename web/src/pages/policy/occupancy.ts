/** Occupied share of the unit-nights the rows had, in per cent; null when they had none. Shown rounded by the formatter. */
export function occupancyPercent(rows: readonly { availableNights: number; occupiedNights: number }[]): number | null {
  const available = rows.reduce((sum, row) => sum + row.availableNights, 0);
  return available === 0 ? null : (100 * rows.reduce((sum, row) => sum + row.occupiedNights, 0)) / available;
}
