import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldTextarea,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { REFERRAL_KINDS, type ReferralKind } from '../../../../src/domain/referral.ts';
import { api } from '../../api/client.ts';
import { SelectField, TextField, fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS, URGENCY_LABELS } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { URGENCIES } from '../../../../src/domain/triage/outcome.ts';

/** What the change form shows and sends back; the referral as GET /referrals/:id gives it. */
export interface ChangeableReferral {
  id: string;
  kind: ReferralKind;
  wishedArrival: string | null;
  wishedDeparture: string | null;
  expectedNights: number | null;
  flexibilityDays: number;
  urgency: 'today' | 'within_48h' | 'planned' | null;
  callbackPhone: string | null;
  message: string | null;
  providerNote: string | null;
}

type Key =
  | 'change'
  | 'title'
  | 'kind'
  | 'arrival'
  | 'departure'
  | 'departureHelp'
  | 'expected'
  | 'expectedHelp'
  | 'flexibility'
  | 'urgency'
  | 'urgencyNone'
  | 'callback'
  | 'message'
  | 'save'
  | 'cancel'
  | 'saved'
  | 'stop'
  | 'stopTitle'
  | 'withdraw'
  | 'withdrawHelp'
  | 'close'
  | 'closeHelp'
  | 'reason'
  | 'reasonHelp'
  | 'next'
  | 'sure'
  | 'yes'
  | 'no'
  | 'outcome'
  | 'providerNote';

const texts: Texts<Key> = {
  nl: {
    change: 'Aanmelding wijzigen',
    title: 'Aanmelding wijzigen',
    kind: 'Soort',
    arrival: 'Gewenste aankomst',
    departure: 'Gewenste vertrek',
    departureHelp: 'Weet u het einde nog niet (crisis, ELV)? Laat dit leeg en vul de verwachte duur in.',
    expected: 'Verwachte duur in nachten',
    expectedHelp: 'Zonder vertrekdatum boeken we zo lang; verlengen kan later.',
    flexibility: 'Hoeveel dagen eerder of later kan ook?',
    urgency: 'Hoe snel is een plek nodig?',
    urgencyNone: 'Niet opgegeven',
    callback: 'Terugbelnummer',
    message: 'Toelichting voor het aanmeldpunt',
    providerNote: 'Voor de medewerkers van de logeerplek',
    save: 'Wijziging opslaan',
    cancel: 'Niet wijzigen',
    saved: 'De aanmelding is gewijzigd.',
    stop: 'Intrekken of afsluiten',
    stopTitle: 'Aanmelding intrekken of afsluiten',
    outcome: 'Wat wilt u doen?',
    withdraw: 'Intrekken: er is geen plek meer nodig',
    withdrawHelp: 'Vastgehouden en geboekte plekken worden geannuleerd.',
    close: 'Afsluiten: de aanmelding is klaar',
    closeHelp: 'Kan alleen als er geen verblijf meer gepland staat.',
    reason: 'Reden',
    reasonHelp: 'Kort, zonder medische details. De reden komt in de geschiedenis.',
    next: 'Verder',
    sure: 'Weet u het zeker? {what}. Reden: {reason}',
    yes: 'Ja, doorgaan',
    no: 'Nee, terug',
  },
  en: {
    change: 'Change referral',
    title: 'Change referral',
    kind: 'Kind',
    arrival: 'Wished arrival',
    departure: 'Wished departure',
    departureHelp: 'End not known yet (crisis, ELV)? Leave this empty and fill in the expected length.',
    expected: 'Expected length in nights',
    expectedHelp: 'Without a departure date we book this long; extending is possible later.',
    flexibility: 'How many days earlier or later would also do?',
    urgency: 'How soon is a place needed?',
    urgencyNone: 'Not given',
    callback: 'Call-back number',
    message: 'Note for the central point',
    providerNote: 'For the staff at the place',
    save: 'Save the change',
    cancel: 'Do not change',
    saved: 'The referral is changed.',
    stop: 'Withdraw or close',
    stopTitle: 'Withdraw or close the referral',
    outcome: 'What do you want to do?',
    withdraw: 'Withdraw: no place is needed any more',
    withdrawHelp: 'Held and booked places are cancelled.',
    close: 'Close: the referral is done',
    closeHelp: 'Only when no stay is planned any more.',
    reason: 'Reason',
    reasonHelp: 'Short, without medical details. The reason goes into the history.',
    next: 'Next',
    sure: 'Are you sure? {what}. Reason: {reason}',
    yes: 'Yes, go ahead',
    no: 'No, go back',
  },
};

const optional = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

/** Change a referral's dates, kind and wishes before placement; the server marks every field it refuses. */
export function ReferralChangeForm({ referral, onChanged }: { referral: ChangeableReferral; onChanged(): void }) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const nights = optional(form, 'expectedNights');
    setError(null);
    try {
      await api('PATCH', `/referrals/${referral.id}`, {
        kind: form.get('kind'),
        wishedArrival: optional(form, 'wishedArrival'),
        wishedDeparture: optional(form, 'wishedDeparture'),
        expectedNights: nights === null ? null : Number(nights),
        flexibilityDays: Number(optional(form, 'flexibilityDays') ?? 0),
        urgency: optional(form, 'urgency'),
        callbackPhone: optional(form, 'callbackPhone'),
        message: optional(form, 'message'),
        providerNote: optional(form, 'providerNote'),
      });
      setOpen(false);
      setSaved(true);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };

  if (!open) {
    return (
      <>
        <div aria-live="polite">
          {saved && (
            <Alert type="ok">
              <Paragraph>{t('saved')}</Paragraph>
            </Alert>
          )}
        </div>
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          {t('change')}
        </Button>
      </>
    );
  }
  const messageError = fieldMessage(error, 'message');
  return (
    <section aria-labelledby="referral-change-title">
      <Heading2 id="referral-change-title">{t('title')}</Heading2>
      {error !== null && <ErrorAlert error={error} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          name="kind"
          label={t('kind')}
          error={error}
          defaultValue={referral.kind}
          options={REFERRAL_KINDS.map((kind) => ({ value: kind, label: REFERRAL_KIND_LABELS[kind][language] }))}
        />
        <TextField name="wishedArrival" label={t('arrival')} type="date" error={error} defaultValue={referral.wishedArrival ?? ''} />
        <TextField
          name="wishedDeparture"
          label={t('departure')}
          type="date"
          error={error}
          description={t('departureHelp')}
          defaultValue={referral.wishedDeparture ?? ''}
        />
        <TextField
          name="expectedNights"
          label={t('expected')}
          error={error}
          description={t('expectedHelp')}
          defaultValue={referral.expectedNights?.toString() ?? ''}
        />
        <TextField name="flexibilityDays" label={t('flexibility')} error={error} defaultValue={String(referral.flexibilityDays)} />
        <SelectField
          name="urgency"
          label={t('urgency')}
          error={error}
          defaultValue={referral.urgency ?? ''}
          options={[
            { value: '', label: t('urgencyNone') },
            ...URGENCIES.map((value) => ({ value, label: URGENCY_LABELS[value][language] })),
          ]}
        />
        <TextField
          name="callbackPhone"
          label={t('callback')}
          type="tel"
          autoComplete="tel"
          error={error}
          defaultValue={referral.callbackPhone ?? ''}
        />
        <FormFieldTextarea
          id="change-provider-note"
          name="providerNote"
          label={t('providerNote')}
          defaultValue={referral.providerNote ?? ''}
          invalid={Boolean(fieldMessage(error, 'providerNote'))}
          errorMessage={fieldMessage(error, 'providerNote')}
        />
        <FormFieldTextarea
          id="change-message"
          name="message"
          label={t('message')}
          defaultValue={referral.message ?? ''}
          invalid={Boolean(messageError)}
          errorMessage={messageError}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('save')}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setError(null);
              setOpen(false);
            }}
          >
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** Withdraw or close a referral with a reason, after a confirmation; `canClose` only for the central point. */
export function ReferralStopForm({ referralId, canClose, onStopped }: { referralId: string; canClose: boolean; onStopped(): void }) {
  const t = useTexts(texts);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<{ outcome: 'withdrawn' | 'closed'; reason: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setPending({ outcome: form.get('outcome') === 'closed' ? 'closed' : 'withdrawn', reason: String(form.get('reason') ?? '').trim() });
  };
  const go = async () => {
    if (!pending) return;
    try {
      await api('POST', `/referrals/${referralId}/close`, pending);
      setOpen(false);
      onStopped();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  };

  if (!open)
    return (
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
        {t('stop')}
      </Button>
    );
  const reasonError = fieldMessage(error, 'reason');
  return (
    <section aria-labelledby="referral-stop-title">
      <Heading2 id="referral-stop-title">{t('stopTitle')}</Heading2>
      {error !== null && <ErrorAlert error={error} />}
      <form onSubmit={ask} noValidate>
        <Fieldset>
          <FieldsetLegend>{t('outcome')}</FieldsetLegend>
          <div className="adempauze-choice">
            <RadioButton id="stop-withdrawn" name="outcome" value="withdrawn" defaultChecked aria-describedby="stop-withdrawn-help" />
            <FormLabel htmlFor="stop-withdrawn" type="radio">
              {t('withdraw')}
            </FormLabel>
            <Paragraph id="stop-withdrawn-help" small>
              {t('withdrawHelp')}
            </Paragraph>
          </div>
          {canClose && (
            <div className="adempauze-choice">
              <RadioButton id="stop-closed" name="outcome" value="closed" aria-describedby="stop-closed-help" />
              <FormLabel htmlFor="stop-closed" type="radio">
                {t('close')}
              </FormLabel>
              <Paragraph id="stop-closed-help" small>
                {t('closeHelp')}
              </Paragraph>
            </div>
          )}
        </Fieldset>
        <FormFieldTextarea
          id="stop-reason"
          name="reason"
          label={t('reason')}
          description={t('reasonHelp')}
          required
          invalid={Boolean(reasonError)}
          errorMessage={reasonError}
        />
        {!pending && (
          <Button type="submit" appearance="secondary-action-button">
            {t('next')}
          </Button>
        )}
      </form>
      {pending && (
        <FormField>
          <Alert type="warning" role="alert">
            <Paragraph>
              {t('sure', { what: pending.outcome === 'closed' ? t('close') : t('withdraw'), reason: pending.reason || '–' })}
            </Paragraph>
          </Alert>
          <ButtonGroup>
            <Button appearance="primary-action-button" onClick={() => void go()}>
              {t('yes')}
            </Button>
            <Button appearance="subtle-button" onClick={() => setPending(null)}>
              {t('no')}
            </Button>
          </ButtonGroup>
        </FormField>
      )}
    </section>
  );
}
