import type { CareFeature } from '../care-features.ts';
import type { StayType } from '../stay-types.ts';
import type { Disposition, FinancingRoute, TriageOutcome, Urgency } from './outcome.ts';

/**
 * The triagist has the last word: any conclusion can be replaced, with a reason. Overrides apply in the order they
 * were made; the rules' own outcome is never changed, so the history shows both.
 */
export type Override =
  | { topic: 'disposition'; value: Disposition; reason: string }
  | { topic: 'stay_types'; value: StayType[]; reason: string }
  | { topic: 'urgency'; value: Urgency; reason: string }
  | { topic: 'financing'; value: FinancingRoute | null; reason: string }
  | { topic: 'features'; value: CareFeature[]; reason: string };

export interface EffectiveOutcome extends TriageOutcome {
  /** Topics whose conclusion a person changed. */
  overridden: Override['topic'][];
}

export function applyOverrides(outcome: TriageOutcome, overrides: readonly Override[]): EffectiveOutcome {
  const effective: EffectiveOutcome = { ...outcome, overridden: [] };
  for (const override of overrides) {
    switch (override.topic) {
      case 'disposition':
        effective.disposition = override.value;
        break;
      case 'stay_types':
        effective.stayTypes = [...override.value];
        break;
      case 'urgency':
        effective.urgency = override.value;
        break;
      case 'financing':
        effective.financing = override.value;
        break;
      case 'features':
        effective.requiredFeatures = [...override.value].sort();
        break;
    }
    if (!effective.overridden.includes(override.topic)) effective.overridden.push(override.topic);
  }
  return effective;
}
