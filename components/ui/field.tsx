import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// Labelled form controls with their error beside them (aria-describedby), as the house style asks.

interface FieldShellProps {
  id: string;
  label: string;
  error?: string[] | string;
  hint?: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
}

export function FieldShell({ id, label, error, hint, required, children, className }: FieldShellProps) {
  const messages = typeof error === 'string' ? [error] : error;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint && !messages?.length ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {messages?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" role="alert">
          {messages.join('；')}
        </p>
      ) : null}
    </div>
  );
}

// `.control` (app/globals.css, components layer, so a utility beside it still wins): every form and
// filter row draws several, and one short class keeps the page and its payload small.
const controlClass = 'control';

type Common = { label: string; error?: string[] | string; hint?: string; wrapperClassName?: string };

/**
 * A field's props, split: label, hint and error go to FieldShell; the control gets its id, name,
 * required and aria wiring (the error's id is the one FieldShell gives it); the rest passes through.
 */
function splitField<P extends Common & { id?: string; name: string; required?: boolean }>({
  id,
  name,
  label,
  error,
  hint,
  required,
  wrapperClassName,
  ...rest
}: P) {
  const fieldId = id ?? `f-${name}`;
  const invalid = Boolean(typeof error === 'string' ? error : error?.length);
  return {
    shell: { id: fieldId, label, error, hint, required, className: wrapperClassName },
    control: {
      id: fieldId,
      name,
      required,
      'aria-invalid': invalid,
      'aria-describedby': invalid ? `${fieldId}-error` : undefined,
      className: controlClass,
    },
    rest,
  };
}

export function TextField(props: Common & InputHTMLAttributes<HTMLInputElement> & { id?: string; name: string }) {
  const { shell, control, rest } = splitField(props);
  return (
    <FieldShell {...shell}>
      <input {...control} {...rest} />
    </FieldShell>
  );
}

/**
 * React 19 resets a form after its action runs, and a <select> then goes back to the option that was
 * selected when it was mounted: unlike an input's or a textarea's, a select's defaultValue is not
 * re-applied when it changes. Keying the select by the value it should show mounts a fresh one whenever
 * that value changes (a refused save echoing what was chosen), so the reset lands on the chosen option.
 */
const selectKey = (value: SelectHTMLAttributes<HTMLSelectElement>['defaultValue']) =>
  Array.isArray(value) ? value.join('\u0000') : String(value ?? '');

export function SelectField({
  options,
  placeholder,
  ...props
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    id?: string;
    name: string;
    options: Array<{ value: string | number; label: string }>;
    placeholder?: string;
  }) {
  const { shell, control, rest } = splitField(props);
  return (
    <FieldShell {...shell}>
      <select key={selectKey(rest.defaultValue)} {...control} {...rest}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField(
  props: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { id?: string; name: string },
) {
  const { shell, control, rest } = splitField(props);
  return (
    <FieldShell {...shell}>
      <textarea {...control} rows={3} {...rest} />
    </FieldShell>
  );
}

export { controlClass };

/**
 * `field('name')` gives a control's name, the value it shows and the server's error for it, to spread
 * into TextField, SelectField or TextAreaField; `value` says what the form shows for each name.
 */
export function bindFields<K extends string>(
  value: (name: K) => string | undefined,
  errors: Record<string, string[]> | undefined,
) {
  return (name: K) => ({ name, defaultValue: value(name), error: errors?.[name] });
}

/** Select options from an enum's keys and their Chinese labels. */
export const enumOptions = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((key) => ({ value: key, label: labels[key] }));

/** Select options from database rows (units, users, industries, campaigns …): the id is the value. */
export const idOptions = (rows: ReadonlyArray<{ id: number; name: string }>) =>
  rows.map((row) => ({ value: row.id, label: row.name }));

/** Select options whose value is the text shown (teams, channels). */
export const textOptions = (texts: readonly string[]) => texts.map((text) => ({ value: text, label: text }));
