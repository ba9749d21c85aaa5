import {
  Alert,
  Button,
  FormFieldTextarea,
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import type { ReferralStatus } from '../../../../src/domain/referral-lifecycle.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { usePageTitle } from './common.tsx';
import { RequestChangeForm } from './RequestChangeForm.tsx';
import { StatusCheckIn } from './StatusCheckIn.tsx';
import type { z } from 'zod';
import type { PublicStatus as PublicStatusSchema } from '../../../../src/http/schemas/public.schemas.ts';

/** GET /public/status/{token} */
type PublicStatus = z.infer<typeof PublicStatusSchema>;

type Key =
  | 'title'
  | 'loading'
  | 'reference'
  | 'what'
  | 'sent'
  | 'wished'
  | 'wishedFrom'
  | 'nowTitle'
  | 'placesTitle'
  | 'place'
  | 'calendar'
  | 'contactTitle'
  | 'phone'
  | 'email'
  | 'hours'
  | 'noContact'
  | 'withdrawTitle'
  | 'withdrawIntro'
  | 'reason'
  | 'withdraw'
  | 'withdrawn'
  | 'lateTitle'
  | 'late'
  | 'contactPerson'
  | ReferralStatus;

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Mijn aanvraag',
    loading: 'Laden…',
    reference: 'Kenmerk {reference}',
    what: 'Wat u vroeg: {kind}.',
    sent: 'Verstuurd op {date}.',
    wished: 'Gewenste dagen: {from} tot {to}.',
    wishedFrom: 'Gewenste dag: {from}.',
    nowTitle: 'Hoe staat het nu?',
    placesTitle: 'Uw plek',
    place: '{location}: van {from} tot {to}',
    calendar: 'Zet in mijn agenda (.ics)',
    contactTitle: 'Vragen? Bel of mail het aanmeldpunt',
    contactPerson: 'Uw vaste contactpersoon: {name}',
    phone: 'Telefoon: {phone}',
    email: 'E-mail: {email}',
    hours: 'Bereikbaar: {hours}',
    noContact: 'Het aanmeldpunt neemt contact met u op.',
    withdrawTitle: 'Aanvraag intrekken',
    withdrawIntro: 'Is logeren niet meer nodig? Dan kunt u uw aanvraag hier intrekken. Het aanmeldpunt doet er dan niets meer mee.',
    reason: 'Waarom trekt u de aanvraag in?',
    withdraw: 'Aanvraag intrekken',
    withdrawn: 'Uw aanvraag is ingetrokken. U krijgt hierover ook een mail.',
    lateTitle: 'Wilt u iets veranderen?',
    late: 'Er is al een plek voor u geregeld. Wilt u iets veranderen of de plek afzeggen? Bel of mail dan het aanmeldpunt.',
    new: 'Uw aanvraag is binnen. Een medewerker van het aanmeldpunt neemt contact met u op.',
    triaged: 'Het aanmeldpunt heeft uw aanvraag bekeken en zoekt een plek die past.',
    waiting: 'Er is nu nog geen plek die past. U staat op de wachtlijst. Komt er een plek vrij, dan hoort u het.',
    proposed: 'Er is een plek voor u vastgehouden. Het aanmeldpunt spreekt die met u af.',
    booked: 'Er is een plek voor u geboekt. U ziet hieronder waar en wanneer.',
    arrived: 'Het logeren is begonnen.',
    departed: 'Het logeren is voorbij. Wij hopen dat het goed ging.',
    aftercare: 'Het logeren is voorbij. Het aanmeldpunt belt u nog om te horen hoe het ging.',
    closed: 'Deze aanvraag is afgesloten.',
    cancelled: 'Deze aanvraag is ingetrokken.',
  },
  en: {
    title: 'My request',
    loading: 'Loading…',
    reference: 'Reference {reference}',
    what: 'What you asked for: {kind}.',
    sent: 'Sent on {date}.',
    wished: 'Wished days: {from} to {to}.',
    wishedFrom: 'Wished day: {from}.',
    nowTitle: 'Where does it stand?',
    placesTitle: 'Your place',
    place: '{location}: from {from} to {to}',
    calendar: 'Add to my calendar (.ics)',
    contactTitle: 'Questions? Call or e-mail the access point',
    contactPerson: 'Your own contact person: {name}',
    phone: 'Phone: {phone}',
    email: 'E-mail: {email}',
    hours: 'Open: {hours}',
    noContact: 'The access point will contact you.',
    withdrawTitle: 'Withdraw the request',
    withdrawIntro: 'No longer needed? Then withdraw your request here. The access point will do nothing more with it.',
    reason: 'Why do you withdraw the request?',
    withdraw: 'Withdraw the request',
    withdrawn: 'Your request has been withdrawn. You will also get an e-mail about it.',
    lateTitle: 'Want to change something?',
    late: 'A place has been arranged for you. To change something or cancel the place, call or e-mail the access point.',
    new: 'Your request has arrived. Someone from the access point will contact you.',
    triaged: 'The access point has looked at your request and is looking for a place that fits.',
    waiting: 'There is no place that fits yet. You are on the waiting list. When a place comes free, you will hear.',
    proposed: 'A place is being held for you. The access point will arrange it with you.',
    booked: 'A place has been booked for you. See below where and when.',
    arrived: 'The stay has begun.',
    departed: 'The stay is over. We hope it went well.',
    aftercare: 'The stay is over. The access point will call you to hear how it went.',
    closed: 'This request is closed.',
    cancelled: 'This request has been withdrawn.',
  },
};

/** The caregiver's own page behind the secret link: where the request stands, the place, and whom to call. */
export function RequestStatus() {
  const t = useTexts(TEXTS);
  const { language } = useI18n();
  const { token = '' } = useParams();
  const { data, error, reload } = useApiQuery<PublicStatus>(`/public/status/${token}`);
  const [withdrawn, setWithdrawn] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('title'));

  const withdraw = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    api('POST', `/public/status/${token}/withdraw`, { reason })
      .then(() => {
        setWithdrawn(true);
        setFailure(null);
      })
      .catch(setFailure);
  };

  return (
    <div className="adempauze-public">
      <Heading1>{t('title')}</Heading1>
      {error !== null && <ErrorAlert error={error} />}
      {data === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {data && (
        <>
          <Paragraph>
            <strong>{t('reference', { reference: data.reference })}</strong>
          </Paragraph>
          <Paragraph>
            {t('what', { kind: REFERRAL_KIND_LABELS[data.kind][language].toLowerCase() })} {t('sent', { date: formatDate(data.sentAt) })}
          </Paragraph>
          {data.wishedArrival && (
            <Paragraph>
              {data.wishedDeparture
                ? t('wished', { from: formatDate(data.wishedArrival), to: formatDate(data.wishedDeparture) })
                : t('wishedFrom', { from: formatDate(data.wishedArrival) })}
            </Paragraph>
          )}
          <Heading2>{t('nowTitle')}</Heading2>
          {withdrawn ? (
            <Alert type="ok">
              <Paragraph>{t('withdrawn')}</Paragraph>
            </Alert>
          ) : (
            <Paragraph role="status">{t(data.status)}</Paragraph>
          )}
          {data.stays.length > 0 && (
            <>
              <Heading2>{t('placesTitle')}</Heading2>
              <UnorderedList>
                {data.stays.map((stay) => (
                  <UnorderedListItem key={stay.id}>
                    {t('place', { location: stay.locationName, from: formatDate(stay.arrival), to: formatDate(stay.departure) })}{' '}
                    <a className="utrecht-link" href={`/api/public/status/${token}/stays/${stay.id}/calendar.ics`} download>
                      {t('calendar')}
                    </a>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          <Heading2>{t('contactTitle')}</Heading2>
          {data.contactPerson && (
            <Paragraph>
              <strong>{t('contactPerson', { name: data.contactPerson })}</strong>
            </Paragraph>
          )}
          {data.accessPoint.phone || data.accessPoint.email ? (
            <UnorderedList>
              {data.accessPoint.phone && <UnorderedListItem>{t('phone', { phone: data.accessPoint.phone })}</UnorderedListItem>}
              {data.accessPoint.email && <UnorderedListItem>{t('email', { email: data.accessPoint.email })}</UnorderedListItem>}
              {data.accessPoint.hours && <UnorderedListItem>{t('hours', { hours: data.accessPoint.hours })}</UnorderedListItem>}
            </UnorderedList>
          ) : (
            <Paragraph>{t('noContact')}</Paragraph>
          )}
          {data.canChange && !withdrawn && <RequestChangeForm token={token} current={data} onSaved={reload} />}
          {data.canChange && !withdrawn && (
            <form onSubmit={withdraw} noValidate>
              <Heading2>{t('withdrawTitle')}</Heading2>
              <Paragraph>{t('withdrawIntro')}</Paragraph>
              {failure !== null && <ErrorAlert error={failure} />}
              <FormFieldTextarea name="reason" label={t('reason')} rows={2} maxLength={500} required />
              <Button type="submit" appearance="secondary-action-button">
                {t('withdraw')}
              </Button>
            </form>
          )}
          {!data.canChange && ['proposed', 'booked'].includes(data.status) && (
            <>
              <Heading2>{t('lateTitle')}</Heading2>
              <Paragraph>{t('late')}</Paragraph>
            </>
          )}
          <StatusCheckIn token={token} checkIn={data.checkIn} onChanged={reload} />
        </>
      )}
    </div>
  );
}
