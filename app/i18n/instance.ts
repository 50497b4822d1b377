import i18next, { type i18n, type Resource } from "i18next";
import type { Locale } from "./locales";

const cache = new WeakMap<object, i18n>();

/**
 * One initialised i18next per set of strings (a language, or the part of it a page area needs),
 * created on first use and kept while those strings are: creating one per request costs about a
 * millisecond of CPU. Works the same in the server render and the browser.
 */
export function i18nFor(locale: Locale, translation: Resource[string]["translation"]): i18n {
  let instance = cache.get(translation as object);
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
    cache.set(translation as object, instance);
  }
  return instance;
}
