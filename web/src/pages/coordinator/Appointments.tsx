import {
  Alert,
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { SelectField, TextField } from '../../forms/fields.tsx';
import { formatDayOf, formatTime } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { Appointment as AppointmentSchema } from '../../../../src/http/schemas/appointment.schemas.ts';

type Appointment = z.infer<typeof AppointmentSchema>;

type Key =
  | 'title'
  | 'intro'
  | 'location'
  | 'date'
  | 'from'
  | 'until'
  | 'note'
  | 'noteHelp'
  | 'plan'
  | 'planned'
  | 'caption'
  | 'when'
  | 'where'
  | 'status'
  | 'actions'
  | 'cancel'
  | 'none'
  | 'statusPlanned'
  | 'statusCancelled'
  | 'cancelled';

const texts: Texts<Key> = {
  nl: {
    title: 'Afspraak plannen',
    intro:
      'Een rondleiding of proeflogeren is een afspraak op een locatie. Er is geen bed en geen triage voor nodig. De zorgaanbieder krijgt meteen bericht, de mantelzorger per mail als er een e-mailadres is.',
    location: 'Locatie',
    date: 'Datum',
    from: 'Van (tijd)',
    until: 'Tot (tijd)',
    note: 'Voor de locatie (niet verplicht)',
    noteHelp: 'Bijvoorbeeld: dochter komt mee. Geen gegevens over de gezondheid.',
    plan: 'Afspraak plannen',
    planned: 'De afspraak is gepland.',
    caption: 'Afspraken',
    when: 'Wanneer',
    where: 'Waar',
    status: 'Status',
    actions: 'Doen',
    cancel: 'Afzeggen',
    none: 'Nog geen afspraak.',
    statusPlanned: 'Gepland',
    statusCancelled: 'Afgezegd',
    cancelled: 'De afspraak is afgezegd.',
  },
  en: {
    title: 'Plan an appointment',
    intro:
      'A tour or a trial stay is an appointment at a location. It needs no bed and no triage. The care provider hears at once, the caregiver by mail when there is an e-mail address.',
    location: 'Location',
    date: 'Date',
    from: 'From (time)',
    until: 'Until (time)',
    note: 'For the location (optional)',
    noteHelp: 'For example: the daughter comes along. No health details.',
    plan: 'Plan the appointment',
    planned: 'The appointment is planned.',
    caption: 'Appointments',
    when: 'When',
    where: 'Where',
    status: 'Status',
    actions: 'Actions',
    cancel: 'Cancel',
    none: 'No appointment yet.',
    statusPlanned: 'Planned',
    statusCancelled: 'Cancelled',
    cancelled: 'The appointment is cancelled.',
  },
};

/** Tours and trial stays for a request: plan one at a location, see and cancel what is planned. */
export function Appointments({
  referralId,
  preferredLocationIds,
  onChanged,
}: {
  referralId: string;
  preferredLocationIds: readonly string[];
  onChanged(): void;
}) {
  const t = useTexts(texts);
  const list = useApiQuery<Appointment[]>(`/referrals/${referralId}/appointments`);
  // Every location of every region, by name.
  const allLocations = useApiQuery<{ id: string; name: string }[]>('/regions', {
    key: ['locations by name'],
    load: async () => {
      const regions = await api<{ id: string }[]>('GET', '/regions');
      const perRegion = await Promise.all(
        regions.map((region) => api<{ id: string; name: string }[]>('GET', `/regions/${region.id}/locations`)),
      );
      return perRegion.flat().sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    },
  });
  const locations = allLocations.data ?? [];
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? allLocations.error;
  const [done, setDone] = useState<string | null>(null);

  const change = async (work: () => Promise<unknown>, message: string) => {
    setFailure(null);
    setDone(null);
    try {
      await work();
      setDone(message);
      list.reload();
      onChanged();
    } catch (failure) {
      setFailure(failure);
    }
  };
  const plan = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get('appointment.note') ?? '').trim();
    void change(
      () =>
        api('POST', `/referrals/${referralId}/appointments`, {
          locationId: form.get('appointment.locationId'),
          date: form.get('appointment.date'),
          from: form.get('appointment.from'),
          until: form.get('appointment.until'),
          ...(note ? { note } : {}),
        }),
      t('planned'),
    );
  };
  const preferred = locations.find((location) => preferredLocationIds.includes(location.id))?.id;

  return (
    <section aria-labelledby="appointments-title">
      <Heading2 id="appointments-title">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {(error ?? list.error) !== null && <ErrorAlert error={error ?? list.error} />}
      {list.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <Table>
          <TableCaption>{t('caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              {(['when', 'where', 'status', 'actions'] as const).map((key) => (
                <TableHeaderCell key={key} scope="col">
                  {t(key)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((appointment) => (
              <TableRow key={appointment.id}>
                <TableHeaderCell scope="row">
                  {formatDayOf(appointment.startsAt)}, {formatTime(appointment.startsAt)}–{formatTime(appointment.endsAt)}
                </TableHeaderCell>
                <TableCell>{appointment.locationName}</TableCell>
                <TableCell>{appointment.status === 'planned' ? t('statusPlanned') : t('statusCancelled')}</TableCell>
                <TableCell>
                  {appointment.status === 'planned' && (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={`${t('cancel')}: ${appointment.locationName}, ${formatDayOf(appointment.startsAt)}`}
                      onClick={() => void change(() => api('POST', `/appointments/${appointment.id}/cancel`, {}), t('cancelled'))}
                    >
                      {t('cancel')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {locations.length > 0 && (
        <form onSubmit={plan} noValidate key={preferred ?? 'none'}>
          <SelectField
            name="appointment.locationId"
            errorField="locationId"
            label={t('location')}
            error={error}
            defaultValue={preferred}
            options={locations.map((location) => ({ value: location.id, label: location.name }))}
          />
          <TextField name="appointment.date" errorField="date" label={t('date')} type="date" error={error} />
          <TextField name="appointment.from" errorField="from" label={t('from')} type="time" error={error} defaultValue="10:00" />
          <TextField name="appointment.until" errorField="until" label={t('until')} type="time" error={error} defaultValue="11:00" />
          <TextField name="appointment.note" errorField="note" label={t('note')} description={t('noteHelp')} error={error} />
          <Button type="submit" appearance="primary-action-button">
            {t('plan')}
          </Button>
        </form>
      )}
    </section>
  );
}
