/** The interface languages, Spanish first: the default and the reference for every string. */
export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es";
export const LOCALE_COOKIE = "sendero_lang";

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { es: "Español", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best supported language in an Accept-Language header, honouring q-values. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.base && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.base).find(isLocale) ?? null;
}

/**
 * The language for a request: the person's own setting, else the cookie set by the switcher,
 * else the browser's Accept-Language, else Spanish.
 */
export function chooseLocale(personLocale: string | null | undefined, cookieLocale: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(personLocale)) return personLocale;
  if (isLocale(cookieLocale)) return cookieLocale;
  return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
