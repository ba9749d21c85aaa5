import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  MAX_COUNT,
  MAX_INTERVAL_MONTHS,
  MAX_INTERVAL_WEEKS,
  ORDINALS,
  type Ordinal,
  type SeriesPattern,
  WEEKDAYS,
  type Weekday,
  describePattern,
  fitsHorizon,
  ordinalName,
  patternFromRrule,
  patternToRrule,
  weekdayName,
  weekdayOf,
} from '../../../../src/domain/series-pattern.ts';
import { SelectField, TextField, fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';

type Key =
  | 'how'
  | 'weekly'
  | 'monthlyWeekday'
  | 'monthlyDate'
  | 'everyWeeks'
  | 'everyMonths'
  | 'weekday'
  | 'which'
  | 'count'
  | 'nights'
  | 'summary'
  | 'tooFar'
  | 'every1'
  | 'everyN'
  | 'month1'
  | 'monthN'
  | 'requested';

const texts: Texts<Key> = {
  nl: {
    how: 'Hoe vaak?',
    weekly: 'Elke week of om de paar weken',
    monthlyWeekday: 'Eén keer per maand, op een vaste dag (bijvoorbeeld het 2e weekend)',
    monthlyDate: 'Eén keer per maand of om de paar maanden, op dezelfde datum',
    everyWeeks: 'Om de hoeveel weken?',
    everyMonths: 'Om de hoeveel maanden?',
    weekday: 'Aankomst op',
    which: 'Welke in de maand?',
    count: 'Hoeveel keer in totaal?',
    nights: 'Aantal nachten per verblijf',
    summary: 'Dit wordt:',
    tooFar: 'Zo loopt de reeks langer dan twee jaar door. Kies minder keren of een kortere tussentijd.',
    every1: 'elke week',
    everyN: 'om de {count} weken',
    month1: 'elke maand',
    monthN: 'om de {count} maanden',
    requested: 'Gevraagd in de aanmelding: {rule}',
  },
  en: {
    how: 'How often?',
    weekly: 'Every week or every few weeks',
    monthlyWeekday: 'Once a month, on a fixed day (for example the 2nd weekend)',
    monthlyDate: 'Once a month or every few months, on the same date',
    everyWeeks: 'Every how many weeks?',
    everyMonths: 'Every how many months?',
    weekday: 'Arrival on',
    which: 'Which one in the month?',
    count: 'How many times in all?',
    nights: 'Nights per stay',
    summary: 'This makes:',
    tooFar: 'The series would go on for more than two years. Choose fewer times or a shorter interval.',
    every1: 'every week',
    everyN: 'every {count} weeks',
    month1: 'every month',
    monthN: 'every {count} months',
    requested: 'Asked for in the referral: {rule}',
  },
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Recurring stays in plain words: the planner picks how often, which day and how many times; the form gets the RRULE
 * (field series.rrule) that src/domain/series-pattern.ts writes, and the sentence says what it means.
 */
export function SeriesPatternPicker({
  initialRrule,
  firstArrival,
  initialNights,
  error,
}: {
  initialRrule: string | null;
  firstArrival: string;
  initialNights: number;
  error: unknown;
}) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const fromRule = initialRrule ? patternFromRrule(initialRrule, firstArrival) : null;
  const weekday = weekdayOf(firstArrival);
  const [pattern, setPattern] = useState<SeriesPattern>(fromRule ?? { kind: 'weekly', everyWeeks: 2, weekday, count: 4 });
  const [nights, setNights] = useState(String(initialNights));
  const count = pattern.count;
  const every = pattern.kind === 'weekly' ? pattern.everyWeeks : pattern.everyMonths;
  const ordinal: Ordinal = pattern.kind === 'monthly_weekday' ? pattern.ordinal : 2;
  const day = pattern.kind === 'monthly_date' ? weekday : pattern.weekday;

  // Weeks and months do not translate: another kind starts from its most asked-for interval (every 2 weeks, monthly).
  const months = pattern.kind === 'weekly' ? 1 : pattern.everyMonths;
  const choose = (kind: SeriesPattern['kind']) =>
    setPattern(
      kind === 'weekly'
        ? { kind, everyWeeks: pattern.kind === 'weekly' ? pattern.everyWeeks : 2, weekday: day, count }
        : kind === 'monthly_weekday'
          ? { kind, everyMonths: months, ordinal, weekday: day, count }
          : { kind, everyMonths: months, count },
    );
  const set = (changes: Partial<{ every: number; weekday: Weekday; ordinal: Ordinal; count: number }>) =>
    setPattern((current) => {
      const next = { ...current, ...(changes.count === undefined ? {} : { count: changes.count }) } as SeriesPattern;
      if (changes.every !== undefined)
        Object.assign(next, next.kind === 'weekly' ? { everyWeeks: changes.every } : { everyMonths: changes.every });
      if (changes.weekday !== undefined && next.kind !== 'monthly_date') next.weekday = changes.weekday;
      if (changes.ordinal !== undefined && next.kind === 'monthly_weekday') next.ordinal = changes.ordinal;
      return next;
    });
  const nightsNumber = Number(nights);
  const sentence = Number.isInteger(nightsNumber) && nightsNumber >= 1 ? describePattern(pattern, nightsNumber, language) : null;

  return (
    <>
      {initialRrule && !fromRule && <Paragraph>{t('requested', { rule: initialRrule })}</Paragraph>}
      <SelectField
        name="series.kind"
        label={t('how')}
        error={error}
        value={pattern.kind}
        onChange={(value) => choose(value as SeriesPattern['kind'])}
        options={[
          { value: 'weekly', label: t('weekly') },
          { value: 'monthly_weekday', label: t('monthlyWeekday') },
          { value: 'monthly_date', label: t('monthlyDate') },
        ]}
      />
      <SelectField
        name="series.every"
        label={pattern.kind === 'weekly' ? t('everyWeeks') : t('everyMonths')}
        error={error}
        value={String(every)}
        onChange={(value) => set({ every: Number(value) })}
        options={range(1, pattern.kind === 'weekly' ? MAX_INTERVAL_WEEKS : MAX_INTERVAL_MONTHS).map((n) => ({
          value: String(n),
          label:
            pattern.kind === 'weekly'
              ? n === 1
                ? t('every1')
                : t('everyN', { count: n })
              : n === 1
                ? t('month1')
                : t('monthN', { count: n }),
        }))}
      />
      {pattern.kind === 'monthly_weekday' && (
        <SelectField
          name="series.ordinal"
          label={t('which')}
          error={error}
          value={String(ordinal)}
          onChange={(value) => set({ ordinal: Number(value) as Ordinal })}
          options={ORDINALS.map((n) => ({ value: String(n), label: ordinalName(n, language) }))}
        />
      )}
      {pattern.kind !== 'monthly_date' && (
        <SelectField
          name="series.weekday"
          label={t('weekday')}
          error={error}
          value={day}
          onChange={(value) => set({ weekday: value as Weekday })}
          options={WEEKDAYS.map((code) => ({ value: code, label: weekdayName(code, language) }))}
        />
      )}
      <SelectField
        name="series.count"
        label={t('count')}
        error={error}
        value={String(count)}
        onChange={(value) => set({ count: Number(value) })}
        options={range(1, MAX_COUNT).map((n) => ({ value: String(n), label: String(n) }))}
      />
      <TextField name="series.nights" errorField="nights" label={t('nights')} error={error} value={nights} onChange={setNights} />
      <input type="hidden" name="series.rrule" value={patternToRrule(pattern)} />
      {sentence && (
        <Paragraph aria-live="polite">
          <strong>{t('summary')}</strong> {sentence}
        </Paragraph>
      )}
      {!fitsHorizon(pattern) && <Paragraph role="alert">{t('tooFar')}</Paragraph>}
      {fieldMessage(error, 'rrule') && <Paragraph role="alert">{fieldMessage(error, 'rrule')}</Paragraph>}
    </>
  );
}
