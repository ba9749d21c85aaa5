import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CARE_FEATURE_LABELS } from '../../../../src/domain/care-features.ts';
import { CARE_NEED_LABELS, featuresToAskAbout } from '../../../../src/domain/care-needs.ts';
import { DEFAULT_EXPECTED_NIGHTS, needsCoupleRoom } from '../../../../src/domain/referral.ts';
import { CHANGEABLE_STATUSES, type ReferralStatus } from '../../../../src/domain/referral-lifecycle.ts';
import { type Questionnaire, type RawAnswers, validateAnswers } from '../../../../src/domain/triage/questionnaire.ts';
import type { TriageOutcome } from '../../../../src/domain/triage/outcome.ts';
import { ApiError, api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS, REFERRAL_STATUS_LABELS, URGENCY_LABELS } from '../../i18n/labels.ts';
import { ReferralChangeForm, ReferralStopForm } from '../referral/ReferralChange.tsx';
import { ReferralStays } from './ReferralStays.tsx';
import { CaregiverContact } from './CaregiverContact.tsx';
import { DataRow } from '../../layout/DataRow.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { FhirQuestionnaire } from '../../triage/fhir-text.ts';
import { TriageConclusion } from '../../triage/TriageConclusion.tsx';
import { TriageForm } from '../../triage/TriageForm.tsx';
import { ProposalsSection } from './Proposals.tsx';
import { SeriesPlanner } from './SeriesPlanner.tsx';
import { Appointments } from './Appointments.tsx';
import type { z } from 'zod';
import type { ReferralHistory } from '../../../../src/http/schemas/referral-history.schemas.ts';
import type { Referral as ReferralSchema } from '../../../../src/http/schemas/referral.schemas.ts';

/** GET /referrals/{id} answers with this. */
type Referral = z.infer<typeof ReferralSchema>;

interface Triage {
  questionnaireVersion: string;
  answers: RawAnswers;
  effective: TriageOutcome;
  triagedAt: string;
}

type History = z.infer<typeof ReferralHistory>;

const texts: Texts<
  | 'back'
  | 'details'
  | 'status'
  | 'kind'
  | 'client'
  | 'born'
  | 'address'
  | 'caregiver'
  | 'wished'
  | 'message'
  | 'triage'
  | 'triaged'
  | 'retriage'
  | 'history'
  | 'saved'
  | 'noTriage'
  | 'oldVersion'
  | 'outsideEvery'
  | 'openEnd'
  | 'urgency'
  | 'callback'
  | 'reason'
  | 'flexible'
  | 'seriesBooked'
  | 'providerNote'
  | 'partner'
  | 'where'
  | 'atHome'
  | 'away'
  | 'careNeeds'
  | 'askAbout'
  | 'proposed'
> = {
  nl: {
    proposed: 'De verwijzer heeft antwoorden meegestuurd; die staan al ingevuld. Kijk ze na en vul aan.',
    partner: 'Partner (logeert mee)',
    where: 'Waar',
    atHome: 'Thuis: nachtzorg in het eigen huis',
    away: 'Op een logeerplek',
    careNeeds: 'Zorg volgens de mantelzorger',
    askAbout: 'Vraag in de triage naar: {features}.',
    providerNote: 'Voor de medewerkers van de logeerplek',
    seriesBooked: 'De reeks is geboekt: {count|# verblijf|# verblijven}.',
    openEnd: 'einde nog niet bekend, verwacht {count|# nacht|# nachten}',
    urgency: 'Spoed volgens verwijzer',
    callback: 'Terugbelnummer',
    reason: 'Reden',
    flexible: '{count|# dag|# dagen} eerder of later kan ook',
    back: 'Terug naar de aanmeldingen',
    details: 'Aanmelding',
    status: 'Status',
    kind: 'Soort',
    client: 'Cliënt',
    born: 'Geboren',
    address: 'Woonplaats',
    caregiver: 'Mantelzorger',
    wished: 'Gewenste periode',
    message: 'Toelichting',
    triage: 'Triage',
    triaged: 'Triage gedaan op {at}.',
    retriage: 'Triage opnieuw doen',
    history: 'Geschiedenis',
    saved: 'De triage is opgeslagen.',
    noTriage: 'Er is geen triage vastgelegd.',
    outsideEvery: "buiten alle regio's: voorstellen uit de dichtstbijzijnde regio's",
    oldVersion:
      'Deze triage is gedaan met een oudere vragenlijst (versie {version}). De conclusie staat hier zoals die toen was. Doet u de triage opnieuw, dan staan de antwoorden die nog passen al ingevuld.',
  },
  en: {
    proposed: 'The referrer sent answers along; they are filled in already. Check and complete them.',
    partner: 'Partner (stays too)',
    where: 'Where',
    atHome: 'At home: night care in their own home',
    away: 'At a place to stay',
    careNeeds: 'Care needed, says the caregiver',
    askAbout: 'Ask about this in the triage: {features}.',
    providerNote: 'For the staff at the place',
    seriesBooked: 'The series is booked: {count|# stay|# stays}.',
    openEnd: 'end not known yet, expected {count|# night|# nights}',
    urgency: "Referrer's urgency",
    callback: 'Call-back number',
    reason: 'Reason',
    flexible: '{count|# day|# days} earlier or later would also do',
    back: 'Back to the referrals',
    details: 'Referral',
    status: 'Status',
    kind: 'Kind',
    client: 'Client',
    born: 'Born',
    address: 'Place of residence',
    caregiver: 'Caregiver',
    wished: 'Wished period',
    message: 'Note',
    triage: 'Triage',
    triaged: 'Triaged on {at}.',
    retriage: 'Triage again',
    history: 'History',
    saved: 'The triage is saved.',
    noTriage: 'No triage is on record.',
    outsideEvery: 'outside every region: proposals from the nearest regions',
    oldVersion:
      'This triage used an older questionnaire (version {version}). The conclusion is shown as it was then. If you triage again, the answers that still fit are filled in.',
  },
};

const OPEN_FOR_PROPOSALS: readonly ReferralStatus[] = ['triaged', 'waiting'];
const STOPPABLE: readonly ReferralStatus[] = ['new', 'triaged', 'waiting', 'proposed', 'booked', 'departed', 'aftercare'];

/** One referral for the central point: the request, its triage (form and conclusion), proposals, and its history. */
export function ReferralDetail() {
  const { id = '' } = useParams();
  const { language } = useI18n();
  const t = useTexts(texts);
  const referralQuery = useApiQuery<Referral>(`/referrals/${id}`);
  const historyQuery = useApiQuery<History>(`/referrals/${id}/history`);
  // No triage on record (404) is an answer too: null.
  const triageQuery = useApiQuery<{ triage: Triage | null }>(`/referrals/${id}/triage`, {
    key: ['or none'],
    load: () =>
      api<Triage>('GET', `/referrals/${id}/triage`).then(
        (triage) => ({ triage }),
        (failure: unknown) => {
          if (failure instanceof ApiError && failure.status === 404) return { triage: null };
          throw failure;
        },
      ),
  });
  const questionnaireQuery = useApiQuery<FhirQuestionnaire>('/triage/questionnaire');
  const referral = referralQuery.data;
  const history = historyQuery.data;
  const triage = triageQuery.data ? triageQuery.data.triage : undefined;
  const questionnaire = questionnaireQuery.data;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [seriesBooked, setSeriesBooked] = useState<number | null>(null);
  const error = referralQuery.error ?? historyQuery.error ?? triageQuery.error ?? questionnaireQuery.error;

  const { reload: reloadReferral } = referralQuery;
  const { reload: reloadHistory } = historyQuery;
  const { reload: reloadTriage } = triageQuery;
  const { reload: reloadQuestionnaire } = questionnaireQuery;
  const load = useCallback(() => {
    reloadReferral();
    reloadHistory();
    reloadTriage();
  }, [reloadReferral, reloadHistory, reloadTriage]);

  const saveTriage = async (answers: RawAnswers) => {
    await api('POST', `/referrals/${id}/triage`, { answers });
    setEditing(false);
    setSaved(true);
    load();
  };

  if (error !== null)
    return (
      <ErrorAlert
        error={error}
        onRetry={() => {
          load();
          if (questionnaireQuery.error !== null) reloadQuestionnaire();
        }}
      />
    );
  if (!referral || triage === undefined) return <Paragraph role="status">…</Paragraph>;
  // A referral that is past the point of triage (placed, closed) and has none on record shows that, not an empty form.
  const canTriage = ['new', 'triaged', 'waiting'].includes(referral.status);
  const showForm = questionnaire !== null && (editing || (triage === null && canTriage));
  // A tour or a trial stay is an appointment at a location: no triage, no bed.
  const appointment = referral.kind === 'tour' || referral.kind === 'trial_stay';
  const expected = referral.expectedNights ?? DEFAULT_EXPECTED_NIGHTS[referral.kind];
  const wished = [
    referral.wishedArrival
      ? `${formatDate(referral.wishedArrival)} – ${referral.wishedDeparture ? formatDate(referral.wishedDeparture) : t('openEnd', { count: expected ?? 0 })}`
      : '–',
    referral.flexibilityDays > 0 ? ` (${t('flexible', { count: referral.flexibilityDays })})` : '',
  ].join('');

  return (
    <>
      <Paragraph>
        <Link to="/aanmeldpunt" className="utrecht-link">
          {t('back')}
        </Link>
      </Paragraph>
      <Heading1>{`${t('details')} ${referral.reference}`}</Heading1>
      <DataList>
        <DataListItem>
          <DataListKey>{t('status')}</DataListKey>
          <DataListValue>{REFERRAL_STATUS_LABELS[referral.status][language]}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('kind')}</DataListKey>
          <DataListValue>{REFERRAL_KIND_LABELS[referral.kind][language]}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('client')}</DataListKey>
          <DataListValue>{referral.client.name}</DataListValue>
        </DataListItem>
        <DataRow label={t('born')} value={referral.client.dateOfBirth && formatDate(referral.client.dateOfBirth)} />
        <DataListItem>
          <DataListKey>{t('address')}</DataListKey>
          <DataListValue>
            {[referral.client.postcode, referral.client.city].filter(Boolean).join(' ') || '–'}
            {referral.outsideEveryRegion && <> ({t('outsideEvery')})</>}
          </DataListValue>
        </DataListItem>
        {referral.partner && (
          <DataListItem>
            <DataListKey>{t('partner')}</DataListKey>
            <DataListValue>
              {referral.partner.name}
              {referral.partner.dateOfBirth && `, ${formatDate(referral.partner.dateOfBirth)}`}
            </DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('where')}</DataListKey>
          <DataListValue>{t(referral.atHome ? 'atHome' : 'away')}</DataListValue>
        </DataListItem>
        {referral.careNeeds.length > 0 && (
          <DataListItem>
            <DataListKey>{t('careNeeds')}</DataListKey>
            <DataListValue>
              {referral.careNeeds.map((need) => CARE_NEED_LABELS[need][language]).join('; ')}.
              {featuresToAskAbout(referral.careNeeds).length > 0 && (
                <>
                  {' '}
                  {t('askAbout', {
                    features: featuresToAskAbout(referral.careNeeds)
                      .map((feature) => CARE_FEATURE_LABELS[feature][language].toLowerCase())
                      .join(', '),
                  })}
                </>
              )}
            </DataListValue>
          </DataListItem>
        )}
        {referral.caregiver.name && (
          <DataListItem>
            <DataListKey>{t('caregiver')}</DataListKey>
            <DataListValue>
              {[referral.caregiver.name, referral.caregiver.relation, referral.caregiver.phone].filter(Boolean).join(', ')}
            </DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('wished')}</DataListKey>
          <DataListValue>{wished}</DataListValue>
        </DataListItem>
        <DataRow label={t('urgency')} value={referral.urgency && URGENCY_LABELS[referral.urgency][language]} />
        <DataRow label={t('callback')} value={referral.callbackPhone} />
        <DataRow label={t('message')} value={referral.message} />
        <DataRow label={t('providerNote')} value={referral.providerNote} />
        <DataRow label={t('reason')} value={referral.cancelReason ?? referral.closeReason} />
      </DataList>
      {CHANGEABLE_STATUSES.includes(referral.status) && <ReferralChangeForm referral={referral} onChanged={load} />}
      {STOPPABLE.includes(referral.status) && <ReferralStopForm referralId={referral.id} canClose onStopped={load} />}

      {/* Keyed by status: a booking or a confirmation changes it, and the list is read again. */}
      <div aria-live="polite">
        {seriesBooked !== null && (
          <Alert type="ok">
            <Paragraph>{t('seriesBooked', { count: seriesBooked })}</Paragraph>
          </Alert>
        )}
      </div>
      <ReferralStays key={referral.status} referralId={referral.id} />

      {appointment ? (
        <Appointments referralId={referral.id} preferredLocationIds={referral.preferredLocationIds} onChanged={load} />
      ) : (
        <>
          <Heading2>{t('triage')}</Heading2>
          {saved && (
            <Alert type="ok">
              <Paragraph>{t('saved')}</Paragraph>
            </Alert>
          )}
          {showForm && !triage && referral.proposedAnswers && <Paragraph>{t('proposed')}</Paragraph>}
          {showForm ? (
            <TriageForm
              questionnaire={questionnaire}
              couple={needsCoupleRoom({ kind: referral.kind, hasPartner: referral.partner !== null, atHome: referral.atHome })}
              initial={
                triage
                  ? answersThatFit(questionnaire, triage.answers)
                  : referral.proposedAnswers
                    ? answersThatFit(questionnaire, referral.proposedAnswers)
                    : undefined
              }
              onSubmit={saveTriage}
            />
          ) : triage === null ? (
            <Paragraph>{t('noTriage')}</Paragraph>
          ) : (
            <>
              <Paragraph>{t('triaged', { at: formatDateTime(triage.triagedAt) })}</Paragraph>
              {questionnaire && triage.questionnaireVersion !== questionnaire.version && (
                <Paragraph>{t('oldVersion', { version: triage.questionnaireVersion })}</Paragraph>
              )}
              <TriageConclusion outcome={triage.effective} />
              <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>
                {t('retriage')}
              </Button>
            </>
          )}

          {triage && !editing && OPEN_FOR_PROPOSALS.includes(referral.status) && (
            <ProposalsSection
              key={`${referral.status} ${referral.kind} ${wished}`}
              referralId={referral.id}
              status={referral.status === 'waiting' ? 'waiting' : 'triaged'}
              onBooked={load}
            />
          )}

          {triage &&
            !editing &&
            referral.kind === 'respite_recurring' &&
            referral.wishedArrival &&
            referral.wishedDeparture &&
            OPEN_FOR_PROPOSALS.includes(referral.status) && (
              <SeriesPlanner
                onBooked={(count) => {
                  setSeriesBooked(count);
                  load();
                }}
                referralId={referral.id}
                clientId={referral.clientId}
                recurrence={referral.recurrence}
                firstArrival={referral.wishedArrival}
                nights={Math.round((Date.parse(referral.wishedDeparture) - Date.parse(referral.wishedArrival)) / 86_400_000)}
              />
            )}
        </>
      )}

      {referral.caregiver.name && <CaregiverContact clientId={referral.clientId} />}

      {history && (
        <section aria-labelledby="history-title">
          <Heading2 id="history-title">{t('history')}</Heading2>
          <OrderedList>
            {history.events.map((event, i) => (
              <OrderedListItem key={`${event.at}-${i}`}>
                {formatDateTime(event.at)}: {event.text}
              </OrderedListItem>
            ))}
          </OrderedList>
        </section>
      )}
    </>
  );
}

/** Earlier answers as a start for a new triage: those the current questionnaire still takes as they are. */
function answersThatFit(questionnaire: FhirQuestionnaire, answers: RawAnswers): RawAnswers {
  const misfits = new Set(
    validateAnswers(questionnaire as unknown as Questionnaire, answers)
      .filter((issue) => issue.code !== 'required')
      .map((issue) => issue.field),
  );
  return Object.fromEntries(Object.entries(answers).filter(([field]) => !misfits.has(field)));
}
