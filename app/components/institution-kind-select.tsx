import { useTranslation } from "react-i18next";
import { INSTITUTION_KINDS } from "../organisation/institution-kinds";

/** The kind of an institution, as a labelled select with its error. */
export function KindSelect({ value, error }: { value: string; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor="field-kind">{t("orgAdmin.institutions.kind")}</label>
      {error ? (
        <p className="field-error" id="field-kind-error">
          {t(error)}
        </p>
      ) : null}
      <select id="field-kind" name="kind" defaultValue={value} aria-describedby={error ? "field-kind-error" : undefined}>
        <option value="">{t("orgAdmin.choose")}</option>
        {INSTITUTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`orgAdmin.kinds.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
