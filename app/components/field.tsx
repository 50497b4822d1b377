import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { keepTypedText } from "../utils/typed-before-hydration";

interface Described {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  id?: string;
}

/** The label, hint and error around a control, and the ids that tie them to it. */
function FieldFrame({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: ReactNode; children: (describedBy: string | undefined) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

type FieldProps = Described & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({ name, label, error, hint, id = `field-${name}`, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
    </FieldFrame>
  );
}

type TextareaFieldProps = Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

/** A labelled text area for what people write (posts, reasons): laid out by its own direction. */
export function TextareaField({ name, label, error, hint, id = `field-${name}`, ...textarea }: TextareaFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => <textarea ref={keepTypedText} id={id} name={name} dir="auto" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />}
    </FieldFrame>
  );
}

type SelectFieldProps = Described & {
  /** The option chosen when the page is shown (the saved value, or what was sent before an error). */
  value?: string | undefined;
  children: ReactNode;
};

/** A labelled select whose hint and error are announced with it, like a Field's. */
export function SelectField({ name, label, error, hint, id = `field-${name}`, value, children }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <select id={id} name={name} defaultValue={value} aria-describedby={describedBy}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
