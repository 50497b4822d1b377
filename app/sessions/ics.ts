import { parseCalendarDate } from "./time-zone";

/**
 * iCalendar (RFC 5545) files: one per session to download, and the feed a person subscribes to
 * with every scheduled session and course due date.
 *
 * Written by hand rather than with ical-generator: its current major (11) needs Node ≥ 22 and
 * we are on Node 20; it does not escape the calendar name, cannot add CALSCALE, and leaves the
 * last line without its CRLF. What we need is small — times in UTC only (so no VTIMEZONE),
 * all-day dates, text escaping and folding — and the tests check it with a real parser (ical.js).
 */

export interface CalendarEvent {
  /** Stable across downloads, so calendars update the event instead of adding a copy (e.g. "session-42@sendero"). */
  uid: string;
  start: Date;
  minutes: number;
  title: string;
  description?: string;
  url?: string;
}

export interface CalendarDueDate {
  uid: string;
  /** YYYY-MM-DD, an all-day event on that date wherever the person is. */
  date: string;
  title: string;
  description?: string;
  url?: string;
}

const PRODID = "-//Sendero//Sendero//ES";

// TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines are escaped; other
// control characters are not allowed at all, so they are dropped.
function text(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

// A URI as URL#href writes it: no spaces or line breaks, so nothing can break out of the line.
// A link that is not an absolute URL is left out rather than failing the whole feed.
function uri(value: string): string | null {
  return URL.canParse(value) ? new URL(value).href : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function utcDateTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError("invalid date in calendar event");
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

// An all-day date and the day after it (DTEND of an all-day event is exclusive).
function dateAndNext(date: string): [string, string] {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`invalid due date ${JSON.stringify(date)}`);
  const next = new Date(0);
  next.setUTCFullYear(parts.year, parts.month - 1, parts.day + 1);
  return [date.replaceAll("-", ""), `${pad(next.getUTCFullYear(), 4)}${pad(next.getUTCMonth() + 1)}${pad(next.getUTCDate())}`];
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

// Lines longer than 75 octets are folded (§3.1): CRLF then a space, the space counting towards
// the next line's 75. Counted in UTF-8 octets and cut between code points, never inside one.
function fold(line: string): string {
  let out = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (octets + size > 75) {
      out += "\r\n ";
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}

function optional(name: string, value: string | undefined, encode: (v: string) => string | null): string[] {
  const encoded = value === undefined || value === "" ? null : encode(value);
  return encoded === null ? [] : [`${name}:${encoded}`];
}

/** A VCALENDAR with the sessions (in UTC) and the due dates (all day), as the text of an .ics file (CRLF line endings). */
export function icsCalendar(args: { name: string; events: CalendarEvent[]; dueDates?: CalendarDueDate[]; now?: Date }): string {
  const stamp = utcDateTime(args.now ?? new Date());
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${text(args.name)}`];

  for (const e of args.events) {
    if (!Number.isInteger(e.minutes) || e.minutes <= 0) throw new RangeError(`event ${e.uid}: minutes must be a positive whole number`);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${text(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(e.start)}`,
      `DTEND:${utcDateTime(new Date(e.start.getTime() + e.minutes * 60_000))}`,
      `SUMMARY:${text(e.title)}`,
      ...optional("DESCRIPTION", e.description, text),
      ...optional("URL", e.url, uri),
      "END:VEVENT",
    );
  }

  for (const d of args.dueDates ?? []) {
    const [start, end] = dateAndNext(d.date);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${text(d.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${end}`,
      `SUMMARY:${text(d.title)}`,
      ...optional("DESCRIPTION", d.description, text),
      ...optional("URL", d.url, uri),
      // A due date is a reminder, not a meeting: it does not make the person busy that day.
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }

  lines.push("END:VCALENDAR");
  // Every line ends with CRLF, the last one too.
  return lines.map(fold).join("\r\n") + "\r\n";
}
