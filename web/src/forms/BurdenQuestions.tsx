import { Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, RadioButton } from '@utrecht/component-library-react';
import { BURDEN_ANSWERS, BURDEN_ANSWER_LABELS, BURDEN_STATEMENTS, type BurdenAnswers } from '../../../src/domain/burden-screening.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The nine statements of the burden screening, each a group of three radio buttons (no / somewhat / yes), for the
 * public self-check, the status page and the contact person's call alike. `prefix` keeps ids unique on a page.
 */
export function BurdenQuestions({ prefix, missing = [] }: { prefix: string; missing?: readonly string[] }) {
  const { language } = useI18n();
  return (
    <>
      {BURDEN_STATEMENTS.map((statement, index) => {
        const invalid = missing.includes(statement.id);
        const errorId = `${prefix}-${statement.id}-fout`;
        return (
          <Fieldset key={statement.id} invalid={invalid} aria-describedby={invalid ? errorId : undefined} className="adempauze-burden">
            <FieldsetLegend className="adempauze-sub-legend">
              {index + 1}. {statement[language]}
            </FieldsetLegend>
            {invalid && (
              <FormFieldErrorMessage id={errorId}>{language === 'nl' ? 'Kies een antwoord.' : 'Choose an answer.'}</FormFieldErrorMessage>
            )}
            <div className="adempauze-burden__answers">
              {BURDEN_ANSWERS.map((answer) => (
                <FormField key={answer} type="radio" className="adempauze-choice">
                  <RadioButton
                    id={`${prefix}-${statement.id}-${answer}`}
                    name={`${prefix}.${statement.id}`}
                    value={answer}
                    invalid={invalid}
                  />
                  <FormLabel htmlFor={`${prefix}-${statement.id}-${answer}`} type="radio">
                    {BURDEN_ANSWER_LABELS[answer][language]}
                  </FormLabel>
                </FormField>
              ))}
            </div>
          </Fieldset>
        );
      })}
    </>
  );
}

/** The answers in a submitted form, and the statements left unanswered. */
export function readBurdenAnswers(form: FormData, prefix: string): { answers: BurdenAnswers | null; missing: string[] } {
  const answers: Record<string, string> = {};
  const missing: string[] = [];
  for (const statement of BURDEN_STATEMENTS) {
    const value = form.get(`${prefix}.${statement.id}`);
    if (typeof value === 'string' && (BURDEN_ANSWERS as readonly string[]).includes(value)) answers[statement.id] = value;
    else missing.push(statement.id);
  }
  return { answers: missing.length === 0 ? (answers as BurdenAnswers) : null, missing };
}
