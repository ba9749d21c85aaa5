import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { STAY_TYPES, STAY_TYPE_LABELS } from '../../../src/domain/stay-types.ts';
import { api } from '../api/client.ts';
import { serverToday } from '../api/clock.ts';
import { SelectField, TextField, centsOf, fieldMessage, optionalText } from '../forms/fields.tsx';
import { formatDate } from '../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';

const texts: Texts<
  | 'title'
  | 'intro'
  | 'stayType'
  | 'funding'
  | 'inKind'
  | 'budget'
  | 'housing'
  | 'stay'
  | 'care'
  | 'amountHelp'
  | 'validFrom'
  | 'validUntil'
  | 'validUntilHelp'
  | 'save'
  | 'busy'
  | 'saved'
> = {
  nl: {
    title: 'Een nieuw tarief',
    intro: 'Een nieuw bedrag per nacht, vanaf een datum. Het tarief dat nu geldt, stopt op die dag vanzelf.',
    stayType: 'Soort verblijf',
    funding: 'Betaalt via',
    inKind: 'Zorg in natura',
    budget: 'Persoonsgebonden budget (pgb)',
    housing: 'Wonen (euro per nacht)',
    stay: 'Verblijf (euro per nacht)',
    care: 'Zorg (euro per nacht)',
    amountHelp: 'Bijvoorbeeld 42,50',
    validFrom: 'Geldig vanaf',
    validUntil: 'Geldig tot (niet verplicht)',
    validUntilHelp: 'De eerste dag dat dit tarief niet meer geldt. Leeg: tot er een nieuw tarief is.',
    save: 'Tarief opslaan',
    busy: 'Even geduld…',
    saved: 'Het tarief geldt vanaf {from}.',
  },
  en: {
    title: 'A new tariff',
    intro: 'A new amount per night, from a date. The tariff that applies now ends that day by itself.',
    stayType: 'Kind of stay',
    funding: 'Paid as',
    inKind: 'In kind',
    budget: 'Personal budget (pgb)',
    housing: 'Housing (euro per night)',
    stay: 'Stay (euro per night)',
    care: 'Care (euro per night)',
    amountHelp: 'For example 42.50',
    validFrom: 'Valid from',
    validUntil: 'Valid until (optional)',
    validUntilHelp: 'The first day this tariff no longer applies. Empty: until there is a new one.',
    save: 'Save tariff',
    busy: 'Please wait…',
    saved: 'The tariff applies from {from}.',
  },
};

/** A location's tariff from a date, in euros as people type them; used by the administrator and the provider. */
export function TariffForm({ locationId, onSaved }: { locationId: string; onSaved(): void }) {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `tariff-${locationId}-${name}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      stayType: String(form.get('stayType')),
      funding: String(form.get('funding')),
      housingCents: centsOf(String(form.get('housingCents') ?? '')),
      stayCents: centsOf(String(form.get('stayCents') ?? '')),
      careCents: centsOf(String(form.get('careCents') ?? '')),
      validFrom: String(form.get('validFrom') ?? ''),
      validUntil: optionalText(form, 'validUntil') ?? null,
    };
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api('POST', `/locations/${locationId}/tariffs`, body);
      setDone(t('saved', { from: formatDate(body.validFrom) }));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const known = ['stayType', 'funding', 'housingCents', 'stayCents', 'careCents', 'validFrom', 'validUntil'];
  return (
    <form className="adempauze-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={id('title')}>
      <Heading3 id={id('title')}>{t('title')}</Heading3>
      <Paragraph>{t('intro')}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {error !== null && !known.some((field) => fieldMessage(error, field)) && <ErrorAlert error={error} />}
      <SelectField
        id={id('stayType')}
        name="stayType"
        label={t('stayType')}
        error={error}
        options={STAY_TYPES.map((type) => ({ value: type, label: STAY_TYPE_LABELS[type][language] }))}
      />
      <SelectField
        id={id('funding')}
        name="funding"
        label={t('funding')}
        error={error}
        options={[
          { value: 'in_kind', label: t('inKind') },
          { value: 'personal_budget', label: t('budget') },
        ]}
      />
      <TextField id={id('housing')} name="housingCents" label={t('housing')} description={t('amountHelp')} error={error} />
      <TextField id={id('stay')} name="stayCents" label={t('stay')} description={t('amountHelp')} error={error} />
      <TextField id={id('care')} name="careCents" label={t('care')} description={t('amountHelp')} error={error} />
      <TextField
        id={id('validFrom')}
        name="validFrom"
        type="date"
        label={t('validFrom')}
        error={error}
        defaultValue={serverToday()}
        required
      />
      <TextField
        id={id('validUntil')}
        name="validUntil"
        type="date"
        label={t('validUntil')}
        description={t('validUntilHelp')}
        error={error}
      />
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {busy ? t('busy') : t('save')}
      </Button>
    </form>
  );
}
