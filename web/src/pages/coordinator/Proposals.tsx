import {
  Alert,
  Button,
  ButtonGroup,
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
import { PLACEMENT_ANSWER_MINUTES } from '../../../../src/domain/holds.ts';
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { type NearMiss, NearMisses } from './NearMisses.tsx';
import type { z } from 'zod';
import type { Proposals as ProposalsSchema } from '../../../../src/http/schemas/matching.schemas.ts';

type Proposal = Proposals['proposals'][number];

type Proposals = z.infer<typeof ProposalsSchema>;

const texts: Texts<
  | 'title'
  | 'period'
  | 'caption'
  | 'place'
  | 'stay'
  | 'distance'
  | 'why'
  | 'actions'
  | 'outside'
  | 'hold'
  | 'book'
  | 'none'
  | 'wait'
  | 'waiting'
  | 'loading'
  | 'waitSure'
  | 'yes'
  | 'no'
  | 'outsideEvery'
  | 'warnings'
> = {
  nl: {
    outsideEvery: "Het adres van de cliënt ligt buiten alle regio's van Adempauze. Hieronder staan plekken in de dichtstbijzijnde regio's.",
    warnings: 'Let op voor u boekt:',
    waitSure:
      'Op de wachtlijst zetten? Er wordt nu niets geboekt. Komt er een passende plek vrij, dan houden we die automatisch vast en krijgt u een melding.',
    yes: 'Ja, op de wachtlijst',
    no: 'Nee',
    title: 'Voorstellen',
    period:
      'Vrije plekken van {from} tot {to}, de beste eerst. "Voorstellen aan aanbieder" houdt de plek {hours} uur vast; de aanbieder neemt aan of wijst af. "Boeken" boekt meteen.',
    caption: 'Vrije plekken die passen',
    place: 'Plek',
    stay: 'Soort verblijf',
    distance: 'Afstand',
    why: 'Waarom deze plek',
    actions: 'Actie',
    outside: 'Buiten de regio',
    hold: 'Voorstellen aan aanbieder',
    book: 'Boeken',
    none: 'Er is nu geen vrije plek die past.',
    wait: 'Op de wachtlijst zetten',
    waiting: 'De aanmelding staat op de wachtlijst. Als er een plek vrijkomt, krijgt zij automatisch een aanbod.',
    loading: 'Vrije plekken zoeken…',
  },
  en: {
    outsideEvery: "The client's address lies outside every Adempauze region. Below are places in the nearest regions.",
    warnings: 'Mind this before you book:',
    waitSure:
      'Put on the waiting list? Nothing is booked now. When a fitting place frees up, we hold it automatically and you get a notice.',
    yes: 'Yes, put on the list',
    no: 'No',
    title: 'Proposals',
    period:
      'Free places from {from} to {to}, the best first. "Propose to provider" holds the place for {hours} hours; the provider accepts or declines. "Book" books at once.',
    caption: 'Free places that fit',
    place: 'Place',
    stay: 'Kind of stay',
    distance: 'Distance',
    why: 'Why this place',
    actions: 'Action',
    outside: 'Outside the region',
    hold: 'Propose to provider',
    book: 'Book',
    none: 'No free place fits right now.',
    wait: 'Put on the waiting list',
    waiting: 'The referral is on the waiting list. When a place frees up, it gets an offer automatically.',
    loading: 'Looking for free places…',
  },
};

/** Free units for a triaged referral with their reasons, and holding or booking one of them. */
export function ProposalsSection({
  referralId,
  status,
  onBooked,
}: {
  referralId: string;
  status: 'triaged' | 'waiting';
  onBooked(): void;
}) {
  const { language } = useI18n();
  const t = useTexts(texts);
  const { data: result, error: loadError } = useApiQuery<Proposals>(`/referrals/${referralId}/proposals`);
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? loadError;
  const [busy, setBusy] = useState(false);
  const waiting = status === 'waiting';
  const [askWait, setAskWait] = useState(false);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (refused) {
      setFailure(refused);
    } finally {
      setBusy(false);
    }
  };
  const book = (proposal: Proposal, status: 'hold' | 'confirmed') =>
    act(async () => {
      // A held place is a proposal to the provider, who accepts or declines within the agreed time.
      const hold = status === 'hold' ? { holdMinutes: PLACEMENT_ANSWER_MINUTES } : {};
      await api('POST', `/referrals/${referralId}/stays`, {
        unitId: proposal.unitId,
        stayType: proposal.stayType,
        arrival: result!.period.from,
        departure: result!.period.to,
        status,
        ...hold,
      });
      onBooked();
    });
  // The reason travels with the booking; a refusal (too short a reason) is shown beside the field in NearMisses.
  const bookAnyway = async (nearMiss: NearMiss, reason: string) => {
    setBusy(true);
    try {
      await api('POST', `/referrals/${referralId}/stays`, {
        unitId: nearMiss.unitId,
        stayType: nearMiss.stayType,
        arrival: result!.period.from,
        departure: result!.period.to,
        status: 'confirmed',
        featureOverride: { reason },
      });
      onBooked();
    } finally {
      setBusy(false);
    }
  };
  const wait = () =>
    act(async () => {
      await api('POST', `/referrals/${referralId}/wait`, {});
      setAskWait(false);
      onBooked();
    });
  // At any time, also when places are free (the wished one may not be among them), after a confirmation.
  const waitingList = waiting ? (
    <Alert type="ok">
      <Paragraph>{t('waiting')}</Paragraph>
    </Alert>
  ) : askWait ? (
    <Alert type="warning">
      <Paragraph>{t('waitSure')}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" disabled={busy} onClick={() => void wait()}>
          {t('yes')}
        </Button>
        <Button appearance="subtle-button" onClick={() => setAskWait(false)}>
          {t('no')}
        </Button>
      </ButtonGroup>
    </Alert>
  ) : (
    <Button appearance="secondary-action-button" disabled={busy} onClick={() => setAskWait(true)}>
      {t('wait')}
    </Button>
  );

  return (
    <section aria-labelledby="proposals-title">
      <Heading2 id="proposals-title">{t('title')}</Heading2>
      {error !== null && <ErrorAlert error={error} />}
      {result === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {result && (
        <Paragraph>
          {t('period', { from: formatDate(result.period.from), to: formatDate(result.period.to), hours: PLACEMENT_ANSWER_MINUTES / 60 })}
        </Paragraph>
      )}
      {result?.outsideEveryRegion && (
        <Alert type="warning">
          <Paragraph>{t('outsideEvery')}</Paragraph>
        </Alert>
      )}
      {result && result.warnings.length > 0 && (
        <Alert type="warning">
          <Paragraph>{t('warnings')}</Paragraph>
          {result.warnings.map((warning) => (
            <Paragraph key={`${warning.stayType} ${warning.code}`}>{warning.text}</Paragraph>
          ))}
        </Alert>
      )}
      {result && result.proposals.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {result && result.proposals.length > 0 && (
        <div className="adempauze-table-scroll">
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('place')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('stay')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('distance')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('why')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.proposals.map((proposal) => (
                <TableRow key={proposal.unitId}>
                  <TableHeaderCell scope="row">
                    {proposal.locationName}, {proposal.unitName}
                    {proposal.outsideRegion && (
                      <>
                        <br />
                        <strong>{t('outside')}</strong>
                      </>
                    )}
                  </TableHeaderCell>
                  <TableCell>{STAY_TYPE_LABELS[proposal.stayType][language]}</TableCell>
                  <TableCell>{proposal.distanceKm === null ? '–' : `${formatNumber(proposal.distanceKm)} km`}</TableCell>
                  <TableCell>{proposal.reasons.map((reason) => reason.text).join(' ')}</TableCell>
                  <TableCell>
                    <ButtonGroup>
                      <Button
                        appearance="secondary-action-button"
                        disabled={busy}
                        aria-label={`${t('hold')}: ${proposal.locationName}, ${proposal.unitName}`}
                        onClick={() => void book(proposal, 'hold')}
                      >
                        {t('hold')}
                      </Button>
                      <Button
                        appearance="primary-action-button"
                        disabled={busy}
                        aria-label={`${t('book')}: ${proposal.locationName}, ${proposal.unitName}`}
                        onClick={() => void book(proposal, 'confirmed')}
                      >
                        {t('book')}
                      </Button>
                    </ButtonGroup>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {result && result.nearMisses.length > 0 && <NearMisses nearMisses={result.nearMisses} busy={busy} onBook={bookAnyway} />}
      {result && <div aria-live="polite">{waitingList}</div>}
    </section>
  );
}
