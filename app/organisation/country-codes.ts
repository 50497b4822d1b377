/**
 * Whether a code is an ISO 3166-1 alpha-2 region that Intl knows (so it has a translated name):
 * "MX" yes, "ZZ" or "XX" no. Names are never stored: they come from Intl in the reader's language.
 */
export function isKnownCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code);
  return Boolean(name) && code !== "ZZ" && !/^X[A-Z]$/.test(code) && code !== "EU" && code !== "UN" && code !== "EZ" && code !== "QO";
}
