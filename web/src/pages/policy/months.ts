import { addDays } from '../../../../src/domain/dates.ts';

/**
 * The months of the period that are not whole: the period starts after the first of the month or ends before its
 * last day, or the month is not over yet (today or later).
 */
export function incompleteMonths(months: readonly string[], period: { from: string; to: string }, today: string): string[] {
  return months.filter((month) => {
    const first = `${month}-01`;
    const last = addDays(`${nextMonth(month)}-01`, -1);
    return period.from > first || period.to < last || last >= today;
  });
}

const nextMonth = (month: string) => {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};
