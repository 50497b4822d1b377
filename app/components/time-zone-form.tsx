import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "./csrf-field";
import { SelectField } from "./field";

interface Props {
  /** The zone the person chose; null: their cohort's. */
  chosen: string | null;
  cohortZone: string;
  zones: string[];
  /** The personal calendar feed (sessions and due dates), a signed address. */
  feedUrl: string;
  error?: string | undefined;
  saved: boolean;
}

/** The account's time zone (sessions are shown in it) and the personal calendar feed. */
export function TimeZoneForm({ chosen, cohortZone, zones, feedUrl, error, saved }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="time-zone-heading" id="time-zone">
      <h2 id="time-zone-heading">{t("account.timeZone.title")}</h2>
      {saved ? (
        <p className="notice" role="status">
          {t("account.timeZone.saved")}
        </p>
      ) : null}
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="time-zone" />
        <SelectField name="timeZone" label={t("account.timeZone.label")} hint={t("account.timeZone.hint")} value={chosen ?? ""} error={error ? t(error) : undefined}>
          <option value="">{t("account.timeZone.cohort", { zone: cohortZone.replace(/_/g, " ") })}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button-primary">
          {t("account.timeZone.save")}
        </button>
      </Form>
      <h3>{t("account.calendar.title")}</h3>
      <p>{t("account.calendar.explain")}</p>
      <p>
        <a href={feedUrl}>{t("account.calendar.download")}</a>
      </p>
      <p className="hint">
        {t("account.calendar.subscribe")} <code className="feed-url">{feedUrl}</code>
      </p>
    </section>
  );
}
