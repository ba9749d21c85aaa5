import { Alert, Button, FormFieldTextbox, Heading2, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';

const texts: Texts<
  'title' | 'intro' | 'step1' | 'step2' | 'step3' | 'qr' | 'secret' | 'code' | 'confirm' | 'busy' | 'codesTitle' | 'codesIntro' | 'continue'
> = {
  nl: {
    title: 'Stel uw app voor inlogcodes in',
    intro: 'U werkt met gegevens over de gezondheid van mensen. Daarom logt u in met uw wachtwoord én een code uit een app op uw telefoon.',
    step1: 'Installeer een app voor inlogcodes op uw telefoon, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP.',
    step2: 'Scan in die app de QR-code hieronder. Lukt scannen niet? Typ dan de geheime sleutel over.',
    step3: 'Vul de code van 6 cijfers in die de app nu laat zien.',
    qr: 'QR-code om te scannen met uw app voor inlogcodes',
    secret: 'Geheime sleutel',
    code: 'Code uit de app',
    confirm: 'Instellen',
    busy: 'Even geduld…',
    codesTitle: 'Uw herstelcodes',
    codesIntro:
      'Bewaar deze codes op papier, op een veilige plek. Kwijt u uw telefoon? Dan logt u met één van deze codes in. Elke code werkt één keer. U ziet ze alleen nu.',
    continue: 'Ik heb de codes bewaard',
  },
  en: {
    title: 'Set up your authenticator app',
    intro: 'You work with health data of people. So you sign in with your password and a code from an app on your phone.',
    step1: 'Install an authenticator app on your phone, for example Microsoft Authenticator, Google Authenticator or FreeOTP.',
    step2: 'In that app, scan the QR code below. Cannot scan? Type the secret key instead.',
    step3: 'Enter the 6-digit code the app shows now.',
    qr: 'QR code to scan with your authenticator app',
    secret: 'Secret key',
    code: 'Code from the app',
    confirm: 'Set up',
    busy: 'Please wait…',
    codesTitle: 'Your recovery codes',
    codesIntro:
      'Keep these codes on paper, in a safe place. Lost your phone? Sign in with one of these codes. Each works once. You see them only now.',
    continue: 'I have kept the codes',
  },
};

/** Setting up the second factor after the first sign-in: a QR code to scan, the first code, then the recovery codes. */
export function EnrolSecondFactor({ onDone }: { onDone(): void }) {
  const t = useTexts(texts);
  const [setup, setSetup] = useState<{ secret: string; uri: string; svg: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api<{ secret: string; uri: string }>('POST', '/auth/totp/setup', {})
      .then(async (answer) => {
        // Loaded only here: a second factor is set up once per account, and the library is a sixth of the first script.
        const { default: QRCode } = await import('qrcode');
        const svg = await QRCode.toString(answer.uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
        if (current) setSetup({ ...answer, svg });
      })
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, []);

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s/g, '');
    setBusy(true);
    setError(null);
    try {
      setCodes((await api<{ recoveryCodes: string[] }>('POST', '/auth/totp/confirm', { code })).recoveryCodes);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <section aria-labelledby="recovery-title">
        <Heading2 id="recovery-title">{t('codesTitle')}</Heading2>
        <Alert type="warning">
          <Paragraph>{t('codesIntro')}</Paragraph>
        </Alert>
        <ul className="adempauze-recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <Button appearance="primary-action-button" onClick={onDone}>
          {t('continue')}
        </Button>
      </section>
    );
  }
  return (
    <section aria-labelledby="enrol-title">
      <Heading2 id="enrol-title">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      {error !== null && !fieldMessage(error, 'code') && <ErrorAlert error={error} />}
      <OrderedList>
        <OrderedListItem>{t('step1')}</OrderedListItem>
        <OrderedListItem>{t('step2')}</OrderedListItem>
        <OrderedListItem>{t('step3')}</OrderedListItem>
      </OrderedList>
      {setup && (
        <>
          {/* The SVG comes from the qrcode library, made from the server's otpauth address: no user input in it. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the qrcode library's SVG of the server's otpauth address, see above. */}
          <div className="adempauze-qr" role="img" aria-label={t('qr')} dangerouslySetInnerHTML={{ __html: setup.svg }} />
          <Paragraph>
            {t('secret')}: <code data-testid="totp-secret">{setup.secret}</code>
          </Paragraph>
          <form onSubmit={(event) => void confirm(event)} noValidate>
            <FormFieldTextbox
              id="enrol-code"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              label={t('code')}
              invalid={Boolean(fieldMessage(error, 'code'))}
              errorMessage={fieldMessage(error, 'code')}
            />
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {busy ? t('busy') : t('confirm')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
