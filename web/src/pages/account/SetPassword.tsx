import { Alert, Button, FormFieldTextbox, Heading1, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';

const texts: Texts<'title' | 'intro' | 'password' | 'help' | 'repeat' | 'differ' | 'save' | 'busy' | 'done' | 'login' | 'noToken'> = {
  nl: {
    title: 'Kies uw wachtwoord',
    intro: 'Kies een wachtwoord voor Adempauze. Daarna logt u in.',
    password: 'Nieuw wachtwoord',
    help: 'Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.',
    repeat: 'Typ het wachtwoord nog een keer',
    differ: 'De twee wachtwoorden zijn niet hetzelfde.',
    save: 'Wachtwoord opslaan',
    busy: 'Even geduld…',
    done: 'Uw wachtwoord is opgeslagen.',
    login: 'Nu inloggen',
    noToken: 'Deze link is niet compleet. Open de link uit de e-mail opnieuw, of vraag een nieuwe link aan.',
  },
  en: {
    title: 'Choose your password',
    intro: 'Choose a password for Adempauze. Then sign in.',
    password: 'New password',
    help: 'At least 12 characters. A sentence of a few words is strong and easy to remember.',
    repeat: 'Type the password once more',
    differ: 'The two passwords are not the same.',
    save: 'Save password',
    busy: 'Please wait…',
    done: 'Your password has been saved.',
    login: 'Sign in now',
    noToken: 'This link is not complete. Open the link from the e-mail again, or ask for a new one.',
  },
};

/** Where the link in an invitation or password-reset e-mail leads: /wachtwoord-instellen?token=… */
export function SetPassword() {
  const t = useTexts(texts);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    setError(null);
    setMismatch(password !== String(form.get('repeat') ?? ''));
    if (password !== String(form.get('repeat') ?? '')) return;
    setBusy(true);
    try {
      await api('POST', '/auth/password', { token, password });
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <>
        <Heading1>{t('title')}</Heading1>
        <Alert type="ok" role="status">
          <Paragraph>{t('done')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link className="utrecht-link" to="/inloggen">
            {t('login')}
          </Link>
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      {token.length < 20 ? (
        <Alert type="error">
          <Paragraph>{t('noToken')}</Paragraph>
        </Alert>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Paragraph>{t('intro')}</Paragraph>
          {error !== null && !fieldMessage(error, 'password') && <ErrorAlert error={error} />}
          <FormFieldTextbox
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            label={t('password')}
            description={t('help')}
            invalid={Boolean(fieldMessage(error, 'password'))}
            errorMessage={fieldMessage(error, 'password')}
          />
          <FormFieldTextbox
            id="repeat"
            name="repeat"
            type="password"
            autoComplete="new-password"
            required
            label={t('repeat')}
            invalid={mismatch}
            errorMessage={mismatch ? t('differ') : undefined}
          />
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {busy ? t('busy') : t('save')}
          </Button>
        </form>
      )}
    </>
  );
}
