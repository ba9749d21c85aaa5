/** What someone can ask the access point for, and who asks. Codes are stored in the database. */
export const REFERRAL_KINDS = [
  'respite_once',
  'respite_recurring',
  'crisis',
  'elv_after_hospital',
  'elv_from_gp',
  'wlz_respite',
  'trial_stay',
  'tour',
  'couple_stay',
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const REFERRER_KINDS = [
  'gp',
  'poh',
  'casemanager_dementia',
  'wmo_consultant',
  'district_nursing',
  'social_team',
  'hospital_transfer',
  'caregiver',
  'client',
] as const;
export type ReferrerKind = (typeof REFERRER_KINDS)[number];

export const REFERRAL_STATUSES = ['new', 'triaged', 'waiting', 'proposed', 'booked', 'arrived', 'departed', 'aftercare', 'closed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What a caregiver can ask for on the public form, and the referral it becomes. */
export const PUBLIC_REQUEST_KINDS = { stay: 'respite_once', trial_stay: 'trial_stay', tour: 'tour' } as const satisfies Record<string, ReferralKind>;
export type PublicRequestKind = keyof typeof PUBLIC_REQUEST_KINDS;

/** A reference people can read out on the phone: no 0/O, 1/I/L. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newReferralReference(randomByte: () => number): string {
  const characters = Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomByte() % REFERENCE_ALPHABET.length]);
  return `AP-${characters.join('')}`;
}

/** When the coordinator gets back to a caregiver who asked on the public form, in working days. */
export const PUBLIC_REQUEST_ANSWER_DAYS = 2;
