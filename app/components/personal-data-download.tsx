import { useTranslation } from "react-i18next";

/** The account page's "my data": what the export holds and a plain link to it (works without scripts). */
export function PersonalDataDownload() {
  const { t } = useTranslation();
  return (
    <section id="my-data" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t("account.privacy.title")}</h2>
      <p>{t("account.privacy.explain")}</p>
      <p className="hint">{t("account.privacy.format")}</p>
      <p>
        <a href="/resources/personal-data" className="button-secondary" download>
          {t("account.privacy.download")}
        </a>
      </p>
      <p>
        <a href="/privacy">{t("account.privacy.notice")}</a>
      </p>
    </section>
  );
}
