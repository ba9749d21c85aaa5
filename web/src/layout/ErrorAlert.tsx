import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A failed request, told in words: the server's message (already in the interface language), or no connection. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const message = error instanceof ApiError ? error.message : t('error.network');
  return (
    <Alert type="error" role="alert">
      <Heading2>{t('error.title')}</Heading2>
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
