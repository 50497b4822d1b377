import { useTranslation } from "react-i18next";
import { Field } from "./field";

/**
 * The new password and its confirmation, as every form that sets one asks for them (joining,
 * a reset link, the account page). `errors` holds translation keys by field name.
 */
export function NewPasswordFields({ name, errors }: { name: "password" | "newPassword"; errors: Partial<Record<string, string>> }) {
  const { t } = useTranslation();
  const error = (field: string) => (errors[field] ? t(errors[field]!) : undefined);
  return (
    <>
      <Field name={name} type="password" label={t("auth.newPassword")} hint={t("auth.passwordRule")} autoComplete="new-password" required error={error(name)} />
      <Field name="confirmPassword" type="password" label={t("auth.confirmPassword")} autoComplete="new-password" required error={error("confirmPassword")} />
    </>
  );
}
