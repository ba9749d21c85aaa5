import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  RadioButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { addDays } from '../../../../src/domain/dates.ts';
import { STAY_TYPE_LABELS, type StayType } from '../../../../src/domain/stay-types.ts';
import { ApiError, api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { SelectField, TextField } from '../../forms/fields.tsx';
import { formatDate, formatMonth, formatNumber, formatShortDate } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { type NightMark, monthGrids } from './series-calendar.ts';
import { SeriesPatternPicker } from './SeriesPatternPicker.tsx';
import type { z } from 'zod';
import type { OccurrenceReport } from '../../../../src/http/schemas/series.schemas.ts';

type Occurrence = z.infer<typeof OccurrenceReport>;

type Choice = { kind: 'skip' } | { kind: 'unit'; unitId: string } | { kind: 'date'; arrival: string };

const texts: Texts<
  | 'title'
  | 'intro'
  | 'unit'
  | 'stayType'
  | 'first'
  | 'preview'
  | 'calendar'
  | 'ok'
  | 'conflict'
  | 'moved'
  | 'problem'
  | 'resolve'
  | 'skip'
  | 'otherUnit'
  | 'otherDate'
  | 'open'
  | 'book'
  | 'stays'
  | 'date'
  | 'weekdays'
  | 'stay_conflict'
  | 'client_already_staying'
  | 'unit_lacks_features'
  | 'unit_closed'
  | 'unit_inactive'
  | 'stay_type_not_accepted'
  | 'noAlternatives'
> = {
  nl: {
    title: 'Terugkerend logeren plannen',
    intro: 'Plan alle verblijven van een reeks tegelijk. Eerst ziet u welke data niet passen; kies daar een oplossing voor.',
    unit: 'Plek',
    stayType: 'Soort verblijf',
    first: 'Eerste aankomst',
    preview: 'Controleren',
    calendar: 'Kalender van de reeks',
    ok: 'Past',
    conflict: 'Past niet',
    moved: 'Opgelost',
    problem: 'Probleem',
    resolve: 'Oplossing',
    skip: 'Dit verblijf overslaan',
    otherUnit: 'Andere plek: {place} ({km} km)',
    otherDate: 'Andere datum: {from} tot {to}',
    open: 'Nog {count|# verblijf|# verblijven} zonder oplossing.',
    book: 'Reeks boeken',
    stays: 'Verblijven van de reeks',
    date: 'Aankomst',
    weekdays: 'ma,di,wo,do,vr,za,zo',
    stay_conflict: 'De plek is dan al bezet.',
    client_already_staying: 'De cliënt logeert dan al ergens anders.',
    unit_lacks_features: 'De plek heeft niet wat de logé nodig heeft.',
    unit_closed: 'De plek is dan dicht.',
    unit_inactive: 'De plek is dan niet in gebruik.',
    stay_type_not_accepted: 'De plek neemt dit soort verblijf niet aan.',
    noAlternatives: 'Geen andere plek of datum gevonden.',
  },
  en: {
    title: 'Plan recurring respite',
    intro: 'Plan every stay of a series at once. First you see which dates do not fit; choose a solution for those.',
    unit: 'Place',
    stayType: 'Kind of stay',
    first: 'First arrival',
    preview: 'Check',
    calendar: 'Calendar of the series',
    ok: 'Fits',
    conflict: 'Does not fit',
    moved: 'Solved',
    problem: 'Problem',
    resolve: 'Solution',
    skip: 'Skip this stay',
    otherUnit: 'Other place: {place} ({km} km)',
    otherDate: 'Other date: {from} to {to}',
    open: '{count|# stay|# stays} still without a solution.',
    book: 'Book the series',
    stays: 'Stays of the series',
    date: 'Arrival',
    weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su',
    stay_conflict: 'The place is taken then.',
    client_already_staying: 'The client already stays elsewhere then.',
    unit_lacks_features: 'The place lacks what the guest needs.',
    unit_closed: 'The place is closed then.',
    unit_inactive: 'The place is not in use then.',
    stay_type_not_accepted: 'The place does not take this kind of stay.',
    noAlternatives: 'No other place or date found.',
  },
};

interface Plan {
  unitId: string;
  stayType: StayType;
  rrule: string;
  firstArrival: string;
  nights: number;
}

/** A recurring series for a referral's client: preview every stay, resolve those that do not fit, book all at once. */
export function SeriesPlanner({
  referralId,
  clientId,
  recurrence,
  firstArrival,
  nights,
  onBooked,
}: {
  /** The series is booked (this many stays): the referral is read again (its status, its stays; the proposals make way). */
  onBooked(count: number): void;
  referralId: string;
  clientId: string;
  recurrence: string | null;
  firstArrival: string;
  nights: number;
}) {
  const { language } = useI18n();
  const t = useTexts(texts);
  // The places that fit the first stay (the triage's needs, the region) are the candidates for the whole series.
  // A failure leaves the choices empty, as before.
  const { data: candidates } = useApiQuery<{
    stayTypes: StayType[];
    proposals: { unitId: string; unitName: string; locationName: string }[];
  }>(`/referrals/${referralId}/proposals`);
  const units =
    candidates?.proposals.map((proposal) => ({ unitId: proposal.unitId, label: `${proposal.locationName}, ${proposal.unitName}` })) ?? [];
  const stayTypes = candidates?.stayTypes ?? [];
  const [plan, setPlan] = useState<Plan | null>(null);
  const [occurrences, setOccurrences] = useState<Occurrence[] | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<unknown>(null);
  const [booked, setBooked] = useState<number | null>(null);

  const preview = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Plan = {
      unitId: String(form.get('series.unitId')),
      stayType: String(form.get('series.stayType')) as StayType,
      rrule: String(form.get('series.rrule')),
      firstArrival: String(form.get('series.firstArrival')),
      nights: Number(form.get('series.nights')),
    };
    setError(null);
    setBooked(null);
    try {
      const result = await api<{ occurrences: Occurrence[] }>('POST', '/series/preview', { clientId, ...next });
      setPlan(next);
      setOccurrences(result.occurrences);
      setChoices({});
    } catch (failure) {
      setError(failure);
    }
  };

  const book = async () => {
    if (!plan) return;
    const overrides = Object.entries(choices).map(([arrival, choice]) =>
      choice.kind === 'skip'
        ? { arrival, skip: true }
        : choice.kind === 'unit'
          ? { arrival, unitId: choice.unitId }
          : { arrival, newArrival: choice.arrival },
    );
    setError(null);
    try {
      const result = await api<{ stays: unknown[] }>('POST', '/series', { clientId, referralId, ...plan, status: 'confirmed', overrides });
      setBooked(result.stays.length);
      onBooked(result.stays.length);
    } catch (failure) {
      // A stay taken in the meantime: the answer carries a fresh report per date.
      if (failure instanceof ApiError && failure.status === 409) {
        const report = await api<{ occurrences: Occurrence[] }>('POST', '/series/preview', { clientId, ...plan, overrides });
        setOccurrences(report.occurrences);
      }
      setError(failure);
    }
  };

  const conflicts = (occurrences ?? []).filter((occurrence) => occurrence.problem !== null);
  const unresolved = conflicts.filter((occurrence) => !choices[occurrence.ruleArrival]).length;
  const marks = new Map<string, NightMark>();
  for (const occurrence of occurrences ?? []) {
    const choice = choices[occurrence.ruleArrival];
    if (choice?.kind === 'skip') continue;
    const from = choice?.kind === 'date' ? choice.arrival : occurrence.arrival;
    const mark: NightMark = occurrence.problem === null ? 'planned' : choice ? 'moved' : 'conflict';
    for (let night = from; night < addDays(from, plan?.nights ?? 0); night = addDays(night, 1)) marks.set(night, mark);
  }
  const weekdays = t('weekdays').split(',');
  const markLabel = (mark: NightMark | undefined) =>
    mark === 'planned' ? t('ok') : mark === 'conflict' ? t('conflict') : mark === 'moved' ? t('moved') : undefined;

  return (
    <section aria-labelledby="series-title">
      <Heading2 id="series-title">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      <form onSubmit={(event) => void preview(event)} noValidate>
        <SelectField
          name="series.unitId"
          label={t('unit')}
          error={error}
          options={units.map((unit) => ({ value: unit.unitId, label: unit.label }))}
        />
        <SelectField
          name="series.stayType"
          label={t('stayType')}
          error={error}
          options={stayTypes.map((type) => ({ value: type, label: STAY_TYPE_LABELS[type][language] }))}
        />
        <TextField name="series.firstArrival" label={t('first')} type="date" error={error} defaultValue={firstArrival} />
        <SeriesPatternPicker initialRrule={recurrence} firstArrival={firstArrival} initialNights={nights} error={error} />
        <Button type="submit" appearance="secondary-action-button">
          {t('preview')}
        </Button>
      </form>
      {error !== null && <ErrorAlert error={error} />}
      {occurrences && booked === null && (
        <>
          <Heading3>{t('calendar')}</Heading3>
          <div className="adempauze-months">
            {monthGrids(marks).map(({ month, weeks }) => (
              <table key={month} className="adempauze-month">
                <caption>{formatMonth(month)}</caption>
                <thead>
                  <tr>
                    {weekdays.map((day) => (
                      <th key={day} scope="col">
                        {day}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week, w) => (
                    <tr key={w}>
                      {week.map((day, d) => (
                        <td
                          key={d}
                          className={day?.mark ? `adempauze-month__day--${day.mark}` : undefined}
                          aria-label={day && markLabel(day.mark) ? `${formatDate(day.date)}: ${markLabel(day.mark)}` : undefined}
                        >
                          {day ? Number(day.date.slice(8)) : ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
          <div className="adempauze-table-scroll">
            <Table>
              <TableCaption>{t('stays')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('date')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('problem')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('resolve')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {occurrences.map((occurrence) => (
                  <TableRow key={occurrence.ruleArrival}>
                    <TableHeaderCell scope="row">{formatShortDate(occurrence.ruleArrival)}</TableHeaderCell>
                    <TableCell>{occurrence.problem ? t(occurrence.problem) : t('ok')}</TableCell>
                    <TableCell>
                      {occurrence.problem && (
                        <Resolution
                          occurrence={occurrence}
                          nights={plan?.nights ?? 0}
                          t={t}
                          chosen={choices[occurrence.ruleArrival]}
                          onChoose={(choice) => setChoices((current) => ({ ...current, [occurrence.ruleArrival]: choice }))}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {unresolved > 0 && <Paragraph>{t('open', { count: unresolved })}</Paragraph>}
          <Button appearance="primary-action-button" disabled={unresolved > 0} onClick={() => void book()}>
            {t('book')}
          </Button>
        </>
      )}
    </section>
  );
}

function Resolution({
  occurrence,
  nights,
  t,
  chosen,
  onChoose,
}: {
  occurrence: Occurrence;
  nights: number;
  t: ReturnType<typeof useTexts<'skip' | 'otherUnit' | 'otherDate' | 'resolve' | 'noAlternatives'>>;
  chosen: Choice | undefined;
  onChoose(choice: Choice): void;
}) {
  const name = `resolve-${occurrence.ruleArrival}`;
  const options: { id: string; label: string; choice: Choice }[] = [
    ...(occurrence.alternatives?.otherUnits ?? []).slice(0, 3).map((unit) => ({
      id: `${name}-unit-${unit.unitId}`,
      label: t('otherUnit', { place: `${unit.locationName}, ${unit.unitName}`, km: formatNumber(unit.distanceKm) }),
      choice: { kind: 'unit', unitId: unit.unitId } as Choice,
    })),
    ...(occurrence.alternatives?.otherDates ?? [])
      .filter((range) => range.from !== occurrence.arrival)
      .slice(0, 3)
      .map((range) => ({
        id: `${name}-date-${range.from}`,
        label: t('otherDate', { from: formatDate(range.from), to: formatDate(addDays(range.from, nights)) }),
        choice: { kind: 'date', arrival: range.from } as Choice,
      })),
    { id: `${name}-skip`, label: t('skip'), choice: { kind: 'skip' } },
  ];
  const same = (a: Choice | undefined, b: Choice) => JSON.stringify(a) === JSON.stringify(b);
  return (
    <Fieldset>
      <FieldsetLegend className="adempauze-visually-hidden">{`${t('resolve')} ${occurrence.ruleArrival}`}</FieldsetLegend>
      {options.length === 1 && <Paragraph>{t('noAlternatives')}</Paragraph>}
      {options.map((option) => (
        <div key={option.id} className="adempauze-choice">
          <RadioButton id={option.id} name={name} checked={same(chosen, option.choice)} onChange={() => onChoose(option.choice)} />
          <FormLabel htmlFor={option.id} type="radio">
            {option.label}
          </FormLabel>
        </div>
      ))}
    </Fieldset>
  );
}
