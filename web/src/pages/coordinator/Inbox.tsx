import {
  FormField, FormLabel, Heading1, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { REFERRAL_STATUSES, type ReferralKind, type ReferralStatus } from '../../../../src/domain/referral.ts';
import { api } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS, REFERRAL_STATUS_LABELS } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';

interface ReferralSummary {
  id: string;
  reference: string;
  status: ReferralStatus;
  kind: ReferralKind;
  clientName: string;
  wishedArrival: string | null;
  createdAt: string;
}

/** The coordinator's inbox: referrals by status, newest first within it. */
export function Inbox() {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const [referrals, setReferrals] = useState<ReferralSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setReferrals(null);
    api<ReferralSummary[]>('GET', `/referrals${status ? `?status=${status}` : ''}`)
      .then((rows) => current && setReferrals(rows))
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [status]);

  return (
    <>
      <Heading1>{t('inbox.title')}</Heading1>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      <div className="adempauze-toolbar">
        <FormField>
          <FormLabel htmlFor="status-filter">{t('inbox.filter')}</FormLabel>
          <Select id="status-filter" value={status} onChange={(event) => setStatus(event.target.value as ReferralStatus | '')}>
            <SelectOption value="">{t('inbox.all')}</SelectOption>
            {REFERRAL_STATUSES.map((code) => <SelectOption key={code} value={code}>{REFERRAL_STATUS_LABELS[code][language]}</SelectOption>)}
          </Select>
        </FormField>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {referrals === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {referrals?.length === 0 && <Paragraph>{t('inbox.empty')}</Paragraph>}
      {referrals && referrals.length > 0 && (
        <div className="adempauze-table-scroll">
          <Table>
            <TableCaption>{t('inbox.caption', { count: referrals.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('inbox.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.wished')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('inbox.received')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {referrals.map((referral) => (
                <TableRow key={referral.id}>
                  <TableCell><Link to={`/aanmeldpunt/aanmeldingen/${referral.id}`} className="utrecht-link">{referral.reference}</Link></TableCell>
                  <TableCell>{REFERRAL_KIND_LABELS[referral.kind][language]}</TableCell>
                  <TableCell>{REFERRAL_STATUS_LABELS[referral.status][language]}</TableCell>
                  <TableCell>{referral.wishedArrival ? formatDate(referral.wishedArrival) : '–'}</TableCell>
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
