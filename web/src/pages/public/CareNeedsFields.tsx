import {
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormFieldTextbox,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CARE_NEEDS, CARE_NEED_LABELS } from '../../../../src/domain/care-needs.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Key } from './request-form-texts.ts';

interface Props {
  t(key: Key): string;
  together: boolean;
  onTogether(together: boolean): void;
  invalid(field: string): boolean;
  fieldError(field: string): string | undefined;
  label(key: Key, required: boolean): ReactNode;
}

/**
 * The part of the public request about the guest's care: whether a partner comes along (a couple stay), and a short
 * checklist of the help needed, in everyday words. The coordinator reads it before the triage call.
 */
export function CareNeedsFields({ t, together, onTogether, invalid, fieldError, label }: Props) {
  const { language } = useI18n();
  return (
    <>
      <FormFieldCheckbox name="together" label={t('together')} checked={together} onChange={(event) => onTogether(event.target.checked)} />
      {together && (
        <Fieldset>
          <FieldsetLegend>{t('partner')}</FieldsetLegend>
          <FormFieldTextbox
            name="partner.name"
            autoComplete="off"
            label={label('partnerName', true)}
            invalid={invalid('partner.name') || invalid('partner')}
            errorMessage={fieldError('partner.name') ?? fieldError('partner')}
          />
          <FormFieldTextbox
            name="partner.dateOfBirth"
            type="date"
            autoComplete="off"
            label={label('partnerBirth', false)}
            invalid={invalid('partner.dateOfBirth')}
            errorMessage={fieldError('partner.dateOfBirth')}
          />
        </Fieldset>
      )}
      <Fieldset invalid={invalid('careNeeds')} aria-describedby="zorg-uitleg">
        <FieldsetLegend>{label('needs', false)}</FieldsetLegend>
        <FormFieldDescription id="zorg-uitleg">{t('needsHint')}</FormFieldDescription>
        {invalid('careNeeds') && <FormFieldErrorMessage>{fieldError('careNeeds')}</FormFieldErrorMessage>}
        {CARE_NEEDS.map((need) => (
          <FormFieldCheckbox key={need} name="careNeeds" value={need} id={`zorg-${need}`} label={CARE_NEED_LABELS[need][language]} />
        ))}
      </Fieldset>
    </>
  );
}
