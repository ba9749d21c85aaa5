import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Heading4,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import type { MovementAction } from '../../../../src/domain/provider/movements.ts';
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { STAY_STATUS_LABELS } from '../../i18n/stay-labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { Movement, Movements } from './provider-api.ts';
import { serverToday } from '../../api/clock.ts';
import type { z } from 'zod';
import type { DayAppointments } from '../../../../src/http/schemas/appointment.schemas.ts';

type Key =
  | 'title'
  | 'titleOn'
  | 'intro'
  | 'day'
  | 'show'
  | 'arrivals'
  | 'departures'
  | 'noArrivals'
  | 'noDepartures'
  | 'unit'
  | 'period'
  | 'status'
  | 'arrive'
  | 'depart'
  | 'no_show'
  | 'arrived'
  | 'departed'
  | 'noShowDone'
  | 'loading'
  | 'noLocations'
  | 'appointments'
  | 'tour'
  | 'trial_stay'
  | 'appointmentLine'
  | 'call';

const texts: Texts<Key> = {
  nl: {
    title: 'Vandaag: aankomst en vertrek',
    titleOn: 'Aankomst en vertrek op {date}',
    intro:
      'Wie komt er en wie gaat er weg? Klik op de naam voor de overdracht: wat de gast nodig heeft. Zet na aankomst of vertrek de status met de knop.',
    day: 'Andere dag',
    show: 'Tonen',
    arrivals: 'Aankomst',
    departures: 'Vertrek',
    noArrivals: 'Er komt niemand aan.',
    noDepartures: 'Er gaat niemand weg.',
    unit: 'Plek',
    period: 'Verblijf',
    status: 'Status',
    arrive: 'Aangekomen',
    depart: 'Vertrokken',
    no_show: 'Niet gekomen',
    arrived: '{name} is aangekomen.',
    departed: '{name} is vertrokken.',
    noShowDone: '{name} is niet gekomen. Het aanmeldpunt ziet dit ook.',
    loading: 'Laden…',
    noLocations: 'Uw organisatie heeft nog geen locaties in Adempauze.',
    appointments: 'Afspraken: rondleiding en proeflogeren',
    tour: 'Rondleiding',
    trial_stay: 'Proeflogeren',
    appointmentLine: '{time}, {location}: {kind} voor {name} (aanmelding {reference})',
    call: 'Contact: {name}, {phone}',
  },
  en: {
    title: 'Today: arrivals and departures',
    titleOn: 'Arrivals and departures on {date}',
    intro:
      'Who comes and who leaves? Click the name for the handover: what the guest needs. After arrival or departure, set the status with the button.',
    day: 'Other day',
    show: 'Show',
    arrivals: 'Arriving',
    departures: 'Leaving',
    noArrivals: 'Nobody arrives.',
    noDepartures: 'Nobody leaves.',
    unit: 'Unit',
    period: 'Stay',
    status: 'Status',
    arrive: 'Arrived',
    depart: 'Left',
    no_show: 'Did not come',
    arrived: '{name} has arrived.',
    departed: '{name} has left.',
    noShowDone: '{name} did not come. The central point sees this too.',
    loading: 'Loading…',
    noLocations: 'Your organisation has no locations in Adempauze yet.',
    appointments: 'Appointments: tours and trial stays',
    tour: 'Tour',
    trial_stay: 'Trial stay',
    appointmentLine: '{time}, {location}: {kind} for {name} (referral {reference})',
    call: 'Contact: {name}, {phone}',
  },
};

type DayAppointment = z.infer<typeof DayAppointments>[number];

const PATHS: Record<MovementAction, string> = { arrive: 'arrive', depart: 'depart', no_show: 'no-show' };
const DONE: Record<MovementAction, Key> = { arrive: 'arrived', depart: 'departed', no_show: 'noShowDone' };

/** The desk's day: per location who arrives and who leaves, with the buttons that record it. */
export function Today() {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [date, setDate] = useState(serverToday());
  const { data, error, reload } = useApiQuery<Movements>(`/provider/movements?date=${date}`);
  const appointments = useApiQuery<DayAppointment[]>(`/provider/appointments?date=${date}`);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const record = async (movement: Movement, action: MovementAction) => {
    setBusy(movement.stayId);
    setFailure(null);
    setDone(null);
    try {
      await api('POST', `/stays/${movement.stayId}/${PATHS[action]}`, {});
      setDone(t(DONE[action], { name: movement.clientName }));
      reload();
    } catch (problem) {
      setFailure(problem);
    } finally {
      setBusy(null);
    }
  };

  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    setDate(String(new FormData(event.currentTarget).get('day') || serverToday()));
  };

  const guest = (movement: Movement) => (
    <li key={movement.stayId} className="adempauze-provider-card">
      <Heading4>
        <Link className="utrecht-link" to={`/zorgaanbieder/verblijven/${movement.stayId}`}>
          {movement.clientName}
        </Link>
      </Heading4>
      <Paragraph>
        {t('unit')}: {movement.unitName}
      </Paragraph>
      <Paragraph>
        {t('period')}: {STAY_TYPE_LABELS[movement.stayType]?.[language] ?? movement.stayType}, {formatDate(movement.arrival)} –{' '}
        {formatDate(movement.departure)}
      </Paragraph>
      <Paragraph>
        {t('status')}: {STAY_STATUS_LABELS[movement.status][language]}
      </Paragraph>
      {movement.actions.length > 0 && (
        <div className="adempauze-provider-actions">
          {movement.actions.map((action) => (
            // The name in the label tells a screen reader user whose arrival this is; it starts with the visible text.
            <Button
              key={action}
              appearance={action === 'no_show' ? 'secondary-action-button' : 'primary-action-button'}
              aria-label={`${t(action)}: ${movement.clientName}`}
              disabled={busy === movement.stayId}
              onClick={() => void record(movement, action)}
            >
              {t(action)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );

  return (
    <>
      <Heading1>{date === serverToday() ? t('title') : t('titleOn', { date: formatDate(date) })}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <form className="adempauze-toolbar" onSubmit={choose}>
        <FormField>
          <FormLabel htmlFor="movements-day">{t('day')}</FormLabel>
          <Textbox id="movements-day" name="day" type="date" defaultValue={date} />
        </FormField>
        <Button type="submit" appearance="secondary-action-button">
          {t('show')}
        </Button>
      </form>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {failure !== null && <ErrorAlert error={failure} />}
      {error !== null && <ErrorAlert error={error} onRetry={reload} />}
      {data === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data?.locations.length === 0 && <Paragraph>{t('noLocations')}</Paragraph>}
      {appointments.data && appointments.data.length > 0 && (
        <section aria-labelledby="day-appointments">
          <Heading2 id="day-appointments">{t('appointments')}</Heading2>
          <ul className="adempauze-provider-cards">
            {appointments.data.map((appointment) => (
              <li key={appointment.id} className="adempauze-provider-card">
                <Paragraph>
                  {t('appointmentLine', {
                    time: `${formatTime(appointment.startsAt)}–${formatTime(appointment.endsAt)}`,
                    location: appointment.locationName,
                    kind: t(appointment.kind),
                    name: appointment.clientName,
                    reference: appointment.reference,
                  })}
                </Paragraph>
                {appointment.caregiverPhone && (
                  <Paragraph>{t('call', { name: appointment.caregiverName ?? '', phone: appointment.caregiverPhone })}</Paragraph>
                )}
                {appointment.note && <Paragraph>{appointment.note}</Paragraph>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data?.locations.map((location) => (
        <section key={location.locationId} aria-labelledby={`movements-${location.locationId}`}>
          <Heading2 id={`movements-${location.locationId}`}>{location.locationName}</Heading2>
          <Heading3>
            {t('arrivals')} ({location.arrivals.length})
          </Heading3>
          {location.arrivals.length === 0 ? (
            <Paragraph>{t('noArrivals')}</Paragraph>
          ) : (
            <ul className="adempauze-provider-cards">{location.arrivals.map(guest)}</ul>
          )}
          <Heading3>
            {t('departures')} ({location.departures.length})
          </Heading3>
          {location.departures.length === 0 ? (
            <Paragraph>{t('noDepartures')}</Paragraph>
          ) : (
            <ul className="adempauze-provider-cards">{location.departures.map(guest)}</ul>
          )}
        </section>
      ))}
    </>
  );
}
