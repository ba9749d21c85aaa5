/**
 * Recurring respite in the words people use ("elk 2e weekend van de maand, 6 keer", "4 nachten per maand") and the
 * RFC 5545 RRULE that series.ts expands. Nobody has to type RRULE syntax: the planner picks a pattern, this writes
 * the rule and says it back in a sentence. Pure: no I/O, no clock.
 *
 * Three patterns cover what caregivers ask for (domain-notes: "a few days every two months", "4 days a month",
 * "every other weekend"):
 *  - weekly:          every n weeks on a weekday                 FREQ=WEEKLY;INTERVAL=n;BYDAY=FR;COUNT=c
 *  - monthly_weekday: the 1st–4th or last weekday of the month   FREQ=MONTHLY;INTERVAL=n;BYDAY=2FR;COUNT=c
 *  - monthly_date:    every n months from the first arrival date FREQ=MONTHLY;INTERVAL=n;COUNT=c
 * A weekend is the monthly_weekday pattern on Friday with two or three nights, and is called so.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const ORDINALS = [1, 2, 3, 4, -1] as const;
export type Ordinal = (typeof ORDINALS)[number];

export const MAX_COUNT = 52;
export const MAX_INTERVAL_WEEKS = 8;
export const MAX_INTERVAL_MONTHS = 6;

export type SeriesPattern =
  | { kind: 'weekly'; everyWeeks: number; weekday: Weekday; count: number }
  | { kind: 'monthly_weekday'; everyMonths: number; ordinal: Ordinal; weekday: Weekday; count: number }
  | { kind: 'monthly_date'; everyMonths: number; count: number };

export function patternToRrule(pattern: SeriesPattern): string {
  switch (pattern.kind) {
    case 'weekly':
      return `FREQ=WEEKLY;INTERVAL=${pattern.everyWeeks};BYDAY=${pattern.weekday};COUNT=${pattern.count}`;
    case 'monthly_weekday':
      return `FREQ=MONTHLY;INTERVAL=${pattern.everyMonths};BYDAY=${pattern.ordinal}${pattern.weekday};COUNT=${pattern.count}`;
    case 'monthly_date':
      return `FREQ=MONTHLY;INTERVAL=${pattern.everyMonths};COUNT=${pattern.count}`;
  }
}

/**
 * The pattern a rule was written from, or null for a rule this picker cannot say in words (then the planner shows the
 * rule as it is). Accepts the parts in any order and INTERVAL=1 left out. A weekly rule without BYDAY (as the public
 * form writes it) repeats on the first arrival's weekday (RFC 5545: taken from DTSTART), when that is given.
 */
export function patternFromRrule(rrule: string, firstArrival?: string): SeriesPattern | null {
  const parts = new Map<string, string>();
  for (const part of rrule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length > 0 || parts.has(key.toUpperCase())) return null;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const count = wholeIn(parts.get('COUNT'), 1, MAX_COUNT);
  const interval = parts.has('INTERVAL') ? wholeIn(parts.get('INTERVAL'), 1, MAX_INTERVAL_WEEKS) : 1;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT']);
  if (count === null || interval === null || [...parts.keys()].some((key) => !known.has(key))) return null;
  const byDay = parts.get('BYDAY');
  if (parts.get('FREQ') === 'WEEKLY') {
    const weekday = byDay ?? (firstArrival ? weekdayOf(firstArrival) : undefined);
    return weekday && isWeekday(weekday) ? { kind: 'weekly', everyWeeks: interval, weekday, count } : null;
  }
  if (parts.get('FREQ') !== 'MONTHLY' || interval > MAX_INTERVAL_MONTHS) return null;
  if (byDay === undefined) return { kind: 'monthly_date', everyMonths: interval, count };
  const match = /^(-1|[1-4])([A-Z]{2})$/.exec(byDay);
  if (!match || !isWeekday(match[2]!)) return null;
  return { kind: 'monthly_weekday', everyMonths: interval, ordinal: Number(match[1]) as Ordinal, weekday: match[2], count };
}

/** The weekday of a date, as RRULE writes it. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

function wholeIn(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

type Language = 'nl' | 'en';

const DAY_NAMES: Record<Language, Record<Weekday, string>> = {
  nl: { MO: 'maandag', TU: 'dinsdag', WE: 'woensdag', TH: 'donderdag', FR: 'vrijdag', SA: 'zaterdag', SU: 'zondag' },
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
};

export function weekdayName(weekday: Weekday, language: Language): string {
  return DAY_NAMES[language][weekday];
}

export function ordinalName(ordinal: Ordinal, language: Language): string {
  if (ordinal === -1) return language === 'nl' ? 'laatste' : 'last';
  return language === 'nl' ? `${ordinal}e` : (['1st', '2nd', '3rd', '4th'] as const)[ordinal - 1]!;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The pattern in one plain sentence, e.g. "Elk 2e weekend van de maand (vrijdag tot zondag), 6 keer, 2 nachten". */
export function describePattern(pattern: SeriesPattern, nights: number, language: Language): string {
  const nl = language === 'nl';
  const times = nl ? `${pattern.count} keer` : plural(pattern.count, 'time', 'times');
  const stay = nl ? plural(nights, 'nacht', 'nachten') : plural(nights, 'night', 'nights');
  const every = (n: number, unitNl: [string, string], unitEn: [string, string]) =>
    nl ? (n === 1 ? `Elke ${unitNl[0]}` : `Om de ${n} ${unitNl[1]}`) : n === 1 ? `Every ${unitEn[0]}` : `Every ${n} ${unitEn[1]}`;
  let when: string;
  switch (pattern.kind) {
    case 'weekly':
      when = `${every(pattern.everyWeeks, ['week', 'weken'], ['week', 'weeks'])} ${nl ? 'op' : 'on'} ${weekdayName(pattern.weekday, language)}`;
      break;
    case 'monthly_weekday': {
      const months =
        pattern.everyMonths === 1
          ? nl
            ? 'van de maand'
            : 'of the month'
          : nl
            ? `van de maand, om de ${pattern.everyMonths} maanden`
            : `of the month, every ${pattern.everyMonths} months`;
      const ordinal = ordinalName(pattern.ordinal, language);
      const weekend = pattern.weekday === 'FR' && (nights === 2 || nights === 3);
      if (weekend) {
        const until = nights === 2 ? (nl ? 'zondag' : 'Sunday') : nl ? 'maandag' : 'Monday';
        when = nl ? `Elk ${ordinal} weekend ${months} (vrijdag tot ${until})` : `The ${ordinal} weekend ${months} (Friday to ${until})`;
      } else {
        when = nl
          ? `Elke ${ordinal} ${weekdayName(pattern.weekday, language)} ${months}`
          : `The ${ordinal} ${weekdayName(pattern.weekday, language)} ${months}`;
      }
      break;
    }
    case 'monthly_date':
      when = `${every(pattern.everyMonths, ['maand', 'maanden'], ['month', 'months'])}${nl ? ', op dezelfde datum als de eerste keer' : ', on the same date as the first time'}`;
      break;
  }
  return `${when}, ${times}, ${stay}`;
}

/**
 * Whether every stay of the pattern falls within the two years a series may span (series.ts, maxHorizonDays 731),
 * whatever the first arrival: the picker says so before the planner asks for a preview.
 */
export function fitsHorizon(pattern: SeriesPattern): boolean {
  // The first stay may come a whole interval after the first arrival: that day's weekday has passed in its week or month.
  if (pattern.kind === 'weekly') return pattern.count * pattern.everyWeeks * 7 <= 731;
  // 23 months are at most 702 days, and the weekday of the last month adds at most 30 more.
  if (pattern.kind === 'monthly_weekday') return pattern.count * pattern.everyMonths <= 23;
  return (pattern.count - 1) * pattern.everyMonths <= 23;
}
