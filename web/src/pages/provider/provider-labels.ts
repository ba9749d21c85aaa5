import type { Language } from '../../i18n/i18n.tsx';
import type { ClosureReason, NotAdmittingReason, PlannedClosureReason, Tariff } from './provider-api.ts';

type Labels<K extends string> = Record<K, Record<Language, string>>;

export const CLOSURE_REASON_LABELS: Labels<PlannedClosureReason> = {
  admission_stop: { nl: 'Opnamestop', en: 'Admission stop' },
  maintenance: { nl: 'Onderhoud', en: 'Maintenance' },
  other: { nl: 'Andere reden', en: 'Other reason' },
};

export const NOT_ADMITTING_REASON_LABELS: Labels<NotAdmittingReason> = {
  staff_shortage: { nl: 'Te weinig personeel', en: 'Not enough staff' },
  outbreak: { nl: 'Besmettelijke ziekte op de locatie', en: 'Infectious disease at the location' },
  care_load: { nl: 'De zorg is nu te zwaar voor het team', en: 'The care is too heavy for the team now' },
  other: { nl: 'Andere reden', en: 'Other reason' },
};

/** A closure group's reason in words, whatever its kind. */
export function closureReasonLabel(group: { kind: 'closure' | 'not_admitting'; reason: ClosureReason }, language: Language): string {
  const labels: Record<string, { nl: string; en: string }> =
    group.kind === 'not_admitting' ? NOT_ADMITTING_REASON_LABELS : CLOSURE_REASON_LABELS;
  return labels[group.reason]?.[language] ?? group.reason;
}

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
