import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormFieldTextbox,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';
import { ApiError } from '../api/client.ts';

/** The server's message for a field of the last failed request (a problem document's errors), shown beside the field. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}

export function TextField({
  name,
  id = name,
  errorField = name,
  label,
  error,
  type = 'text',
  required = false,
  autoComplete,
  description,
  defaultValue,
  list,
  value,
  onChange,
}: {
  name: string;
  /** The field the server names in its errors, when it differs from the form's name. */
  errorField?: string;
  /** Defaults to the name; give one when the same form appears more than once on a page. */
  id?: string;
  label: string;
  error: unknown;
  type?: 'text' | 'date' | 'email' | 'tel' | 'time';
  required?: boolean;
  autoComplete?: string;
  description?: string;
  defaultValue?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  /** For a field whose value the page follows as it is typed (controlled). */
  value?: string;
  onChange?(value: string): void;
}) {
  const message = fieldMessage(error, errorField);
  return (
    <FormFieldTextbox
      data-error-field={errorField}
      id={id}
      name={name}
      type={type}
      label={label}
      required={required}
      autoComplete={autoComplete}
      description={description}
      defaultValue={value === undefined ? defaultValue : undefined}
      value={value}
      {...(onChange ? { onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value) } : {})}
      invalid={Boolean(message)}
      errorMessage={message}
      list={list}
    />
  );
}

export function SelectField({
  name,
  id = name,
  errorField = name,
  label,
  error,
  options,
  defaultValue,
  value,
  onChange,
}: {
  name: string;
  id?: string;
  /** The field the server names in its errors, when it differs from the form's name. */
  errorField?: string;
  label: string;
  error: unknown;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  /** For a choice that changes the rest of the form (controlled). */
  value?: string;
  onChange?(value: string): void;
}) {
  const message = fieldMessage(error, errorField);
  return (
    <FormField invalid={Boolean(message)} data-error-field={errorField}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {message && <FormFieldErrorMessage id={`${id}-error`}>{message}</FormFieldErrorMessage>}
      <Select
        id={id}
        name={name}
        defaultValue={value === undefined ? defaultValue : undefined}
        value={value}
        onChange={onChange && ((event) => onChange(event.target.value))}
        invalid={Boolean(message)}
        aria-describedby={message ? `${id}-error` : undefined}
      >
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

/** Several choices under one legend; the form gets each ticked value under `name` (FormData.getAll). */
export function CheckboxGroup({
  name,
  legend,
  error,
  options,
  defaultValues = [],
  idPrefix = name,
}: {
  name: string;
  legend: string;
  error: unknown;
  options: readonly { value: string; label: string }[];
  defaultValues?: readonly string[];
  idPrefix?: string;
}) {
  const message = fieldMessage(error, name) ?? fieldMessage(error, `${name}.0`);
  return (
    <Fieldset invalid={Boolean(message)} aria-describedby={message ? `${idPrefix}-error` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {message && <FormFieldErrorMessage id={`${idPrefix}-error`}>{message}</FormFieldErrorMessage>}
      {options.map((option) => (
        <div key={option.value} className="adempauze-choice">
          <Checkbox
            id={`${idPrefix}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValues.includes(option.value)}
          />
          <FormLabel htmlFor={`${idPrefix}-${option.value}`} type="checkbox">
            {option.label}
          </FormLabel>
        </div>
      ))}
    </Fieldset>
  );
}

/** A form's text field, trimmed; empty becomes undefined so an optional field is left out of the request. */
export function optionalText(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

/** Euros typed the Dutch way ("42,50" or "42.50") as cents; NaN when it is no amount, which the server then refuses. */
export function centsOf(text: string): number {
  const cleaned = text.trim().replace(/\s|€/g, '');
  if (cleaned === '') return 0;
  // "20.000" is twenty thousand: three digits after a dot are never cents, so the dots group thousands.
  const dutch = /,\d{1,2}$/.test(cleaned) || /^\d{1,3}(\.\d{3})+$/.test(cleaned);
  const normal = dutch ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
  return /^\d+(\.\d{1,2})?$/.test(normal) ? Math.round(Number(normal) * 100) : Number.NaN;
}
