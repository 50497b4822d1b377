import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES, type Locale } from "../i18n/locales";
import { CsrfField } from "./csrf-field";

/** A plain form with one button per other language: works without JavaScript. */
export function LanguageSwitcher({ current }: { current: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher" aria-label={t("language.label")}>
      <CsrfField />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.filter((l) => l !== current).map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} lang={locale} className="button-link">
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </Form>
  );
}
