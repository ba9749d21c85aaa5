import {
  Alert,
  Button,
  FormField,
  FormFieldErrorMessage,
  FormFieldTextarea,
  FormFieldTextbox,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { CARE_FEATURE_LABELS } from '../../../../src/domain/care-features.ts';
import { addDays } from '../../../../src/domain/dates.ts';
import { admissionHoursText } from '../../../../src/domain/provider/admission-hours.ts';
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { fieldMessage } from '../../forms/fields.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Language, type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { ClosedResult } from './ClosedResult.tsx';
import { type AffectedGuest, ClosureGuests } from './ClosureGuests.tsx';
import { NotAdmitting } from './NotAdmitting.tsx';
import type { ClosureGroup, Overview, PlannedClosureReason, ProviderLocation } from './provider-api.ts';
import { CLOSURE_REASON_LABELS, UNIT_KIND_LABELS, closureReasonLabel } from './provider-labels.ts';
import { TableBox } from './TableBox.tsx';
import { LocationDetailsForm } from '../../registry/LocationDetailsForm.tsx';
import { LocationPhotos } from '../../registry/LocationPhotos.tsx';
import { AddUnitForm, EditUnitForm, RetireUnitForm } from '../../registry/UnitForms.tsx';
import type { z } from 'zod';
import type { LocationClosures } from '../../../../src/http/schemas/provider.schemas.ts';

type Key =
  | 'title'
  | 'intro'
  | 'loading'
  | 'none'
  | 'address'
  | 'hours'
  | 'noHours'
  | 'features'
  | 'noFeatures'
  | 'closures'
  | 'noClosures'
  | 'wholeLocation'
  | 'someUnits'
  | 'period'
  | 'reopen'
  | 'reopened'
  | 'unitsCaption'
  | 'unit'
  | 'kind'
  | 'stayTypes'
  | 'reservedFor'
  | 'flexible'
  | 'unitFeatures'
  | 'state'
  | 'open'
  | 'closedFrom'
  | 'notInUse'
  | 'closeTitle'
  | 'closeIntro'
  | 'what'
  | 'allUnits'
  | 'reason'
  | 'startsOn'
  | 'startsOnHelp'
  | 'endsOn'
  | 'endsOnHelp'
  | 'note'
  | 'noteHelp'
  | 'close'
  | 'busy'
  | 'closed'
  | 'confirmedAt'
  | 'confirm'
  | 'confirmed'
  | 'retireUnit'
  | 'notAdmittingUntil'
  | 'changeUnit';

const texts: Texts<Key> = {
  nl: {
    title: 'Locaties en plekken',
    intro:
      'Uw locaties met hun plekken. Hier sluit u een plek, of stopt u de opname op een hele locatie. Het aanmeldpunt ziet dat meteen op de bezetting.',
    loading: 'Laden…',
    none: 'Uw organisatie heeft nog geen locaties in Adempauze.',
    address: 'Adres',
    hours: 'Opnametijden',
    noHours: 'Geen opnametijden bekend',
    features: 'Voorzieningen van de locatie',
    noFeatures: 'Geen bijzondere voorzieningen',
    closures: 'Dicht of opnamestop',
    noClosures: 'Alle plekken zijn open.',
    wholeLocation: '{reason} voor de hele locatie',
    someUnits: '{reason}: {units}',
    period: 'dicht van {from} tot en met {to}, weer open op {open}.',
    reopen: 'Weer openen',
    reopened: 'Weer open: {what}.',
    unitsCaption: 'Plekken van {location}',
    unit: 'Plek',
    kind: 'Soort plek',
    stayTypes: 'Soorten verblijf',
    reservedFor: 'Alleen voor',
    flexible: 'Alle soorten',
    unitFeatures: 'Voorzieningen van de kamer',
    state: 'Nu',
    open: 'Open',
    closedFrom: 'Dicht tot en met {to}',
    notInUse: 'Niet in gebruik',
    closeTitle: 'Een plek sluiten of de opname stoppen',
    closeIntro:
      'Zijn er in die periode al gasten geboekt, dan ziet u ze eerst. U kiest per gast: verplaatsen naar een vrije plek van u, of laten staan voor het aanmeldpunt.',
    what: 'Wat gaat dicht?',
    allUnits: 'De hele locatie (opnamestop)',
    reason: 'Reden',
    startsOn: 'Dicht vanaf',
    startsOnHelp: 'De eerste dag dat er geen nieuwe gast kan komen.',
    endsOn: 'Weer open op',
    endsOnHelp: 'De eerste dag dat er weer een gast kan komen.',
    note: 'Toelichting',
    noteHelp: 'Voor het aanmeldpunt. Schrijf geen namen of gegevens over de gezondheid van mensen.',
    close: 'Sluiten',
    busy: 'Even geduld…',
    closed: '{what} is dicht van {from} tot en met {to}.',
    confirmedAt: 'U hebt deze gegevens het laatst bevestigd op {date}. Kijk ze elke maand na: het aanmeldpunt plant met wat hier staat.',
    confirm: 'Alles klopt nog',
    confirmed: 'Bedankt. De gegevens van {location} zijn bevestigd.',
    retireUnit: 'Een plek uit gebruik nemen',
    notAdmittingUntil: 'Geen opname, verwacht weer vanaf {date}',
    changeUnit: 'Wijzigen wat een plek opneemt of biedt',
  },
  en: {
    title: 'Locations and units',
    intro:
      'Your locations with their units. Close a unit here, or stop admissions at a whole location. The central point sees it on the board at once.',
    loading: 'Loading…',
    none: 'Your organisation has no locations in Adempauze yet.',
    address: 'Address',
    hours: 'Admission hours',
    noHours: 'No admission hours known',
    features: 'Features of the location',
    noFeatures: 'No special features',
    closures: 'Closed or admission stop',
    noClosures: 'All units are open.',
    wholeLocation: '{reason} for the whole location',
    someUnits: '{reason}: {units}',
    period: 'closed from {from} up to and including {to}, open again on {open}.',
    reopen: 'Open again',
    reopened: 'Open again: {what}.',
    unitsCaption: 'Units of {location}',
    unit: 'Unit',
    kind: 'Kind of unit',
    stayTypes: 'Kinds of stay',
    reservedFor: 'Only for',
    flexible: 'All kinds',
    unitFeatures: 'Features of the room',
    state: 'Now',
    open: 'Open',
    closedFrom: 'Closed up to and including {to}',
    notInUse: 'Not in use',
    closeTitle: 'Close a unit or stop admissions',
    closeIntro:
      'If guests are already booked in that period, you see them first. For each guest you choose: move to a free unit of yours, or leave it to the central point.',
    what: 'What closes?',
    allUnits: 'The whole location (admission stop)',
    reason: 'Reason',
    startsOn: 'Closed from',
    startsOnHelp: 'The first day no new guest can come.',
    endsOn: 'Open again on',
    endsOnHelp: 'The first day a guest can come again.',
    note: 'Explanation',
    noteHelp: 'For the central point. Do not write names or health details of people.',
    close: 'Close',
    busy: 'Please wait…',
    closed: '{what} is closed from {from} up to and including {to}.',
    confirmedAt: 'You last confirmed these details on {date}. Check them every month: the central point plans with what is here.',
    confirm: 'Everything is still right',
    confirmed: 'Thank you. The details of {location} are confirmed.',
    retireUnit: 'Take a unit out of use',
    notAdmittingUntil: 'Not admitting, expected to admit again from {date}',
    changeUnit: 'Change what a unit takes or offers',
  },
};

type T = (key: Key, params?: Record<string, string | number>) => string;

/** The provider's locations and units, their closures, and the form to close units or stop admissions. */
export function ProviderLocations() {
  const t = useTexts(texts);
  const { data, error, reload } = useApiQuery<Overview>('/provider/overview');
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const reopen = async (location: ProviderLocation, group: ClosureGroup, what: string) => {
    setFailure(null);
    setMessage(null);
    try {
      await api('POST', `/locations/${location.id}/reopen`, { closureIds: group.closureIds });
      setMessage(t('reopened', { what }));
      reload();
    } catch (problem) {
      setFailure(problem);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <div aria-live="polite">
        {message && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {failure !== null && <ErrorAlert error={failure} />}
      {error !== null && <ErrorAlert error={error} />}
      {data === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data?.locations.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {data?.locations.map((location) => (
        <LocationSection key={location.id} location={location} today={data.today} t={t} onReopen={reopen} onClosed={reload} />
      ))}
    </>
  );
}

function closureText(group: ClosureGroup, location: ProviderLocation, language: Language, t: T): string {
  const reason = closureReasonLabel(group, language);
  const names = location.units
    .filter((unit) => group.unitIds.includes(unit.id))
    .map((unit) => unit.name)
    .join(', ');
  return group.wholeLocation ? t('wholeLocation', { reason }) : t('someUnits', { reason, units: names });
}

function LocationSection({
  location,
  today,
  t,
  onReopen,
  onClosed,
}: {
  location: ProviderLocation;
  today: string;
  t: T;
  onReopen(location: ProviderLocation, group: ClosureGroup, what: string): Promise<void>;
  onClosed(): void;
}) {
  const { language } = useI18n();
  const hours = admissionHoursText(location.admissionHours, language);
  const headingId = `location-${location.id}`;
  const closures = location.closures.filter((group) => group.kind === 'closure');
  const current = (unitId: string) => location.closures.find((group) => group.unitIds.includes(unitId) && group.startsOn <= today);
  const inUse = (unit: ProviderLocation['units'][number]) =>
    unit.activeFrom <= today && (unit.activeUntil === null || unit.activeUntil > today);
  return (
    <section aria-labelledby={headingId}>
      <Heading2 id={headingId}>{location.name}</Heading2>
      <Paragraph>
        {t('address')}: {location.street} {location.houseNumber}, {location.postcode} {location.city}
      </Paragraph>
      <Paragraph>
        {t('hours')}: {hours.length > 0 ? hours.join('; ') : t('noHours')}
      </Paragraph>
      <Paragraph>
        {t('features')}:{' '}
        {location.features.length > 0
          ? location.features.map((feature) => CARE_FEATURE_LABELS[feature]?.[language] ?? feature).join(', ')
          : t('noFeatures')}
      </Paragraph>
      <ConfirmDetails location={location} t={t} onConfirmed={onClosed} />
      <LocationDetailsForm location={location} onSaved={onClosed} />
      <LocationPhotos locationId={location.id} />

      <Heading3>{t('closures')}</Heading3>
      {closures.length === 0 ? (
        <Paragraph>{t('noClosures')}</Paragraph>
      ) : (
        <ul className="adempauze-provider-closures">
          {closures.map((group) => {
            const what = closureText(group, location, language, t);
            return (
              <li key={group.closureIds.join()}>
                <strong>{what}</strong>,{' '}
                {t('period', {
                  from: formatDate(group.startsOn),
                  to: formatDate(addDays(group.endsOn, -1)),
                  open: formatDate(group.endsOn),
                })}
                {group.note && <> {group.note}</>}
                <div className="adempauze-provider-actions">
                  <Button
                    appearance="secondary-action-button"
                    aria-label={`${t('reopen')}: ${what}, ${formatDate(group.startsOn)}`}
                    onClick={() => void onReopen(location, group, what)}
                  >
                    {t('reopen')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <TableBox label={t('unitsCaption', { location: location.name })}>
        <Table>
          <TableCaption>{t('unitsCaption', { location: location.name })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('unit')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('stayTypes')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reservedFor')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('unitFeatures')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('state')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {location.units.map((unit) => {
              const now = current(unit.id);
              return (
                <TableRow key={unit.id}>
                  <TableHeaderCell scope="row">{unit.name}</TableHeaderCell>
                  <TableCell>{UNIT_KIND_LABELS[unit.kind][language]}</TableCell>
                  <TableCell>{unit.acceptedStayTypes.map((type) => STAY_TYPE_LABELS[type]?.[language] ?? type).join(', ')}</TableCell>
                  <TableCell>
                    {unit.reservedFor ? (STAY_TYPE_LABELS[unit.reservedFor]?.[language] ?? unit.reservedFor) : t('flexible')}
                  </TableCell>
                  <TableCell>
                    {unit.features.map((feature) => CARE_FEATURE_LABELS[feature]?.[language] ?? feature).join(', ') || '–'}
                  </TableCell>
                  <TableCell>
                    {!inUse(unit)
                      ? t('notInUse')
                      : now?.kind === 'not_admitting'
                        ? t('notAdmittingUntil', { date: formatDate(now.endsOn) })
                        : now
                          ? t('closedFrom', { to: formatDate(addDays(now.endsOn, -1)) })
                          : t('open')}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableBox>

      <AddUnitForm locationId={location.id} onAdded={onClosed} />
      {location.units.some(inUse) && (
        <details className="adempauze-card">
          <summary>{t('changeUnit')}</summary>
          {location.units.filter(inUse).map((unit) => (
            <EditUnitForm key={unit.id} unit={unit} onChanged={onClosed} stayLink={(stayId) => `/zorgaanbieder/verblijven/${stayId}`} />
          ))}
        </details>
      )}
      {location.units.some(inUse) && (
        <details className="adempauze-card">
          <summary>{t('retireUnit')}</summary>
          {location.units.filter(inUse).map((unit) => (
            <RetireUnitForm key={unit.id} unit={unit} onRetired={onClosed} stayLink={(stayId) => `/zorgaanbieder/verblijven/${stayId}`} />
          ))}
        </details>
      )}

      <NotAdmitting location={location} today={today} onChanged={onClosed} />
      <CloseForm location={location} t={t} onClosed={onClosed} />
    </section>
  );
}

/** "Nothing changed": the provider vouches for the location's details, so the central point can trust them. */
function ConfirmDetails({ location, t, onConfirmed }: { location: ProviderLocation; t: T; onConfirmed(): void }) {
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const confirm = async () => {
    setFailure(null);
    try {
      await api('POST', `/locations/${location.id}/confirm`, {});
      setDone(true);
      onConfirmed();
    } catch (problem) {
      setFailure(problem);
    }
  };
  return (
    <>
      <Paragraph>{t('confirmedAt', { date: formatDateTime(location.confirmedAt) })}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{t('confirmed', { location: location.name })}</Paragraph>
          </Alert>
        )}
      </div>
      {failure !== null && <ErrorAlert error={failure} />}
      <Button appearance="secondary-action-button" aria-label={`${t('confirm')}: ${location.name}`} onClick={() => void confirm()}>
        {t('confirm')}
      </Button>
    </>
  );
}

interface CloseBody {
  units: 'all' | string[];
  reason: PlannedClosureReason;
  startsOn: string;
  endsOn: string;
  note: string;
}

type Closed = z.infer<typeof LocationClosures>;

/** Closing chosen units, or all of them (an admission stop); the server's word for each wrong field beside it. */
function CloseForm({ location, t, onClosed }: { location: ProviderLocation; t: T; onClosed(): void }) {
  const { language } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; affected: string[]; moved: number } | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Guests booked in the period: asked about before anything closes.
  const [pending, setPending] = useState<{ body: CloseBody; what: string; guests: AffectedGuest[] } | null>(null);
  const [moves, setMoves] = useState<Record<string, string>>({});
  const id = (name: string) => `close-${location.id}-${name}`;
  const message = (field: string) => fieldMessage(error, field);
  const unitsMessage = message('units') ?? message('units.0');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const choice = String(form.get('units'));
    const body: CloseBody = {
      units: choice === 'all' ? 'all' : [choice],
      reason: String(form.get('reason')) as PlannedClosureReason,
      startsOn: String(form.get('startsOn')),
      endsOn: String(form.get('endsOn')),
      note: String(form.get('note') ?? ''),
    };
    const what = choice === 'all' ? location.name : (location.units.find((unit) => unit.id === choice)?.name ?? '');
    await run(async () => {
      const guests = await api<AffectedGuest[]>('POST', `/locations/${location.id}/closures/check`, body);
      if (guests.length > 0) {
        setMoves({});
        setPending({ body, what, guests });
      } else {
        await close(body, what, []);
      }
    });
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      await work();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const close = async (body: CloseBody, what: string, chosen: { stayId: string; unitId: string }[]) => {
    const closed = await api<Closed>('POST', `/locations/${location.id}/closures`, { ...body, moves: chosen });
    setResult({
      text: t('closed', { what, from: formatDate(body.startsOn), to: formatDate(addDays(body.endsOn, -1)) }),
      affected: closed.closures.flatMap((closure) => closure.affectedStayIds),
      moved: chosen.length,
    });
    setPending(null);
    setFormKey((n) => n + 1);
    onClosed();
  };

  const fieldsWithMessages = ['units', 'units.0', 'reason', 'startsOn', 'endsOn', 'note'];
  const otherProblem = error !== null && !fieldsWithMessages.some((field) => message(field));

  return (
    <form
      key={formKey}
      className="adempauze-provider-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={id('title')}
    >
      <Heading3 id={id('title')}>{t('closeTitle')}</Heading3>
      <Paragraph>{t('closeIntro')}</Paragraph>
      <div aria-live="polite">{result && <ClosedResult text={result.text} affected={result.affected} moved={result.moved} />}</div>
      {otherProblem && <ErrorAlert error={error} />}
      {pending && (
        <ClosureGuests
          guests={pending.guests}
          moves={moves}
          busy={busy}
          onBack={() => setPending(null)}
          onMove={(stayId, unitId) => setMoves((current) => ({ ...current, [stayId]: unitId }))}
          onConfirm={() =>
            void run(() =>
              close(
                pending.body,
                pending.what,
                Object.entries(moves)
                  .filter(([, unitId]) => unitId !== '')
                  .map(([stayId, unitId]) => ({ stayId, unitId })),
              ),
            )
          }
        />
      )}
      <FormField invalid={Boolean(unitsMessage)}>
        <FormLabel htmlFor={id('units')}>{t('what')}</FormLabel>
        {unitsMessage && <FormFieldErrorMessage id={id('units-error')}>{unitsMessage}</FormFieldErrorMessage>}
        <Select
          id={id('units')}
          name="units"
          defaultValue="all"
          invalid={Boolean(unitsMessage)}
          aria-describedby={unitsMessage ? id('units-error') : undefined}
        >
          <SelectOption value="all">{t('allUnits')}</SelectOption>
          {location.units.map((unit) => (
            <SelectOption key={unit.id} value={unit.id}>
              {unit.name}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField invalid={Boolean(message('reason'))}>
        <FormLabel htmlFor={id('reason')}>{t('reason')}</FormLabel>
        {message('reason') && <FormFieldErrorMessage id={id('reason-error')}>{message('reason')}</FormFieldErrorMessage>}
        <Select
          id={id('reason')}
          name="reason"
          defaultValue="admission_stop"
          invalid={Boolean(message('reason'))}
          aria-describedby={message('reason') ? id('reason-error') : undefined}
        >
          {(['admission_stop', 'maintenance', 'other'] as const).map((reason) => (
            <SelectOption key={reason} value={reason}>
              {CLOSURE_REASON_LABELS[reason][language]}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormFieldTextbox
        id={id('startsOn')}
        name="startsOn"
        type="date"
        required
        label={t('startsOn')}
        description={t('startsOnHelp')}
        invalid={Boolean(message('startsOn'))}
        errorMessage={message('startsOn')}
      />
      <FormFieldTextbox
        id={id('endsOn')}
        name="endsOn"
        type="date"
        required
        label={t('endsOn')}
        description={t('endsOnHelp')}
        invalid={Boolean(message('endsOn'))}
        errorMessage={message('endsOn')}
      />
      <FormFieldTextarea
        id={id('note')}
        name="note"
        required
        label={t('note')}
        description={t('noteHelp')}
        invalid={Boolean(message('note'))}
        errorMessage={message('note')}
      />
      {!pending && (
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('busy') : t('close')}
        </Button>
      )}
    </form>
  );
}
