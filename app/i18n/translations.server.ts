import en from "../locales/en.json";
import es from "../locales/es.json";
import { i18nFor } from "./instance";
import type { Locale } from "./locales";
import type { ItemKind } from "../content/schema";
import { areaOf, KIND_SECTIONS, pickSections, sectionsFor } from "./sections";

export const TRANSLATIONS: Record<Locale, typeof es> = { es, en };

/** A `t` function for server code (emails, refusal pages, logs shown to people). */
export function serverT(locale: Locale) {
  return i18nFor(locale, TRANSLATIONS[locale]).t;
}

const picked = new Map<string, ReturnType<typeof pickSections>>();

/** The strings a page under this path sends to the browser; one shared object per language and area. */
export function pageTranslations(locale: Locale, pathname: string) {
  const key = `${locale}/${areaOf(pathname)}`; // areas are a fixed list: the map stays small
  let found = picked.get(key);
  if (!found) picked.set(key, (found = pickSections(TRANSLATIONS[locale], sectionsFor(pathname))));
  return found;
}

const pickedForKind = new Map<string, ReturnType<typeof pickSections>>();

/** The strings an item page adds for its item's kind (app/i18n/sections.ts KIND_SECTIONS). */
export function kindTranslations(locale: Locale, kind: ItemKind) {
  const key = `${locale}/${kind}`;
  let found = pickedForKind.get(key);
  if (!found) pickedForKind.set(key, (found = pickSections(TRANSLATIONS[locale], KIND_SECTIONS[kind])));
  return found;
}
