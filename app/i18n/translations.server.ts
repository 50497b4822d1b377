import en from "../locales/en.json";
import es from "../locales/es.json";
import { i18nFor } from "./instance";
import type { Locale } from "./locales";

export const TRANSLATIONS: Record<Locale, typeof es> = { es, en };

/** A `t` function for server code (emails, refusal pages, logs shown to people). */
export function serverT(locale: Locale) {
  return i18nFor(locale, TRANSLATIONS[locale]).t;
}
