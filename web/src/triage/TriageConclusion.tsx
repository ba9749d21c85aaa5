import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { CARE_FEATURE_LABELS } from '../../../src/domain/care-features.ts';
import { STAY_TYPE_LABELS } from '../../../src/domain/stay-types.ts';
import { explain, hasExplanation } from '../../../src/domain/triage/explanations.ts';
import type { TriageOutcome } from '../../../src/domain/triage/outcome.ts';
import { formatDate } from '../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../i18n/i18n.tsx';
import { DataRow } from '../layout/DataRow.tsx';

const texts: Texts<
  | 'title'
  | 'disposition'
  | 'stayTypes'
  | 'urgency'
  | 'features'
  | 'none'
  | 'why'
  | 'burden'
  | 'hospital'
  | 'temporary_stay'
  | 'long_term_care_indication'
  | 'geriatric_rehabilitation'
  | 'hospice'
  | 'today'
  | 'within_48h'
  | 'planned'
  | 'complexity'
  | 'low'
  | 'high'
  | 'bridge'
  | 'neededFrom'
  | 'partner'
  | 'partnerCare'
  | 'partnerCompany'
> = {
  nl: {
    title: 'Conclusie',
    disposition: 'Advies',
    stayTypes: 'Passende verblijven',
    urgency: 'Hoe snel',
    features: 'Nodig op de locatie',
    none: 'Niets bijzonders',
    why: 'Waarom',
    burden: 'Belasting mantelzorger',
    hospital: 'Naar het ziekenhuis: dit kan niet bij ons',
    temporary_stay: 'Tijdelijk verblijf',
    long_term_care_indication: 'Wlz-indicatie aanvragen',
    geriatric_rehabilitation: 'Geriatrische revalidatie (GRZ): verwijzen, wij plaatsen niet',
    hospice: 'Hospice: samen met de huisarts zoeken, wij plaatsen niet',
    complexity: 'Complexiteit (ELV)',
    low: 'Laag complex',
    high: 'Hoog complex',
    bridge: 'Overbrugging tot het Wlz-besluit',
    neededFrom: 'Plek nodig vanaf',
    partner: 'Partner',
    partnerCare: 'Heeft ook zorg nodig (Wmo)',
    partnerCompany: 'Logeert mee als gezelschap (eigen kosten)',
    today: 'Vandaag',
    within_48h: 'Binnen 48 uur',
    planned: 'Gepland',
  },
  en: {
    title: 'Conclusion',
    disposition: 'Advice',
    stayTypes: 'Suitable stays',
    urgency: 'How soon',
    features: 'Needed at the location',
    none: 'Nothing special',
    why: 'Why',
    burden: 'Caregiver burden',
    hospital: 'To hospital: not a stay with us',
    temporary_stay: 'Temporary stay',
    long_term_care_indication: 'Apply for a Wlz indication',
    geriatric_rehabilitation: 'Geriatric rehabilitation (GRZ): refer, we do not place',
    hospice: 'Hospice: find one with the GP, we do not place',
    complexity: 'Complexity (ELV)',
    low: 'Low complexity',
    high: 'High complexity',
    bridge: 'Bridge until the Wlz decision',
    neededFrom: 'Place needed from',
    partner: 'Partner',
    partnerCare: 'Needs care too (Wmo)',
    partnerCompany: 'Stays as company (own cost)',
    today: 'Today',
    within_48h: 'Within 48 hours',
    planned: 'Planned',
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
        <DataListItem>
          <DataListKey>{t('disposition')}</DataListKey>
          <DataListValue>{t(outcome.disposition)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('stayTypes')}</DataListKey>
          <DataListValue>{outcome.stayTypes.map((type) => STAY_TYPE_LABELS[type][language]).join(', ') || '–'}</DataListValue>
        </DataListItem>
        <DataRow label={t('complexity')} value={outcome.complexity && t(outcome.complexity)} />
        {outcome.bridgeUntilWlz && (
          <DataListItem>
            <DataListKey>{t('bridge')}</DataListKey>
            <DataListValue>✓</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('urgency')}</DataListKey>
          <DataListValue>{t(outcome.urgency)}</DataListValue>
        </DataListItem>
        <DataRow label={t('neededFrom')} value={outcome.neededFrom && formatDate(outcome.neededFrom)} />
        <DataRow label={t('partner')} value={outcome.partner && t(outcome.partner.needsCare ? 'partnerCare' : 'partnerCompany')} />
        <DataListItem>
          <DataListKey>{t('features')}</DataListKey>
          <DataListValue>
            {outcome.requiredFeatures.map((feature) => CARE_FEATURE_LABELS[feature][language]).join(', ') || t('none')}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('burden')}</DataListKey>
          <DataListValue>{outcome.burdenScore}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading3>{t('why')}</Heading3>
      <UnorderedList>
        {outcome.reasons.filter(hasExplanation).map((reason, i) => (
          <UnorderedListItem key={`${reason.topic}-${reason.code}-${i}`}>{explain(reason, language)}</UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
