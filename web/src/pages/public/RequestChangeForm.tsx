import { Alert, Button, FormFieldTextarea, FormFieldTextbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';

type Key = 'title' | 'intro' | 'arrival' | 'departure' | 'message' | 'messageHint' | 'save' | 'busy' | 'saved';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Aanvraag wijzigen',
    intro:
      'Passen andere dagen beter, of wilt u iets aanvullen? Pas het hier aan. U krijgt een mail, en het aanmeldpunt werkt met de nieuwe gegevens verder.',
    arrival: 'Eerste dag',
    departure: 'Laatste dag (dag van vertrek)',
    message: 'Wat wilt u het aanmeldpunt vertellen?',
    messageHint: 'Bijvoorbeeld wat uw naaste nodig heeft, of wat u belangrijk vindt.',
    save: 'Wijziging opslaan',
    busy: 'Opslaan…',
    saved: 'Uw wijziging is opgeslagen. U krijgt hierover ook een mail.',
  },
  en: {
    title: 'Change the request',
    intro:
      'Would other days suit better, or do you want to add something? Change it here. You will get an e-mail, and the access point goes on with the new details.',
    arrival: 'First day',
    departure: 'Last day (day of leaving)',
    message: 'What would you like to tell the access point?',
    messageHint: 'For instance what your loved one needs, or what matters to you.',
    save: 'Save the change',
    busy: 'Saving…',
    saved: 'Your change is saved. You will also get an e-mail about it.',
  },
};

interface Props {
  token: string;
  current: { wishedArrival: string | null; wishedDeparture: string | null; message: string | null };
  onSaved(): void;
}

/** On the status page, before a place is found: the caregiver changes the wished days or the note to the access point. */
export function RequestChangeForm({ token, current, onSaved }: Props) {
  const t = useTexts(TEXTS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim() || null;
    setBusy(true);
    setSaved(false);
    api('POST', `/public/status/${token}/change`, {
      wishedArrival: value('wishedArrival'),
      wishedDeparture: value('wishedDeparture'),
      message: value('message'),
    })
      .then(() => {
        setError(null);
        setSaved(true);
        onSaved();
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="wijzigen-kop">
      <Heading2 id="wijzigen-kop">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {saved && (
        <div role="status">
          <Alert type="ok">
            <Paragraph>{t('saved')}</Paragraph>
          </Alert>
        </div>
      )}
      <div className="adempauze-date-pair">
        <FormFieldTextbox
          name="wishedArrival"
          type="date"
          label={t('arrival')}
          defaultValue={current.wishedArrival ?? undefined}
          invalid={fieldError('wishedArrival') !== undefined}
          errorMessage={fieldError('wishedArrival')}
        />
        <FormFieldTextbox
          name="wishedDeparture"
          type="date"
          label={t('departure')}
          defaultValue={current.wishedDeparture ?? undefined}
          invalid={fieldError('wishedDeparture') !== undefined}
          errorMessage={fieldError('wishedDeparture')}
        />
      </div>
      <FormFieldTextarea
        name="message"
        label={t('message')}
        description={t('messageHint')}
        rows={3}
        maxLength={2000}
        defaultValue={current.message ?? undefined}
        invalid={fieldError('message') !== undefined}
        errorMessage={fieldError('message')}
      />
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {busy ? t('busy') : t('save')}
      </Button>
    </form>
  );
}
