import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "../csrf-field";

/** Forms (or forms again) all of the cohort's teams in one step, by country or by institution. */
export function GenerateTeamsForm({ again }: { again: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <CsrfField />
      <fieldset>
        <legend>{again ? t("facilitate.teams.regenerate") : t("facilitate.teams.generate")}</legend>
        <p className="hint">{t("facilitate.teams.generateHint")}</p>
        <div className="radio">
          <input type="radio" id="by-country" name="by" value="country" defaultChecked />
          <label htmlFor="by-country">{t("facilitate.teams.byCountry")}</label>
        </div>
        <div className="radio">
          <input type="radio" id="by-institution" name="by" value="institution" />
          <label htmlFor="by-institution">{t("facilitate.teams.byInstitution")}</label>
        </div>
      </fieldset>
      <button type="submit" name="intent" value="generate" className="button-primary">
        {t("facilitate.teams.make")}
      </button>
    </Form>
  );
}
