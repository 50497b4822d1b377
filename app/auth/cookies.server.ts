import type { Config } from "../config.server";
import { readCookie } from "../utils/cookies";

/** Cookie names; the __Host- prefix (HTTPS only) pins a cookie to this exact origin. */
export function sessionCookieName(config: Pick<Config, "cookieSecure">) {
  return config.cookieSecure ? "__Host-sendero_session" : "sendero_session";
}

export function readSessionToken(request: Request, config: Pick<Config, "cookieSecure">): string | null {
  return readCookie(request.headers.get("cookie") ?? undefined, sessionCookieName(config));
}

/** A browser-session cookie (gone when the browser closes, which suits shared PCs), HttpOnly. */
export function sessionCookie(config: Pick<Config, "cookieSecure">, token: string | null): string {
  const parts = [
    `${sessionCookieName(config)}=${token ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    ...(config.cookieSecure ? ["Secure"] : []),
    ...(token ? [] : ["Max-Age=0"]),
  ];
  return parts.join("; ");
}

export const FLASH_COOKIE = "sendero_flash";

/**
 * A one-time message for the next page (e.g. a link shown once). HttpOnly, short-lived,
 * scoped to the page that shows it and cleared when read.
 */
export function flashCookie(config: Pick<Config, "cookieSecure">, path: string, value: string | null): string {
  return [
    `${FLASH_COOKIE}=${value === null ? "" : encodeURIComponent(value)}`,
    `Path=${path}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(config.cookieSecure ? ["Secure"] : []),
    `Max-Age=${value === null ? 0 : 300}`,
  ].join("; ");
}

export function readFlash(request: Request): string | null {
  return readCookie(request.headers.get("cookie") ?? undefined, FLASH_COOKIE) || null;
}
