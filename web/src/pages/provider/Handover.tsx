import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Link as UtrechtLink,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { CARE_FEATURE_LABELS } from '../../../../src/domain/care-features.ts';
import { nightsBetween } from '../../../../src/domain/dates.ts';
import type { ReferralKind } from '../../../../src/domain/referral.ts';
import {
  ADL_LABELS,
  CONTRA_INDICATION_LABELS,
  DEMENTIA_LABELS,
  MOBILITY_LABELS,
  NIGHT_CARE_LABELS,
  NURSING_ACT_LABELS,
} from '../../../../src/domain/provider/handover.ts';
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS } from '../../i18n/labels.ts';
import { STAY_STATUS_LABELS } from '../../i18n/stay-labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { type Handover as HandoverView } from './provider-api.ts';
import { RELATION_LABELS } from './provider-labels.ts';

type Key =
  | 'back'
  | 'title'
  | 'loading'
  | 'stay'
  | 'guest'
  | 'born'
  | 'type'
  | 'period'
  | 'nights'
  | 'oneNight'
  | 'place'
  | 'status'
  | 'referral'
  | 'note'
  | 'caregiver'
  | 'noCaregiver'
  | 'name'
  | 'relation'
  | 'phone'
  | 'email'
  | 'care'
  | 'triagedAt'
  | 'noTriage'
  | 'missing'
  | 'attention'
  | 'mobility'
  | 'adl'
  | 'dementia'
  | 'wandering'
  | 'behaviour'
  | 'nightCare'
  | 'nursing'
  | 'none'
  | 'diet'
  | 'noDiet'
  | 'features'
  | 'noFeatures'
  | 'byTriagist'
  | 'yes'
  | 'no'
  | 'privacy'
  | 'not_coming'
  | 'ended';

const texts: Texts<Key> = {
  nl: {
    back: 'Terug naar vandaag',
    title: 'Overdracht: {name}',
    loading: 'Laden…',
    stay: 'Het verblijf',
    guest: 'Gast',
    born: 'Geboortedatum',
    type: 'Soort verblijf',
    period: 'Periode',
    nights: '{from} tot {to} ({count} nachten)',
    oneNight: '{from} tot {to} (1 nacht)',
    place: 'Plek',
    status: 'Status',
    referral: 'Aanmelding',
    note: 'Wat de aanmelder of mantelzorger schreef',
    caregiver: 'Mantelzorger',
    noCaregiver: 'Er is geen mantelzorger bekend. Bel bij vragen het aanmeldpunt.',
    name: 'Naam',
    relation: 'Relatie',
    phone: 'Telefoon',
    email: 'E-mail',
    care: 'Zorg en aandachtspunten',
    triagedAt: 'Uit de triage van het aanmeldpunt, {date}.',
    noTriage: 'Bij dit verblijf hoort geen triage. Vraag het aanmeldpunt wat de gast nodig heeft.',
    missing: 'Let op: deze plek heeft niet wat de gast nodig heeft: {features}. Overleg met het aanmeldpunt voordat de gast komt.',
    attention: 'Belangrijk',
    mobility: 'Lopen en verplaatsen',
    adl: 'Hulp bij wassen, aankleden en toilet',
    dementia: 'Dementie',
    wandering: 'Dwaalt weg',
    behaviour: 'Onrustig of moeilijk gedrag',
    nightCare: 'Zorg in de nacht',
    nursing: 'Verpleegkundige handelingen',
    none: 'Geen',
    diet: 'Dieet',
    noDiet: 'Geen dieet bekend',
    features: 'Nodig op de plek',
    noFeatures: 'Niets bijzonders',
    byTriagist: '(aangepast door het aanmeldpunt)',
    yes: 'Ja',
    no: 'Nee',
    privacy: 'Deze gegevens zijn alleen voor de zorg tijdens dit verblijf. Deel ze niet verder. Wie ze bekijkt, wordt vastgelegd.',
    not_coming: 'Dit verblijf gaat niet door. Daarom ziet u de zorggegevens en de mantelzorger niet meer.',
    ended: 'Dit verblijf is meer dan 14 dagen geleden geëindigd. Daarom ziet u de zorggegevens en de mantelzorger niet meer.',
  },
  en: {
    back: 'Back to today',
    title: 'Handover: {name}',
    loading: 'Loading…',
    stay: 'The stay',
    guest: 'Guest',
    born: 'Date of birth',
    type: 'Kind of stay',
    period: 'Period',
    nights: '{from} to {to} ({count} nights)',
    oneNight: '{from} to {to} (1 night)',
    place: 'Unit',
    status: 'Status',
    referral: 'Referral',
    note: 'What the referrer or caregiver wrote',
    caregiver: 'Caregiver',
    noCaregiver: 'No caregiver is known. With questions, call the central point.',
    name: 'Name',
    relation: 'Relation',
    phone: 'Phone',
    email: 'E-mail',
    care: 'Care and points of attention',
    triagedAt: "From the central point's triage, {date}.",
    noTriage: 'This stay has no triage. Ask the central point what the guest needs.',
    missing: 'Note: this unit lacks what the guest needs: {features}. Talk to the central point before the guest comes.',
    attention: 'Important',
    mobility: 'Walking and moving',
    adl: 'Help with washing, dressing and toilet',
    dementia: 'Dementia',
    wandering: 'Wanders',
    behaviour: 'Restless or challenging behaviour',
    nightCare: 'Care at night',
    nursing: 'Nursing acts',
    none: 'None',
    diet: 'Diet',
    noDiet: 'No diet known',
    features: 'Needed at the unit',
    noFeatures: 'Nothing special',
    byTriagist: '(changed by the central point)',
    yes: 'Yes',
    no: 'No',
    privacy: 'These details are only for care during this stay. Do not pass them on. Who views them is recorded.',
    not_coming: 'This stay will not take place. That is why you no longer see the care details and the caregiver.',
    ended: 'This stay ended more than 14 days ago. That is why you no longer see the care details and the caregiver.',
  },
};

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** The handover for the staff who receive a guest: the stay, the guest, whom to call, and the care needs from triage. */
export function Handover() {
  const { id = '' } = useParams();
  const { language } = useI18n();
  const t = useTexts(texts);
  const { data, error } = useApiQuery<HandoverView>(`/stays/${id}/handover`);

  if (error !== null)
    return (
      <>
        <Paragraph>
          <Link className="utrecht-link" to="/zorgaanbieder">
            {t('back')}
          </Link>
        </Paragraph>
        <ErrorAlert error={error} />
      </>
    );
  if (data === null) return <Paragraph role="status">{t('loading')}</Paragraph>;
  const care = data.care;
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const features = (list: readonly string[]) =>
    list.map((feature) => CARE_FEATURE_LABELS[feature as keyof typeof CARE_FEATURE_LABELS]?.[language] ?? feature).join(', ');
  const nights = nightsBetween(data.arrival, data.departure);

  return (
    <>
      <Paragraph>
        <Link className="utrecht-link" to="/zorgaanbieder">
          {t('back')}
        </Link>
      </Paragraph>
      <Heading1>{t('title', { name: data.guest.name })}</Heading1>
      <Paragraph>{t('privacy')}</Paragraph>

      <Heading2>{t('stay')}</Heading2>
      <DataList appearance="rows" className="adempauze-provider-data">
        <Item label={t('guest')}>{data.guest.name}</Item>
        {data.guest.dateOfBirth && <Item label={t('born')}>{formatDate(data.guest.dateOfBirth)}</Item>}
        <Item label={t('type')}>{STAY_TYPE_LABELS[data.stayType]?.[language] ?? data.stayType}</Item>
        <Item label={t('period')}>
          {t(nights === 1 ? 'oneNight' : 'nights', { from: formatDate(data.arrival), to: formatDate(data.departure), count: nights })}
        </Item>
        <Item label={t('place')}>
          {data.location.name}, {data.unit.name}
        </Item>
        <Item label={t('status')}>{STAY_STATUS_LABELS[data.status][language]}</Item>
        {data.referral && (
          <Item label={t('referral')}>
            {data.referral.reference}, {REFERRAL_KIND_LABELS[data.referral.kind as ReferralKind]?.[language] ?? data.referral.kind}
          </Item>
        )}
      </DataList>

      {data.withheld && (
        <Alert type="info">
          <Paragraph>{t(data.withheld)}</Paragraph>
        </Alert>
      )}

      {data.note && (
        <section aria-labelledby="handover-note">
          <Heading2 id="handover-note">{t('note')}</Heading2>
          <Paragraph className="adempauze-provider-note">{data.note}</Paragraph>
        </section>
      )}

      {!data.withheld && <Heading2>{t('caregiver')}</Heading2>}
      {data.withheld ? null : data.caregiver ? (
        <DataList appearance="rows" className="adempauze-provider-data">
          {data.caregiver.name && <Item label={t('name')}>{data.caregiver.name}</Item>}
          {data.caregiver.relation && (
            <Item label={t('relation')}>
              {RELATION_LABELS[data.caregiver.relation as keyof typeof RELATION_LABELS]?.[language] ?? data.caregiver.relation}
            </Item>
          )}
          {data.caregiver.phone && (
            <Item label={t('phone')}>
              <UtrechtLink href={`tel:${data.caregiver.phone.replace(/[^+0-9]/g, '')}`}>{data.caregiver.phone}</UtrechtLink>
            </Item>
          )}
          {data.caregiver.email && (
            <Item label={t('email')}>
              <UtrechtLink href={`mailto:${data.caregiver.email}`}>{data.caregiver.email}</UtrechtLink>
            </Item>
          )}
        </DataList>
      ) : (
        <Paragraph>{t('noCaregiver')}</Paragraph>
      )}

      {!data.withheld && <Heading2>{t('care')}</Heading2>}
      {data.withheld ? null : care === null ? (
        <Paragraph>{t('noTriage')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('triagedAt', { date: formatDateTime(care.triagedAt) })}</Paragraph>
          {(care.missingFeatures.length > 0 || care.contraIndications.length > 0) && (
            <div className="adempauze-provider-attention" role="note" aria-label={t('attention')}>
              {care.missingFeatures.length > 0 && (
                <Paragraph>
                  <strong>{t('missing', { features: features(care.missingFeatures) })}</strong>
                </Paragraph>
              )}
              {care.contraIndications.length > 0 && (
                <UnorderedList>
                  {care.contraIndications.map((code) => (
                    <UnorderedListItem key={code}>{CONTRA_INDICATION_LABELS[code][language]}</UnorderedListItem>
                  ))}
                </UnorderedList>
              )}
            </div>
          )}
          <DataList appearance="rows" className="adempauze-provider-data">
            <Item label={t('mobility')}>{MOBILITY_LABELS[care.mobility][language]}</Item>
            <Item label={t('adl')}>{ADL_LABELS[care.adlDependency][language]}</Item>
            <Item label={t('dementia')}>{DEMENTIA_LABELS[care.dementia][language]}</Item>
            <Item label={t('wandering')}>{yesNo(care.wandering)}</Item>
            <Item label={t('behaviour')}>{yesNo(care.behaviourProblems)}</Item>
            <Item label={t('nightCare')}>{NIGHT_CARE_LABELS[care.nightCare][language]}</Item>
            <Item label={t('nursing')}>
              {[
                ...care.nursingActs.map((act) => NURSING_ACT_LABELS[act][language]),
                ...(care.nursingActsOther ? [care.nursingActsOther] : []),
              ].join(', ') || t('none')}
            </Item>
            <Item label={t('diet')}>{care.diet ?? t('noDiet')}</Item>
            <Item label={t('features')}>
              {care.requiredFeatures.length > 0 ? features(care.requiredFeatures) : t('noFeatures')}
              {care.featuresSetByTriagist && <> {t('byTriagist')}</>}
            </Item>
          </DataList>
        </>
      )}
    </>
  );
}
