import i18next, { type i18n, type Resource } from "i18next";
import type { Locale } from "./locales";

const cache = new Map<string, i18n>();

/**
 * One initialised i18next per language and set of strings (all of them, or those of one area of
 * the site: app/i18n/sections.ts), created on first use and kept: creating one per request costs
 * CPU (and its plural rules). Works the same in the server render and the browser.
 */
export function i18nFor(locale: Locale, translation: Resource[string]["translation"], area = "*"): i18n {
  const key = `${locale}/${area}`;
  let instance = cache.get(key);
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
    cache.set(key, instance);
  }
  return instance;
}
