import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "../csrf-field";
import { Field } from "../field";

interface NewTeamFormProps {
  /** What was typed before a refusal, so it is not lost. */
  name: string;
  /** A translated message about the name, when it was refused. */
  error: string | undefined;
}

/** Creates an empty team by name; checked on the server only (noValidate), so every refusal reads the same. */
export function NewTeamForm({ name, error }: NewTeamFormProps) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate className="stack">
      <h2>{t("facilitate.teams.createHeading")}</h2>
      <CsrfField />
      <input type="hidden" name="intent" value="create" />
      <Field name="name" label={t("facilitate.teams.teamNameLabel")} hint={t("facilitate.teams.createHint")} defaultValue={name} error={error} autoComplete="off" dir="auto" required />
      <div>
        <button type="submit" className="button-secondary">
          {t("facilitate.teams.create")}
        </button>
      </div>
    </Form>
  );
}
