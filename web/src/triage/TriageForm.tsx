import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useMemo, useState } from 'react';
import type { TriageOutcome } from '../../../src/domain/triage/outcome.ts';
import {
  type AnswerValue,
  type Questionnaire,
  type QuestionnaireItem,
  type RawAnswers,
  integerBounds,
  isEnabled,
  validateAnswers,
} from '../../../src/domain/triage/questionnaire.ts';
import { triageAnswers } from '../../../src/domain/triage/rules.ts';
import { serverToday } from '../api/clock.ts';
import { ApiError } from '../api/client.ts';
import { type Texts, useI18n, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import { type FhirItem, type FhirQuestionnaire, fhirText } from './fhir-text.ts';
import { TriageConclusion } from './TriageConclusion.tsx';

const texts: Texts<'yes' | 'no' | 'required' | 'open' | 'submit' | 'busy' | 'complete'> = {
  nl: {
    yes: 'Ja',
    no: 'Nee',
    required: 'Kies een antwoord.',
    open: 'Nog {count|# vraag|# vragen} te beantwoorden. Dan ziet u hier de conclusie.',
    submit: 'Triage opslaan',
    busy: 'Even geduld…',
    complete: 'Alle vragen zijn beantwoord.',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    required: 'Choose an answer.',
    open: '{count|# question|# questions} left to answer. Then you will see the conclusion here.',
    submit: 'Save triage',
    busy: 'Please wait…',
    complete: 'All questions are answered.',
  },
};

const enabled = (item: FhirItem, answers: RawAnswers) => isEnabled(item as QuestionnaireItem, answers);

/** Answers without those to questions that are switched off by another answer (FHIR enableWhen). */
function applicable(items: readonly FhirItem[], answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  const walk = (list: readonly FhirItem[]) => {
    for (const item of list) {
      if (item.type === 'group') walk(item.item ?? []);
      else if (answers[item.linkId] !== undefined && enabled(item, answers)) kept[item.linkId] = answers[item.linkId]!;
    }
  };
  walk(items);
  return kept;
}

/**
 * The triage questionnaire, rendered from its FHIR definition: a fieldset per group, radio buttons for yes/no and
 * single choices, check boxes for several. The conclusion beside it is live: the browser runs the same pure rules
 * as the server (src/domain/triage), which stays the authority when the triage is saved.
 */
export function TriageForm({
  questionnaire,
  couple,
  initial,
  onSubmit,
}: {
  questionnaire: FhirQuestionnaire;
  couple: boolean;
  initial?: Record<string, AnswerValue>;
  onSubmit(answers: RawAnswers): Promise<void>;
}) {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(initial ?? {});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const given = useMemo(() => applicable(questionnaire.item, answers), [questionnaire, answers]);
  const issues = useMemo(() => validateAnswers(questionnaire as unknown as Questionnaire, given), [questionnaire, given]);
  const outcome: TriageOutcome | null = useMemo(
    () => (issues.length === 0 ? triageAnswers(questionnaire.version, given, { couple, today: serverToday() }) : null),
    [issues, given, couple, questionnaire],
  );
  const missing = new Set(issues.filter((issue) => issue.code === 'required').map((issue) => issue.field));

  const set = (linkId: string, value: AnswerValue | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[linkId];
      else next[linkId] = value;
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (issues.length > 0) {
      document.getElementById(`q-${issues[0]!.field}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(given);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (linkId: string) =>
    (error instanceof ApiError ? error.fieldError(`answers.${linkId}`) : undefined) ??
    (tried && missing.has(linkId) ? t('required') : undefined);

  const renderItem = (item: FhirItem) => {
    if (item.type === 'group') {
      return (
        <Fieldset key={item.linkId}>
          <FieldsetLegend>{fhirText(item.text, item._text, language)}</FieldsetLegend>
          {(item.item ?? []).map(renderItem)}
        </Fieldset>
      );
    }
    if (!enabled(item, answers)) return null;
    const label = fhirText(item.text, item._text, language);
    const message = errorOf(item.linkId);
    const errorId = `q-${item.linkId}-error`;
    const value = answers[item.linkId];
    if (item.type === 'string' || item.type === 'date' || item.type === 'integer') {
      const bounds = item.type === 'integer' ? integerBounds(item as QuestionnaireItem) : {};
      return (
        <FormField key={item.linkId} invalid={Boolean(message)}>
          <FormLabel htmlFor={`q-${item.linkId}`}>{label}</FormLabel>
          {message && <FormFieldErrorMessage id={errorId}>{message}</FormFieldErrorMessage>}
          <Textbox
            id={`q-${item.linkId}`}
            invalid={Boolean(message)}
            aria-describedby={message ? errorId : undefined}
            type={item.type === 'date' ? 'date' : item.type === 'integer' ? 'number' : 'text'}
            {...(item.type === 'integer'
              ? { inputMode: 'numeric' as const, min: bounds.min, max: bounds.max, step: 1 }
              : { maxLength: 500 })}
            value={value === undefined ? '' : String(value)}
            onChange={(event) =>
              set(
                item.linkId,
                event.target.value === '' ? undefined : item.type === 'integer' ? Number(event.target.value) : event.target.value,
              )
            }
          />
        </FormField>
      );
    }
    const options =
      item.type === 'boolean'
        ? [
            { code: 'true', label: t('yes') },
            { code: 'false', label: t('no') },
          ]
        : (item.answerOption ?? []).map((option) => ({
            code: option.valueCoding.code,
            label: fhirText(option.valueCoding.display, option.valueCoding._display, language),
          }));
    const selected = (code: string) =>
      item.type === 'boolean' ? String(value) === code : item.repeats ? Array.isArray(value) && value.includes(code) : value === code;
    const choose = (code: string, checked: boolean) => {
      if (item.type === 'boolean') set(item.linkId, code === 'true');
      else if (!item.repeats) set(item.linkId, code);
      else {
        const list = Array.isArray(value) ? value.filter((other) => other !== code) : [];
        set(item.linkId, checked ? [...list, code] : list);
      }
    };
    return (
      <Fieldset key={item.linkId} invalid={Boolean(message)} aria-describedby={message ? errorId : undefined}>
        <FieldsetLegend>{label}</FieldsetLegend>
        {message && <FormFieldErrorMessage id={errorId}>{message}</FormFieldErrorMessage>}
        {options.map((option, i) => {
          const id = i === 0 ? `q-${item.linkId}` : `q-${item.linkId}-${option.code}`;
          return (
            <div key={option.code} className="adempauze-choice">
              {item.repeats ? (
                <Checkbox
                  id={id}
                  name={item.linkId}
                  checked={selected(option.code)}
                  onChange={(event) => choose(option.code, event.target.checked)}
                />
              ) : (
                <RadioButton
                  id={id}
                  name={item.linkId}
                  checked={selected(option.code)}
                  invalid={Boolean(message)}
                  onChange={() => choose(option.code, true)}
                />
              )}
              <FormLabel htmlFor={id} type={item.repeats ? 'checkbox' : 'radio'}>
                {option.label}
              </FormLabel>
            </div>
          );
        })}
      </Fieldset>
    );
  };

  const open = new Set(issues.map((issue) => issue.field)).size;
  return (
    <div className="adempauze-triage">
      <form onSubmit={submit} noValidate className="adempauze-triage__form">
        {questionnaire.item.map(renderItem)}
        {error !== null && !(error instanceof ApiError && error.fields.length > 0) && <ErrorAlert error={error} />}
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('busy') : t('submit')}
        </Button>
      </form>
      <aside className="adempauze-triage__conclusion" aria-live="polite">
        {outcome ? <TriageConclusion outcome={outcome} /> : <Paragraph>{t('open', { count: open })}</Paragraph>}
      </aside>
    </div>
  );
}
