import { Alert, Button, FormFieldCheckbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { BurdenLevel } from '../../../../src/domain/triage/outcome.ts';
import { api } from '../../api/client.ts';
import { BurdenQuestions, readBurdenAnswers } from '../../forms/BurdenQuestions.tsx';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';

type Key = 'title' | 'intro' | 'missing' | 'submit' | 'thanks' | 'optOut' | 'optOutHint' | 'optedOut' | 'optIn' | 'savePreference';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Hoe gaat het met u?',
    intro:
      'Zorgen voor een ander is vaak zwaar. Met deze 9 zinnen ziet uw contactpersoon hoe het met u gaat. Is de zorg erg zwaar? Dan krijgt u eerder een plek. Eén keer per jaar vragen we het opnieuw.',
    missing: 'U heeft nog niet bij elke zin een antwoord gekozen.',
    submit: 'Antwoorden versturen',
    thanks: 'Dank u wel. Uw contactpersoon ziet uw antwoorden.',
    optOut: 'Ik wil niet elk jaar gevraagd worden hoe het met mij gaat',
    optOutHint: 'U kunt dit altijd weer veranderen.',
    optedOut: 'U heeft gezegd dat u niet elk jaar gevraagd wilt worden hoe het met u gaat.',
    optIn: 'Toch weer elk jaar vragen',
    savePreference: 'Keuze opslaan',
  },
  en: {
    title: 'How are you doing?',
    intro:
      'Caring for someone is often heavy. With these 9 sentences your contact person sees how you are doing. Is caring very heavy? Then you get a place sooner. We ask again once a year.',
    missing: 'You have not chosen an answer for every sentence yet.',
    submit: 'Send the answers',
    thanks: 'Thank you. Your contact person sees your answers.',
    optOut: 'I do not want to be asked every year how I am doing',
    optOutHint: 'You can always change this.',
    optedOut: 'You said you do not want to be asked every year how you are doing.',
    optIn: 'Ask me every year after all',
    savePreference: 'Save my choice',
  },
};

/** On the status page: the yearly "how are you doing?" with its nine statements, and the caregiver's no to it. */
export function StatusCheckIn({
  token,
  checkIn,
  onChanged,
}: {
  token: string;
  checkIn: { asked: boolean; optedOut: boolean };
  onChanged(): void;
}) {
  const t = useTexts(TEXTS);
  const [missing, setMissing] = useState<string[]>([]);
  const [result, setResult] = useState<{ level: BurdenLevel; advice: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readBurdenAnswers(new FormData(event.currentTarget), 'checkin');
    setMissing(read.missing);
    if (!read.answers) return;
    api<{ level: BurdenLevel; advice: string }>('POST', `/public/status/${token}/check-in`, { answers: read.answers })
      .then((answer) => {
        setError(null);
        setResult(answer);
        onChanged();
      })
      .catch(setError);
  };
  const prefer = (optedOut: boolean) =>
    api('PUT', `/public/status/${token}/check-in-preference`, { optedOut }).then(onChanged).catch(setError);
  const savePreference = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (new FormData(event.currentTarget).get('optOut')) void prefer(true);
  };

  if (result) {
    return (
      <section aria-labelledby="hoe-gaat-het">
        <Heading2 id="hoe-gaat-het">{t('title')}</Heading2>
        <div role="status">
          <Alert type="ok">
            <Paragraph>{t('thanks')}</Paragraph>
          </Alert>
        </div>
        <Paragraph>{result.advice}</Paragraph>
      </section>
    );
  }
  if (checkIn.optedOut) {
    return (
      <section aria-labelledby="hoe-gaat-het">
        <Heading2 id="hoe-gaat-het">{t('title')}</Heading2>
        {error !== null && <ErrorAlert error={error} />}
        <Paragraph>{t('optedOut')}</Paragraph>
        <Button type="button" appearance="secondary-action-button" onClick={() => void prefer(false)}>
          {t('optIn')}
        </Button>
      </section>
    );
  }
  if (!checkIn.asked) return null;
  return (
    <section aria-labelledby="hoe-gaat-het">
      <Heading2 id="hoe-gaat-het">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {missing.length > 0 && (
        <Alert type="error" role="alert">
          <Paragraph>{t('missing')}</Paragraph>
        </Alert>
      )}
      <form onSubmit={send} noValidate aria-labelledby="hoe-gaat-het">
        <BurdenQuestions prefix="checkin" missing={missing} />
        <Button type="submit" appearance="primary-action-button">
          {t('submit')}
        </Button>
      </form>
      <form onSubmit={savePreference} noValidate>
        <FormFieldCheckbox name="optOut" label={t('optOut')} description={t('optOutHint')} />
        <Button type="submit" appearance="secondary-action-button">
          {t('savePreference')}
        </Button>
      </form>
    </section>
  );
}
