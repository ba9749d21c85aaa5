import { addDays, isoWeekday } from '../../../../src/domain/dates.ts';

export type NightMark = 'planned' | 'conflict' | 'moved';

/** The months a series spans, each as weeks of seven days (Monday first), with the nights of the series marked. */
export function monthGrids(
  marks: ReadonlyMap<string, NightMark>,
): { month: string; weeks: ({ date: string; mark: NightMark | undefined } | null)[][] }[] {
  const dates = [...marks.keys()].sort();
  if (dates.length === 0) return [];
  const months: string[] = [];
  for (let month = dates[0]!.slice(0, 7); month <= dates.at(-1)!.slice(0, 7); month = nextMonth(month)) months.push(month);
  return months.map((month) => {
    const first = `${month}-01`;
    const days: ({ date: string; mark: NightMark | undefined } | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
    for (let date = first; date.startsWith(month); date = addDays(date, 1)) days.push({ date, mark: marks.get(date) });
    while (days.length % 7 !== 0) days.push(null);
    const weeks = [];
    for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
    return { month, weeks };
  });
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
