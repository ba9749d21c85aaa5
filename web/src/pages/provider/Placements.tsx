import { Alert, Button, ButtonGroup, FormFieldTextarea, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { fieldMessage } from '../../forms/fields.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { ProviderPlacements } from '../../../../src/http/schemas/provider.schemas.ts';

/** GET /provider/placements answers with a list of these. */
type Placement = z.infer<typeof ProviderPlacements>[number];

type Key =
  | 'title'
  | 'intro'
  | 'none'
  | 'loading'
  | 'answerBefore'
  | 'handover'
  | 'accept'
  | 'decline'
  | 'reason'
  | 'reasonHelp'
  | 'send'
  | 'cancel'
  | 'accepted'
  | 'declined'
  | 'reference';

const texts: Texts<Key> = {
  nl: {
    title: 'Voorgestelde plaatsingen',
    intro:
      'Het aanmeldpunt houdt deze plekken vast voor een gast. Past de gast bij u? Neem aan of wijs af met een reden, vóór de tijd die erbij staat. Daarna vervalt de optie.',
    none: 'Er wachten geen plaatsingen op uw antwoord.',
    loading: 'Laden…',
    answerBefore: 'Antwoord vóór {at}',
    handover: 'Wat de gast nodig heeft',
    accept: 'Aannemen',
    decline: 'Afwijzen',
    reason: 'Waarom past het niet?',
    reasonHelp: 'Het aanmeldpunt leest dit en zoekt een andere plek.',
    send: 'Afwijzing versturen',
    cancel: 'Terug',
    accepted: 'Aangenomen: {name} komt op {date}.',
    declined: 'Afgewezen. Het aanmeldpunt zoekt een andere plek voor {name}.',
    reference: 'aanmelding {reference}',
  },
  en: {
    title: 'Proposed placements',
    intro:
      'The central point holds these places for a guest. Does the guest fit with you? Accept, or decline with a reason, before the time shown. After that the hold lapses.',
    none: 'No placements are waiting for your answer.',
    loading: 'Loading…',
    answerBefore: 'Answer before {at}',
    handover: 'What the guest needs',
    accept: 'Accept',
    decline: 'Decline',
    reason: 'Why does it not fit?',
    reasonHelp: 'The central point reads this and looks for another place.',
    send: 'Send the decline',
    cancel: 'Back',
    accepted: 'Accepted: {name} arrives on {date}.',
    declined: 'Declined. The central point looks for another place for {name}.',
    reference: 'referral {reference}',
  },
};

/** Places the central point holds at the provider's locations, waiting for the provider to accept or decline. */
export function Placements() {
  const t = useTexts(texts);
  const { language } = useI18n();
  const list = useApiQuery<Placement[]>('/provider/placements');
  const [declining, setDeclining] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const answer = async (work: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await work();
      setDone(message);
      setDeclining(null);
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {error !== null && !fieldMessage(error, 'reason') && <ErrorAlert error={error} />}
      {list.data === null && list.error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {list.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      <ul className="adempauze-provider-cards">
        {list.data?.map((placement) => (
          <li key={placement.stayId} className="adempauze-provider-card">
            <Heading2>{placement.clientName}</Heading2>
            <Paragraph>
              {placement.locationName}, {placement.unitName}: {STAY_TYPE_LABELS[placement.stayType]?.[language] ?? placement.stayType},{' '}
              {formatDate(placement.arrival)} – {formatDate(placement.departure)}
              {placement.reference && ` (${t('reference', { reference: placement.reference })})`}
            </Paragraph>
            <Paragraph>
              <strong>{t('answerBefore', { at: formatDateTime(placement.answerBefore) })}</strong>
            </Paragraph>
            <Paragraph>
              <Link className="utrecht-link" to={`/zorgaanbieder/verblijven/${placement.stayId}`}>
                {t('handover')}
              </Link>
            </Paragraph>
            {declining === placement.stayId ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
                  void answer(
                    () => api('POST', `/stays/${placement.stayId}/decline`, { reason }),
                    t('declined', { name: placement.clientName }),
                  );
                }}
                noValidate
              >
                <FormFieldTextarea
                  id={`reason-${placement.stayId}`}
                  name="reason"
                  label={t('reason')}
                  description={t('reasonHelp')}
                  required
                  invalid={Boolean(fieldMessage(error, 'reason'))}
                  errorMessage={fieldMessage(error, 'reason')}
                />
                <ButtonGroup>
                  <Button type="submit" appearance="primary-action-button">
                    {t('send')}
                  </Button>
                  <Button
                    appearance="subtle-button"
                    onClick={() => {
                      setError(null);
                      setDeclining(null);
                    }}
                  >
                    {t('cancel')}
                  </Button>
                </ButtonGroup>
              </form>
            ) : (
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  aria-label={`${t('accept')}: ${placement.clientName}`}
                  onClick={() =>
                    void answer(
                      () => api('POST', `/stays/${placement.stayId}/accept`, {}),
                      t('accepted', { name: placement.clientName, date: formatDate(placement.arrival) }),
                    )
                  }
                >
                  {t('accept')}
                </Button>
                <Button
                  appearance="secondary-action-button"
                  aria-label={`${t('decline')}: ${placement.clientName}`}
                  onClick={() => {
                    setDone(null);
                    setDeclining(placement.stayId);
                  }}
                >
                  {t('decline')}
                </Button>
              </ButtonGroup>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
