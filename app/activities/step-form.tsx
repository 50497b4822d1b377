import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfField } from "../components/csrf-field";

/** One step of a persisted activity (quiz, scenario): the intent and the state's row version, so a stale page is told apart. */
export function StepForm({ intent, version, token, className, describedBy, children }: { intent: string; version: number; token?: string; className: string; describedBy?: string; children: ReactNode }) {
  return (
    <Form method="post" className={className} aria-describedby={describedBy}>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {children}
    </Form>
  );
}

/** A step's button: disabled while the form is on its way, so a double click sends once. */
export function SubmitButton({ children, secondary = false, name, value }: { children: ReactNode; secondary?: boolean; name?: string; value?: string }) {
  const busy = useNavigation().state === "submitting";
  return (
    <button type="submit" className={secondary ? "button-secondary" : "button-primary"} disabled={busy} name={name} value={value}>
      {children}
    </button>
  );
}
