import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type CalendarDueDate, type CalendarEvent, icsCalendar } from "./ics";
import { wallTimeToInstant } from "./time-zone";

const NOW = new Date("2026-11-23T12:34:56Z");

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "session-1@sendero",
  start: new Date("2026-12-15T16:00:00Z"),
  minutes: 60,
  title: "Presentación",
  ...over,
});
const dueDate = (over: Partial<CalendarDueDate> = {}): CalendarDueDate => ({ uid: "due-1@sendero", date: "2026-12-31", title: "Entrega del curso", ...over });

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((v) => ({ component: v, event: new ICAL.Event(v) }));
  return { calendar, events };
}
const only = (ics: string) => {
  const { events } = parse(ics);
  expect(events).toHaveLength(1);
  return events[0] as (typeof events)[number];
};

// ical.js does not know X-WR-CALNAME (a de facto property), so it hands it back raw; unescape it
// as the TEXT it is, with ical.js's own TEXT decoder.
const textType = (ICAL.design.icalendar.value as Record<string, { fromICAL(value: string): string } | undefined>).text;
const unescapeText = (raw: string) => (textType as NonNullable<typeof textType>).fromICAL(raw);

// The physical lines, as bytes decoded one line at a time: a line cut inside a UTF-8 sequence
// fails to decode.
function physicalLines(ics: string): string[] {
  const bytes = Buffer.from(ics, "utf8");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      const line = bytes.subarray(start, i);
      expect(line.length, `line ${lines.length + 1} is ${line.length} octets`).toBeLessThanOrEqual(75);
      lines.push(decoder.decode(line));
      start = i + 2;
    }
  }
  expect(start, "the text ends with CRLF").toBe(bytes.length);
  return lines;
}

function expectWellFormed(ics: string) {
  expect(ics.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/); // CRLF only, never a bare CR or LF
  const lines = physicalLines(ics);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
  return lines;
}

describe("icsCalendar: the calendar", () => {
  it("has the headers of a published Gregorian calendar, named", () => {
    const ics = icsCalendar({ name: "Sendero — Cohorte 2026, Guatemala; grupo A", events: [], now: NOW });
    const lines = expectWellFormed(ics);
    expect(lines.slice(0, 6)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Sendero//Sendero//ES",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Sendero — Cohorte 2026\\, Guatemala\\; grupo A",
    ]);
    const { calendar, events } = parse(ics);
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Sendero//Sendero//ES");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(unescapeText(String(calendar.getFirstPropertyValue("x-wr-calname")))).toBe("Sendero — Cohorte 2026, Guatemala; grupo A");
  });

  it("holds every session and due date of a feed, in order", () => {
    const ics = icsCalendar({
      name: "Sendero",
      now: NOW,
      events: [event({ uid: "session-1@sendero" }), event({ uid: "session-2@sendero", start: new Date("2027-01-12T15:00:00Z") })],
      dueDates: [dueDate({ uid: "due-1@sendero" }), dueDate({ uid: "due-2@sendero", date: "2027-02-15" })],
    });
    expectWellFormed(ics);
    expect(parse(ics).events.map((e) => e.event.uid)).toEqual(["session-1@sendero", "session-2@sendero", "due-1@sendero", "due-2@sendero"]);
  });
});

describe("icsCalendar: sessions", () => {
  it("places a session at 10:00 in Guatemala at 16:00 UTC, ending after its minutes", () => {
    const r = wallTimeToInstant("2026-12-15", "10:00", "America/Guatemala");
    if (!r.ok) throw new Error(r.code);
    const ics = icsCalendar({ name: "Sendero", now: NOW, events: [event({ start: r.instant, minutes: 90 })] });
    const lines = expectWellFormed(ics);
    expect(lines).toContain("DTSTART:20261215T160000Z");
    expect(lines).toContain("DTEND:20261215T173000Z");
    expect(lines).toContain("DTSTAMP:20261123T123456Z");

    const { event: e, component } = only(ics);
    expect(e.startDate.zone?.tzid).toBe("UTC");
    expect(e.startDate.toJSDate().toISOString()).toBe("2026-12-15T16:00:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2026-12-15T17:30:00.000Z");
    expect(e.startDate.isDate).toBe(false);
    expect(e.uid).toBe("session-1@sendero");
    expect(String(component.getFirstPropertyValue("dtstamp"))).toBe("2026-11-23T12:34:56Z");
  });

  it("ends on the next day when the session runs past midnight UTC", () => {
    const ics = icsCalendar({ name: "S", now: NOW, events: [event({ start: new Date("2026-12-31T23:30:00Z"), minutes: 45 })] });
    expect(only(ics).event.endDate.toJSDate().toISOString()).toBe("2027-01-01T00:15:00.000Z");
  });

  it("writes the description and link when given, and leaves them out otherwise", () => {
    const withBoth = icsCalendar({ name: "S", now: NOW, events: [event({ description: "Sala virtual", url: "https://sendero.example/sesiones/7?cohorte=3,4" })] });
    const { component } = only(withBoth);
    expect(component.getFirstPropertyValue("description")).toBe("Sala virtual");
    expect(component.getFirstPropertyValue("url")).toBe("https://sendero.example/sesiones/7?cohorte=3,4");

    const bare = icsCalendar({ name: "S", now: NOW, events: [event()] });
    expect(bare).not.toMatch(/^(DESCRIPTION|URL)/m);
  });

  it("keeps a link on its own line whatever it contains", () => {
    const ics = icsCalendar({ name: "S", now: NOW, events: [event({ url: "https://sendero.example/a b\r\nX-EVIL:1" })] });
    expect(ics).not.toMatch(/^X-EVIL/m);
    expectWellFormed(ics);
  });

  it("refuses what would make a broken event", () => {
    for (const minutes of [0, -30, 1.5, Number.NaN]) {
      expect(() => icsCalendar({ name: "S", events: [event({ minutes })] }), String(minutes)).toThrow(RangeError);
    }
    expect(() => icsCalendar({ name: "S", events: [event({ start: new Date(Number.NaN) })] })).toThrow(RangeError);
  });

  it("leaves out a link that is not an absolute URL rather than failing the feed", () => {
    const ics = icsCalendar({ name: "S", now: NOW, events: [event({ url: "sala 3, segundo piso" })] });
    expect(ics).not.toMatch(/^URL/m);
    expect(only(ics).event.summary).toBe("Presentación");
  });
});

describe("icsCalendar: text", () => {
  it("escapes commas, semicolons, backslashes and newlines, and they round-trip", () => {
    const title = "Trata de personas; rutas, riesgos\\respuestas";
    const description = "Primera línea, con coma\nSegunda; con punto y coma\r\nTercera\rCuarta \\ fin";
    const ics = icsCalendar({ name: "S", now: NOW, events: [event({ title, description })] });
    const lines = expectWellFormed(ics);
    expect(lines).toContain("SUMMARY:Trata de personas\\; rutas\\, riesgos\\\\respuestas");
    const { event: e } = only(ics);
    expect(e.summary).toBe(title);
    expect(e.description).toBe("Primera línea, con coma\nSegunda; con punto y coma\nTercera\nCuarta \\ fin");
  });

  it("drops control characters, which TEXT does not allow", () => {
    const ics = icsCalendar({ name: "S", now: NOW, events: [event({ title: "a\u0000b\u0007c\u001bd\u007fe\tf" })] });
    expect(only(ics).event.summary).toBe("abcde\tf");
  });

  it("folds a long Spanish title at 75 octets without splitting a character, and it round-trips", () => {
    const title =
      "Presentación de la experta María José Núñez Peña: «Protección internacional de niñas, niños y adolescentes migrantes no acompañados; coordinación interinstitucional en Centroamérica, México y el Caribe» 🌎🇬🇹 — sesión n.º 3";
    const ics = icsCalendar({ name: "S", now: NOW, events: [event({ title, description: title.repeat(3) })] });
    const lines = expectWellFormed(ics);
    const continued = lines.filter((l) => l.startsWith(" "));
    expect(continued.length).toBeGreaterThan(5);
    // Folding fills lines: all but the last piece of each property are cut within 3 octets of 75.
    const summaryStart = lines.findIndex((l) => l.startsWith("SUMMARY:"));
    expect(Buffer.byteLength(lines[summaryStart] as string)).toBeGreaterThan(71);
    const { event: e } = only(ics);
    expect(e.summary).toBe(title);
    expect(e.description).toBe(title.repeat(3));
  });

  const alphabet = fc.constantFrom(..."aeiouñáéíóúüÁÉÍÓÚÑ¿¡«»—€ ,;:\\\n\"'<>/?".split(""), "🌎", "🇭🇳", "e\u0301", "中", "ẞ");
  // size "max": lengths spread up to the maximum, so most values need folding.
  const text = fc.oneof(fc.string({ unit: alphabet, maxLength: 400, size: "max" }), fc.string({ unit: "grapheme", maxLength: 200, size: "max" }));

  it("round-trips any title and description through a real parser (property)", () => {
    fc.assert(
      fc.property(text, text, fc.string({ unit: "grapheme", maxLength: 120, size: "max" }), (title, description, name) => {
        const ics = icsCalendar({ name, now: NOW, events: [event({ title, description })] });
        expectWellFormed(ics);
        const { calendar, events } = parse(ics);
        const e = (events[0] as (typeof events)[number]).event;
        expect(e.summary).toBe(title);
        // An empty description is left out.
        expect(e.description ?? "").toBe(description);
        expect(unescapeText(String(calendar.getFirstPropertyValue("x-wr-calname") ?? ""))).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});

describe("icsCalendar: due dates", () => {
  it("are all-day events ending the next day, free time", () => {
    const ics = icsCalendar({ name: "S", now: NOW, events: [], dueDates: [dueDate({ date: "2026-12-31", description: "Módulo 2, evaluación", url: "https://sendero.example/cursos/2" })] });
    const lines = expectWellFormed(ics);
    expect(lines).toContain("DTSTART;VALUE=DATE:20261231");
    expect(lines).toContain("DTEND;VALUE=DATE:20270101");
    const { event: e, component } = only(ics);
    expect(e.startDate.isDate).toBe(true);
    expect(e.endDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe("2026-12-31");
    expect(e.endDate.toString()).toBe("2027-01-01");
    expect(e.summary).toBe("Entrega del curso");
    expect(e.description).toBe("Módulo 2, evaluación");
    expect(component.getFirstPropertyValue("url")).toBe("https://sendero.example/cursos/2");
    expect(component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    expect(component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-11-23T12:34:56Z");
  });

  it("know leap years and month ends", () => {
    const ends = (date: string) => only(icsCalendar({ name: "S", now: NOW, events: [], dueDates: [dueDate({ date })] })).event.endDate.toString();
    expect(ends("2028-02-28")).toBe("2028-02-29");
    expect(ends("2028-02-29")).toBe("2028-03-01");
    expect(ends("2026-02-28")).toBe("2026-03-01");
    expect(ends("2026-04-30")).toBe("2026-05-01");
  });

  it("refuse a date that is not on the calendar", () => {
    for (const date of ["2026-02-30", "2026-13-01", "31/12/2026", ""]) {
      expect(() => icsCalendar({ name: "S", events: [], dueDates: [dueDate({ date })] }), date).toThrow(RangeError);
    }
  });
});
