import type { ReferralKind } from '../../../src/domain/referral.ts';
import type { ReferralStatus } from '../../../src/domain/referral-lifecycle.ts';
import type { Urgency } from '../../../src/domain/triage/outcome.ts';
import type { Language } from './i18n.tsx';

type Labels<K extends string> = Record<K, Record<Language, string>>;

export const REFERRAL_STATUS_LABELS: Labels<ReferralStatus> = {
  new: { nl: 'Nieuw', en: 'New' },
  triaged: { nl: 'Triage gedaan', en: 'Triaged' },
  waiting: { nl: 'Op de wachtlijst', en: 'Waiting list' },
  proposed: { nl: 'Plek voorgesteld', en: 'Place proposed' },
  booked: { nl: 'Geboekt', en: 'Booked' },
  arrived: { nl: 'Logé is er', en: 'Guest arrived' },
  departed: { nl: 'Vertrokken', en: 'Departed' },
  aftercare: { nl: 'Nazorg', en: 'Aftercare' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
  cancelled: { nl: 'Ingetrokken', en: 'Withdrawn' },
};

export const URGENCY_LABELS: Labels<Urgency> = {
  today: { nl: 'Vandaag', en: 'Today' },
  within_48h: { nl: 'Binnen 48 uur', en: 'Within 48 hours' },
  planned: { nl: 'Kan gepland worden', en: 'Can be planned' },
};

export const REFERRAL_KIND_LABELS: Labels<ReferralKind> = {
  respite_once: { nl: 'Logeerzorg, één keer', en: 'Respite, once' },
  respite_recurring: { nl: 'Logeerzorg, vaker', en: 'Respite, recurring' },
  crisis: { nl: 'Crisisopname', en: 'Crisis admission' },
  elv_after_hospital: { nl: 'ELV na ziekenhuis', en: 'ELV after hospital' },
  elv_from_gp: { nl: 'ELV via huisarts', en: 'ELV from the GP' },
  wlz_respite: { nl: 'Logeren (Wlz)', en: 'Respite (Wlz)' },
  trial_stay: { nl: 'Proeflogeren', en: 'Trial stay' },
  tour: { nl: 'Rondleiding', en: 'Tour' },
  couple_stay: { nl: 'Samen logeren (koppelbed)', en: 'Couple stay' },
};
