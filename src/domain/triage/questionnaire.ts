import v1 from './triage-questionnaire.v1.json' with { type: 'json' };
import v2 from './triage-questionnaire.v2.json' with { type: 'json' };
import { isIsoDate } from '../dates.ts';

/**
 * The triage questionnaire is data (a FHIR R4 Questionnaire), versioned: a referral stores the version it was
 * answered with, and a new version is a new file here, never an edit of an old one.
 */
export interface QuestionnaireItem {
  linkId: string;
  text: string;
  type: 'group' | 'boolean' | 'choice' | 'string' | 'date' | 'integer';
  required?: boolean;
  repeats?: boolean;
  answerOption?: { valueCoding: { code: string; display: string } }[];
  enableWhen?: { question: string; operator: '='; answerBoolean?: boolean; answerCoding?: { code: string } }[];
  /** FHIR: with several conditions, whether all or any must hold (all when not given). */
  enableBehavior?: 'all' | 'any';
  /** minValue / maxValue extensions of an integer question. */
  extension?: { url: string; valueInteger?: number }[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  title: string;
  item: QuestionnaireItem[];
}

export const QUESTIONNAIRES: Readonly<Record<string, Questionnaire>> = { '1': v1 as Questionnaire, '2': v2 as Questionnaire };
export const CURRENT_QUESTIONNAIRE_VERSION = '2';

/** Answers as the API takes them: linkId → boolean, code, list of codes, text, ISO date or whole number. */
export type AnswerValue = boolean | string | string[] | number;
export type RawAnswers = Readonly<Record<string, AnswerValue>>;

export interface AnswerIssue {
  field: string;
  code: 'required' | 'invalid_value' | 'invalid_type' | 'unknown_field' | 'not_enabled' | 'out_of_range';
  params?: Record<string, string>;
}

const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

export function leafItems(items: readonly QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => (item.type === 'group' ? leafItems(item.item ?? []) : [item]));
}

/** FHIR enableWhen: a question is asked only when the answers it depends on are given as named. */
export function isEnabled(item: Pick<QuestionnaireItem, 'enableWhen' | 'enableBehavior'>, answers: RawAnswers): boolean {
  const conditions = item.enableWhen ?? [];
  const holds = (condition: NonNullable<QuestionnaireItem['enableWhen']>[number]) => {
    const given = answers[condition.question];
    return condition.answerBoolean !== undefined ? given === condition.answerBoolean : given === condition.answerCoding?.code;
  };
  return item.enableBehavior === 'any' ? conditions.some(holds) : conditions.every(holds);
}

export function integerBounds(item: QuestionnaireItem): { min?: number; max?: number } {
  const value = (url: string) => item.extension?.find((extension) => extension.url === url)?.valueInteger;
  const min = value(MIN_VALUE);
  const max = value(MAX_VALUE);
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** Every problem with a set of answers at once, by linkId, so a form can show each next to its question. */
export function validateAnswers(questionnaire: Questionnaire, answers: RawAnswers): AnswerIssue[] {
  const items = leafItems(questionnaire.item);
  const known = new Set(items.map((item) => item.linkId));
  const issues: AnswerIssue[] = Object.keys(answers)
    .filter((key) => !known.has(key))
    .map((field) => ({ field, code: 'unknown_field' }));
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
    if (item.type === 'integer' && Number.isInteger(value)) {
      const { min, max } = integerBounds(item);
      if ((min !== undefined && (value as number) < min) || (max !== undefined && (value as number) > max)) {
        issues.push({ field: item.linkId, code: 'out_of_range', params: { min: String(min ?? ''), max: String(max ?? '') } });
      }
      continue;
    }
    const codes = item.answerOption?.map((option) => option.valueCoding.code) ?? [];
    const ok =
      item.type === 'boolean'
        ? typeof value === 'boolean'
        : item.type === 'string'
          ? typeof value === 'string' && value.length <= 500
          : item.type === 'date'
            ? typeof value === 'string' && isIsoDate(value)
            : item.type === 'integer'
              ? false
              : item.repeats
                ? Array.isArray(value) && value.every((code) => codes.includes(code))
                : typeof value === 'string' && codes.includes(value);
    if (!ok) {
      issues.push(
        item.type === 'choice'
          ? { field: item.linkId, code: 'invalid_value', params: { options: codes.join(', ') } }
          : { field: item.linkId, code: 'invalid_type', params: { expected: item.type } },
      );
    }
  }
  return issues;
}
