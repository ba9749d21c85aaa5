import { Alert, Button, FormFieldTextarea, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { CARE_FEATURES, CARE_FEATURE_LABELS } from '../../../src/domain/care-features.ts';
import { api } from '../api/client.ts';
import { CheckboxGroup, TextField, fieldMessage } from '../forms/fields.tsx';
import { type Texts, useI18n, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';

export interface EditableLocation {
  id: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  features: string[];
  admissionHours: { weekday: number; from: string; until: string }[];
  phone?: string | null;
  description?: string | null;
  homeliness?: string | null;
}

type Key =
  | 'title'
  | 'intro'
  | 'name'
  | 'street'
  | 'houseNumber'
  | 'postcode'
  | 'city'
  | 'phone'
  | 'features'
  | 'hours'
  | 'hoursHelp'
  | 'from'
  | 'until'
  | 'description'
  | 'descriptionHelp'
  | 'homeliness'
  | 'homelinessHelp'
  | 'save'
  | 'saved'
  | 'busy'
  | 'weekday';

const WEEKDAYS = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const texts: Texts<Key> = {
  nl: {
    title: 'Gegevens van de locatie wijzigen',
    intro: 'Wat hier staat, ziet het aanmeldpunt meteen, en de beschrijving ook iedereen op de openbare pagina.',
    name: 'Naam',
    street: 'Straat',
    houseNumber: 'Huisnummer',
    postcode: 'Postcode',
    city: 'Plaats',
    phone: 'Telefoon (niet verplicht)',
    features: 'Voorzieningen van de locatie',
    hours: 'Opnametijden',
    hoursHelp: 'Laat een dag leeg als er dan geen gast kan aankomen.',
    from: 'Aankomst vanaf ({day})',
    until: 'Aankomst tot ({day})',
    description: 'Beschrijving (niet verplicht)',
    descriptionHelp: 'Voor de openbare pagina: wat voor huis het is en waar het ligt. Geen namen van bewoners of gasten.',
    homeliness: 'Thuisgevoel (niet verplicht)',
    homelinessHelp: 'Wat het verblijf huiselijk maakt: de mensen, de tuin, het eten.',
    save: 'Gegevens opslaan',
    saved: 'De gegevens van {name} zijn opgeslagen.',
    busy: 'Even geduld…',
    weekday: '{day}',
  },
  en: {
    title: "Change the location's details",
    intro: 'The central point sees what is here at once, and everyone sees the description on the public page.',
    name: 'Name',
    street: 'Street',
    houseNumber: 'House number',
    postcode: 'Postcode',
    city: 'Town',
    phone: 'Phone (optional)',
    features: 'Features of the location',
    hours: 'Admission hours',
    hoursHelp: 'Leave a day empty when no guest can arrive then.',
    from: 'Arrival from ({day})',
    until: 'Arrival until ({day})',
    description: 'Description (optional)',
    descriptionHelp: 'For the public page: what kind of house it is and where. No names of residents or guests.',
    homeliness: 'Feeling at home (optional)',
    homelinessHelp: 'What makes the stay homely: the people, the garden, the food.',
    save: 'Save details',
    saved: 'The details of {name} have been saved.',
    busy: 'Please wait…',
    weekday: '{day}',
  },
};

/** The details a location keeps current: address, features, admission hours and the texts of its public page. */
export function LocationDetailsForm({ location, onSaved }: { location: EditableLocation; onSaved(): void }) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `location-${location.id}-${name}`;
  const hoursOf = (weekday: number) => location.admissionHours.find((hours) => hours.weekday === weekday);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const admissionHours = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
      const from = text(`from-${weekday}`);
      const until = text(`until-${weekday}`);
      return from || until ? [{ weekday, from, until }] : [];
    });
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api('PATCH', `/locations/${location.id}`, {
        name: text('name'),
        street: text('street'),
        houseNumber: text('houseNumber'),
        postcode: text('postcode'),
        city: text('city'),
        phone: text('phone') || null,
        features: form.getAll('features').map(String),
        admissionHours,
        description: text('description') || null,
        homeliness: text('homeliness') || null,
      });
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const fields = ['name', 'street', 'houseNumber', 'postcode', 'city', 'phone', 'features', 'description', 'homeliness'];
  const otherProblem =
    error !== null && !fields.some((field) => fieldMessage(error, field)) && !fieldMessage(error, 'admissionHours.0.until');

  return (
    <details className="adempauze-card">
      <summary>{t('title')}</summary>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={`${t('title')}: ${location.name}`}>
        <Paragraph>{t('intro')}</Paragraph>
        <div aria-live="polite">
          {saved && (
            <Alert type="ok">
              <Paragraph>{t('saved', { name: location.name })}</Paragraph>
            </Alert>
          )}
        </div>
        {otherProblem && <ErrorAlert error={error} />}
        <TextField id={id('name')} name="name" label={t('name')} error={error} defaultValue={location.name} required />
        <TextField id={id('street')} name="street" label={t('street')} error={error} defaultValue={location.street} required />
        <TextField
          id={id('houseNumber')}
          name="houseNumber"
          label={t('houseNumber')}
          error={error}
          defaultValue={location.houseNumber}
          required
        />
        <TextField id={id('postcode')} name="postcode" label={t('postcode')} error={error} defaultValue={location.postcode} required />
        <TextField id={id('city')} name="city" label={t('city')} error={error} defaultValue={location.city} required />
        <TextField id={id('phone')} name="phone" type="tel" label={t('phone')} error={error} defaultValue={location.phone ?? ''} />
        <CheckboxGroup
          idPrefix={id('features')}
          name="features"
          legend={t('features')}
          error={error}
          defaultValues={location.features}
          options={CARE_FEATURES.map((feature) => ({ value: feature, label: CARE_FEATURE_LABELS[feature][language] }))}
        />
        <Heading3>{t('hours')}</Heading3>
        <Paragraph>{t('hoursHelp')}</Paragraph>
        <div className="adempauze-hours">
          {WEEKDAYS[language].map((day, index) => {
            const weekday = index + 1;
            const position = location.admissionHours.findIndex((hours) => hours.weekday === weekday);
            const message = position >= 0 ? fieldMessage(error, `admissionHours.${position}.until`) : undefined;
            return (
              <div key={weekday} className="adempauze-hours__day">
                <TextField
                  id={id(`from-${weekday}`)}
                  name={`from-${weekday}`}
                  label={t('from', { day })}
                  error={null}
                  defaultValue={hoursOf(weekday)?.from ?? ''}
                />
                <TextField
                  id={id(`until-${weekday}`)}
                  name={`until-${weekday}`}
                  label={t('until', { day })}
                  error={null}
                  defaultValue={hoursOf(weekday)?.until ?? ''}
                />
                {message && <Paragraph className="utrecht-form-field-error-message">{message}</Paragraph>}
              </div>
            );
          })}
        </div>
        <FormFieldTextarea
          id={id('description')}
          name="description"
          label={t('description')}
          description={t('descriptionHelp')}
          rows={4}
          defaultValue={location.description ?? ''}
          invalid={Boolean(fieldMessage(error, 'description'))}
          errorMessage={fieldMessage(error, 'description')}
        />
        <FormFieldTextarea
          id={id('homeliness')}
          name="homeliness"
          label={t('homeliness')}
          description={t('homelinessHelp')}
          rows={3}
          defaultValue={location.homeliness ?? ''}
          invalid={Boolean(fieldMessage(error, 'homeliness'))}
          errorMessage={fieldMessage(error, 'homeliness')}
        />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('busy') : t('save')}
        </Button>
      </form>
    </details>
  );
}
