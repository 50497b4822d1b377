import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "./csrf-field";

/** The account page's choice of optional mail (reminders, digests); one plain form. */
export function MailPreferencesForm({ reminders, digests, saved }: { reminders: boolean; digests: boolean; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mail-prefs-heading">
      <h2 id="mail-prefs-heading">{t("mailPrefs.title")}</h2>
      <p id="mail-prefs-lead">{t("mailPrefs.lead")}</p>
      {saved ? (
        <p className="notice" role="status">
          {t("mailPrefs.saved")}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="mail-prefs" />
        <fieldset className="field" aria-describedby="mail-prefs-lead">
          <legend>{t("mailPrefs.title")}</legend>
          <label className="choice">
            <input type="checkbox" name="reminders" value="1" defaultChecked={reminders} /> {t("mailPrefs.reminders")}
          </label>
          <label className="choice">
            <input type="checkbox" name="digests" value="1" defaultChecked={digests} /> {t("mailPrefs.digests")}
          </label>
        </fieldset>
        <button type="submit" className="button-secondary">
          {t("mailPrefs.save")}
        </button>
      </Form>
    </section>
  );
}
