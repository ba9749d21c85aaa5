import type { Language } from '../../i18n/i18n.tsx';
import type { ClosureReason, Tariff } from './provider-api.ts';

type Labels<K extends string> = Record<K, Record<Language, string>>;

export const CLOSURE_REASON_LABELS: Labels<ClosureReason> = {
  admission_stop: { nl: 'Opnamestop', en: 'Admission stop' },
  maintenance: { nl: 'Onderhoud', en: 'Maintenance' },
  other: { nl: 'Andere reden', en: 'Other reason' },
};

export const UNIT_KIND_LABELS: Labels<'bed' | 'home_night'> = {
  bed: { nl: 'Bed', en: 'Bed' },
  home_night: { nl: 'Nachtzorg thuis', en: 'Night care at home' },
};

export const FUNDING_LABELS: Labels<Tariff['funding']> = {
  in_kind: { nl: 'Zorg in natura', en: 'In kind' },
  personal_budget: { nl: 'Persoonsgebonden budget (pgb)', en: 'Personal budget (pgb)' },
};

export const RELATION_LABELS: Labels<'partner' | 'child' | 'other'> = {
  partner: { nl: 'Partner', en: 'Partner' },
  child: { nl: 'Kind', en: 'Child' },
  other: { nl: 'Iemand anders', en: 'Someone else' },
};
