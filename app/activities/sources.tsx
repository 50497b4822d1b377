import { useTranslation } from "react-i18next";

/** The instruments an item's facts come from, under "Fuentes" (lessons, talks, group tasks). */
export function Sources({ sources, lang }: { sources: string[]; lang?: string }) {
  const { t } = useTranslation();
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t("lesson.sources")}</h2>
      <ul>
        {sources.map((s) => (
          <li key={s} lang={lang}>
            {s}
          </li>
        ))}
      </ul>
    </section>
  );
}
