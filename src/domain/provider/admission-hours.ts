/** Admission hours as people say them, in Dutch or English: "ma–vr 09:00–17:00". */
type Language = 'nl' | 'en';

const WEEKDAYS: Record<number, Record<Language, string>> = {
  1: { nl: 'ma', en: 'Mon' },
  2: { nl: 'di', en: 'Tue' },
  3: { nl: 'wo', en: 'Wed' },
  4: { nl: 'do', en: 'Thu' },
  5: { nl: 'vr', en: 'Fri' },
  6: { nl: 'za', en: 'Sat' },
  7: { nl: 'zo', en: 'Sun' },
};

/** Days in a row with the same hours are taken together; a day between that differs or is missing splits them. */
export function admissionHoursText(hours: readonly { weekday: number; from: string; until: string }[], language: Language): string[] {
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday);
  const runs: { first: number; last: number; from: string; until: string }[] = [];
  for (const slot of sorted) {
    const run = runs.at(-1);
    if (run && run.last === slot.weekday - 1 && run.from === slot.from && run.until === slot.until) run.last = slot.weekday;
    else runs.push({ first: slot.weekday, last: slot.weekday, from: slot.from, until: slot.until });
  }
  const day = (weekday: number) => WEEKDAYS[weekday]?.[language] ?? String(weekday);
  return runs.map((run) => `${run.first === run.last ? day(run.first) : `${day(run.first)}–${day(run.last)}`} ${run.from}–${run.until}`);
}
