/** Caregiver-support information: what kinds there are, and how a search question becomes search terms. */
export const SUPPORT_CATEGORIES = ['respite', 'advice', 'day_care', 'peer_support', 'money', 'emergency', 'other'] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

export const SUPPORT_CATEGORY_LABELS: Record<SupportCategory, { nl: string; en: string }> = {
  respite: { nl: 'Even vrij: logeren en respijtzorg', en: 'A break: respite stays' },
  advice: { nl: 'Advies en een luisterend oor', en: 'Advice and someone to talk to' },
  day_care: { nl: 'Dagbesteding', en: 'Day care' },
  peer_support: { nl: 'Lotgenoten', en: 'Peer support' },
  money: { nl: 'Geld en regelingen', en: 'Money and schemes' },
  emergency: { nl: 'Als het niet meer gaat', en: 'When you cannot go on' },
  other: { nl: 'Overig', en: 'Other' },
};

const MAX_TERMS = 6;

/** Letters with accents as the database compares them (see the repository): "café" and "cafe" are the same word. */
export const ACCENTED = 'áàäâãéèëêíìïîóòöôõúùüûýÿçñ';
export const PLAIN = 'aaaaaeeeeiiiiooooouuuuyycn';

export function withoutAccents(text: string): string {
  return [...text]
    .map((letter) => {
      const at = ACCENTED.indexOf(letter);
      return at < 0 ? letter : PLAIN[at]!;
    })
    .join('');
}

/**
 * The words of a search question, lower case and without accents or punctuation, at least two letters, at most six:
 * every word must occur, also inside a longer word ("logeer" finds "logeerhuis", "zorg" finds "mantelzorg").
 */
export function searchTerms(question: string): string[] {
  const words = withoutAccents(question.toLowerCase().normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
  return [...new Set(words)].slice(0, MAX_TERMS);
}
