import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { TextField } from '../../forms/fields.tsx';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { AccessPointContact } from '../../../../src/http/schemas/public.schemas.ts';

type Contact = z.infer<typeof AccessPointContact>;

const texts: Texts<'title' | 'intro' | 'phone' | 'email' | 'hours' | 'hoursHint' | 'save' | 'saved'> = {
  nl: {
    title: 'Hoe bereiken mantelzorgers het aanmeldpunt?',
    intro: 'Dit staat op de pagina waar een mantelzorger zijn aanvraag volgt.',
    phone: 'Telefoon',
    email: 'E-mail',
    hours: 'Wanneer bereikbaar',
    hoursHint: 'Bijvoorbeeld: maandag tot en met vrijdag van 9 tot 17 uur.',
    save: 'Contactgegevens bewaren',
    saved: 'Bewaard. Mantelzorgers zien dit nu op hun pagina.',
  },
  en: {
    title: 'How do caregivers reach the access point?',
    intro: 'This is shown on the page where a caregiver follows a request.',
    phone: 'Phone',
    email: 'E-mail',
    hours: 'When open',
    hoursHint: 'For example: Monday to Friday from 9 to 5.',
    save: 'Keep contact details',
    saved: 'Kept. Caregivers see this on their page now.',
  },
};

/** The access point's phone, e-mail and hours, which every caregiver's status page shows. */
export function AccessPointContactForm() {
  const t = useTexts(texts);
  const { data: contact, error: loadError } = useApiQuery<Contact>('/public/access-point');
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? loadError;
  const [saved, setSaved] = useState(false);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const optional = (name: string) => String(form.get(name) ?? '').trim() || null;
    setSaved(false);
    // The fields keep what was typed, which is what the server now has.
    api<Contact>('PUT', '/admin/access-point', { phone: optional('phone'), email: optional('email'), hours: optional('hours') }).then(
      () => {
        setFailure(null);
        setSaved(true);
      },
      setFailure,
    );
  };

  return (
    <form onSubmit={save} noValidate className="adempauze-card" aria-labelledby="aanmeldpunt-contact">
      <Heading2 id="aanmeldpunt-contact">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('saved')}</Paragraph>
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {contact && (
        <>
          <TextField
            name="phone"
            id="aanmeldpunt-telefoon"
            label={t('phone')}
            type="tel"
            error={error}
            defaultValue={contact.phone ?? undefined}
          />
          <TextField
            name="email"
            id="aanmeldpunt-email"
            label={t('email')}
            type="email"
            error={error}
            defaultValue={contact.email ?? undefined}
          />
          <TextField
            name="hours"
            id="aanmeldpunt-uren"
            label={t('hours')}
            description={t('hoursHint')}
            error={error}
            defaultValue={contact.hours ?? undefined}
          />
          <Button type="submit" appearance="primary-action-button">
            {t('save')}
          </Button>
        </>
      )}
    </form>
  );
}
