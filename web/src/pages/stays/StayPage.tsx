import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormFieldTextarea,
  Heading1,
  Heading2,
  Link as UtrechtLink,
  Paragraph,
} from '@utrecht/component-library-react';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { SelectField, TextField, fieldMessage } from '../../forms/fields.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { STAY_STATUS_LABELS } from '../../i18n/stay-labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { Alternatives } from '../../../../src/http/schemas/availability.schemas.ts';
import type { StayDetail } from '../../../../src/http/schemas/stay.schemas.ts';
import { DataRow } from '../../layout/DataRow.tsx';

type MoveOption = z.infer<typeof Alternatives>['otherUnits'][number];

/** GET /stays/{id} answers with this. */
type Stay = z.infer<typeof StayDetail>;

type Key =
  | 'title'
  | 'place'
  | 'board'
  | 'referral'
  | 'type'
  | 'period'
  | 'status'
  | 'holdUntil'
  | 'reason'
  | 'calendar'
  | 'confirm'
  | 'cancelTitle'
  | 'cancelReason'
  | 'cancel'
  | 'changed'
  | 'openEnd'
  | 'datesTitle'
  | 'arrival'
  | 'departure'
  | 'departureHelp'
  | 'saveDates'
  | 'moveTitle'
  | 'moveTo'
  | 'move'
  | 'noMove';

const texts: Texts<Key> = {
  nl: {
    openEnd: 'De vertrekdatum is een verwachting: het einde is nog niet bekend.',
    datesTitle: 'Korter, langer of andere dagen',
    arrival: 'Aankomst',
    departure: 'Vertrek',
    departureHelp: 'Verlengen kan alleen als de plek die nachten vrij is.',
    saveDates: 'Data opslaan',
    moveTitle: 'Naar een andere plek',
    moveTo: 'Vrije plek voor dezelfde data',
    move: 'Verplaatsen',
    noMove: 'Er is geen andere vrije plek voor deze data.',
    title: 'Verblijf van {guest}',
    place: 'Plek',
    board: 'Terug naar de bezetting',
    referral: 'Aanmelding openen',
    type: 'Soort verblijf',
    period: 'Periode',
    status: 'Status',
    holdUntil: 'Optie geldig tot',
    reason: 'Reden van annuleren',
    calendar: 'Agendabestand (.ics) downloaden',
    confirm: 'Optie omzetten in boeking',
    cancelTitle: 'Annuleren',
    cancelReason: 'Reden (verplicht, zonder gezondheidsgegevens)',
    cancel: 'Verblijf annuleren',
    changed: 'Opgeslagen.',
  },
  en: {
    openEnd: 'The departure date is an expectation: the end is not known yet.',
    datesTitle: 'Shorter, longer or other days',
    arrival: 'Arrival',
    departure: 'Departure',
    departureHelp: 'Extending only works when the place is free those nights.',
    saveDates: 'Save the dates',
    moveTitle: 'To another place',
    moveTo: 'Free place for the same dates',
    move: 'Move',
    noMove: 'There is no other free place for these dates.',
    title: 'Stay of {guest}',
    place: 'Place',
    board: 'Back to the board',
    referral: 'Open the referral',
    type: 'Kind of stay',
    period: 'Period',
    status: 'Status',
    holdUntil: 'Hold valid until',
    reason: 'Reason for cancelling',
    calendar: 'Download the calendar file (.ics)',
    confirm: 'Turn the hold into a booking',
    cancelTitle: 'Cancel',
    cancelReason: 'Reason (required, no health details)',
    cancel: 'Cancel the stay',
    changed: 'Saved.',
  },
};

/** One stay for the central point: its facts, its calendar file, and confirming or cancelling it. */
export function StayPage() {
  const { id = '' } = useParams();
  const { language } = useI18n();
  const t = useTexts(texts);
  const stayQuery = useApiQuery<Stay>(`/stays/${id}`);
  const stay = stayQuery.data;
  const [saved, setSaved] = useState(false);
  // Where a planned stay can move to.
  const planned = stay?.status === 'hold' || stay?.status === 'confirmed';
  const moveQuery = useApiQuery<MoveOption[]>(planned ? `/stays/${id}/move-options` : null);
  const moveOptions = moveQuery.data;
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? stayQuery.error ?? moveQuery.error;
  const { reload: reloadStay } = stayQuery;
  const { reload: reloadMoves } = moveQuery;
  const load = useCallback(() => {
    reloadStay();
    reloadMoves();
  }, [reloadStay, reloadMoves]);

  const change = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
      setSaved(true);
      load();
    } catch (refused) {
      setFailure(refused);
    }
  };
  const changeDates = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const arrival = String(form.get('arrival') ?? '');
    const departure = String(form.get('departure') ?? '');
    // After arrival only the departure can change; an unchanged arrival is not sent.
    void change(() => api('PATCH', `/stays/${id}/dates`, { ...(arrival && arrival !== stay?.arrival ? { arrival } : {}), departure }));
  };
  const move = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const unitId = String(new FormData(event.currentTarget).get('unitId') ?? '');
    void change(() => api('POST', `/stays/${id}/move`, { unitId }));
  };
  const cancel = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    void change(() => api('POST', `/stays/${id}/cancel`, { reason }));
  };

  if (!stay)
    return error === null ? (
      <Paragraph role="status">…</Paragraph>
    ) : (
      <ErrorAlert
        error={error}
        onRetry={() => {
          setFailure(null);
          load();
        }}
      />
    );
  const open = stay.status === 'hold' || stay.status === 'confirmed';
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link" to="/bezetting">
          {t('board')}
        </Link>
      </Paragraph>
      <Heading1>{t('title', { guest: stay.guestName })}</Heading1>
      {saved && (
        <Alert type="ok">
          <Paragraph>{t('changed')}</Paragraph>
        </Alert>
      )}
      {error !== null && !fieldMessage(error, 'reason') && <ErrorAlert error={error} />}
      <DataList>
        <DataListItem>
          <DataListKey>{t('place')}</DataListKey>
          <DataListValue>
            {stay.locationName}, {stay.unitName}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('type')}</DataListKey>
          <DataListValue>{STAY_TYPE_LABELS[stay.stayType]?.[language] ?? stay.stayType}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('period')}</DataListKey>
          <DataListValue>
            {formatDate(stay.arrival)} – {formatDate(stay.departure)}
            {stay.openEnded && (
              <>
                <br />
                {t('openEnd')}
              </>
            )}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('status')}</DataListKey>
          <DataListValue>{STAY_STATUS_LABELS[stay.status][language]}</DataListValue>
        </DataListItem>
        <DataRow label={t('holdUntil')} value={stay.holdExpiresAt && stay.status === 'hold' && formatDateTime(stay.holdExpiresAt)} />
        <DataRow label={t('reason')} value={stay.cancelReason} />
      </DataList>
      <Paragraph>
        <UtrechtLink href={`/api/stays/${stay.id}/calendar.ics`} download>
          {t('calendar')}
        </UtrechtLink>
      </Paragraph>
      {stay.referralId && (
        <Paragraph>
          <Link className="utrecht-link" to={`/aanmeldpunt/aanmeldingen/${stay.referralId}`}>
            {t('referral')}
          </Link>
        </Paragraph>
      )}
      {stay.status === 'hold' && (
        <Button appearance="primary-action-button" onClick={() => void change(() => api('POST', `/stays/${id}/confirm`, {}))}>
          {t('confirm')}
        </Button>
      )}
      {(open || stay.status === 'arrived') && (
        <form onSubmit={changeDates} noValidate>
          <Heading2>{t('datesTitle')}</Heading2>
          {open && <TextField name="arrival" label={t('arrival')} type="date" error={error} defaultValue={stay.arrival} />}
          <TextField
            name="departure"
            label={t('departure')}
            type="date"
            error={error}
            description={t('departureHelp')}
            defaultValue={stay.departure}
          />
          <Button type="submit" appearance="secondary-action-button">
            {t('saveDates')}
          </Button>
        </form>
      )}
      {open && moveOptions && (
        <form onSubmit={move} noValidate>
          <Heading2>{t('moveTitle')}</Heading2>
          {moveOptions.length === 0 ? (
            <Paragraph>{t('noMove')}</Paragraph>
          ) : (
            <>
              <SelectField
                name="unitId"
                label={t('moveTo')}
                error={error}
                options={moveOptions.map((option) => ({
                  value: option.unitId,
                  label: `${option.locationName}, ${option.unitName} (${formatNumber(option.distanceKm)} km)`,
                }))}
              />
              <Button type="submit" appearance="secondary-action-button">
                {t('move')}
              </Button>
            </>
          )}
        </form>
      )}
      {open && (
        <form onSubmit={cancel} noValidate>
          <Heading2>{t('cancelTitle')}</Heading2>
          <FormFieldTextarea
            id="reason"
            name="reason"
            label={t('cancelReason')}
            invalid={Boolean(fieldMessage(error, 'reason'))}
            errorMessage={fieldMessage(error, 'reason')}
          />
          <Button type="submit" appearance="secondary-action-button">
            {t('cancel')}
          </Button>
        </form>
      )}
    </>
  );
}
