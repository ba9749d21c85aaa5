import { type AnswerValue, type Questionnaire, type RawAnswers, leafItems, validateAnswers } from '../triage/questionnaire.ts';

type Json = Record<string, unknown>;
const items = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];

function answerValue(answer: Json): AnswerValue | undefined {
  if (typeof answer.valueBoolean === 'boolean') return answer.valueBoolean;
  if (typeof answer.valueInteger === 'number') return answer.valueInteger;
  if (typeof answer.valueDate === 'string') return answer.valueDate;
  if (typeof answer.valueString === 'string') return answer.valueString;
  const coding = answer.valueCoding as Json | undefined;
  if (coding && typeof coding.code === 'string') return coding.code;
  return undefined;
}

/**
 * The answers of a QuestionnaireResponse to our triage questionnaire, as the API takes them (linkId → value),
 * groups flattened; several answers to one item (a choice that repeats) become a list of codes (fitToQuestionnaire
 * makes a single one a list too). Which questionnaire it answers is checked by the caller.
 */
export function answersFromResponse(response: Json): RawAnswers {
  const answers: Record<string, AnswerValue> = {};
  const walk = (list: Json[]) => {
    for (const item of list) {
      const values = items(item.answer)
        .map(answerValue)
        .filter((value): value is AnswerValue => value !== undefined);
      if (typeof item.linkId === 'string' && values.length > 0) {
        answers[item.linkId] = values.length === 1 ? values[0]! : values.map(String);
      }
      walk(items(item.item));
      for (const answer of items(item.answer)) walk(items(answer.item));
    }
  };
  walk(items(response.item));
  return answers;
}

/** One code given for a choice that may have several is the list of that one code, as the questionnaire takes it. */
export function fitToQuestionnaire(questionnaire: Questionnaire, answers: RawAnswers): RawAnswers {
  const repeating = new Set(
    leafItems(questionnaire.item)
      .filter((item) => item.repeats)
      .map((item) => item.linkId),
  );
  return Object.fromEntries(
    Object.entries(answers).map(([linkId, value]) => [linkId, repeating.has(linkId) && typeof value === 'string' ? [value] : value]),
  );
}

/**
 * The triage answers a ServiceRequest brings: a contained QuestionnaireResponse to our triage questionnaire (the
 * current version, named as url or url|version). Answers may be partial (the coordinator completes them); what is
 * answered must fit, else the issues name the item by FHIRPath.
 */
export function proposedTriage(
  request: Json,
  questionnaire: Questionnaire,
): { answers?: RawAnswers; issues: { field: string; code: string }[] } {
  const response = items(request.contained).find((resource) => resource.resourceType === 'QuestionnaireResponse');
  if (!response) return { issues: [] };
  if (response.questionnaire !== questionnaire.url && response.questionnaire !== `${questionnaire.url}|${questionnaire.version}`) {
    return { issues: [{ field: 'QuestionnaireResponse.questionnaire', code: 'unknown_questionnaire' }] };
  }
  const answers = fitToQuestionnaire(questionnaire, answersFromResponse(response));
  const issues = validateAnswers(questionnaire, answers)
    .filter((issue) => issue.code !== 'required')
    .map((issue) => ({ field: `QuestionnaireResponse.item.where(linkId='${issue.field}')`, code: issue.code }));
  return issues.length > 0 ? { issues } : { answers, issues };
}
