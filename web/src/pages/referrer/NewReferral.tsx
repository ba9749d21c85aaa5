import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Paragraph,
  Textarea,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { REFERRAL_KINDS, type ReferralKind } from '../../../../src/domain/referral.ts';
import { api } from '../../api/client.ts';
import { SelectField, TextField, fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { REFERRAL_KIND_LABELS, URGENCY_LABELS } from '../../i18n/labels.ts';
import { Link } from 'react-router';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { URGENCIES } from '../../../../src/domain/triage/outcome.ts';

const texts: Texts<
  | 'title'
  | 'intro'
  | 'request'
  | 'kind'
  | 'referrer'
  | 'client'
  | 'name'
  | 'born'
  | 'bsn'
  | 'bsnHelp'
  | 'postcode'
  | 'phone'
  | 'caregiver'
  | 'relation'
  | 'partner'
  | 'child'
  | 'other'
  | 'works'
  | 'period'
  | 'arrival'
  | 'departure'
  | 'message'
  | 'consent'
  | 'consentBy'
  | 'consentGiven'
  | 'submit'
  | 'busy'
  | 'sent'
  | 'outside'
  | 'next'
  | 'another'
  | 'gp'
  | 'poh'
  | 'casemanager'
  | 'wmo'
  | 'district'
  | 'social'
  | 'hospital'
  | 'urgency'
  | 'urgencyNone'
  | 'callback'
  | 'callbackHelp'
  | 'expected'
  | 'expectedHelp'
  | 'departureHelp'
  | 'partnerTitle'
  | 'partnerHelp'
  | 'mine'
  | 'providerNote'
  | 'providerNoteHelp'
> = {
  nl: {
    urgency: 'Hoe snel is een plek nodig?',
    urgencyNone: 'Weet ik niet',
    callback: 'Terugbelnummer',
    callbackHelp: 'Waar het aanmeldpunt u kan bereiken over deze aanmelding',
    expected: 'Verwachte duur in nachten (niet verplicht)',
    expectedHelp: 'Voor crisis en ELV als het einde nog niet bekend is; laat dan het vertrek leeg.',
    departureHelp: 'Niet bekend? Laat leeg en vul de verwachte duur in.',
    partnerTitle: 'De partner die mee logeert',
    partnerHelp: 'Bij samen logeren (koppelbed) slapen beiden in één kamer.',
    mine: 'Naar mijn aanmeldingen',
    providerNote: 'Voor de medewerkers van de logeerplek (niet verplicht)',
    providerNoteHelp:
      'Wat zij moeten weten om de gast goed te ontvangen, bijvoorbeeld: slechtziend. Zij lezen dit in de overdracht; de toelichting hieronder niet.',
    title: 'Cliënt aanmelden',
    intro:
      'Meld een cliënt aan voor logeerzorg, crisisopname of eerstelijnsverblijf. Het aanmeldpunt doet de triage en zoekt een plek dicht bij huis.',
    request: 'De vraag',
    kind: 'Wat is nodig?',
    referrer: 'U bent',
    client: 'De cliënt',
    name: 'Naam',
    born: 'Geboortedatum',
    bsn: 'BSN (niet verplicht)',
    bsnHelp: '9 cijfers',
    postcode: 'Postcode',
    phone: 'Telefoon (niet verplicht)',
    caregiver: 'De mantelzorger',
    relation: 'Relatie tot de cliënt',
    partner: 'Partner',
    child: 'Kind',
    other: 'Anders',
    works: 'De mantelzorger heeft betaald werk',
    period: 'Gewenste periode',
    arrival: 'Aankomst',
    departure: 'Vertrek',
    message: 'Toelichting voor het aanmeldpunt (niet verplicht)',
    consent: 'Toestemming',
    consentBy: 'Naam van wie toestemming gaf',
    consentGiven: 'De cliënt (of vertegenwoordiger) gaf toestemming voor deze aanmelding',
    submit: 'Aanmelding versturen',
    busy: 'Even geduld…',
    sent: 'De aanmelding is verstuurd. Kenmerk: {reference}.',
    outside:
      "Let op: het adres van de cliënt ligt buiten de regio's van Adempauze. Het aanmeldpunt zoekt een plek in de dichtstbijzijnde regio.",
    next: 'Het aanmeldpunt doet nu de triage en zoekt een passende plek. U krijgt bericht zodra er een voorstel of boeking is.',
    another: 'Nog een cliënt aanmelden',
    gp: 'Huisarts',
    poh: 'Praktijkondersteuner (POH)',
    casemanager: 'Casemanager dementie',
    wmo: 'Wmo-consulent',
    district: 'Wijkverpleging',
    social: 'Sociaal wijkteam',
    hospital: 'Transferpunt ziekenhuis',
  },
  en: {
    urgency: 'How soon is a place needed?',
    urgencyNone: 'I do not know',
    callback: 'Call-back number',
    callbackHelp: 'Where the access point can reach you about this referral',
    expected: 'Expected length in nights (optional)',
    expectedHelp: 'For crisis and ELV when the end is not known yet; leave the departure empty then.',
    departureHelp: 'Not known? Leave empty and fill in the expected length.',
    partnerTitle: 'The partner who stays too',
    partnerHelp: 'For a couple stay (koppelbed) both sleep in one room.',
    mine: 'To my referrals',
    providerNote: 'For the staff at the place (optional)',
    providerNoteHelp:
      'What they need to know to receive the guest well, for example: poor eyesight. They read this in the handover; the note below they do not.',
    title: 'Refer a client',
    intro:
      'Refer a client for respite care, a crisis admission or a short-term care stay. The access point triages and looks for a place close to home.',
    request: 'The request',
    kind: 'What is needed?',
    referrer: 'You are',
    client: 'The client',
    name: 'Name',
    born: 'Date of birth',
    bsn: 'BSN (optional)',
    bsnHelp: '9 digits',
    postcode: 'Postcode',
    phone: 'Phone (optional)',
    caregiver: 'The caregiver',
    relation: 'Relation to the client',
    partner: 'Partner',
    child: 'Child',
    other: 'Other',
    works: 'The caregiver has a paid job',
    period: 'Wished period',
    arrival: 'Arrival',
    departure: 'Departure',
    message: 'Note for the access point (optional)',
    consent: 'Consent',
    consentBy: 'Name of who gave consent',
    consentGiven: 'The client (or representative) agreed to this referral',
    submit: 'Send referral',
    busy: 'Please wait…',
    sent: 'The referral has been sent. Reference: {reference}.',
    outside: "Note: the client's address lies outside the Adempauze regions. The access point looks for a place in the nearest region.",
    next: 'The access point now triages and looks for a suitable place. You will hear as soon as there is a proposal or a booking.',
    another: 'Refer another client',
    gp: 'GP',
    poh: 'Practice nurse (POH)',
    casemanager: 'Dementia case manager',
    wmo: 'Wmo consultant',
    district: 'District nurse',
    social: 'Social neighbourhood team',
    hospital: 'Hospital transfer desk',
  },
};

const REFERRERS = [
  ['gp', 'gp'],
  ['poh', 'poh'],
  ['casemanager_dementia', 'casemanager'],
  ['wmo_consultant', 'wmo'],
  ['district_nursing', 'district'],
  ['social_team', 'social'],
  ['hospital_transfer', 'hospital'],
] as const;

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : value;
};

/** A professional's referral (aanmelding): one form whatever the kind of stay and its financing. */
export function NewReferral() {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ reference: string; outsideEveryRegion: boolean } | null>(null);
  const [kind, setKind] = useState<ReferralKind>(REFERRAL_KINDS[0]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ reference: string; outsideEveryRegion: boolean }>('POST', '/referrals', {
        kind: form.get('kind') as ReferralKind,
        referrerKind: form.get('referrerKind'),
        client: {
          name: text(form, 'client.name'),
          dateOfBirth: text(form, 'client.dateOfBirth'),
          bsn: text(form, 'client.bsn'),
          postcode: text(form, 'client.postcode'),
          phone: text(form, 'client.phone'),
        },
        caregiver: text(form, 'caregiver.name')
          ? {
              name: text(form, 'caregiver.name'),
              relation: form.get('caregiver.relation'),
              works: form.get('caregiver.works') === 'on',
              phone: text(form, 'caregiver.phone'),
            }
          : undefined,
        wishedArrival: text(form, 'wishedArrival'),
        wishedDeparture: text(form, 'wishedDeparture'),
        expectedNights: text(form, 'expectedNights') === undefined ? undefined : Number(text(form, 'expectedNights')),
        urgency: text(form, 'urgency'),
        callbackPhone: text(form, 'callbackPhone'),
        partner: kind === 'couple_stay' ? { name: text(form, 'partner.name'), dateOfBirth: text(form, 'partner.dateOfBirth') } : undefined,
        message: text(form, 'message'),
        providerNote: text(form, 'providerNote'),
        consent: { given: form.get('consent.given') === 'on' ? true : undefined, by: text(form, 'consent.by') },
      });
      setSent({ reference: created.reference, outsideEveryRegion: created.outsideEveryRegion });
      window.scrollTo(0, 0);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <>
        <Heading1>{t('title')}</Heading1>
        <Alert type="ok" role="status">
          <Paragraph>{t('sent', { reference: sent.reference })}</Paragraph>
          {sent.outsideEveryRegion && (
            <Paragraph>
              <strong>{t('outside')}</strong>
            </Paragraph>
          )}
          <Paragraph>{t('next')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link className="utrecht-link" to="/verwijzen/aanmeldingen">
            {t('mine')}
          </Link>
        </Paragraph>
        <Button appearance="secondary-action-button" onClick={() => setSent(null)}>
          {t('another')}
        </Button>
      </>
    );
  }
  const consentMessage = fieldMessage(error, 'consent.given');
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Fieldset>
          <FieldsetLegend>{t('request')}</FieldsetLegend>
          <SelectField
            name="kind"
            label={t('kind')}
            error={error}
            value={kind}
            onChange={(value) => setKind(value as ReferralKind)}
            options={REFERRAL_KINDS.map((code) => ({ value: code, label: REFERRAL_KIND_LABELS[code][language] }))}
          />
          <SelectField
            name="referrerKind"
            label={t('referrer')}
            error={error}
            options={REFERRERS.map(([value, key]) => ({ value, label: t(key) }))}
          />
          <SelectField
            name="urgency"
            label={t('urgency')}
            error={error}
            options={[
              { value: '', label: t('urgencyNone') },
              ...URGENCIES.map((value) => ({ value, label: URGENCY_LABELS[value][language] })),
            ]}
          />
          <TextField
            name="callbackPhone"
            label={t('callback')}
            description={t('callbackHelp')}
            type="tel"
            autoComplete="tel"
            error={error}
          />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('client')}</FieldsetLegend>
          <TextField name="client.name" label={t('name')} error={error} required autoComplete="off" />
          <TextField name="client.dateOfBirth" label={t('born')} type="date" error={error} required />
          <TextField name="client.bsn" label={t('bsn')} description={t('bsnHelp')} error={error} autoComplete="off" />
          <TextField name="client.postcode" label={t('postcode')} error={error} required autoComplete="off" />
          <TextField name="client.phone" label={t('phone')} type="tel" error={error} autoComplete="off" />
        </Fieldset>
        {kind === 'couple_stay' && (
          <Fieldset invalid={Boolean(fieldMessage(error, 'partner'))} aria-describedby="partner-help">
            <FieldsetLegend>{t('partnerTitle')}</FieldsetLegend>
            <Paragraph id="partner-help" small>
              {t('partnerHelp')}
            </Paragraph>
            {fieldMessage(error, 'partner') && <FormFieldErrorMessage>{fieldMessage(error, 'partner')}</FormFieldErrorMessage>}
            <TextField name="partner.name" label={t('name')} error={error} required autoComplete="off" />
            <TextField name="partner.dateOfBirth" label={t('born')} type="date" error={error} required />
          </Fieldset>
        )}
        <Fieldset>
          <FieldsetLegend>{t('caregiver')}</FieldsetLegend>
          <TextField name="caregiver.name" label={t('name')} error={error} autoComplete="off" />
          <SelectField
            name="caregiver.relation"
            label={t('relation')}
            error={error}
            options={[
              { value: 'partner', label: t('partner') },
              { value: 'child', label: t('child') },
              { value: 'other', label: t('other') },
            ]}
          />
          <div className="adempauze-choice">
            <Checkbox id="caregiver.works" name="caregiver.works" />
            <FormLabel htmlFor="caregiver.works" type="checkbox">
              {t('works')}
            </FormLabel>
          </div>
          <TextField name="caregiver.phone" label={t('phone')} type="tel" error={error} autoComplete="off" />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('period')}</FieldsetLegend>
          <TextField name="wishedArrival" label={t('arrival')} type="date" error={error} />
          <TextField name="wishedDeparture" label={t('departure')} type="date" description={t('departureHelp')} error={error} />
          <TextField name="expectedNights" label={t('expected')} description={t('expectedHelp')} error={error} />
        </Fieldset>
        <FormField>
          <FormLabel htmlFor="providerNote">{t('providerNote')}</FormLabel>
          <Paragraph id="providerNote-help" small>
            {t('providerNoteHelp')}
          </Paragraph>
          <Textarea id="providerNote" name="providerNote" maxLength={1000} aria-describedby="providerNote-help" />
        </FormField>
        <FormField>
          <FormLabel htmlFor="message">{t('message')}</FormLabel>
          <Textarea id="message" name="message" maxLength={2000} />
        </FormField>
        <Fieldset invalid={Boolean(consentMessage)}>
          <FieldsetLegend>{t('consent')}</FieldsetLegend>
          {consentMessage && <FormFieldErrorMessage id="consent-error">{consentMessage}</FormFieldErrorMessage>}
          <div className="adempauze-choice">
            <Checkbox
              id="consent.given"
              name="consent.given"
              invalid={Boolean(consentMessage)}
              aria-describedby={consentMessage ? 'consent-error' : undefined}
            />
            <FormLabel htmlFor="consent.given" type="checkbox">
              {t('consentGiven')}
            </FormLabel>
          </div>
          <TextField name="consent.by" label={t('consentBy')} error={error} autoComplete="off" />
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('busy') : t('submit')}
        </Button>
      </form>
    </>
  );
}
