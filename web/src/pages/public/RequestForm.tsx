import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldCheckbox,
  FormFieldErrorMessage,
  FormFieldTextarea,
  FormFieldTextbox,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  RadioButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PublicRequestKind } from '../../../../src/domain/referral.ts';
import { ApiError, api } from '../../api/client.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { CareNeedsFields } from './CareNeedsFields.tsx';
import { CaregiverFields, type FieldHelpers, WhereAndWhenFields, requestBody } from './request-form-parts.tsx';
import { type Key, TEXTS } from './request-form-texts.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { useRegionsWithLocations, usePageTitle } from './common.tsx';
import type { z } from 'zod';
import type { PublicRequestReceipt } from '../../../../src/http/schemas/referral.schemas.ts';

/** POST /public/requests answers with this. */
type Receipt = z.infer<typeof PublicRequestReceipt>;

const KINDS: readonly PublicRequestKind[] = ['stay', 'trial_stay', 'tour'];

/** The fields of the form in the order they appear, by the path the server names them with. */
const FIELD_ORDER = [
  'kind',
  'locationId',
  'wishedArrival',
  'wishedDeparture',
  'repeat',
  'repeat.times',
  'atHome',
  'client.name',
  'client.postcode',
  'client.dateOfBirth',
  'partner',
  'partner.name',
  'partner.dateOfBirth',
  'careNeeds',
  'caregiver.name',
  'caregiver.relation',
  'caregiver.works',
  'caregiver.phone',
  'caregiver.email',
  'providerNote',
  'message',
  'consent',
] as const;
type Field = (typeof FIELD_ORDER)[number];
const FIELD_LABEL: Record<Field, Key> = {
  kind: 'kind',
  locationId: 'location',
  wishedArrival: 'arrival',
  wishedDeparture: 'departure',
  repeat: 'often',
  'repeat.times': 'times',
  atHome: 'place',
  partner: 'together',
  'partner.name': 'partnerName',
  'partner.dateOfBirth': 'partnerBirth',
  careNeeds: 'needs',
  'client.name': 'clientName',
  'client.postcode': 'clientPostcode',
  'client.dateOfBirth': 'clientBirth',
  'caregiver.name': 'caregiverName',
  'caregiver.relation': 'relation',
  'caregiver.works': 'works',
  'caregiver.phone': 'phone',
  'caregiver.email': 'email',
  providerNote: 'providerNote',
  message: 'message',
  consent: 'consentShort',
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
  const [atHome, setAtHome] = useState(false);
  const [together, setTogether] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const { data: regions } = useRegionsWithLocations();
  const ids = { kindError: useId() };
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
  const label = (key: Key, required: boolean) => (
    <>
      {t(key)} <span className="adempauze-field-hint">({t(required ? 'required' : 'optional')})</span>
    </>
  );
  const fields: FieldHelpers = { t, invalid, fieldError, label };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = requestBody(new FormData(event.currentTarget), { kind, locationId, everyWeeks, atHome, together });
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
      <Alert type="info">
        <Paragraph>{t('urgent')}</Paragraph>
      </Alert>

      {error !== null &&
        (invalidFields.length > 0 ? (
          <Alert type="error" role="alert">
            <Heading2>{t('invalidTitle')}</Heading2>
            <Paragraph>{t('invalidIntro')}</Paragraph>
            <UnorderedList>
              {invalidFields.map((field) => (
                <UnorderedListItem key={field}>{named(t(FIELD_LABEL[field]), fieldError(field)!)}</UnorderedListItem>
              ))}
            </UnorderedList>
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        ))}

      <form ref={formRef} onSubmit={submit} noValidate className="adempauze-request-form">
        <Fieldset invalid={invalid('kind')} aria-describedby={invalid('kind') ? ids.kindError : undefined}>
          <FieldsetLegend>{t('kind')}</FieldsetLegend>
          {invalid('kind') && <FormFieldErrorMessage id={ids.kindError}>{fieldError('kind')}</FormFieldErrorMessage>}
          {KINDS.map((option) => (
            <FormField key={option} type="radio" className="adempauze-choice">
              <RadioButton
                id={`soort-${option}`}
                name="kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
                invalid={invalid('kind')}
              />
              <FormLabel htmlFor={`soort-${option}`} type="radio">
                {t(`kind.${option}`)} <span className="adempauze-field-hint">({t(`kind.${option}Hint`)})</span>
              </FormLabel>
            </FormField>
          ))}
        </Fieldset>

        <WhereAndWhenFields
          fields={fields}
          kind={kind}
          regions={regions}
          locationId={locationId}
          onLocation={setLocationId}
          wished={{ arrival: params.get('aankomst') ?? undefined, departure: params.get('vertrek') ?? undefined }}
          everyWeeks={everyWeeks}
          onEveryWeeks={setEveryWeeks}
          atHome={atHome}
          onAtHome={setAtHome}
        />

        <Fieldset>
          <FieldsetLegend>{t('client')}</FieldsetLegend>
          <FormFieldTextbox
            name="client.name"
            autoComplete="off"
            label={label('clientName', true)}
            invalid={invalid('client.name')}
            errorMessage={fieldError('client.name')}
          />
          <FormFieldTextbox
            name="client.postcode"
            autoComplete="off"
            label={label('clientPostcode', true)}
            description={t('postcodeHint')}
            invalid={invalid('client.postcode')}
            errorMessage={fieldError('client.postcode')}
            size={8}
          />
          <FormFieldTextbox
            name="client.dateOfBirth"
            type="date"
            autoComplete="off"
            label={label('clientBirth', false)}
            invalid={invalid('client.dateOfBirth')}
            errorMessage={fieldError('client.dateOfBirth')}
          />
        </Fieldset>

        {kind !== 'tour' && (
          <CareNeedsFields t={t} together={together} onTogether={setTogether} invalid={invalid} fieldError={fieldError} label={label} />
        )}

        <CaregiverFields fields={fields} />

        <FormFieldTextarea
          name="providerNote"
          label={label('providerNote', false)}
          description={t('providerNoteHint')}
          rows={3}
          maxLength={1000}
          invalid={invalid('providerNote')}
          errorMessage={fieldError('providerNote')}
        />

        <FormFieldTextarea
          name="message"
          label={label('message', false)}
          description={t('messageHint')}
          rows={4}
          maxLength={2000}
          invalid={invalid('message')}
          errorMessage={fieldError('message')}
        />

        {/* A trap for robots: off screen, out of the tab order and hidden from screen readers; a person never fills it. */}
        <div className="adempauze-trap" aria-hidden="true">
          <label htmlFor="website">{t('trap')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <FormFieldCheckbox
          name="consent"
          label={label('consent', true)}
          invalid={invalid('consent')}
          errorMessage={fieldError('consent')}
        />

        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('busy') : t('submit')}
        </Button>
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
      <Heading1 ref={heading} tabIndex={-1}>
        {t('sentTitle')}
      </Heading1>
      <Alert type="ok">
        <Paragraph>
          <strong>{t('reference', { reference: receipt.reference })}</strong>
        </Paragraph>
        <Paragraph>{t('keepReference')}</Paragraph>
      </Alert>
      <Heading2>{t('nextTitle')}</Heading2>
      {/* The server writes it in the interface's language (Accept-Language), with the answer date in words. */}
      <Paragraph>{receipt.nextSteps}</Paragraph>
      <Heading2>{t('followTitle')}</Heading2>
      <Paragraph>{t('follow')}</Paragraph>
      <Paragraph>
        <Link to={new URL(receipt.statusUrl).pathname} className="utrecht-link">
          {t('followLink')}
        </Link>
      </Paragraph>
      <div className="adempauze-actions">
        <Button type="button" appearance="secondary-action-button" onClick={onAgain}>
          {t('again')}
        </Button>
        <Link to="/" className="utrecht-link">
          {t('home')}
        </Link>
      </div>
    </div>
  );
}
