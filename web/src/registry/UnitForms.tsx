import { Alert, Button, FormFieldTextbox, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { CARE_FEATURES, CARE_FEATURE_LABELS } from '../../../src/domain/care-features.ts';
import { addDays } from '../../../src/domain/dates.ts';
import { STAY_TYPES, STAY_TYPE_LABELS } from '../../../src/domain/stay-types.ts';
import { ApiError, api } from '../api/client.ts';
import { serverToday } from '../api/clock.ts';
import { CheckboxGroup, SelectField, TextField, fieldMessage } from '../forms/fields.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';

const texts: Texts<
  | 'addTitle'
  | 'addIntro'
  | 'name'
  | 'nameHelp'
  | 'kind'
  | 'bed'
  | 'homeNight'
  | 'stayTypes'
  | 'reservedFor'
  | 'flexible'
  | 'features'
  | 'activeFrom'
  | 'add'
  | 'added'
  | 'busy'
  | 'retire'
  | 'retireFrom'
  | 'retireHelp'
  | 'retired'
  | 'stranded'
  | 'change'
  | 'changed'
  | 'save'
  | 'strandedChange'
  | 'moveTo'
  | 'dontMove'
  | 'retiredMoved'
  | 'km'
> = {
  nl: {
    addTitle: 'Een plek toevoegen',
    addIntro:
      'Een bed, een kamer voor een echtpaar (koppelkamer: kies die voorziening) of nachtzorg thuis. Het aanmeldpunt ziet de plek meteen.',
    name: 'Naam van de plek',
    nameHelp: 'Zoals uw collega\'s de kamer noemen, bijvoorbeeld "Kamer 3".',
    kind: 'Soort plek',
    bed: 'Bed in de locatie',
    homeNight: 'Nachtzorg thuis',
    stayTypes: 'Welke soorten verblijf neemt deze plek op?',
    reservedFor: 'Alleen voor één soort verblijf?',
    flexible: 'Nee, voor alle soorten hierboven',
    features: 'Voorzieningen van deze kamer',
    activeFrom: 'In gebruik vanaf',
    add: 'Plek toevoegen',
    added: '{name} is toegevoegd.',
    busy: 'Even geduld…',
    retire: 'Uit gebruik nemen',
    retireFrom: 'Niet meer in gebruik vanaf',
    retireHelp: 'De eerste dag dat er geen gast meer kan zijn.',
    retired: '{name} is niet meer in gebruik vanaf {date}.',
    stranded: 'Deze gasten zijn dan nog geboekt. Verplaats of annuleer hun verblijf eerst:',
    change: 'Wijzigen wat de plek opneemt',
    changed: '{name} is gewijzigd.',
    save: 'Opslaan',
    strandedChange: 'Deze gasten zijn geboekt voor een soort verblijf dat de plek dan niet meer opneemt. Verplaats hun verblijf eerst:',
    moveTo: 'Verplaatsen naar',
    dontMove: 'Niet verplaatsen',
    km: '{km} km',
    retiredMoved: '{count|# verblijf|# verblijven} verplaatst; {name} is niet meer in gebruik vanaf {date}.',
  },
  en: {
    addTitle: 'Add a unit',
    addIntro: 'A bed, a room for a couple (couple room: tick that feature) or night care at home. The central point sees it at once.',
    name: 'Name of the unit',
    nameHelp: 'As your colleagues call the room, e.g. "Room 3".',
    kind: 'Kind of unit',
    bed: 'Bed at the location',
    homeNight: 'Night care at home',
    stayTypes: 'Which kinds of stay does this unit take?',
    reservedFor: 'Only for one kind of stay?',
    flexible: 'No, for all kinds above',
    features: 'Features of this room',
    activeFrom: 'In use from',
    add: 'Add unit',
    added: '{name} has been added.',
    busy: 'Please wait…',
    retire: 'Take out of use',
    retireFrom: 'No longer in use from',
    retireHelp: 'The first day no guest can be there any more.',
    retired: '{name} is no longer in use from {date}.',
    stranded: 'These guests are still booked then. Move or cancel their stays first:',
    change: 'Change what the unit takes',
    changed: '{name} has been changed.',
    save: 'Save',
    strandedChange: 'These guests are booked for a kind of stay the unit would no longer take. Move their stays first:',
    moveTo: 'Move to',
    dontMove: 'Do not move',
    km: '{km} km',
    retiredMoved: '{count|# stay|# stays} moved; {name} is no longer in use from {date}.',
  },
};

/** Adding a unit to a location; used by the administrator and by the provider for its own locations. */
export function AddUnitForm({ locationId, onAdded }: { locationId: string; onAdded(): void }) {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const id = (name: string) => `unit-${locationId}-${name}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reservedFor = String(form.get('reservedFor') ?? '');
    const body = {
      name: String(form.get('name') ?? ''),
      kind: String(form.get('kind') ?? 'bed'),
      acceptedStayTypes: form.getAll('acceptedStayTypes').map(String),
      reservedFor: reservedFor === '' ? null : reservedFor,
      features: form.getAll('features').map(String),
      activeFrom: String(form.get('activeFrom') ?? ''),
    };
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api('POST', `/locations/${locationId}/units`, body);
      setDone(t('added', { name: body.name }));
      setFormKey((n) => n + 1);
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const known = ['name', 'kind', 'acceptedStayTypes', 'reservedFor', 'features', 'activeFrom'];
  return (
    <form key={formKey} className="adempauze-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={id('title')}>
      <Heading3 id={id('title')}>{t('addTitle')}</Heading3>
      <Paragraph>{t('addIntro')}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {error !== null && !known.some((field) => fieldMessage(error, field) ?? fieldMessage(error, `${field}.0`)) && (
        <ErrorAlert error={error} />
      )}
      <TextField id={id('name')} name="name" label={t('name')} description={t('nameHelp')} error={error} required />
      <SelectField
        id={id('kind')}
        name="kind"
        label={t('kind')}
        error={error}
        options={[
          { value: 'bed', label: t('bed') },
          { value: 'home_night', label: t('homeNight') },
        ]}
      />
      <CheckboxGroup
        idPrefix={id('types')}
        name="acceptedStayTypes"
        legend={t('stayTypes')}
        error={error}
        defaultValues={['respite']}
        options={STAY_TYPES.map((type) => ({ value: type, label: STAY_TYPE_LABELS[type][language] }))}
      />
      <SelectField
        id={id('reserved')}
        name="reservedFor"
        label={t('reservedFor')}
        error={error}
        options={[
          { value: '', label: t('flexible') },
          ...STAY_TYPES.map((type) => ({ value: type, label: STAY_TYPE_LABELS[type][language] })),
        ]}
      />
      <CheckboxGroup
        idPrefix={id('features')}
        name="features"
        legend={t('features')}
        error={error}
        options={CARE_FEATURES.map((feature) => ({ value: feature, label: CARE_FEATURE_LABELS[feature][language] }))}
      />
      <TextField
        id={id('activeFrom')}
        name="activeFrom"
        type="date"
        label={t('activeFrom')}
        error={error}
        defaultValue={serverToday()}
        required
      />
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {busy ? t('busy') : t('add')}
      </Button>
    </form>
  );
}

interface StrandedStay {
  id: string;
  stayType: string;
  arrival: string;
  departure: string;
  /** Free units for the stay's dates, when the unit is being retired. */
  alternatives?: { unitId: string; unitName: string; locationName: string; distanceKm: number }[];
}

/** Taking a unit out of use from a day on; when guests are still booked, they are listed to be moved first. */
export function RetireUnitForm({
  unit,
  onRetired,
  stayLink,
}: {
  unit: { id: string; name: string };
  onRetired(): void;
  stayLink(stayId: string): string;
}) {
  const t = useTexts(texts);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = `retire-${unit.id}`;
  const stranded = error instanceof ApiError && error.code === 'unit_has_stays' ? (error.problem.stays as StrandedStay[]) : [];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get('from') ?? '');
    // Where the planner chose a unit for a stay listed before, that stay moves there first.
    const moves = stranded.flatMap((stay) => {
      const target = String(form.get(`move-${stay.id}`) ?? '');
      return target ? [{ stayId: stay.id, unitId: target }] : [];
    });
    setError(null);
    try {
      await api('POST', `/units/${unit.id}/retire`, { from, moves });
      setDone(t(moves.length > 0 ? 'retiredMoved' : 'retired', { name: unit.name, date: formatDate(from), count: moves.length }));
      onRetired();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="adempauze-inline-form" aria-label={`${t('retire')}: ${unit.name}`}>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {error !== null && !fieldMessage(error, 'from') && <ErrorAlert error={error} />}
      <StrandedStays intro={t('stranded')} stays={stranded} stayLink={stayLink}>
        {(stay) =>
          (stay.alternatives ?? []).length > 0 && (
            <SelectField
              id={`${id}-move-${stay.id}`}
              name={`move-${stay.id}`}
              error={null}
              label={`${t('moveTo')} (${formatDate(stay.arrival)} – ${formatDate(stay.departure)})`}
              options={[
                { value: '', label: t('dontMove') },
                ...stay.alternatives!.map((option) => ({
                  value: option.unitId,
                  label: `${option.locationName}, ${option.unitName} (${t('km', { km: formatNumber(option.distanceKm) })})`,
                })),
              ]}
            />
          )
        }
      </StrandedStays>
      <FormFieldTextbox
        id={id}
        name="from"
        type="date"
        required
        label={`${t('retireFrom')} (${unit.name})`}
        description={t('retireHelp')}
        defaultValue={addDays(serverToday(), 1)}
        invalid={Boolean(fieldMessage(error, 'from'))}
        errorMessage={fieldMessage(error, 'from')}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('retire')}
      </Button>
    </form>
  );
}

/** What a unit takes and offers; a change that would strand booked guests is refused with them listed. */
export function EditUnitForm({
  unit,
  onChanged,
  stayLink,
}: {
  unit: { id: string; name: string; acceptedStayTypes: readonly string[]; reservedFor: string | null; features: readonly string[] };
  onChanged(): void;
  stayLink(stayId: string): string;
}) {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = (name: string) => `edit-${unit.id}-${name}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reservedFor = String(form.get('reservedFor') ?? '');
    setError(null);
    setDone(null);
    try {
      await api('PATCH', `/units/${unit.id}`, {
        acceptedStayTypes: form.getAll('acceptedStayTypes').map(String),
        reservedFor: reservedFor === '' ? null : reservedFor,
        features: form.getAll('features').map(String),
      });
      setDone(t('changed', { name: unit.name }));
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const stranded = error instanceof ApiError && error.code === 'unit_has_stays' ? (error.problem.stays as StrandedStay[]) : [];
  const known = ['acceptedStayTypes', 'reservedFor', 'features'];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="adempauze-inline-form" aria-label={`${t('change')}: ${unit.name}`}>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {error !== null &&
        stranded.length === 0 &&
        !known.some((field) => fieldMessage(error, field) ?? fieldMessage(error, `${field}.0`)) && <ErrorAlert error={error} />}
      <StrandedStays intro={t('strandedChange')} stays={stranded} stayLink={stayLink} />
      <CheckboxGroup
        idPrefix={id('types')}
        name="acceptedStayTypes"
        legend={`${t('stayTypes')} (${unit.name})`}
        error={error}
        defaultValues={unit.acceptedStayTypes}
        options={STAY_TYPES.map((type) => ({ value: type, label: STAY_TYPE_LABELS[type][language] }))}
      />
      <SelectField
        id={id('reserved')}
        name="reservedFor"
        label={`${t('reservedFor')} (${unit.name})`}
        error={error}
        defaultValue={unit.reservedFor ?? ''}
        options={[
          { value: '', label: t('flexible') },
          ...STAY_TYPES.map((type) => ({ value: type, label: STAY_TYPE_LABELS[type][language] })),
        ]}
      />
      <CheckboxGroup
        idPrefix={id('features')}
        name="features"
        legend={`${t('features')} (${unit.name})`}
        error={error}
        defaultValues={unit.features}
        options={CARE_FEATURES.map((feature) => ({ value: feature, label: CARE_FEATURE_LABELS[feature][language] }))}
      />
      <Button type="submit" appearance="secondary-action-button" aria-label={`${t('save')}: ${unit.name}`}>
        {t('save')}
      </Button>
    </form>
  );
}

/** The guests a change would strand, each linked to its stay; `children` adds a control per stay (e.g. where to move it). */
function StrandedStays({
  intro,
  stays,
  stayLink,
  children,
}: {
  intro: string;
  stays: readonly StrandedStay[];
  stayLink(stayId: string): string;
  children?(stay: StrandedStay): ReactNode;
}) {
  const { language } = useI18n();
  if (stays.length === 0) return null;
  return (
    <>
      <Paragraph>{intro}</Paragraph>
      <UnorderedList>
        {stays.map((stay) => (
          <UnorderedListItem key={stay.id}>
            <Link className="utrecht-link" to={stayLink(stay.id)}>
              {STAY_TYPE_LABELS[stay.stayType as keyof typeof STAY_TYPE_LABELS]?.[language] ?? stay.stayType}: {formatDate(stay.arrival)} –{' '}
              {formatDate(stay.departure)}
            </Link>
            {children?.(stay)}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
