import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormFieldTextbox,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { type ReactNode, useId } from 'react';
import type { PublicRequestKind } from '../../../../src/domain/referral.ts';
import type { useRegionsWithLocations } from './common.tsx';
import type { Key } from './request-form-texts.ts';

/** What the parts of the request form share with it: its texts, the server's messages per field, and labels. */
export interface FieldHelpers {
  t(key: Key, params?: Record<string, string | number>): string;
  invalid(field: string): boolean;
  fieldError(field: string): string | undefined;
  label(key: Key, required: boolean): ReactNode;
}

const RELATIONS = ['partner', 'child', 'other'] as const;

/** The choices the form keeps in state rather than in its fields. */
interface Choices {
  kind: PublicRequestKind;
  locationId: string;
  everyWeeks: number;
  atHome: boolean;
  together: boolean;
}

/** The request as POST /public/requests takes it. Empty fields are left out, so the server says "required" rather than "not a valid e-mail address". */
export function requestBody(form: FormData, { kind, locationId, everyWeeks, atHome, together }: Choices) {
  const text = (name: string) => {
    const value = String(form.get(name) ?? '').trim();
    return value === '' ? undefined : value;
  };
  return {
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
    atHome: kind === 'stay' && atHome ? true : undefined,
    partner: kind !== 'tour' && together ? { name: text('partner.name'), dateOfBirth: text('partner.dateOfBirth') } : undefined,
    careNeeds: kind !== 'tour' && form.getAll('careNeeds').length > 0 ? form.getAll('careNeeds').map(String) : undefined,
    message: text('message'),
    providerNote: text('providerNote'),
    consent: form.get('consent') ? true : undefined,
    website: text('website'),
  };
}

/** Where and when: a location or none, the wished dates, how often, and away or at home. */
export function WhereAndWhenFields({
  fields,
  kind,
  regions,
  locationId,
  onLocation,
  wished,
  everyWeeks,
  onEveryWeeks,
  atHome,
  onAtHome,
}: {
  fields: FieldHelpers;
  kind: PublicRequestKind;
  regions: ReturnType<typeof useRegionsWithLocations>['data'];
  locationId: string;
  onLocation(locationId: string): void;
  wished: { arrival: string | undefined; departure: string | undefined };
  everyWeeks: number;
  onEveryWeeks(weeks: number): void;
  atHome: boolean;
  onAtHome(atHome: boolean): void;
}) {
  const { t, invalid, fieldError, label } = fields;
  return (
    <Fieldset>
      <FieldsetLegend>{t('where')}</FieldsetLegend>
      <FormField invalid={invalid('locationId')}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="locatie">{label('location', false)}</FormLabel>
        </div>
        <FormFieldDescription id="locatie-uitleg">{t('locationHint')}</FormFieldDescription>
        {invalid('locationId') && <FormFieldErrorMessage id="locatie-fout">{fieldError('locationId')}</FormFieldErrorMessage>}
        <div className="utrecht-form-field__input">
          <Select
            id="locatie"
            value={locationId}
            onChange={(event) => onLocation(event.target.value)}
            invalid={invalid('locationId')}
            aria-describedby={invalid('locationId') ? 'locatie-uitleg locatie-fout' : 'locatie-uitleg'}
          >
            <SelectOption value="">{t('noPreference')}</SelectOption>
            {regions?.map(({ region, locations }) => (
              <optgroup key={region.id} label={region.name}>
                {locations.map((location) => (
                  <SelectOption key={location.id} value={location.id}>
                    {location.name} ({location.city})
                  </SelectOption>
                ))}
              </optgroup>
            ))}
            {/* The location asked for in the address, until the list has come. */}
            {!regions && locationId && <SelectOption value={locationId}>…</SelectOption>}
          </Select>
        </div>
      </FormField>
      <div className="adempauze-date-pair">
        <FormFieldTextbox
          name="wishedArrival"
          type="date"
          label={label(kind === 'tour' ? 'tourDay' : 'arrival', false)}
          defaultValue={wished.arrival}
          description={t('datesHint')}
          invalid={invalid('wishedArrival')}
          errorMessage={fieldError('wishedArrival')}
        />
        {kind !== 'tour' && (
          <FormFieldTextbox
            name="wishedDeparture"
            type="date"
            label={label('departure', false)}
            defaultValue={wished.departure}
            invalid={invalid('wishedDeparture')}
            errorMessage={fieldError('wishedDeparture')}
          />
        )}
      </div>
      {kind === 'stay' && (
        <FormField invalid={invalid('repeat')}>
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="hoe-vaak">{t('often')}</FormLabel>
          </div>
          <FormFieldDescription id="hoe-vaak-uitleg">{t('oftenHint')}</FormFieldDescription>
          {invalid('repeat') && <FormFieldErrorMessage id="hoe-vaak-fout">{fieldError('repeat')}</FormFieldErrorMessage>}
          <div className="utrecht-form-field__input">
            <Select
              id="hoe-vaak"
              value={String(everyWeeks)}
              onChange={(event) => onEveryWeeks(Number(event.target.value))}
              invalid={invalid('repeat')}
              aria-describedby={invalid('repeat') ? 'hoe-vaak-uitleg hoe-vaak-fout' : 'hoe-vaak-uitleg'}
            >
              <SelectOption value="0">{t('once')}</SelectOption>
              {[1, 2, 3, 4, 6, 8].map((weeks) => (
                <SelectOption key={weeks} value={String(weeks)}>
                  {weeks === 1 ? t('everyWeek') : t('everyWeeks', { weeks })}
                </SelectOption>
              ))}
            </Select>
          </div>
        </FormField>
      )}
      {kind === 'stay' && everyWeeks > 0 && (
        <FormFieldTextbox
          name="repeat.times"
          type="number"
          inputMode="numeric"
          min={2}
          max={26}
          defaultValue="3"
          label={t('times')}
          description={t('timesHint')}
          invalid={invalid('repeat.times')}
          errorMessage={fieldError('repeat.times')}
        />
      )}
      {kind === 'stay' && (
        <Fieldset invalid={invalid('atHome')}>
          <FieldsetLegend className="adempauze-sub-legend">{t('place')}</FieldsetLegend>
          {invalid('atHome') && <FormFieldErrorMessage>{fieldError('atHome')}</FormFieldErrorMessage>}
          {(['away', 'home'] as const).map((place) => (
            <FormField key={place} type="radio" className="adempauze-choice">
              <RadioButton
                id={`plek-${place}`}
                name="place"
                value={place}
                checked={atHome === (place === 'home')}
                onChange={() => onAtHome(place === 'home')}
              />
              <FormLabel htmlFor={`plek-${place}`} type="radio">
                {t(`place.${place}`)} <span className="adempauze-field-hint">({t(`place.${place}Hint`)})</span>
              </FormLabel>
            </FormField>
          ))}
        </Fieldset>
      )}
    </Fieldset>
  );
}

/** Who asks: the caregiver, their relation to the guest, and how to reach them. */
export function CaregiverFields({ fields }: { fields: FieldHelpers }) {
  const { t, invalid, fieldError, label } = fields;
  const ids = { relationError: useId(), contactHint: useId() };
  return (
    <Fieldset>
      <FieldsetLegend>{t('caregiver')}</FieldsetLegend>
      <FormFieldTextbox
        name="caregiver.name"
        autoComplete="name"
        label={label('caregiverName', true)}
        invalid={invalid('caregiver.name')}
        errorMessage={fieldError('caregiver.name')}
      />
      <Fieldset invalid={invalid('caregiver.relation')} aria-describedby={invalid('caregiver.relation') ? ids.relationError : undefined}>
        <FieldsetLegend className="adempauze-sub-legend">{label('relation', true)}</FieldsetLegend>
        {invalid('caregiver.relation') && (
          <FormFieldErrorMessage id={ids.relationError}>{fieldError('caregiver.relation')}</FormFieldErrorMessage>
        )}
        {RELATIONS.map((relation) => (
          <FormField key={relation} type="radio" className="adempauze-choice">
            <RadioButton id={`relatie-${relation}`} name="caregiver.relation" value={relation} invalid={invalid('caregiver.relation')} />
            <FormLabel htmlFor={`relatie-${relation}`} type="radio">
              {t(`relation.${relation}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <FormFieldCheckbox
        name="caregiver.works"
        label={t('works')}
        invalid={invalid('caregiver.works')}
        errorMessage={fieldError('caregiver.works')}
      />
      <Fieldset aria-describedby={ids.contactHint}>
        <FieldsetLegend className="adempauze-sub-legend">{t('contact')}</FieldsetLegend>
        <FormFieldDescription id={ids.contactHint}>{t('contactHint')}</FormFieldDescription>
        <FormFieldTextbox
          name="caregiver.phone"
          type="tel"
          autoComplete="tel"
          label={t('phone')}
          invalid={invalid('caregiver.phone')}
          errorMessage={fieldError('caregiver.phone')}
        />
        <FormFieldTextbox
          name="caregiver.email"
          type="email"
          autoComplete="email"
          label={t('email')}
          invalid={invalid('caregiver.email')}
          errorMessage={fieldError('caregiver.email')}
        />
      </Fieldset>
    </Fieldset>
  );
}
