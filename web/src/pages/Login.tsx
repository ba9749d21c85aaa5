import { Button, FormFieldTextbox, Heading1, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { type Role, type SessionView, useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import { EnrolSecondFactor } from './account/EnrolSecondFactor.tsx';

/** Where each role starts after signing in. */
export const HOME_OF_ROLE: Record<Role, string> = {
  coordinator: '/aanmeldpunt',
  referrer: '/verwijzen',
  provider_planner: '/zorgaanbieder',
  policy_viewer: '/beleid',
  administrator: '/beheer',
};

/** Sign-in in two steps: e-mail and password, then the code from the authenticator app. */
export function Login() {
  const { t } = useI18n();
  const { accept, refresh } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  // Back to the page that asked for sign-in: only a path of this site, never another address.
  const afterSignIn = (role: Role) => {
    void navigate(typeof from === 'string' && /^\/(?!\/)/.test(from) ? from : HOME_OF_ROLE[role]);
  };
  const [step, setStep] = useState<'password' | 'code' | 'enrol'>('password');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const signIn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      const view = await api<SessionView>('POST', '/auth/login', { email: form.get('email'), password: form.get('password') });
      accept(view);
      if (view.stage === 'full' && view.user) afterSignIn(view.user.role);
      else setStep(view.stage === 'enrol' ? 'enrol' : 'code');
    });
  };

  const confirmCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', '/auth/second-factor', { code: String(form.get('code') ?? '').replace(/\s/g, '') });
      const view = await api<SessionView>('GET', '/auth/session');
      accept(view);
      await refresh();
      if (view.user) afterSignIn(view.user.role);
    });
  };

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  return (
    <>
      <Heading1>{step === 'code' ? t('login.codeTitle') : t('login.title')}</Heading1>
      {error !== null && <ErrorAlert error={error} />}
      {step === 'password' && (
        <form onSubmit={signIn} noValidate>
          <Paragraph>{t('login.intro')}</Paragraph>
          <FormFieldTextbox
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            label={t('login.email')}
            invalid={Boolean(fieldError('email'))}
            errorMessage={fieldError('email')}
          />
          <FormFieldTextbox
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            label={t('login.password')}
            invalid={Boolean(fieldError('password'))}
            errorMessage={fieldError('password')}
          />
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </Button>
        </form>
      )}
      {step === 'code' && (
        <form onSubmit={confirmCode} noValidate>
          <Paragraph>{t('login.codeIntro')}</Paragraph>
          <FormFieldTextbox
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            label={t('login.code')}
            invalid={Boolean(fieldError('code'))}
            errorMessage={fieldError('code')}
          />
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {busy ? t('login.busy') : t('login.codeSubmit')}
          </Button>
        </form>
      )}
      {step === 'enrol' && (
        <EnrolSecondFactor
          onDone={() =>
            void run(async () => {
              const view = await api<SessionView>('GET', '/auth/session');
              accept(view);
              if (view.stage === 'full' && view.user) afterSignIn(view.user.role);
            })
          }
        />
      )}
    </>
  );
}
