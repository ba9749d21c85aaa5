import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  FormFieldTextarea,
  FormLabel,
  Heading1,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client.ts';
import { useApiQuery } from '../api/queries.ts';
import { fieldMessage } from '../forms/fields.tsx';
import { formatDate } from '../i18n/format.ts';
import { type Texts, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { SurveyForm as SurveyFormSchema } from '../../../src/http/schemas/aftercare.schemas.ts';

type SurveyForm = z.infer<typeof SurveyFormSchema>;

const texts: Texts<'title' | 'intro' | 'scale' | 'comment' | 'send' | 'thanks' | 'required'> = {
  nl: {
    title: 'Hoe was het logeren?',
    intro: 'Over het verblijf in {location} van {from} tot {to}. Het kost 2 minuten. Uw antwoorden helpen ons de zorg beter te maken.',
    scale: '1 = slecht, 5 = heel goed',
    comment: 'Wilt u nog iets zeggen? (niet verplicht)',
    send: 'Versturen',
    thanks: 'Dank u wel! Uw antwoorden zijn ontvangen.',
    required: 'Kies een cijfer van 1 tot 5.',
  },
  en: {
    title: 'How was the stay?',
    intro: 'About the stay in {location} from {from} to {to}. It takes 2 minutes. Your answers help us improve the care.',
    scale: '1 = poor, 5 = very good',
    comment: 'Anything else you want to say? (optional)',
    send: 'Send',
    thanks: 'Thank you! Your answers have been received.',
    required: 'Choose a number from 1 to 5.',
  },
};

/** The satisfaction survey behind a one-time link, for the caregiver or the guest; no sign-in. */
export function Survey() {
  const { token = '' } = useParams();
  const t = useTexts(texts);
  const { data: form, error: loadError } = useApiQuery<SurveyForm>(`/public/surveys/${token}`);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? loadError;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (!form || form.questions.some((question) => !scores[question.id])) return;
    const comment = String(new FormData(event.currentTarget).get('comment') ?? '').trim();
    try {
      await api('POST', `/public/surveys/${token}`, { scores, ...(comment ? { comment } : {}) });
      setSent(true);
    } catch (refused) {
      setFailure(refused);
    }
  };

  if (sent)
    return (
      <>
        <Heading1>{t('title')}</Heading1>
        <Alert type="ok" role="status">
          <Paragraph>{t('thanks')}</Paragraph>
        </Alert>
      </>
    );
  if (!form)
    return error === null ? (
      <Paragraph role="status">…</Paragraph>
    ) : (
      <>
        <Heading1>{t('title')}</Heading1>
        <ErrorAlert error={error} />
      </>
    );
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro', { location: form.location, from: formatDate(form.arrival), to: formatDate(form.departure) })}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        {form.questions.map((question) => {
          const missing = tried && !scores[question.id];
          const message = fieldMessage(error, `scores.${question.id}`) ?? (missing ? t('required') : undefined);
          return (
            <Fieldset key={question.id} invalid={Boolean(message)} aria-describedby={message ? `${question.id}-error` : undefined}>
              <FieldsetLegend>{question.text}</FieldsetLegend>
              <Paragraph small>{t('scale')}</Paragraph>
              {message && <FormFieldErrorMessage id={`${question.id}-error`}>{message}</FormFieldErrorMessage>}
              <div className="adempauze-scale">
                {[1, 2, 3, 4, 5].map((score) => (
                  <div key={score} className="adempauze-choice">
                    <RadioButton
                      id={`${question.id}-${score}`}
                      name={question.id}
                      checked={scores[question.id] === score}
                      onChange={() => setScores((current) => ({ ...current, [question.id]: score }))}
                    />
                    <FormLabel htmlFor={`${question.id}-${score}`} type="radio">
                      {score}
                    </FormLabel>
                  </div>
                ))}
              </div>
            </Fieldset>
          );
        })}
        <FormFieldTextarea id="comment" name="comment" label={t('comment')} maxLength={2000} />
        <Button type="submit" appearance="primary-action-button">
          {t('send')}
        </Button>
      </form>
    </>
  );
}
