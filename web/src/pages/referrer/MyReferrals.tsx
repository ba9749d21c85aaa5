import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Link, useParams } from 'react-router';
import { CHANGEABLE_STATUSES } from '../../../../src/domain/referral-lifecycle.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS, REFERRAL_STATUS_LABELS, URGENCY_LABELS } from '../../i18n/labels.ts';
import { STAY_STATUS_LABELS } from '../../i18n/stay-labels.ts';
import { DataRow } from '../../layout/DataRow.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { ReferralStays } from '../coordinator/ReferralStays.tsx';
import { ReferralChangeForm, ReferralStopForm } from '../referral/ReferralChange.tsx';
import type { z } from 'zod';
import type { ReferralSummary } from '../../../../src/http/schemas/referral.schemas.ts';
import type { Referral as ReferralSchema } from '../../../../src/http/schemas/referral.schemas.ts';

type Summary = z.infer<typeof ReferralSummary>;

/** GET /referrals/{id} answers with this. */
type Referral = z.infer<typeof ReferralSchema>;

type Key =
  | 'title'
  | 'intro'
  | 'caption'
  | 'none'
  | 'reference'
  | 'client'
  | 'kind'
  | 'status'
  | 'place'
  | 'sent'
  | 'new'
  | 'back'
  | 'details'
  | 'wished'
  | 'urgency'
  | 'callback'
  | 'message'
  | 'reason'
  | 'history'
  | 'notYet'
  | 'changeHelp'
  | 'loading';

const texts: Texts<Key> = {
  nl: {
    title: 'Mijn aanmeldingen',
    intro:
      'De aanmeldingen van uw organisatie: wat de status is, welke plek er is en wat er gebeurde. Wijzigen of intrekken kan tot er een plek is.',
    caption: '{count|# aanmelding|# aanmeldingen} van uw organisatie',
    none: 'Uw organisatie heeft nog geen cliënt aangemeld.',
    reference: 'Kenmerk',
    client: 'Cliënt',
    kind: 'Soort',
    status: 'Status',
    place: 'Plek en data',
    sent: 'Verstuurd',
    new: 'Cliënt aanmelden',
    back: 'Terug naar mijn aanmeldingen',
    details: 'Aanmelding',
    wished: 'Gewenste periode',
    urgency: 'Hoe snel',
    callback: 'Terugbelnummer',
    message: 'Toelichting',
    reason: 'Reden',
    history: 'Wat er gebeurde',
    notYet: 'nog geen plek',
    changeHelp: 'Er is al een plek. Bel het aanmeldpunt als er iets verandert.',
    loading: 'Laden…',
  },
  en: {
    title: 'My referrals',
    intro: "Your organisation's referrals: their status, the place and what happened. Change or withdraw them until there is a place.",
    caption: '{count|# referral|# referrals} of your organisation',
    none: 'Your organisation has not referred a client yet.',
    reference: 'Reference',
    client: 'Client',
    kind: 'Kind',
    status: 'Status',
    place: 'Place and dates',
    sent: 'Sent',
    new: 'Refer a client',
    back: 'Back to my referrals',
    details: 'Referral',
    wished: 'Wished period',
    urgency: 'How soon',
    callback: 'Call-back number',
    message: 'Note',
    reason: 'Reason',
    history: 'What happened',
    notYet: 'no place yet',
    changeHelp: 'There is a place already. Call the access point if something changes.',
    loading: 'Loading…',
  },
};

/** A referrer's own organisation's referrals, newest first. */
export function MyReferrals() {
  const t = useTexts(texts);
  const { language } = useI18n();
  const list = useApiQuery<Summary[]>('/referrals?limit=500');
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <Paragraph>
        <Link className="utrecht-link" to="/verwijzen">
          {t('new')}
        </Link>
      </Paragraph>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data === null && list.error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {list.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption', { count: list.data.length })} tabIndex={0}>
          <Table>
            <TableCaption>{t('caption', { count: list.data.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['reference', 'client', 'kind', 'status', 'place', 'sent'] as const).map((key) => (
                  <TableHeaderCell key={key} scope="col">
                    {t(key)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((referral) => (
                <TableRow key={referral.id}>
                  <TableHeaderCell scope="row">
                    <Link className="utrecht-link" to={`/verwijzen/aanmeldingen/${referral.id}`}>
                      {referral.reference}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>{referral.clientName}</TableCell>
                  <TableCell>{REFERRAL_KIND_LABELS[referral.kind][language]}</TableCell>
                  <TableCell>{REFERRAL_STATUS_LABELS[referral.status][language]}</TableCell>
                  <TableCell>
                    {referral.place
                      ? `${referral.place.locationName}, ${referral.place.unitName}: ${formatDate(referral.place.arrival)} – ${formatDate(referral.place.departure)} (${STAY_STATUS_LABELS[referral.place.status][language].toLowerCase()})`
                      : t('notYet')}
                  </TableCell>
                  <TableCell>{formatDateTime(referral.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** One of the organisation's referrals: the request, its places, its history; change or withdraw before placement. */
export function MyReferral() {
  const { id = '' } = useParams();
  const t = useTexts(texts);
  const { language } = useI18n();
  const referral = useApiQuery<Referral>(`/referrals/${id}`);
  const history = useApiQuery<{ events: { kind: string; text: string; at: string }[] }>(`/referrals/${id}/history`);
  const reload = () => {
    referral.reload();
    history.reload();
  };
  const error = referral.error ?? history.error;
  if (error !== null) return <ErrorAlert error={error} onRetry={reload} />;
  const data = referral.data;
  if (!data) return <Paragraph role="status">{t('loading')}</Paragraph>;
  const changeable = CHANGEABLE_STATUSES.includes(data.status);
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link" to="/verwijzen/aanmeldingen">
          {t('back')}
        </Link>
      </Paragraph>
      <Heading1>{`${t('details')} ${data.reference}`}</Heading1>
      <DataList>
        <DataListItem>
          <DataListKey>{t('status')}</DataListKey>
          <DataListValue>{REFERRAL_STATUS_LABELS[data.status][language]}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('kind')}</DataListKey>
          <DataListValue>{REFERRAL_KIND_LABELS[data.kind][language]}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('client')}</DataListKey>
          <DataListValue>{data.client.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('wished')}</DataListKey>
          <DataListValue>
            {data.wishedArrival
              ? `${formatDate(data.wishedArrival)} – ${data.wishedDeparture ? formatDate(data.wishedDeparture) : '?'}`
              : '–'}
          </DataListValue>
        </DataListItem>
        <DataRow label={t('urgency')} value={data.urgency && URGENCY_LABELS[data.urgency][language]} />
        <DataRow label={t('callback')} value={data.callbackPhone} />
        <DataRow label={t('message')} value={data.message} />
        <DataRow label={t('reason')} value={data.cancelReason ?? data.closeReason} />
      </DataList>
      {changeable ? (
        <>
          <ReferralChangeForm referral={data} onChanged={reload} />
          <ReferralStopForm referralId={data.id} canClose={false} onStopped={reload} />
        </>
      ) : (
        data.status !== 'cancelled' && data.status !== 'closed' && <Paragraph>{t('changeHelp')}</Paragraph>
      )}
      <ReferralStays key={data.status} referralId={data.id} forReferrer />
      {history.data && (
        <section aria-labelledby="my-history">
          <Heading2 id="my-history">{t('history')}</Heading2>
          <OrderedList>
            {history.data.events.map((event, i) => (
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
