import { dateFormat, regionName } from "../utils/intl";

/**
 * Wall-clock times and IANA time zones for live sessions, on the platform's Intl (full ICU in
 * Node 20, so the tz database ships with Node and no date library is needed).
 *
 * A session is stored as a UTC instant; it is entered as a date and time in the organiser's zone
 * and shown in each officer's own zone, with the zone named.
 */

export type ZoneLocale = "es" | "en" | "fr" | "pt";

export type WallTimeResult =
  | { ok: true; instant: Date }
  | { ok: false; code: "invalidDate" | "invalidTime" | "invalidZone" | "nonexistentTime" };

const DAY = 86_400_000;

/** Whether Intl knows the zone (IANA names and their aliases, case-insensitively, as Intl does). */
export function isValidZone(zone: string): boolean {
  if (typeof zone !== "string" || zone === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// The fields of the wall clock, read with a fixed locale and Latin digits so they parse.
function fieldsIn(instant: Date, zone: string) {
  const parts = dateFormat("en-US-u-nu-latn", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

// The zone's offset from UTC at an instant, in ms (wall clock minus UTC). Historic local mean
// times have offsets with seconds, so seconds are kept.
function offsetAt(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const f = fieldsIn(new Date(whole), zone);
  return utc(f.year, f.month, f.day, f.hour, f.minute, f.second) - whole;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM, seconds dropped) of an instant in a zone. Throws a RangeError for an invalid date or zone. */
export function wallTimeIn(instant: Date, zone: string): { date: string; time: string } {
  const f = fieldsIn(instant, zone);
  return { date: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}` };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The parts of a YYYY-MM-DD date, or null unless it is a real calendar date (no 2026-02-30). */
export function parseCalendarDate(date: string): { year: number; month: number; day: number } | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(utc(year, month + 1, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/**
 * The UTC instant of a wall-clock time in a zone.
 *
 * - A time the clocks skip (inside a DST gap, e.g. 00:30 on 2026-03-08 in Havana) is
 *   `nonexistentTime`: the organiser must pick another time rather than be moved silently.
 * - A time that happens twice (clocks fall back, e.g. 01:30 on 2026-11-01 in New York) resolves
 *   to the EARLIER of the two instants, which is what most calendars do ("the first 01:30").
 *
 * Checks the date, then the time, then the zone.
 */
export function wallTimeToInstant(date: string, time: string, zone: string): WallTimeResult {
  const d = parseCalendarDate(date);
  if (!d) return { ok: false, code: "invalidDate" };
  const t = TIME.exec(time);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return { ok: false, code: "invalidTime" };
  if (!isValidZone(zone)) return { ok: false, code: "invalidZone" };

  const hour = Number(t[1]);
  const minute = Number(t[2]);
  // The wall time read as if it were UTC; the instant is that minus the offset in force then.
  const local = utc(d.year, d.month, d.day, hour, minute);
  // Offsets lie within ±14 h, so the instant is within a day of `local`; the offsets a day
  // before, at and a day after it include every offset in force in that window (transitions
  // are months apart). Each candidate is kept only if it really shows this wall time.
  const offsets = new Set([offsetAt(local - DAY, zone), offsetAt(local, zone), offsetAt(local + DAY, zone)]);
  const candidates = [...offsets]
    .map((offset) => local - offset)
    .filter((ms) => {
      const wall = wallTimeIn(new Date(ms), zone);
      return wall.date === date && wall.time === time;
    })
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  return earliest === undefined ? { ok: false, code: "nonexistentTime" } : { ok: true, instant: new Date(earliest) };
}

/**
 * ISO 3166 alpha-2 → the main IANA zone, for Mexico, Central America and the Caribbean
 * (independent countries and territories, plus Guyana and Suriname, members of CARICOM).
 * Names are the ones ICU lists in Intl.supportedValuesOf("timeZone").
 */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = Object.freeze({
  // Mexico and Central America
  MX: "America/Mexico_City",
  BZ: "America/Belize",
  GT: "America/Guatemala",
  SV: "America/El_Salvador",
  HN: "America/Tegucigalpa",
  NI: "America/Managua",
  CR: "America/Costa_Rica",
  PA: "America/Panama",
  // The Caribbean
  AG: "America/Antigua",
  AI: "America/Anguilla",
  AW: "America/Aruba",
  BB: "America/Barbados",
  BL: "America/St_Barthelemy",
  BQ: "America/Kralendijk",
  BS: "America/Nassau",
  CU: "America/Havana",
  CW: "America/Curacao",
  DM: "America/Dominica",
  DO: "America/Santo_Domingo",
  GD: "America/Grenada",
  GP: "America/Guadeloupe",
  HT: "America/Port-au-Prince",
  JM: "America/Jamaica",
  KN: "America/St_Kitts",
  KY: "America/Cayman",
  LC: "America/St_Lucia",
  MF: "America/Marigot",
  MQ: "America/Martinique",
  MS: "America/Montserrat",
  PR: "America/Puerto_Rico",
  SX: "America/Lower_Princes",
  TC: "America/Grand_Turk",
  TT: "America/Port_of_Spain",
  VC: "America/St_Vincent",
  VG: "America/Tortola",
  VI: "America/St_Thomas",
  // CARICOM members on the South American mainland
  GY: "America/Guyana",
  SR: "America/Paramaribo",
});

// Countries of the list with more than one zone: their main zone does not stand for the whole
// country, so it is not named after it (checked against ICU's own list in the tests).
const MULTI_ZONE_COUNTRIES = new Set(["MX"]);

/** The main zone of a country of the region ("UTC" when unknown or not given). */
export function defaultZoneFor(countryCode: string | null | undefined): string {
  const code = (countryCode ?? "").trim().toUpperCase();
  return Object.hasOwn(COUNTRY_TIME_ZONES, code) ? (COUNTRY_TIME_ZONES[code] as string) : "UTC";
}

let choices: readonly string[] | null = null;

/** The zones for a select: the region's first (sorted), then every other zone Intl knows, then "UTC" if Intl did not list it. */
export function zoneChoices(): string[] {
  if (!choices) {
    const region = [...new Set(Object.values(COUNTRY_TIME_ZONES))].sort();
    const inRegion = new Set(region);
    const rest = Intl.supportedValuesOf("timeZone").filter((z) => !inRegion.has(z));
    const all = [...region, ...rest];
    if (!all.includes("UTC")) all.push("UTC");
    choices = Object.freeze(all);
  }
  return [...choices];
}

// CLDR's regionFormat for each language: the pattern ICU itself uses for a zone without a
// metazone name (Asia/Amman gives "hora de Jordania", "heure : Jordanie", "Horário Jordânia").
// Intl does not expose it, so it is written here; the country's name still comes from Intl.
const REGION_FORMAT: Record<ZoneLocale, (place: string) => string> = {
  es: (place) => `hora de ${place}`,
  en: (place) => `${place} Time`,
  fr: (place) => `heure : ${place}`,
  pt: (place) => `Horário ${place}`,
};

// Zone → country, for the region's countries that have a single zone.
const SINGLE_ZONE_COUNTRY = new Map(
  Object.entries(COUNTRY_TIME_ZONES)
    .filter(([country]) => !MULTI_ZONE_COUNTRIES.has(country))
    .map(([country, zone]) => [zone, country]),
);

const zonePart = (instant: Date, zone: string, locale: string, timeZoneName: Intl.DateTimeFormatOptions["timeZoneName"]) =>
  dateFormat(locale, { timeZone: zone, timeZoneName })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value ?? "";

/**
 * An instant as text for a page, in a zone: the full date, the time (24-hour, as HH:MM) and the
 * zone named with its offset at that instant, e.g. es → "martes, 15 de diciembre de 2026",
 * "10:00", "hora de Guatemala (GMT-6)".
 *
 * The zone's name: Intl's generic name ("hora de Cuba"), else its long one; but for a zone that
 * is the only one of a country of the region, the country's when Intl's name does not say it
 * ("hora de Guatemala" is clearer to an officer there than ICU's "hora estándar central").
 * UTC is "tiempo universal coordinado (UTC)". The offset is Intl's, in the language's own style ("GMT-6", "UTC−6").
 */
export function formatInZone(instant: Date, zone: string, locale: ZoneLocale): { date: string; time: string; zone: string } {
  const date = dateFormat(locale, { timeZone: zone, dateStyle: "full" }).format(instant);
  const time = dateFormat(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

  const canonical = dateFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  if (canonical === "UTC") return { date, time, zone: `${zonePart(instant, zone, locale, "long")} (UTC)` };

  const offset = zonePart(instant, zone, locale, "shortOffset");
  // When ICU has no name for a zone (Etc/GMT+5) it gives an offset instead: names have no digits.
  const named = (name: string) => (name && !/\d/.test(name) ? name : null);
  const intlName = named(zonePart(instant, zone, locale, "longGeneric")) ?? named(zonePart(instant, zone, locale, "long"));
  const country = SINGLE_ZONE_COUNTRY.get(canonical);
  const place = country ? regionName(locale, country) : null;
  // Intl's own name wins when it already names the country ("heure de Cuba", not "heure : Cuba").
  const name = place && !intlName?.includes(place) ? REGION_FORMAT[locale](place) : intlName;
  return { date, time, zone: name ? `${name} (${offset})` : offset };
}
