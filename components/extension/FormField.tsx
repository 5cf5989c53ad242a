import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../lib/store/editor';

/** What a form control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export interface FormFieldProps {
  label: string;
  /** The field's name in the draft, as FieldErrors names it: name, roles.0.since… */
  name: string;
  errors: FieldErrors;
  hint?: string;
  class?: string;
  children(control: ControlProps): ComponentChildren;
}

/** A label, a control, a hint and the field's error beside it, tied together for assistive technology. */
export function FormField({ label, name, errors, hint, class: className, children }: FormFieldProps) {
  const id = `field-${name.replace(/\./g, '-')}`;
  const error = errors[name];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={['field', className, error ? 'invalid' : ''].filter(Boolean).join(' ')}>
      <label for={id}>{label}</label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined })}
      {hint ? (
        <span id={hintId} class="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} class="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
