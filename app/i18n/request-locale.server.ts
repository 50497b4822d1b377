import { readCookie } from "../utils/cookies";
import { chooseLocale, LOCALE_COOKIE, type Locale } from "./locales";

/** The language of this request (person's setting, cookie, Accept-Language, Spanish). */
export function localeFor(request: Request, user: { locale: string } | null): Locale {
  return chooseLocale(
    user?.locale,
    readCookie(request.headers.get("cookie") ?? undefined, LOCALE_COOKIE),
    request.headers.get("accept-language"),
  );
}
