import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "../csrf-field";

interface Props {
  space: { id: string; editWindowMinutes: number; holdFirstPosts: number };
  failed: { errors: Record<string, string>; values: Record<string, string> } | undefined;
  saved: boolean;
}

/** For a space's facilitators: the edit window, first posts held for approval, and the history link. */
export function SpaceSettings({ space, failed, saved }: Props) {
  const { t } = useTranslation();
  const mine = failed?.values.intent === "settings" ? failed : undefined;
  const field = (name: "editWindowMinutes" | "holdFirstPosts", label: string, max: number, value: number) => {
    const error = mine?.errors[name];
    return (
      <div className={error ? "field field-invalid" : "field"}>
        <label htmlFor={`space-${name}`}>{label}</label>
        {error ? (
          <p className="field-error" id={`space-${name}-error`}>
            {t(error)}
          </p>
        ) : null}
        <input id={`space-${name}`} name={name} type="number" min={0} max={max} required defaultValue={mine?.values[name] ?? String(value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `space-${name}-error` : undefined} />
      </div>
    );
  };
  return (
    <details className="space-settings" open={Boolean(mine) || saved}>
      <summary>{t("dialogue.settings.summary")}</summary>
      {saved ? (
        <p className="notice" role="status">
          {t("dialogue.settings.saved")}
        </p>
      ) : null}
      <Form method="post" className="post-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="settings" />
        {field("editWindowMinutes", t("dialogue.settings.editWindow"), 1440, space.editWindowMinutes)}
        {field("holdFirstPosts", t("dialogue.settings.holdFirst"), 20, space.holdFirstPosts)}
        <button type="submit" className="button-secondary">
          {t("dialogue.settings.save")}
        </button>
      </Form>
      <p>
        <Link to={`/dialogue/${space.id}/history`}>{t("dialogue.history.link")}</Link>
      </p>
    </details>
  );
}
