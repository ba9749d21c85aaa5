import type { BurdenLevel } from './triage/outcome.ts';
import { addDays } from './dates.ts';

/**
 * A short screening of how heavily caring weighs on the caregiver, in the style of the EDIZ (Ervaren Druk door
 * Informele Zorg, Pot et al. 1995): nine statements, each answered no / somewhat / yes; "somewhat" and "yes" count one
 * point, so the score runs from 0 to 9. The statements are our own plain-language (B1) wording, not the validated
 * instrument: the score orders the waiting list and starts a conversation, it diagnoses nothing (docs/domain.md).
 */
export const BURDEN_STATEMENTS = [
  { id: 'never_free', nl: 'Ik moet altijd klaarstaan voor mijn naaste.', en: 'I always have to be there for my loved one.' },
  { id: 'no_own_time', nl: 'Ik heb te weinig tijd voor mezelf.', en: 'I have too little time for myself.' },
  { id: 'tired', nl: 'Ik ben vaak moe door de zorg.', en: 'Caring often makes me tired.' },
  { id: 'health', nl: 'Mijn gezondheid wordt slechter door de zorg.', en: 'My health is getting worse because of the caring.' },
  { id: 'trapped', nl: 'Ik voel me soms gevangen in de zorg.', en: 'I sometimes feel trapped by the caring.' },
  {
    id: 'worry',
    nl: 'Ik maak me veel zorgen over mijn naaste, ook als ik er niet ben.',
    en: 'I worry a lot about my loved one, even when I am not there.',
  },
  {
    id: 'combining',
    nl: 'Het lukt me moeilijk om de zorg te combineren met werk, gezin of andere dingen.',
    en: 'I find it hard to combine caring with work, family or other things.',
  },
  {
    id: 'relationship',
    nl: 'De zorg maakt het contact met mijn naaste minder fijn.',
    en: 'Caring makes my relationship with my loved one less pleasant.',
  },
  { id: 'cannot_go_on', nl: 'Ik weet niet hoe lang ik dit nog volhoud.', en: 'I do not know how much longer I can keep this up.' },
] as const;
export type BurdenStatementId = (typeof BURDEN_STATEMENTS)[number]['id'];

export const BURDEN_ANSWERS = ['no', 'somewhat', 'yes'] as const;
export type BurdenAnswer = (typeof BURDEN_ANSWERS)[number];
export type BurdenAnswers = Record<BurdenStatementId, BurdenAnswer>;

export const BURDEN_ANSWER_LABELS: Record<BurdenAnswer, { nl: string; en: string }> = {
  no: { nl: 'Nee', en: 'No' },
  somewhat: { nl: 'Een beetje', en: 'Somewhat' },
  yes: { nl: 'Ja', en: 'Yes' },
};

export const MAX_BURDEN_SCORE = BURDEN_STATEMENTS.length;

/** 0–3 hardly, 4–6 considerably, 7–9 heavily burdened: the EDIZ's usual bands. */
export function burdenLevelOf(score: number): BurdenLevel {
  return score >= 7 ? 'high' : score >= 4 ? 'moderate' : 'low';
}

export function scoreBurden(answers: BurdenAnswers): { score: number; level: BurdenLevel } {
  const score = BURDEN_STATEMENTS.filter((statement) => answers[statement.id] !== 'no').length;
  return { score, level: burdenLevelOf(score) };
}

const LEVEL_RANK: Record<BurdenLevel, number> = { low: 0, moderate: 1, high: 2 };

/**
 * The burden the waiting list goes by: the triage's, unless a screening from the past year says the caregiver is now
 * more heavily burdened. A lighter screening does not lower the triage's judgement, which weighed more than these nine.
 */
export function effectiveBurden(triageLevel: BurdenLevel, screenedLevel: BurdenLevel | undefined): BurdenLevel {
  return screenedLevel !== undefined && LEVEL_RANK[screenedLevel] > LEVEL_RANK[triageLevel] ? screenedLevel : triageLevel;
}

/** How often the contact person asks how the caregiver is doing. */
export const CHECK_IN_INTERVAL_DAYS = 365;
/** A screening counts for the waiting list this long. */
export const SCREENING_VALID_DAYS = 365;

export function nextCheckIn(from: string): string {
  return addDays(from, CHECK_IN_INTERVAL_DAYS);
}

/** What the caregiver reads after the screening: plain advice per band, and where to go next. */
export const BURDEN_ADVICE: Record<BurdenLevel, { nl: string; en: string }> = {
  low: {
    nl: 'U houdt het op dit moment goed vol. Blijf ook goed voor uzelf zorgen. Merkt u dat het zwaarder wordt? Doe deze test dan nog eens, of praat erover met iemand die u vertrouwt.',
    en: 'You are coping well at the moment. Keep taking care of yourself too. If it gets heavier, take this test again, or talk to someone you trust.',
  },
  moderate: {
    nl: 'De zorg weegt flink op u. Dat is niet vreemd, en u hoeft het niet alleen te doen. Even vrij kan helpen: uw naaste logeert een paar dagen ergens anders, of er komt iemand bij u thuis. Praat er ook over met een mantelzorgconsulent in uw gemeente.',
    en: 'Caring weighs on you considerably. That is not strange, and you do not have to do it alone. A break can help: your loved one stays somewhere else for a few days, or someone comes to your home. Also talk to a caregiver support worker in your municipality.',
  },
  high: {
    nl: 'De zorg is nu erg zwaar voor u. Wacht niet te lang met hulp vragen. Vraag logeren aan, dan kunt u op adem komen. Bel ook het aanmeldpunt of uw huisarts. Kunt u vandaag of morgen niet meer zorgen? Bel dan uw huisarts.',
    en: 'Caring is very heavy for you now. Do not wait too long to ask for help. Ask for a respite stay so you can catch your breath. Also call the access point or your GP. If you cannot give care today or tomorrow, call your GP.',
  },
};
