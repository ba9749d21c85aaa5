import {
  Alert,
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { STAY_TYPE_LABELS, type StayType } from '../../../../src/domain/stay-types.ts';
import type { StayStatus } from '../../../../src/domain/stay-lifecycle.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { STAY_STATUS_LABELS } from '../../i18n/stay-labels.ts';

interface ReferralStay {
  id: string;
  status: StayStatus;
  stayType: StayType;
  arrival: string;
  departure: string;
  holdExpiresAt: string | null;
  openEnded: boolean;
  unitName: string;
  locationName: string;
  featureOverrideReason: string | null;
}

type Key =
  | 'title'
  | 'none'
  | 'caption'
  | 'place'
  | 'period'
  | 'kind'
  | 'status'
  | 'holdUntil'
  | 'actions'
  | 'confirm'
  | 'open'
  | 'confirmed'
  | 'openEnd'
  | 'calendar'
  | 'override';

const texts: Texts<Key> = {
  nl: {
    title: 'Verblijven',
    none: 'Nog geen plek vastgehouden of geboekt.',
    caption: 'Verblijven van deze aanmelding',
    place: 'Plek',
    period: 'Periode',
    kind: 'Soort verblijf',
    status: 'Status',
    holdUntil: 'optie tot {at}',
    actions: 'Doen',
    confirm: 'Bevestigen',
    open: 'Verblijf openen',
    confirmed: 'Bevestigd: {place}, {period}.',
    openEnd: 'einde nog open',
    calendar: 'In mijn agenda (.ics)',
    override: 'Geboekt op een plek die niet alles biedt wat de logé nodig heeft. Reden: {reason}',
  },
  en: {
    title: 'Stays',
    none: 'No place held or booked yet.',
    caption: 'Stays of this referral',
    place: 'Place',
    period: 'Period',
    kind: 'Kind of stay',
    status: 'Status',
    holdUntil: 'hold until {at}',
    actions: 'Actions',
    confirm: 'Confirm',
    open: 'Open the stay',
    confirmed: 'Confirmed: {place}, {period}.',
    openEnd: 'end still open',
    calendar: 'To my calendar (.ics)',
    override: 'Booked on a place that lacks some of what the guest needs. Reason: {reason}',
  },
};

/** The places held or booked for a referral: confirm a hold here; change, move or cancel on the stay's own page. */
export function ReferralStays({ referralId, forReferrer = false }: { referralId: string; forReferrer?: boolean }) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const stays = useApiQuery<ReferralStay[]>(`/referrals/${referralId}/stays`);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const period = (stay: ReferralStay) => `${formatDate(stay.arrival)} – ${formatDate(stay.departure)}`;
  const confirm = async (stay: ReferralStay) => {
    setError(null);
    try {
      await api('POST', `/stays/${stay.id}/confirm`, {});
      setDone(t('confirmed', { place: `${stay.locationName}, ${stay.unitName}`, period: period(stay) }));
      stays.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="referral-stays">
      <Heading2 id="referral-stays">{t('title')}</Heading2>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {(error ?? stays.error) !== null && <ErrorAlert error={error ?? stays.error} />}
      {stays.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {stays.data && stays.data.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption')} tabIndex={0}>
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['place', 'period', 'kind', 'status', 'actions'] as const).map((key) => (
                  <TableHeaderCell key={key} scope="col">
                    {t(key)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {stays.data.map((stay) => (
                <TableRow key={stay.id}>
                  <TableHeaderCell scope="row">
                    {stay.locationName}, {stay.unitName}
                    {stay.featureOverrideReason && (
                      <Paragraph className="adempauze-override-note">{t('override', { reason: stay.featureOverrideReason })}</Paragraph>
                    )}
                  </TableHeaderCell>
                  <TableCell>
                    {period(stay)}
                    {stay.openEnded && ` (${t('openEnd')})`}
                  </TableCell>
                  <TableCell>{STAY_TYPE_LABELS[stay.stayType]?.[language] ?? stay.stayType}</TableCell>
                  <TableCell>
                    {STAY_STATUS_LABELS[stay.status][language]}
                    {stay.status === 'hold' && stay.holdExpiresAt && ` (${t('holdUntil', { at: formatDateTime(stay.holdExpiresAt) })})`}
                  </TableCell>
                  {forReferrer ? (
                    <TableCell>
                      {stay.status !== 'cancelled' && stay.status !== 'expired' && (
                        <a
                          className="utrecht-link"
                          href={`/api/stays/${stay.id}/calendar.ics`}
                          download
                          aria-label={`${t('calendar')}: ${stay.locationName}, ${stay.unitName}, ${period(stay)}`}
                        >
                          {t('calendar')}
                        </a>
                      )}
                    </TableCell>
                  ) : (
                    <TableCell>
                      {stay.status === 'hold' && (
                        <Button
                          appearance="primary-action-button"
                          aria-label={`${t('confirm')}: ${stay.locationName}, ${stay.unitName}, ${period(stay)}`}
                          onClick={() => void confirm(stay)}
                        >
                          {t('confirm')}
                        </Button>
                      )}{' '}
                      <Link
                        className="utrecht-link"
                        to={`/aanmeldpunt/verblijven/${stay.id}`}
                        aria-label={`${t('open')}: ${stay.locationName}, ${stay.unitName}, ${period(stay)}`}
                      >
                        {t('open')}
                      </Link>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
