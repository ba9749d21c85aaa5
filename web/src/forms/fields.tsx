import { FormField, FormFieldErrorMessage, FormFieldTextbox, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { ApiError } from '../api/client.ts';

/** The server's message for a field of the last failed request (a problem document's errors), shown beside the field. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}

export function TextField({ name, label, error, type = 'text', required = false, autoComplete, description, defaultValue }: {
  name: string;
  label: string;
  error: unknown;
  type?: 'text' | 'date' | 'email' | 'tel';
  required?: boolean;
  autoComplete?: string;
  description?: string;
  defaultValue?: string;
}) {
  const message = fieldMessage(error, name);
  return (
    <FormFieldTextbox id={name} name={name} type={type} label={label} required={required} autoComplete={autoComplete}
      description={description} defaultValue={defaultValue} invalid={Boolean(message)} errorMessage={message} />
  );
}

export function SelectField({ name, label, error, options, defaultValue }: {
  name: string;
  label: string;
  error: unknown;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
}) {
  const message = fieldMessage(error, name);
  return (
    <FormField invalid={Boolean(message)}>
      <FormLabel htmlFor={name}>{label}</FormLabel>
      {message && <FormFieldErrorMessage id={`${name}-error`}>{message}</FormFieldErrorMessage>}
      <Select id={name} name={name} defaultValue={defaultValue} invalid={Boolean(message)} aria-describedby={message ? `${name}-error` : undefined}>
        {options.map((option) => <SelectOption key={option.value} value={option.value}>{option.label}</SelectOption>)}
      </Select>
    </FormField>
  );
}
