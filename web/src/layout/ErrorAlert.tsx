import { Alert, Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useLayoutEffect, useState } from 'react';
import { ApiError, type FieldError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Whether a refused field's message already shows beside its field on the page (read after the page is drawn). */
function shownBesideField(field: FieldError): boolean {
  return (
    [...document.querySelectorAll('.utrecht-form-field-error-message')].some(
      (element) => element.textContent?.trim() === field.detail.trim(),
    ) || Boolean(document.querySelector(`[data-error-field="${CSS.escape(field.field)}"]`))
  );
}

/**
 * A failed request, told in words: the server's message (already in the interface language), or no connection.
 * A refused field that is not on the page (its message cannot show beside it) is listed here, so no refusal goes
 * unseen; with `onRetry` a failed load can be tried again without reloading the page.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error instanceof ApiError ? error.message : t('error.network');
  // After the page is drawn, so the messages beside the fields of this same answer are there to compare with.
  const [fields, setFields] = useState<FieldError[]>([]);
  useLayoutEffect(() => {
    setFields(error instanceof ApiError ? error.fields.filter((field) => !shownBesideField(field)) : []);
  }, [error]);
  return (
    <Alert type="error" role="alert">
      <Heading2>{t('error.title')}</Heading2>
      <Paragraph>{message}</Paragraph>
      {fields.length > 0 && (
        <UnorderedList>
          {fields.map((field) => (
            <UnorderedListItem key={`${field.field}-${field.code}`}>{field.detail}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      )}
    </Alert>
  );
}
