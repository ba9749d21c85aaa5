import {
  Alert, Button, Fieldset, FieldsetLegend, FormField, FormFieldCheckbox, FormFieldDescription, FormFieldErrorMessage,
  FormFieldTextarea, FormFieldTextbox, FormLabel, Heading1, Heading2, Paragraph, RadioButton, Select, SelectOption,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PublicRequestKind } from '../../../../src/domain/referral.ts';
import { ApiError, api } from '../../api/client.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { useRegionsWithLocations, usePageTitle } from './common.tsx';

/** POST /public/requests answers with this. */
interface Receipt {
  reference: string;
  answerBy: string;
  nextSteps: string;
  statusUrl: string;
}

const KINDS: readonly PublicRequestKind[] = ['stay', 'trial_stay', 'tour'];
const RELATIONS = ['partner', 'child', 'other'] as const;

type Key =
  | 'title' | 'intro' | 'urgent' | 'required' | 'optional'
  | 'kind' | 'kind.stay' | 'kind.trial_stay' | 'kind.tour' | 'kind.stayHint' | 'kind.trial_stayHint' | 'kind.tourHint'
  | 'where' | 'location' | 'locationHint' | 'noPreference' | 'arrival' | 'departure' | 'tourDay' | 'datesHint'
  | 'often' | 'oftenHint' | 'once' | 'everyWeek' | 'everyWeeks' | 'times' | 'timesHint'
  | 'client' | 'clientName' | 'clientPostcode' | 'postcodeHint' | 'clientBirth'
  | 'caregiver' | 'caregiverName' | 'relation' | 'relation.partner' | 'relation.child' | 'relation.other'
  | 'works' | 'contact' | 'phone' | 'email' | 'contactHint' | 'chooseRelation' | 'giveConsent' | 'consentShort'
  | 'message' | 'messageHint' | 'providerNote' | 'providerNoteHint' | 'consent' | 'trap' | 'submit' | 'busy'
  | 'invalidTitle' | 'invalidIntro'
  | 'sentTitle' | 'reference' | 'keepReference' | 'nextTitle' | 'again' | 'home' | 'followTitle' | 'follow' | 'followLink';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Logeren aanvragen',
    intro: 'Met dit formulier vraagt u logeren, proeflogeren of een rondleiding aan. U hoeft geen account te maken. Een medewerker van het aanmeldpunt neemt daarna contact met u op.',
    urgent: 'Is het dringend, omdat u vandaag of morgen niet meer kunt zorgen? Bel dan uw huisarts.',
    required: 'verplicht',
    optional: 'mag leeg blijven',
    kind: 'Wat wilt u aanvragen?',
    'kind.stay': 'Logeren',
    'kind.trial_stay': 'Proeflogeren',
    'kind.tour': 'Een rondleiding',
    'kind.stayHint': 'een paar dagen of weken',
    'kind.trial_stayHint': 'één of twee nachten om het uit te proberen',
    'kind.tourHint': 'de locatie bekijken en kennismaken',
    where: 'Waar en wanneer?',
    location: 'Locatie',
    locationHint: 'Weet u het nog niet? Kies dan "Geen voorkeur". Wij zoeken een plek dicht bij huis.',
    noPreference: 'Geen voorkeur',
    arrival: 'Eerste dag',
    departure: 'Laatste dag (dag van vertrek)',
    tourDay: 'Welke dag past u goed?',
    datesHint: 'Weet u het nog niet precies? Laat het dan leeg.',
    often: 'Hoe vaak wilt u dit?',
    oftenHint: 'Bijvoorbeeld elke 4 weken een weekend. Vul dan hierboven de dagen van de eerste keer in.',
    once: 'Eén keer',
    everyWeek: 'Elke week',
    everyWeeks: 'Elke {weeks} weken',
    times: 'Hoeveel keer in totaal?',
    timesHint: 'Tussen 2 en 26 keer.',
    client: 'Over de persoon die komt logeren',
    clientName: 'Naam',
    clientPostcode: 'Postcode',
    postcodeHint: 'Bijvoorbeeld 3262 GD. Zo zoeken we een plek dicht bij huis.',
    clientBirth: 'Geboortedatum',
    caregiver: 'Over u',
    caregiverName: 'Uw naam',
    relation: 'Wat bent u van deze persoon?',
    'relation.partner': 'Partner',
    'relation.child': 'Zoon of dochter',
    'relation.other': 'Iets anders, bijvoorbeeld buurvrouw of vriend',
    works: 'Ik heb naast de zorg ook werk',
    contact: 'Hoe kunnen we u bereiken?',
    phone: 'Telefoonnummer',
    email: 'E-mailadres',
    contactHint: 'Vul een telefoonnummer of een e-mailadres in. Of allebei.',
    providerNote: 'Wat moeten de medewerkers van de logeerplek weten?',
    providerNoteHint: 'Bijvoorbeeld: slechtziend, slaapt met het licht aan, houdt van koffie om 7 uur. Dit lezen de medewerkers die uw naaste ontvangen.',
    message: 'Wilt u nog iets vertellen?',
    messageHint: 'Bijvoorbeeld wat uw naaste nodig heeft, of wat u belangrijk vindt.',
    consent: 'Ik vind het goed dat het aanmeldpunt deze gegevens bewaart om mijn aanvraag te beantwoorden.',
    consentShort: 'Toestemming',
    chooseRelation: 'Kies wat u bent van deze persoon.',
    giveConsent: 'Zet hier een vinkje. Zonder uw toestemming mogen we uw aanvraag niet bewaren.',
    trap: 'Laat dit veld leeg',
    submit: 'Aanvraag versturen',
    busy: 'Versturen…',
    invalidTitle: 'Niet alles is goed ingevuld',
    invalidIntro: 'Kijk bij deze vragen wat er mis is:',
    sentTitle: 'Uw aanvraag is verstuurd',
    reference: 'Uw kenmerk is {reference}.',
    keepReference: 'Bewaar dit kenmerk. Noem het als u ons belt of mailt.',
    nextTitle: 'Wat gebeurt er nu?',
    again: 'Nog een aanvraag doen',
    home: 'Naar de startpagina',
    followTitle: 'Uw aanvraag volgen',
    follow: 'Op uw eigen pagina ziet u steeds hoe het met uw aanvraag staat. U kunt hem daar ook intrekken. Gaf u een e-mailadres? Dan staat de link ook in de mail die wij u sturen. Bewaar de link goed: iedereen met de link kan de stand zien.',
    followLink: 'Naar mijn aanvraag',
  },
  en: {
    title: 'Ask for a stay',
    intro: 'With this form you ask for a respite stay, a trial stay or a tour. You do not need an account. Someone from the access point will then contact you.',
    urgent: 'Is it urgent, because you cannot give care today or tomorrow? Call your GP.',
    required: 'required',
    optional: 'optional',
    kind: 'What would you like to ask for?',
    'kind.stay': 'A respite stay',
    'kind.trial_stay': 'A trial stay',
    'kind.tour': 'A tour',
    'kind.stayHint': 'a few days or weeks',
    'kind.trial_stayHint': 'one or two nights to try it out',
    'kind.tourHint': 'see the location and meet the team',
    where: 'Where and when?',
    location: 'Location',
    locationHint: 'Not sure yet? Choose "No preference". We look for a place close to home.',
    noPreference: 'No preference',
    arrival: 'First day',
    departure: 'Last day (day of leaving)',
    tourDay: 'Which day suits you?',
    datesHint: 'Not sure of the exact dates? Leave them empty.',
    often: 'How often would you like this?',
    oftenHint: 'For example a weekend every 4 weeks. Then enter the days of the first time above.',
    once: 'Once',
    everyWeek: 'Every week',
    everyWeeks: 'Every {weeks} weeks',
    times: 'How many times in all?',
    timesHint: 'Between 2 and 26 times.',
    client: 'About the person who will stay',
    clientName: 'Name',
    clientPostcode: 'Postcode',
    postcodeHint: 'For instance 3262 GD. So we can find a place close to home.',
    clientBirth: 'Date of birth',
    caregiver: 'About you',
    caregiverName: 'Your name',
    relation: 'How are you related to this person?',
    'relation.partner': 'Partner',
    'relation.child': 'Son or daughter',
    'relation.other': 'Something else, for instance neighbour or friend',
    works: 'I also have a job besides giving care',
    contact: 'How can we reach you?',
    phone: 'Phone number',
    email: 'E-mail address',
    contactHint: 'Enter a phone number or an e-mail address. Or both.',
    providerNote: 'What should the staff at the place know?',
    providerNoteHint: 'For instance: poor eyesight, sleeps with the light on, likes coffee at 7. The staff who receive your loved one read this.',
    message: 'Anything else you would like to tell us?',
    messageHint: 'For instance what your loved one needs, or what matters to you.',
    consent: 'I agree that the access point keeps these details to answer my request.',
    consentShort: 'Consent',
    chooseRelation: 'Choose how you are related to this person.',
    giveConsent: 'Tick this box. Without your consent we may not keep your request.',
    trap: 'Leave this field empty',
    submit: 'Send request',
    busy: 'Sending…',
    invalidTitle: 'Not everything is filled in correctly',
    invalidIntro: 'See what is wrong with these questions:',
    sentTitle: 'Your request has been sent',
    reference: 'Your reference is {reference}.',
    keepReference: 'Keep this reference. Mention it when you call or e-mail us.',
    nextTitle: 'What happens now?',
    again: 'Make another request',
    home: 'To the home page',
    followTitle: 'Follow your request',
    follow: 'Your own page always shows how your request stands. You can withdraw it there too. Did you give an e-mail address? Then the link is also in the mail we send you. Keep the link safe: anyone with it can see the status.',
    followLink: 'To my request',
  },
};

/** The fields of the form in the order they appear, by the path the server names them with. */
const FIELD_ORDER = [
  'kind', 'locationId', 'wishedArrival', 'wishedDeparture', 'repeat', 'repeat.times', 'client.name', 'client.postcode', 'client.dateOfBirth',
  'caregiver.name', 'caregiver.relation', 'caregiver.works', 'caregiver.phone', 'caregiver.email', 'providerNote', 'message', 'consent',
] as const;
type Field = (typeof FIELD_ORDER)[number];
const FIELD_LABEL: Record<Field, Key> = {
  kind: 'kind', locationId: 'location', wishedArrival: 'arrival', wishedDeparture: 'departure', repeat: 'often', 'repeat.times': 'times', 'client.name': 'clientName',
  'client.postcode': 'clientPostcode', 'client.dateOfBirth': 'clientBirth', 'caregiver.name': 'caregiverName',
  'caregiver.relation': 'relation', 'caregiver.works': 'works', 'caregiver.phone': 'phone', 'caregiver.email': 'email',
  providerNote: 'providerNote', message: 'message', consent: 'consentShort',
};

function isKind(value: string | null): value is PublicRequestKind {
  return value !== null && (KINDS as readonly string[]).includes(value);
}

/**
 * The public request form: a stay, a trial stay or a tour, without an account. The server checks everything; its
 * field messages appear beside the fields, focus goes to the first field that needs attention, and after sending
 * a confirmation says what happens next and by when.
 */
export function RequestForm() {
  const t = useTexts(TEXTS);
  const [params] = useSearchParams();
  const asked = params.get('soort');
  const [kind, setKind] = useState<PublicRequestKind>(isKind(asked) ? asked : 'stay');
  const [locationId, setLocationId] = useState(params.get('locatie') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [everyWeeks, setEveryWeeks] = useState(0);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const { data: regions } = useRegionsWithLocations();
  const ids = { kindError: useId(), relationError: useId(), contactHint: useId() };
  usePageTitle(receipt ? t('sentTitle') : t('title'));

  // After a refused attempt, to the first field with a message; the alert above tells what is wrong in words.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  if (receipt) return <Confirmation receipt={receipt} onAgain={() => setReceipt(null)} />;

  const fieldError = (field: Field) => {
    if (!(error instanceof ApiError)) return undefined;
    const message = error.fieldError(field);
    // The server's words for a missing choice list its codes ("partner, child, other", "true"): say it plainly.
    if (message !== undefined && field === 'caregiver.relation') return t('chooseRelation');
    if (message !== undefined && field === 'consent') return t('giveConsent');
    return message;
  };
  const invalid = (field: Field) => fieldError(field) !== undefined;
  const named = (name: string, message: string) => (name.endsWith('?') ? `${name} ${message}` : `${name}: ${message}`);
  const invalidFields = error instanceof ApiError ? FIELD_ORDER.filter(invalid) : [];
  const label = (key: Key, required: boolean) => <>{t(key)} <span className="adempauze-field-hint">({t(required ? 'required' : 'optional')})</span></>;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(form.get(name) ?? '').trim();
      return value === '' ? undefined : value;
    };
    // Empty fields are left out, so the server says "required" rather than "not a valid e-mail address".
    const body = {
      kind,
      client: { name: text('client.name'), postcode: text('client.postcode'), dateOfBirth: text('client.dateOfBirth') },
      caregiver: {
        name: text('caregiver.name'),
        relation: text('caregiver.relation'),
        works: form.get('caregiver.works') ? true : undefined,
        phone: text('caregiver.phone'),
        email: text('caregiver.email'),
      },
      locationId: locationId || undefined,
      wishedArrival: text('wishedArrival'),
      wishedDeparture: kind === 'tour' ? undefined : text('wishedDeparture'),
      repeat: kind === 'stay' && everyWeeks ? { everyWeeks, times: Number(text('repeat.times') ?? '0') } : undefined,
      message: text('message'),
      providerNote: text('providerNote'),
      consent: form.get('consent') ? true : undefined,
      website: text('website'),
    };
    setBusy(true);
    setError(null);
    api<Receipt>('POST', '/public/requests', body)
      .then((answer) => {
        setReceipt(answer);
        window.scrollTo(0, 0);
      })
      .catch((failure: unknown) => {
        setError(failure);
        setAttempt((n) => n + 1);
      })
      .finally(() => setBusy(false));
  };

  return (
    <div className="adempauze-public">
      <Heading1>{t('title')}</Heading1>
      <Paragraph lead>{t('intro')}</Paragraph>
      <Alert type="info"><Paragraph>{t('urgent')}</Paragraph></Alert>

      {error !== null && (invalidFields.length > 0 ? (
        <Alert type="error" role="alert">
          <Heading2>{t('invalidTitle')}</Heading2>
          <Paragraph>{t('invalidIntro')}</Paragraph>
          <UnorderedList>
            {invalidFields.map((field) => <UnorderedListItem key={field}>{named(t(FIELD_LABEL[field]), fieldError(field)!)}</UnorderedListItem>)}
          </UnorderedList>
        </Alert>
      ) : <ErrorAlert error={error} />)}

      <form ref={formRef} onSubmit={submit} noValidate className="adempauze-request-form">
        <Fieldset invalid={invalid('kind')} aria-describedby={invalid('kind') ? ids.kindError : undefined}>
          <FieldsetLegend>{t('kind')}</FieldsetLegend>
          {invalid('kind') && <FormFieldErrorMessage id={ids.kindError}>{fieldError('kind')}</FormFieldErrorMessage>}
          {KINDS.map((option) => (
            <FormField key={option} type="radio" className="adempauze-choice">
              <RadioButton id={`soort-${option}`} name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} invalid={invalid('kind')} />
              <FormLabel htmlFor={`soort-${option}`} type="radio">
                {t(`kind.${option}`)} <span className="adempauze-field-hint">({t(`kind.${option}Hint`)})</span>
              </FormLabel>
            </FormField>
          ))}
        </Fieldset>

        <Fieldset>
          <FieldsetLegend>{t('where')}</FieldsetLegend>
          <FormField invalid={invalid('locationId')}>
            <div className="utrecht-form-field__label"><FormLabel htmlFor="locatie">{label('location', false)}</FormLabel></div>
            <FormFieldDescription id="locatie-uitleg">{t('locationHint')}</FormFieldDescription>
            {invalid('locationId') && <FormFieldErrorMessage id="locatie-fout">{fieldError('locationId')}</FormFieldErrorMessage>}
            <div className="utrecht-form-field__input">
              <Select id="locatie" value={locationId} onChange={(event) => setLocationId(event.target.value)} invalid={invalid('locationId')}
                aria-describedby={invalid('locationId') ? 'locatie-uitleg locatie-fout' : 'locatie-uitleg'}>
                <SelectOption value="">{t('noPreference')}</SelectOption>
                {regions?.map(({ region, locations }) => (
                  <optgroup key={region.id} label={region.name}>
                    {locations.map((location) => <SelectOption key={location.id} value={location.id}>{location.name} ({location.city})</SelectOption>)}
                  </optgroup>
                ))}
                {/* The location asked for in the address, until the list has come. */}
                {!regions && locationId && <SelectOption value={locationId}>…</SelectOption>}
              </Select>
            </div>
          </FormField>
          <div className="adempauze-date-pair">
            <FormFieldTextbox name="wishedArrival" type="date" label={label(kind === 'tour' ? 'tourDay' : 'arrival', false)} defaultValue={params.get('aankomst') ?? undefined}
              description={t('datesHint')} invalid={invalid('wishedArrival')} errorMessage={fieldError('wishedArrival')} />
            {kind !== 'tour' && (
              <FormFieldTextbox name="wishedDeparture" type="date" label={label('departure', false)} defaultValue={params.get('vertrek') ?? undefined}
                invalid={invalid('wishedDeparture')} errorMessage={fieldError('wishedDeparture')} />
            )}
          </div>
          {kind === 'stay' && (
            <FormField invalid={invalid('repeat')}>
              <div className="utrecht-form-field__label"><FormLabel htmlFor="hoe-vaak">{t('often')}</FormLabel></div>
              <FormFieldDescription id="hoe-vaak-uitleg">{t('oftenHint')}</FormFieldDescription>
              {invalid('repeat') && <FormFieldErrorMessage id="hoe-vaak-fout">{fieldError('repeat')}</FormFieldErrorMessage>}
              <div className="utrecht-form-field__input">
                <Select id="hoe-vaak" value={String(everyWeeks)} onChange={(event) => setEveryWeeks(Number(event.target.value))} invalid={invalid('repeat')}
                  aria-describedby={invalid('repeat') ? 'hoe-vaak-uitleg hoe-vaak-fout' : 'hoe-vaak-uitleg'}>
                  <SelectOption value="0">{t('once')}</SelectOption>
                  {[1, 2, 3, 4, 6, 8].map((weeks) => (
                    <SelectOption key={weeks} value={String(weeks)}>{weeks === 1 ? t('everyWeek') : t('everyWeeks', { weeks })}</SelectOption>
                  ))}
                </Select>
              </div>
            </FormField>
          )}
          {kind === 'stay' && everyWeeks > 0 && (
            <FormFieldTextbox name="repeat.times" type="number" inputMode="numeric" min={2} max={26} defaultValue="3" label={t('times')} description={t('timesHint')}
              invalid={invalid('repeat.times')} errorMessage={fieldError('repeat.times')} />
          )}
        </Fieldset>

        <Fieldset>
          <FieldsetLegend>{t('client')}</FieldsetLegend>
          <FormFieldTextbox name="client.name" autoComplete="off" label={label('clientName', true)}
            invalid={invalid('client.name')} errorMessage={fieldError('client.name')} />
          <FormFieldTextbox name="client.postcode" autoComplete="off" label={label('clientPostcode', true)} description={t('postcodeHint')}
            invalid={invalid('client.postcode')} errorMessage={fieldError('client.postcode')} size={8} />
          <FormFieldTextbox name="client.dateOfBirth" type="date" autoComplete="off" label={label('clientBirth', false)}
            invalid={invalid('client.dateOfBirth')} errorMessage={fieldError('client.dateOfBirth')} />
        </Fieldset>

        <Fieldset>
          <FieldsetLegend>{t('caregiver')}</FieldsetLegend>
          <FormFieldTextbox name="caregiver.name" autoComplete="name" label={label('caregiverName', true)}
            invalid={invalid('caregiver.name')} errorMessage={fieldError('caregiver.name')} />
          <Fieldset invalid={invalid('caregiver.relation')} aria-describedby={invalid('caregiver.relation') ? ids.relationError : undefined}>
            <FieldsetLegend className="adempauze-sub-legend">{label('relation', true)}</FieldsetLegend>
            {invalid('caregiver.relation') && <FormFieldErrorMessage id={ids.relationError}>{fieldError('caregiver.relation')}</FormFieldErrorMessage>}
            {RELATIONS.map((relation) => (
              <FormField key={relation} type="radio" className="adempauze-choice">
                <RadioButton id={`relatie-${relation}`} name="caregiver.relation" value={relation} invalid={invalid('caregiver.relation')} />
                <FormLabel htmlFor={`relatie-${relation}`} type="radio">{t(`relation.${relation}`)}</FormLabel>
              </FormField>
            ))}
          </Fieldset>
          <FormFieldCheckbox name="caregiver.works" label={t('works')} invalid={invalid('caregiver.works')} errorMessage={fieldError('caregiver.works')} />
          <Fieldset aria-describedby={ids.contactHint}>
            <FieldsetLegend className="adempauze-sub-legend">{t('contact')}</FieldsetLegend>
            <FormFieldDescription id={ids.contactHint}>{t('contactHint')}</FormFieldDescription>
            <FormFieldTextbox name="caregiver.phone" type="tel" autoComplete="tel" label={t('phone')}
              invalid={invalid('caregiver.phone')} errorMessage={fieldError('caregiver.phone')} />
            <FormFieldTextbox name="caregiver.email" type="email" autoComplete="email" label={t('email')}
              invalid={invalid('caregiver.email')} errorMessage={fieldError('caregiver.email')} />
          </Fieldset>
        </Fieldset>

        <FormFieldTextarea name="providerNote" label={label('providerNote', false)} description={t('providerNoteHint')} rows={3} maxLength={1000}
          invalid={invalid('providerNote')} errorMessage={fieldError('providerNote')} />

        <FormFieldTextarea name="message" label={label('message', false)} description={t('messageHint')} rows={4} maxLength={2000}
          invalid={invalid('message')} errorMessage={fieldError('message')} />

        {/* A trap for robots: off screen, out of the tab order and hidden from screen readers; a person never fills it. */}
        <div className="adempauze-trap" aria-hidden="true">
          <label htmlFor="website">{t('trap')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <FormFieldCheckbox name="consent" label={label('consent', true)} invalid={invalid('consent')} errorMessage={fieldError('consent')} />

        <Button type="submit" appearance="primary-action-button" disabled={busy}>{busy ? t('busy') : t('submit')}</Button>
      </form>
    </div>
  );
}

/** After sending: the reference, and what happens next and by when, from the server's receipt. */
function Confirmation({ receipt, onAgain }: { receipt: Receipt; onAgain(): void }) {
  const t = useTexts(TEXTS);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus to the new page's heading, so a screen reader starts reading there and keyboard users start from it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="adempauze-public">
      <Heading1 ref={heading} tabIndex={-1}>{t('sentTitle')}</Heading1>
      <Alert type="ok">
        <Paragraph><strong>{t('reference', { reference: receipt.reference })}</strong></Paragraph>
        <Paragraph>{t('keepReference')}</Paragraph>
      </Alert>
      <Heading2>{t('nextTitle')}</Heading2>
      {/* The server writes it in the interface's language (Accept-Language), with the answer date in words. */}
      <Paragraph>{receipt.nextSteps}</Paragraph>
      <Heading2>{t('followTitle')}</Heading2>
      <Paragraph>{t('follow')}</Paragraph>
      <Paragraph><Link to={new URL(receipt.statusUrl).pathname} className="utrecht-link">{t('followLink')}</Link></Paragraph>
      <div className="adempauze-actions">
        <Button type="button" appearance="secondary-action-button" onClick={onAgain}>{t('again')}</Button>
        <Link to="/" className="utrecht-link">{t('home')}</Link>
      </div>
    </div>
  );
}
