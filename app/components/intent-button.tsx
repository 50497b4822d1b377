import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfField } from "./csrf-field";

interface IntentButtonProps {
  /** The action's `intent` field: which of the route's actions this button asks for. */
  intent: string;
  /** Hidden fields naming what it acts on (ids). */
  fields?: Record<string, string>;
  children: ReactNode;
  className?: string;
  /** The form's action, when it is not the current route. */
  action?: string;
  /** Keep the reader's place in a long page (the dialogue thread). */
  preventScrollReset?: boolean;
  /** Spoken with the button when its text alone is ambiguous in a list ("Revoke" — which one?). */
  "aria-label"?: string;
}

/** One POST button with its CSRF proof: the row actions of lists (revoke, pin, hide, retry…). */
export function IntentButton({ intent, fields = {}, children, className = "button-link", action, preventScrollReset, "aria-label": ariaLabel }: IntentButtonProps) {
  return (
    <Form method="post" action={action} preventScrollReset={preventScrollReset}>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} aria-label={ariaLabel}>
        {children}
      </button>
    </Form>
  );
}
