import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A GET search box: the query stays in the URL, so results can be bookmarked and shared. */
export function SearchForm({ defaultValue }: { defaultValue: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="search-form" role="search">
      <label htmlFor="search-q">{t("people.search")}</label>
      <input id="search-q" type="search" name="q" defaultValue={defaultValue} maxLength={100} />
      <button type="submit" className="button-secondary">
        {t("people.searchButton")}
      </button>
    </Form>
  );
}
