'use client';

import { useActionState, useEffect, useRef } from 'react';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/auth/action-state';
import type { ButtonVariant } from '@/components/ui/button';

// A small form bound to one guarded server action: labelled fields, errors beside them, what the
// user typed kept on error, an optional confirmation before work that cannot be undone.

export interface FormFieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'date' | 'textarea' | 'select';
  required?: boolean;
  options?: Array<{ value: string | number; label: string }>;
  defaultValue?: string;
  placeholder?: string;
  min?: string;
}

export interface ActionFormProps {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FormFieldSpec[];
  hidden?: Record<string, string | number>;
  submitLabel: string;
  variant?: ButtonVariant;
  confirm?: string;
  successMessage?: string;
  idPrefix: string;
  className?: string;
}

export function ActionForm({
  action,
  fields,
  hidden,
  submitLabel,
  variant,
  confirm,
  successMessage,
  idPrefix,
  className = '',
}: ActionFormProps) {
  const [state, formAction] = useActionState(action, { ok: false });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const valueOf = (field: FormFieldSpec) =>
    (state.ok ? field.defaultValue : (state.values?.[field.name] ?? field.defaultValue)) ?? '';
  const formError =
    !state.ok && state.message && !(state.errors && fields.some((f) => state.errors?.[f.name])) ? state.message : null;
  return (
    <form
      ref={formRef}
      action={formAction}
      className={`space-y-3 ${className}`}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const common = {
          id,
          name: field.name,
          label: field.label,
          required: field.required,
          error: state.ok ? undefined : state.errors?.[field.name],
        };
        if (field.kind === 'textarea')
          return (
            <TextAreaField
              key={`${field.name}-${String(state.values?.[field.name])}`}
              {...common}
              defaultValue={valueOf(field)}
              placeholder={field.placeholder}
            />
          );
        if (field.kind === 'select')
          return (
            <SelectField
              key={`${field.name}-${String(state.values?.[field.name])}`}
              {...common}
              options={field.options ?? []}
              defaultValue={valueOf(field)}
              placeholder={field.required ? undefined : '请选择'}
            />
          );
        return (
          <TextField
            key={`${field.name}-${String(state.values?.[field.name])}`}
            {...common}
            type={field.kind === 'date' ? 'date' : 'text'}
            min={field.min}
            defaultValue={valueOf(field)}
            placeholder={field.placeholder}
          />
        );
      })}
      {formError ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {formError}
        </p>
      ) : null}
      {state.ok && successMessage ? (
        <p className="text-sm text-emerald-700" role="status">
          {successMessage}
        </p>
      ) : null}
      <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
    </form>
  );
}
