import {
  Alert,
  Button,
  Heading1,
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
import { nightsBetween } from '../../../../src/domain/dates.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { Plan as BatchPlan } from '../../../../src/http/schemas/allocation.schemas.ts';
import type { WaitingEntry as WaitingEntrySchema } from '../../../../src/http/schemas/waiting-list.schemas.ts';

type WaitingEntry = z.infer<typeof WaitingEntrySchema>;

type Plan = z.infer<typeof BatchPlan>;

const texts: Texts<
  | 'title'
  | 'intro'
  | 'caption'
  | 'empty'
  | 'reference'
  | 'urgency'
  | 'burden'
  | 'since'
  | 'wished'
  | 'today'
  | 'within_48h'
  | 'planned'
  | 'low'
  | 'moderate'
  | 'high'
  | 'batchTitle'
  | 'batchIntro'
  | 'pending'
  | 'optimal'
  | 'greedy'
  | 'placedCount'
  | 'km'
  | 'proven'
  | 'plan'
  | 'place'
  | 'none'
  | 'hold'
  | 'held'
  | 'outside'
  | 'period'
  | 'later'
  | 'earlier'
> = {
  nl: {
    title: 'Wachtlijst',
    intro:
      'Aanmeldingen die op een plek wachten, in de volgorde waarin ze een aanbod krijgen: eerst de meest dringende, dan de zwaarst belaste mantelzorger, dan wie het langst wacht. Komt er een plek vrij, dan krijgt de eerste die past automatisch een aanbod van 24 uur.',
    caption: 'Wachtende aanmeldingen',
    empty: 'Niemand wacht op een plek.',
    reference: 'Kenmerk',
    urgency: 'Hoe snel',
    burden: 'Belasting mantelzorger',
    since: 'Wacht sinds',
    wished: 'Gewenste periode',
    today: 'Vandaag',
    within_48h: 'Binnen 48 uur',
    planned: 'Gepland',
    low: 'Laag',
    moderate: 'Gemiddeld',
    high: 'Hoog',
    batchTitle: 'Alles tegelijk verdelen',
    batchIntro:
      'Verdeel alle wachtende en getrieerde aanmeldingen in één keer over de vrije plekken. De beste verdeling plaatst zoveel mogelijk mensen, de meest dringende eerst, zo dicht mogelijk bij huis. Ter vergelijking: wie de lijst één voor één afloopt.',
    pending: '{count} aanmeldingen wachten op een plek.',
    optimal: 'Beste verdeling',
    greedy: 'Eén voor één',
    placedCount: '{placed} geplaatst, {unplaced} niet',
    km: 'samen {km} km van huis',
    proven: '(bewezen de beste)',
    plan: 'Verdeling',
    place: 'Plek',
    none: 'Geen plek',
    hold: 'Deze plekken vasthouden',
    held: '{count|# plek|# plekken} vastgehouden. Bevestig ze bij de aanmelding.',
    outside: 'buiten de regio',
    period: 'Periode',
    later: '{count|# dag|# dagen} later dan gewenst',
    earlier: '{count|# dag|# dagen} eerder dan gewenst',
  },
  en: {
    title: 'Waiting list',
    intro:
      'Referrals waiting for a place, in the order they get offers: the most urgent first, then the most burdened caregiver, then whoever has waited longest. When a place frees up, the first that fits gets a 24-hour offer automatically.',
    caption: 'Waiting referrals',
    empty: 'Nobody is waiting for a place.',
    reference: 'Reference',
    urgency: 'How soon',
    burden: 'Caregiver burden',
    since: 'Waiting since',
    wished: 'Wished period',
    today: 'Today',
    within_48h: 'Within 48 hours',
    planned: 'Planned',
    low: 'Low',
    moderate: 'Moderate',
    high: 'High',
    batchTitle: 'Allocate all at once',
    batchIntro:
      'Allocate all waiting and triaged referrals to the free places in one go. The best allocation places as many people as possible, the most urgent first, as close to home as possible. For comparison: going down the list one by one.',
    pending: '{count} referrals are waiting for a place.',
    optimal: 'Best allocation',
    greedy: 'One by one',
    placedCount: '{placed} placed, {unplaced} not',
    km: '{km} km from home in all',
    proven: '(proven best)',
    plan: 'Allocation',
    place: 'Place',
    none: 'No place',
    hold: 'Hold these places',
    held: '{count|# place|# places} held. Confirm them on the referral.',
    outside: 'outside the region',
    period: 'Period',
    later: '{count|# day|# days} later than wished',
    earlier: '{count|# day|# days} earlier than wished',
  },
};

/** The waiting list, and the batch allocation of everything pending beside the one-by-one way. */
export function WaitingList() {
  const t = useTexts(texts);
  const { data: entries, error: entriesError, reload: reloadEntries } = useApiQuery<WaitingEntry[]>('/waiting-list');
  const {
    data: plans,
    error: plansError,
    reload: reloadPlans,
  } = useApiQuery<{ pending: number; optimal: Plan; greedy: Plan }>('/allocations/batch');
  const [held, setHeld] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? entriesError ?? plansError;

  const hold = async () => {
    setFailure(null);
    try {
      const result = await api<{ held: unknown[] }>('POST', '/allocations/batch', { method: 'optimal' });
      setHeld(result.held.length);
      reloadEntries();
      reloadPlans();
    } catch (refused) {
      setFailure(refused);
    }
  };

  const movedText = (wished: string, arrival: string) => {
    const days = nightsBetween(wished, arrival);
    return days > 0 ? t('later', { count: days }) : t('earlier', { count: -days });
  };
  const summary = (plan: Plan) =>
    `${t('placedCount', { placed: plan.placed.length, unplaced: plan.unplaced.length })}, ${t('km', { km: formatNumber(plan.totalDistanceKm) })}`;

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {entries?.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {entries && entries.length > 0 && (
        <div className="adempauze-table-scroll">
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('urgency')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('burden')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('wished')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('since')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((entry) => (
                <TableRow key={entry.referralId}>
                  <TableHeaderCell scope="row">
                    <Link className="utrecht-link" to={`/aanmeldpunt/aanmeldingen/${entry.referralId}`}>
                      {entry.reference}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>{t(entry.urgency)}</TableCell>
                  <TableCell>{t(entry.burdenLevel)}</TableCell>
                  <TableCell>
                    {entry.wishedArrival
                      ? `${formatDate(entry.wishedArrival)} – ${entry.wishedDeparture ? formatDate(entry.wishedDeparture) : '?'}`
                      : '–'}
                  </TableCell>
                  <TableCell>{formatDateTime(entry.waitingSince)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Heading2>{t('batchTitle')}</Heading2>
      <Paragraph>{t('batchIntro')}</Paragraph>
      {held !== null && (
        <Alert type="ok" role="status">
          <Paragraph>{t('held', { count: held })}</Paragraph>
        </Alert>
      )}
      {plans && (
        <>
          <Paragraph>{t('pending', { count: plans.pending })}</Paragraph>
          <Paragraph>
            <strong>{t('optimal')}:</strong> {summary(plans.optimal)} {plans.optimal.provenOptimal && t('proven')}
          </Paragraph>
          <Paragraph>
            <strong>{t('greedy')}:</strong> {summary(plans.greedy)}
          </Paragraph>
          {plans.pending > 0 && (
            <>
              <div className="adempauze-table-scroll">
                <Table>
                  <TableCaption>{`${t('plan')}: ${t('optimal')}`}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('reference')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('place')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('period')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {plans.optimal.placed.map((placement) => (
                      <TableRow key={placement.referralId}>
                        <TableHeaderCell scope="row">{placement.reference}</TableHeaderCell>
                        <TableCell>
                          {placement.locationName}, {placement.unitName}
                          {placement.distanceKm !== null && ` (${formatNumber(placement.distanceKm)} km)`}
                          {placement.outsideRegion && `, ${t('outside')}`}
                        </TableCell>
                        <TableCell>
                          {formatDate(placement.arrival)} – {formatDate(placement.departure)}
                          {placement.arrival !== placement.wishedArrival && ` (${movedText(placement.wishedArrival, placement.arrival)})`}
                        </TableCell>
                      </TableRow>
                    ))}
                    {plans.optimal.unplaced.map((entry) => (
                      <TableRow key={entry.referralId}>
                        <TableHeaderCell scope="row">{entry.reference}</TableHeaderCell>
                        <TableCell>{t('none')}</TableCell>
                        <TableCell />
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
              {plans.optimal.placed.length > 0 && (
                <Button appearance="primary-action-button" onClick={() => void hold()}>
                  {t('hold')}
                </Button>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
