import { addDays } from './dates.ts';

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

/** What a caregiver can ask for on the public form, and the referral it becomes. */
export const PUBLIC_REQUEST_KINDS = { stay: 'respite_once', trial_stay: 'trial_stay', tour: 'tour' } as const satisfies Record<
  string,
  ReferralKind
>;
export type PublicRequestKind = keyof typeof PUBLIC_REQUEST_KINDS;

/**
 * A couple who stay together away from home need a couple room; a couple stay is asked as such, or (for a recurring
 * stay, which keeps its own kind) by naming the partner. At home they sleep in their own beds.
 */
export function needsCoupleRoom(referral: { kind: string; hasPartner: boolean; atHome: boolean }): boolean {
  return !referral.atHome && (referral.kind === 'couple_stay' || referral.hasPartner);
}

/** A reference people can read out on the phone: no 0/O, 1/I/L. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newReferralReference(randomByte: () => number): string {
  const characters = Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomByte() % REFERENCE_ALPHABET.length]);
  return `AP-${characters.join('')}`;
}

/** When the coordinator gets back to a caregiver who asked on the public form, in working days. */
export const PUBLIC_REQUEST_ANSWER_DAYS = 2;

/**
 * Crisis and ELV often have no known end. Such a referral may leave the departure open: the stay is then booked for
 * an expected number of nights (given, or this default) and extended when the end is known. The defaults are a
 * planning assumption, not a rule: about two weeks for a crisis admission, four for ELV (docs/domain.md).
 */
export const DEFAULT_EXPECTED_NIGHTS: Partial<Record<ReferralKind, number>> = {
  crisis: 14,
  elv_after_hospital: 28,
  elv_from_gp: 28,
};

export function mayBeOpenEnded(kind: ReferralKind): boolean {
  return DEFAULT_EXPECTED_NIGHTS[kind] !== undefined;
}

export interface WishedPeriod {
  from: string;
  to: string;
  /** The departure is an expectation, not a wish: the stay is booked open-ended. */
  openEnded: boolean;
}

/**
 * The period to look for a place for: the wished dates; for crisis and ELV without an arrival, from today; without
 * a departure, the expected length. Null when a planned kind lacks a date (the field to ask for is named).
 */
export function wishedPeriod(
  referral: { kind: ReferralKind; wishedArrival: string | null; wishedDeparture: string | null; expectedNights: number | null },
  today: string,
): WishedPeriod | { missing: 'wishedArrival' | 'wishedDeparture' } {
  const openEnded = mayBeOpenEnded(referral.kind);
  const from = referral.wishedArrival ?? (openEnded ? today : null);
  if (!from) return { missing: 'wishedArrival' };
  if (referral.wishedDeparture) return { from, to: referral.wishedDeparture, openEnded: false };
  const nights = referral.expectedNights ?? DEFAULT_EXPECTED_NIGHTS[referral.kind];
  if (!nights) return { missing: 'wishedDeparture' };
  return { from, to: addDays(from, nights), openEnded: true };
}
