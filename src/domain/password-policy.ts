import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as dutchDictionary } from '@zxcvbn-ts/language-nl-be';

/**
 * What a new password must be. Length beats composition rules (NIST SP 800-63B): at least 12 characters, not
 * absurdly long (argon2 would hash it anyway, but a megabyte of password is an attack), not the e-mail address, and
 * not one that is easy to guess: no common or breached password, Dutch word with digits, keyboard row or repetition
 * (zxcvbn-ts with its lists of breached passwords and its Dutch dictionary, see docs/DECISIONS.md).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_email' | 'too_guessable';

/** zxcvbn's "safely unguessable" (about 10^8 guesses and more): a sentence of a few words passes, "Welkom123456" not. */
const MIN_SCORE = 3;
/** Words from this app that people reach for when they have to choose a password for it. */
const APP_WORDS = ['adempauze', 'logeerzorg', 'logeren', 'logeerhuis', 'mantelzorg', 'mantelzorger', 'wijkpension', 'zorg', 'regio'];

let checker: ZxcvbnFactory | undefined;
// The dictionaries are large: built on first use, not when the module is imported.
const strength = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...dutchDictionary, userInputs: APP_WORDS },
    graphs: adjacencyGraphs,
  }));

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'contains_email';
  if (strength().check(password, [local, ...local.split(/[._-]/)]).score < MIN_SCORE) return 'too_guessable';
  return null;
}
