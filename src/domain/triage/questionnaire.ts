import v1 from './triage-questionnaire.v1.json' with { type: 'json' };

/**
 * The triage questionnaire is data (a FHIR R4 Questionnaire), versioned: a referral stores the version it was
 * answered with, and a new version is a new file here, never an edit of an old one.
 */
export interface QuestionnaireItem {
  linkId: string;
  text: string;
  type: 'group' | 'boolean' | 'choice' | 'string';
  required?: boolean;
  repeats?: boolean;
  answerOption?: { valueCoding: { code: string; display: string } }[];
  enableWhen?: { question: string; operator: '='; answerBoolean?: boolean; answerCoding?: { code: string } }[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  title: string;
  item: QuestionnaireItem[];
}

export const QUESTIONNAIRES: Readonly<Record<string, Questionnaire>> = { '1': v1 as Questionnaire };
export const CURRENT_QUESTIONNAIRE_VERSION = '1';

/** Answers as the API takes them: linkId → boolean, code, list of codes, or text. */
export type AnswerValue = boolean | string | string[];
export type RawAnswers = Readonly<Record<string, AnswerValue>>;

export interface AnswerIssue {
  field: string;
  code: 'required' | 'invalid_value' | 'invalid_type' | 'unknown_field' | 'not_enabled';
  params?: Record<string, string>;
}

export function leafItems(items: readonly QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => (item.type === 'group' ? leafItems(item.item ?? []) : [item]));
}

function isEnabled(item: QuestionnaireItem, answers: RawAnswers): boolean {
  return (item.enableWhen ?? []).every((condition) => {
    const given = answers[condition.question];
    return condition.answerBoolean !== undefined ? given === condition.answerBoolean : given === condition.answerCoding?.code;
  });
}

/** Every problem with a set of answers at once, by linkId, so a form can show each next to its question. */
export function validateAnswers(questionnaire: Questionnaire, answers: RawAnswers): AnswerIssue[] {
  const items = leafItems(questionnaire.item);
  const known = new Set(items.map((item) => item.linkId));
  const issues: AnswerIssue[] = Object.keys(answers).filter((key) => !known.has(key)).map((field) => ({ field, code: 'unknown_field' }));
  for (const item of items) {
    const value = answers[item.linkId];
    const enabled = isEnabled(item, answers);
    if (value === undefined) {
      if (item.required && enabled) issues.push({ field: item.linkId, code: 'required' });
      continue;
    }
    if (!enabled) {
      issues.push({ field: item.linkId, code: 'not_enabled' });
      continue;
    }
    const codes = item.answerOption?.map((option) => option.valueCoding.code) ?? [];
    const ok =
      item.type === 'boolean' ? typeof value === 'boolean'
      : item.type === 'string' ? typeof value === 'string' && value.length <= 500
      : item.repeats ? Array.isArray(value) && value.every((code) => codes.includes(code))
      : typeof value === 'string' && codes.includes(value);
    if (!ok) {
      issues.push(item.type === 'choice'
        ? { field: item.linkId, code: 'invalid_value', params: { options: codes.join(', ') } }
        : { field: item.linkId, code: 'invalid_type', params: { expected: item.type } });
    }
  }
  return issues;
}
