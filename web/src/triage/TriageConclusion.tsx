import { DataList, DataListItem, DataListKey, DataListValue, Heading3, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { CARE_FEATURE_LABELS } from '../../../src/domain/care-features.ts';
import { STAY_TYPE_LABELS } from '../../../src/domain/stay-types.ts';
import { explain, hasExplanation } from '../../../src/domain/triage/explanations.ts';
import type { TriageOutcome } from '../../../src/domain/triage/rules.ts';
import { type Texts, useI18n, useTexts } from '../i18n/i18n.tsx';

const texts: Texts<'title' | 'disposition' | 'stayTypes' | 'urgency' | 'features' | 'none' | 'why' | 'burden' | 'hospital' | 'temporary_stay' | 'long_term_care_indication' | 'today' | 'within_48h' | 'planned'> = {
  nl: {
    title: 'Conclusie', disposition: 'Advies', stayTypes: 'Passende verblijven', urgency: 'Hoe snel', features: 'Nodig op de locatie',
    none: 'Niets bijzonders', why: 'Waarom', burden: 'Belasting mantelzorger',
    hospital: 'Naar het ziekenhuis: dit kan niet bij ons', temporary_stay: 'Tijdelijk verblijf', long_term_care_indication: 'Wlz-indicatie aanvragen',
    today: 'Vandaag', within_48h: 'Binnen 48 uur', planned: 'Gepland',
  },
  en: {
    title: 'Conclusion', disposition: 'Advice', stayTypes: 'Suitable stays', urgency: 'How soon', features: 'Needed at the location',
    none: 'Nothing special', why: 'Why', burden: 'Caregiver burden',
    hospital: 'To hospital: not a stay with us', temporary_stay: 'Temporary stay', long_term_care_indication: 'Apply for a Wlz indication',
    today: 'Today', within_48h: 'Within 48 hours', planned: 'Planned',
  },
};

/** What the rules conclude from the answers, and why: the same pure rules the server applies. */
export function TriageConclusion({ outcome }: { outcome: TriageOutcome }) {
  const { language } = useI18n();
  const t = useTexts(texts);
  return (
    <section aria-labelledby="conclusion-title">
      <Heading3 id="conclusion-title">{t('title')}</Heading3>
      <DataList>
        <DataListItem><DataListKey>{t('disposition')}</DataListKey><DataListValue>{t(outcome.disposition)}</DataListValue></DataListItem>
        <DataListItem>
          <DataListKey>{t('stayTypes')}</DataListKey>
          <DataListValue>{outcome.stayTypes.map((type) => STAY_TYPE_LABELS[type][language]).join(', ') || '–'}</DataListValue>
        </DataListItem>
        <DataListItem><DataListKey>{t('urgency')}</DataListKey><DataListValue>{t(outcome.urgency)}</DataListValue></DataListItem>
        <DataListItem>
          <DataListKey>{t('features')}</DataListKey>
          <DataListValue>{outcome.requiredFeatures.map((feature) => CARE_FEATURE_LABELS[feature][language]).join(', ') || t('none')}</DataListValue>
        </DataListItem>
        <DataListItem><DataListKey>{t('burden')}</DataListKey><DataListValue>{outcome.burdenScore}</DataListValue></DataListItem>
      </DataList>
      <Heading3>{t('why')}</Heading3>
      <UnorderedList>
        {outcome.reasons.filter(hasExplanation).map((reason, i) => <UnorderedListItem key={`${reason.topic}-${reason.code}-${i}`}>{explain(reason, language)}</UnorderedListItem>)}
      </UnorderedList>
    </section>
  );
}
