import {
  Button,
  FormField,
  FormLabel,
  Heading1,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../../src/domain/referral-lifecycle.ts';
import { useApiPages } from '../../api/queries.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS, REFERRAL_STATUS_LABELS } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { type Urgency, urgencyRank } from '../../../../src/domain/triage/outcome.ts';
import type { z } from 'zod';
import type { ReferralSummary as ReferralSummarySchema } from '../../../../src/http/schemas/referral.schemas.ts';

type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

// Most urgent first; not yet triaged (no urgency known) right after the same-day ones, so it is looked at soon.
const rankOf = (urgency: Urgency | null) => (urgency === null ? urgencyRank('today') + 0.5 : urgencyRank(urgency));
const byUrgency = (a: ReferralSummary, b: ReferralSummary) =>
  rankOf(a.urgency) - rankOf(b.urgency) || b.createdAt.localeCompare(a.createdAt);

/** The coordinator's inbox: referrals by status, the most urgent first, then the newest. */
const PAGE = 100;

export function Inbox() {
  const { t, language } = useI18n();
  // 'open': all but closed and cancelled; '': everything.
  const [status, setStatus] = useState<ReferralStatus | 'open' | ''>('open');
  const [query, setQuery] = useState('');
  // Clicking "Aanmeldingen" in the menu again gives a new location key: the list is read afresh.
  const { key: visit } = useLocation();
  const params = new URLSearchParams({ ...(status ? { status } : {}), ...(query ? { q: query } : {}) });
  const list = useApiPages<ReferralSummary>(`/referrals?${params}`, PAGE);
  const referrals = useMemo(() => list.rows && [...list.rows].sort(byUrgency), [list.rows]);
  const { error, more, reload } = list;
  const seenVisit = useRef(visit);
  useEffect(() => {
    if (visit === seenVisit.current) return;
    seenVisit.current = visit;
    reload();
  }, [visit, reload]);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get('q') ?? '').trim());
  };

  return (
    <>
      <Heading1>{t('inbox.title')}</Heading1>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      <div className="adempauze-toolbar">
        <FormField>
          <FormLabel htmlFor="status-filter">{t('inbox.filter')}</FormLabel>
          <Select id="status-filter" value={status} onChange={(event) => setStatus(event.target.value as ReferralStatus | 'open' | '')}>
            <SelectOption value="open">{t('inbox.all')}</SelectOption>
            <SelectOption value="">{t('inbox.everything')}</SelectOption>
            {REFERRAL_STATUSES.map((code) => (
              <SelectOption key={code} value={code}>
                {REFERRAL_STATUS_LABELS[code][language]}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <form onSubmit={search} role="search" aria-label={t('inbox.searchButton')}>
          <FormField>
            <FormLabel htmlFor="inbox-search">{t('inbox.search')}</FormLabel>
            <Textbox id="inbox-search" name="q" type="search" defaultValue={query} />
          </FormField>
          <Button type="submit" appearance="secondary-action-button">
            {t('inbox.searchButton')}
          </Button>
        </form>
      </div>
      {error !== null && <ErrorAlert error={error} onRetry={list.retry} />}
      {referrals === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {referrals?.length === 0 && <Paragraph>{t('inbox.empty')}</Paragraph>}
      {referrals && referrals.length > 0 && (
        <div className="adempauze-table-scroll">
          <Table>
            <TableCaption>{t('inbox.caption', { count: referrals.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('inbox.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.client')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.urgency')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.wished')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.received')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {referrals.map((referral) => (
                <TableRow key={referral.id}>
                  <TableCell>
                    <Link to={`/aanmeldpunt/aanmeldingen/${referral.id}`} className="utrecht-link">
                      {referral.reference}
                    </Link>
                  </TableCell>
                  <TableCell>{referral.clientName}</TableCell>
                  <TableCell>{REFERRAL_KIND_LABELS[referral.kind][language]}</TableCell>
                  <TableCell>{REFERRAL_STATUS_LABELS[referral.status][language]}</TableCell>
                  <TableCell>
                    {referral.urgency ? t(`inbox.urgency.${referral.urgency}`) : t('inbox.urgency.unknown')}
                    {referral.urgency && !referral.triaged && ` ${t('inbox.urgency.byReferrer')}`}
                  </TableCell>
                  <TableCell>{referral.wishedArrival ? formatDate(referral.wishedArrival) : '–'}</TableCell>
                  <TableCell>{formatDateTime(referral.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {more && (
        <Button appearance="secondary-action-button" onClick={list.loadMore}>
          {t('inbox.more')}
        </Button>
      )}
    </>
  );
}
