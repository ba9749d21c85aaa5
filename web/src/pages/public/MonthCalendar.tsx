import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatMonth } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { BUTTON_LINK } from './common.tsx';
import { AVAILABILITY_SYMBOL } from './WeekCalendar.tsx';
import type { z } from 'zod';
import type { LocationMonth as LocationMonthSchema } from '../../../../src/http/schemas/public.schemas.ts';

/** GET /locations/{id}/month */
type LocationMonth = z.infer<typeof LocationMonthSchema>;

type Key =
  | 'title'
  | 'intro'
  | 'previous'
  | 'next'
  | 'loading'
  | 'none'
  | 'pickArrival'
  | 'pickDeparture'
  | 'picked'
  | 'ask'
  | 'again'
  | 'dayLabel'
  | 'arrivalDay'
  | 'departureDay'
  | 'free'
  | 'limited'
  | 'full'
  | 'mon'
  | 'tue'
  | 'wed'
  | 'thu'
  | 'fri'
  | 'sat'
  | 'sun';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Kies uw dagen in de maand',
    intro: 'Kies eerst de dag van aankomst, dan de dag van vertrek. U ziet per nacht of er plek is voor logeerzorg.',
    previous: 'Vorige maand',
    next: 'Volgende maand',
    loading: 'Laden…',
    none: 'Deze locatie heeft deze maand geen plek voor logeerzorg.',
    pickArrival: 'Kies de dag van aankomst.',
    pickDeparture: 'Aankomst {arrival}. Kies nu de dag van vertrek.',
    picked: 'Aankomst {arrival}, vertrek {departure}.',
    ask: 'Deze dagen aanvragen',
    again: 'Opnieuw kiezen',
    dayLabel: '{date}: {state}',
    arrivalDay: 'aankomst',
    departureDay: 'vertrek',
    free: 'vrij',
    limited: 'bijna vol',
    full: 'vol',
    mon: 'ma',
    tue: 'di',
    wed: 'wo',
    thu: 'do',
    fri: 'vr',
    sat: 'za',
    sun: 'zo',
  },
  en: {
    title: 'Pick your days in the month',
    intro: 'First pick the day of arrival, then the day of departure. Each night shows whether there is room for respite.',
    previous: 'Previous month',
    next: 'Next month',
    loading: 'Loading…',
    none: 'This location has no room for respite this month.',
    pickArrival: 'Pick the day of arrival.',
    pickDeparture: 'Arrival {arrival}. Now pick the day of departure.',
    picked: 'Arrival {arrival}, departure {departure}.',
    ask: 'Ask for these days',
    again: 'Pick again',
    dayLabel: '{date}: {state}',
    arrivalDay: 'arrival',
    departureDay: 'departure',
    free: 'free',
    limited: 'almost full',
    full: 'full',
    mon: 'Mo',
    tue: 'Tu',
    wed: 'We',
    thu: 'Th',
    fri: 'Fr',
    sat: 'Sa',
    sun: 'Su',
  },
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Monday 0 … Sunday 6, for a calendar date. */
const weekdayOf = (date: string) => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;

/**
 * A month of one location for respite, as a calendar of buttons: the caregiver picks the day of arrival and the day
 * of departure and takes them into the request form. Each day says its state in a word and a symbol, not by colour.
 */
export function MonthCalendar({ locationId }: { locationId: string }) {
  const t = useTexts(TEXTS);
  const [month, setMonth] = useState<string | null>(null);
  const { data, error } = useApiQuery<LocationMonth>(`/locations/${locationId}/month${month ? `?month=${month}` : ''}`);
  const [arrival, setArrival] = useState<string | null>(null);
  const [departure, setDeparture] = useState<string | null>(null);
  const respite = data?.stayTypes.find((row) => row.stayType === 'respite');

  const pick = (date: string) => {
    if (arrival === null || departure !== null || date <= arrival) {
      setArrival(date);
      setDeparture(null);
    } else {
      setDeparture(date);
    }
  };
  const status =
    arrival === null
      ? t('pickArrival')
      : departure === null
        ? t('pickDeparture', { arrival: formatDate(arrival) })
        : t('picked', { arrival: formatDate(arrival), departure: formatDate(departure) });

  return (
    <section aria-labelledby="plek-per-maand" className="adempauze-month">
      <Heading2 id="plek-per-maand">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      <div className="adempauze-week-nav">
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-disabled={data?.previousMonth ? undefined : true}
          onClick={() => data?.previousMonth && setMonth(data.previousMonth)}
        >
          <span aria-hidden="true">←&nbsp;</span>
          {t('previous')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-disabled={data?.nextMonth ? undefined : true}
          onClick={() => data?.nextMonth && setMonth(data.nextMonth)}
        >
          {t('next')}
          <span aria-hidden="true">&nbsp;→</span>
        </Button>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {data === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data && !respite && <Paragraph>{t('none')}</Paragraph>}
      {data && respite && (
        <>
          <Paragraph className="adempauze-month__title">
            <strong>{formatMonth(data.month)}</strong>
          </Paragraph>
          <div className="adempauze-month__grid" role="group" aria-label={formatMonth(data.month)}>
            {WEEKDAYS.map((day) => (
              <span key={day} className="adempauze-month__weekday" aria-hidden="true">
                {t(day)}
              </span>
            ))}
            {Array.from({ length: weekdayOf(data.dates[0]!) }, (_, index) => (
              <span key={`leeg-${index}`} aria-hidden="true" />
            ))}
            {data.dates.map((date, night) => {
              const state = respite.days[night]!;
              const role = date === arrival ? t('arrivalDay') : date === departure ? t('departureDay') : null;
              const inStay = arrival !== null && departure !== null && date > arrival && date < departure;
              return (
                <button
                  key={date}
                  type="button"
                  onClick={() => pick(date)}
                  aria-pressed={role !== null || inStay}
                  aria-label={`${t('dayLabel', { date: formatDate(date), state: t(state) })}${role ? `, ${role}` : ''}`}
                  className={`adempauze-month__day adempauze-availability adempauze-availability--${state}${role || inStay ? ' adempauze-month__day--picked' : ''}`}
                >
                  <span className="adempauze-month__number">{Number(date.slice(8, 10))}</span>
                  <span aria-hidden="true" className="adempauze-availability__symbol">
                    {AVAILABILITY_SYMBOL[state]}
                  </span>
                </button>
              );
            })}
          </div>
        </>
      )}
      <Paragraph role="status">{status}</Paragraph>
      {arrival && departure && (
        <div className="adempauze-actions">
          <Link to={`/aanvragen?locatie=${locationId}&soort=stay&aankomst=${arrival}&vertrek=${departure}`} className={BUTTON_LINK}>
            {t('ask')}
          </Link>
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => {
              setArrival(null);
              setDeparture(null);
            }}
          >
            {t('again')}
          </Button>
        </div>
      )}
    </section>
  );
}
