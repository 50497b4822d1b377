import i18next, { type i18n, type Resource } from "i18next";
import type { Locale } from "./locales";

const cache = new Map<string, i18n>();

/**
 * One initialised i18next per language, created on first use and kept: creating one per
 * request costs about a millisecond of CPU. Works the same in the server render and the browser.
 */
export function i18nFor(locale: Locale, translation: Resource[string]["translation"]): i18n {
  let instance = cache.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources: { [locale]: { translation } },
      interpolation: { escapeValue: false }, // React escapes
      initAsync: false,
      returnNull: false,
    });
    cache.set(locale, instance);
  }
  return instance;
}
