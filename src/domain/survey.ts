/** The short satisfaction survey after a stay: 1–5 scales and free text, for the caregiver and for the guest. */
export type Respondent = 'caregiver' | 'guest';

export interface SurveyQuestion {
  id: string;
  nl: string;
  en: string;
}

export const SURVEY_QUESTIONS: Record<Respondent, readonly SurveyQuestion[]> = {
  caregiver: [
    { id: 'overall', nl: 'Hoe tevreden bent u over het verblijf?', en: 'How satisfied are you with the stay?' },
    { id: 'rest', nl: 'Kon u tijdens het verblijf even op adem komen?', en: 'Could you catch your breath during the stay?' },
    { id: 'arranging', nl: 'Hoe makkelijk was het om het verblijf te regelen?', en: 'How easy was it to arrange the stay?' },
    { id: 'again', nl: 'Zou u opnieuw gebruikmaken van logeerzorg?', en: 'Would you use respite care again?' },
  ],
  guest: [
    { id: 'overall', nl: 'Hoe vond u het om hier te logeren?', en: 'How did you like staying here?' },
    { id: 'care', nl: 'Hoe tevreden bent u over de zorg?', en: 'How satisfied are you with the care?' },
    { id: 'welcome', nl: 'Voelde u zich welkom?', en: 'Did you feel welcome?' },
  ],
};

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** The call after a stay happens within this many days of departure. */
export const AFTERCARE_DUE_DAYS = 3;
/** How long a survey link works. */
export const SURVEY_VALID_DAYS = 30;

/** The problem with a set of scores, or null: every question answered with a whole number 1–5, nothing else. */
export function surveyScoresProblem(respondent: Respondent, scores: Record<string, number>): { field: string; code: string } | null {
  const ids = SURVEY_QUESTIONS[respondent].map((question) => question.id);
  const unknown = Object.keys(scores).find((id) => !ids.includes(id));
  if (unknown) return { field: `scores.${unknown}`, code: 'unknown_field' };
  for (const id of ids) {
    const score = scores[id];
    if (score === undefined) return { field: `scores.${id}`, code: 'required' };
    if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX) return { field: `scores.${id}`, code: 'invalid_score' };
  }
  return null;
}
