import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COUNTRY_TIME_ZONES,
  defaultZoneFor,
  formatInZone,
  isValidZone,
  wallTimeIn,
  wallTimeToInstant,
  zoneChoices,
  type WallTimeResult,
} from "./time-zone";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const instantOf = (r: WallTimeResult) => {
  if (!r.ok) throw new Error(`expected an instant, got ${r.code}`);
  return r.instant;
};
const at = (date: string, time: string, zone: string) => instantOf(wallTimeToInstant(date, time, zone)).toISOString();
const wall = (instant: Date | number, zone: string) => {
  const w = wallTimeIn(new Date(instant), zone);
  return `${w.date}T${w.time}`;
};

// An oracle independent of the module: the offset Intl prints ("GMT-05:00", "GMT"), in ms.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetOf(ms: number, zone: string): number {
  let format = offsetFormats.get(zone);
  if (!format) offsetFormats.set(zone, (format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })));
  const name = format
    .formatToParts(new Date(ms))
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? "");
  if (!m) throw new Error(`unexpected offset ${name}`);
  return m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * HOUR + Number(m[3]) * MINUTE) : 0;
}

// The instants (to the minute) where a zone's offset changes between two dates: a daily scan,
// then bisection. Offsets change at most once a day in these zones and years.
function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = from; t < to; t += DAY) {
    if (offsetOf(t, zone) === offsetOf(t + DAY, zone)) continue;
    let [lo, hi] = [t, t + DAY]; // offset(lo) is the old one, offset(hi) the new one
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetOf(mid, zone) === offsetOf(lo, zone)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2036, 0, 1);
const DST_ZONES = ["America/Havana", "America/New_York", "Europe/Madrid", "America/Santiago"];
const FIXED_ZONES = ["America/Mexico_City", "America/Guatemala"];
const ZONES = [...DST_ZONES, ...FIXED_ZONES];
const TRANSITIONS = new Map(ZONES.map((z) => [z, transitions(z, FROM - DAY, TO)]));
// Every (zone, transition) pair, so generators can aim at the interesting hours.
const NEAR = [...TRANSITIONS].flatMap(([zone, ts]) => ts.map((t) => ({ zone, t })));

// The DST deltas that exist (30 min on Lord Howe, 1 h, 2 h in wartime): no instant this much
// before the answer may show the same wall time, or the answer was not the earliest.
const DELTAS = [30 * MINUTE, HOUR, 2 * HOUR];
function expectEarliest(instant: Date, zone: string, w: string) {
  for (const d of DELTAS) expect(wall(instant.getTime() - d, zone)).not.toBe(w);
}

describe("isValidZone", () => {
  it("accepts IANA zones and aliases Intl knows", () => {
    for (const z of ["America/Guatemala", "America/Port-au-Prince", "UTC", "Etc/UTC", "Europe/Madrid", "US/Eastern"]) {
      expect(isValidZone(z), z).toBe(true);
    }
  });
  it("refuses anything else", () => {
    for (const z of ["", " ", "Mars/Olympus_Mons", "America/Atlantis", "GMT-6 ", "+01:00", "hora de Guatemala"]) {
      expect(isValidZone(z), JSON.stringify(z)).toBe(false);
    }
  });
});

describe("wallTimeToInstant: input", () => {
  it("refuses dates that are not on the calendar", () => {
    for (const d of ["2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-5", "26-01-05", "2026/01/05", "", "0000-01-01", "2026-01-05T10:00"]) {
      expect(wallTimeToInstant(d, "10:00", "America/Guatemala"), d).toEqual({ ok: false, code: "invalidDate" });
    }
    expect(wallTimeToInstant("2024-02-29", "10:00", "America/Guatemala").ok).toBe(true);
  });
  it("refuses times that are not HH:MM on a 24-hour clock", () => {
    for (const t of ["24:00", "7:5", "7:05", "07:5", "07:60", "07:05:00", "7", "", " 07:05", "07.05", "-1:00"]) {
      expect(wallTimeToInstant("2026-12-15", t, "America/Guatemala"), t).toEqual({ ok: false, code: "invalidTime" });
    }
    expect(at("2026-12-15", "00:00", "America/Guatemala")).toBe("2026-12-15T06:00:00.000Z");
    expect(at("2026-12-15", "23:59", "America/Guatemala")).toBe("2026-12-16T05:59:00.000Z");
  });
  it("refuses unknown zones, after checking the date and the time", () => {
    expect(wallTimeToInstant("2026-12-15", "10:00", "America/Atlantis")).toEqual({ ok: false, code: "invalidZone" });
    expect(wallTimeToInstant("2026-02-30", "24:00", "America/Atlantis")).toEqual({ ok: false, code: "invalidDate" });
    expect(wallTimeToInstant("2026-02-28", "24:00", "America/Atlantis")).toEqual({ ok: false, code: "invalidTime" });
  });
});

describe("wallTimeToInstant at known times and transitions", () => {
  it("places a session in Guatemala (UTC−6 all year)", () => {
    expect(at("2026-12-15", "10:00", "America/Guatemala")).toBe("2026-12-15T16:00:00.000Z");
    expect(at("2026-07-15", "10:00", "America/Guatemala")).toBe("2026-07-15T16:00:00.000Z");
  });

  it("knows Mexico City dropped DST in 2022: April 2026 is UTC−6, April 2021 was UTC−5", () => {
    expect(at("2026-04-15", "10:00", "America/Mexico_City")).toBe("2026-04-15T16:00:00.000Z");
    expect(at("2021-04-15", "10:00", "America/Mexico_City")).toBe("2021-04-15T15:00:00.000Z");
  });

  it("finds Havana's gap on 2026-03-08 (00:00 → 01:00)", () => {
    expect(at("2026-03-07", "23:59", "America/Havana")).toBe("2026-03-08T04:59:00.000Z");
    for (const t of ["00:00", "00:30", "00:59"]) {
      expect(wallTimeToInstant("2026-03-08", t, "America/Havana"), t).toEqual({ ok: false, code: "nonexistentTime" });
    }
    expect(at("2026-03-08", "01:00", "America/Havana")).toBe("2026-03-08T05:00:00.000Z");
  });

  it("takes the earlier of Havana's two 00:30s on 2026-11-01 (01:00 → 00:00)", () => {
    expect(at("2026-11-01", "00:30", "America/Havana")).toBe("2026-11-01T04:30:00.000Z");
    expect(wall(Date.parse("2026-11-01T05:30:00Z"), "America/Havana")).toBe("2026-11-01T00:30");
  });

  it("takes the earlier (EDT) of New York's two 01:30s on 2026-11-01, and skips 02:30 on 2026-03-08", () => {
    expect(at("2026-11-01", "01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(wall(Date.parse("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
    expect(wallTimeToInstant("2026-03-08", "02:30", "America/New_York")).toEqual({ ok: false, code: "nonexistentTime" });
    expect(at("2026-03-08", "03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });

  it("follows Madrid (gap 2026-03-29 02:00–03:00, overlap 2026-10-25 02:00–03:00)", () => {
    expect(wallTimeToInstant("2026-03-29", "02:30", "Europe/Madrid")).toEqual({ ok: false, code: "nonexistentTime" });
    expect(at("2026-10-25", "02:30", "Europe/Madrid")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("follows Santiago, whose DST is in the southern summer", () => {
    expect(wallTimeToInstant("2026-09-06", "00:30", "America/Santiago")).toEqual({ ok: false, code: "nonexistentTime" });
    expect(at("2026-09-06", "01:00", "America/Santiago")).toBe("2026-09-06T04:00:00.000Z");
    // 2026-04-05 00:00 → 2026-04-04 23:00: the first 23:30 is still UTC−3.
    expect(at("2026-04-04", "23:30", "America/Santiago")).toBe("2026-04-05T02:30:00.000Z");
  });

  it("knows a whole day can be skipped (Samoa crossed the date line on 2011-12-30)", () => {
    expect(wallTimeToInstant("2011-12-30", "12:00", "Pacific/Apia")).toEqual({ ok: false, code: "nonexistentTime" });
    expect(at("2011-12-31", "00:00", "Pacific/Apia")).toBe("2011-12-30T10:00:00.000Z");
  });

  it("does not depend on the machine's zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      expect(at("2026-12-15", "10:00", "America/Guatemala")).toBe("2026-12-15T16:00:00.000Z");
      expect(wallTimeIn(new Date("2026-12-15T16:00:00Z"), "America/Guatemala")).toEqual({ date: "2026-12-15", time: "10:00" });
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe("wallTimeIn", () => {
  it("gives the date and time on the wall, seconds dropped", () => {
    expect(wallTimeIn(new Date("2026-12-15T16:00:59.999Z"), "America/Guatemala")).toEqual({ date: "2026-12-15", time: "10:00" });
    expect(wallTimeIn(new Date("2026-12-16T05:30:00Z"), "America/Guatemala")).toEqual({ date: "2026-12-15", time: "23:30" });
    expect(wallTimeIn(new Date("2026-12-15T00:30:00Z"), "UTC")).toEqual({ date: "2026-12-15", time: "00:30" });
  });
  it("throws a RangeError for an unknown zone or an invalid date", () => {
    expect(() => wallTimeIn(new Date(), "America/Atlantis")).toThrow(RangeError);
    expect(() => wallTimeIn(new Date(Number.NaN), "UTC")).toThrow(RangeError);
  });
});

describe("across DST changes (property)", () => {
  it("finds transitions where there is DST, and none in Mexico City after 2022 nor in Guatemala", () => {
    for (const z of DST_ZONES) expect(TRANSITIONS.get(z)?.length, z).toBeGreaterThanOrEqual(30);
    expect(TRANSITIONS.get("America/Mexico_City")?.every((t) => t < Date.UTC(2022, 11, 1))).toBe(true);
    expect(TRANSITIONS.get("America/Guatemala")).toEqual([]);
  });

  const zone = fc.constantFrom(...ZONES);
  // Half arbitrary instants in 2020–2035, half within three hours of a transition.
  const instant = fc.oneof(
    fc.tuple(zone, fc.integer({ min: FROM, max: TO - 1 })),
    fc.tuple(fc.constantFrom(...NEAR), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })).map(([n, d]) => [n.zone, n.t + d] as const),
  );

  it("wallTimeToInstant(wallTimeIn(i)) is i to the minute, or the earlier instant of an ambiguous wall time", () => {
    fc.assert(
      fc.property(instant, ([zone, ms]) => {
        const minute = Math.floor(ms / MINUTE) * MINUTE;
        const w = wallTimeIn(new Date(ms), zone);
        const back = instantOf(wallTimeToInstant(w.date, w.time, zone)).getTime();
        if (back !== minute) {
          // Ambiguous: the answer is earlier and shows the same wall time.
          expect(back).toBeLessThan(minute);
          expect(wall(back, zone)).toBe(`${w.date}T${w.time}`);
        }
        expectEarliest(new Date(back), zone, `${w.date}T${w.time}`);
      }),
      { numRuns: 2000 },
    );
    // 2,000 runs take about 1.3 s on a quiet machine; a loaded one must not time them out.
  }, 30_000);

  const pad = (n: number) => String(n).padStart(2, "0");
  const wallTime = fc.oneof(
    // An arbitrary wall time in 2020–2035…
    fc.tuple(zone, fc.integer({ min: FROM, max: TO - 1 })).map(([zone, ms]) => {
      const d = new Date(ms);
      return { zone, date: d.toISOString().slice(0, 10), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
    }),
    // …or one within three hours of a transition's wall time, where the gaps and overlaps are.
    fc.tuple(fc.constantFrom(...NEAR), fc.integer({ min: -3 * 60, max: 3 * 60 })).map(([n, d]) => {
      const local = new Date(n.t + offsetOf(n.t - MINUTE, n.zone) + d * MINUTE);
      return { zone: n.zone, date: local.toISOString().slice(0, 10), time: local.toISOString().slice(11, 16) };
    }),
  );

  it("a wall time is either skipped by a gap or shown by the instant returned", () => {
    let skipped = 0;
    fc.assert(
      fc.property(wallTime, ({ zone, date, time }) => {
        const w = `${date}T${time}`;
        const r = wallTimeToInstant(date, time, zone);
        if (r.ok) {
          expect(wall(r.instant, zone)).toBe(w);
          expectEarliest(r.instant, zone, w);
          return;
        }
        expect(r.code).toBe("nonexistentTime");
        skipped++;
        // The gap: the transition within a day, where the clock jumps from the minute before to
        // the minute after, and w lies strictly between the two.
        const local = Date.parse(`${w}:00Z`);
        const t = TRANSITIONS.get(zone)?.find((x) => Math.abs(x - local) < DAY);
        expect(t, `a transition near ${w} in ${zone}`).toBeDefined();
        const before = wall((t as number) - MINUTE, zone);
        const after = wall(t as number, zone);
        expect(before < w && w < after, `${before} < ${w} < ${after}`).toBe(true);
        // Neither offset in force around the gap gives an instant showing w.
        for (const offset of [offsetOf((t as number) - MINUTE, zone), offsetOf(t as number, zone)]) {
          expect(wall(local - offset, zone)).not.toBe(w);
        }
      }),
      { numRuns: 2000 },
    );
    expect(skipped).toBeGreaterThan(0);
  });
});

describe("formatInZone", () => {
  const dec15 = new Date("2026-12-15T16:00:00Z");
  const jul15 = new Date("2026-07-15T16:00:00Z");

  it("names a single-zone country of the region after the country, with the offset", () => {
    expect(formatInZone(dec15, "America/Guatemala", "es")).toEqual({ date: "martes, 15 de diciembre de 2026", time: "10:00", zone: "hora de Guatemala (GMT-6)" });
    expect(formatInZone(dec15, "America/Guatemala", "en")).toEqual({ date: "Tuesday, December 15, 2026", time: "10:00", zone: "Guatemala Time (GMT-6)" });
    expect(formatInZone(dec15, "America/Port-au-Prince", "fr")).toEqual({ date: "mardi 15 décembre 2026", time: "11:00", zone: "heure : Haïti (UTC−5)" });
    expect(formatInZone(dec15, "America/Santo_Domingo", "pt")).toEqual({ date: "terça-feira, 15 de dezembro de 2026", time: "12:00", zone: "Horário República Dominicana (GMT-4)" });
  });

  it("gives the offset in force at the instant", () => {
    expect(formatInZone(dec15, "America/Havana", "es").zone).toBe("hora de Cuba (GMT-5)");
    expect(formatInZone(jul15, "America/Havana", "es").zone).toBe("hora de Cuba (GMT-4)");
    // Intl's own name when it already names the country.
    expect(formatInZone(jul15, "America/Havana", "fr").zone).toBe("heure de Cuba (UTC−4)");
    expect(formatInZone(jul15, "Europe/Madrid", "es")).toEqual({ date: "miércoles, 15 de julio de 2026", time: "18:00", zone: "hora de Europa central (GMT+2)" });
  });

  it("uses Intl's name for a zone that is not a whole country (Mexico has several)", () => {
    expect(formatInZone(dec15, "America/Mexico_City", "es").zone).toBe("hora estándar central (GMT-6)");
    expect(formatInZone(dec15, "America/Cancun", "en").zone).toBe("Eastern Standard Time (GMT-5)");
  });

  it("falls back for UTC and for zones Intl has no name for", () => {
    expect(formatInZone(dec15, "UTC", "es")).toEqual({ date: "martes, 15 de diciembre de 2026", time: "16:00", zone: "tiempo universal coordinado (UTC)" });
    expect(formatInZone(dec15, "Etc/UTC", "en").zone).toBe("Coordinated Universal Time (UTC)");
    expect(formatInZone(dec15, "Etc/GMT+5", "en")).toEqual({ date: "Tuesday, December 15, 2026", time: "11:00", zone: "GMT-5" });
  });

  it("writes the date of the zone, not of UTC, on a 24-hour clock", () => {
    const late = new Date("2026-12-16T03:05:00Z");
    expect(formatInZone(late, "America/Guatemala", "es")).toMatchObject({ date: "martes, 15 de diciembre de 2026", time: "21:05" });
    expect(formatInZone(late, "America/Guatemala", "en")).toMatchObject({ time: "21:05" });
  });

  it("names every country of the region, in each language", () => {
    for (const [country, zone] of Object.entries(COUNTRY_TIME_ZONES)) {
      if (country === "MX") continue;
      for (const locale of ["es", "en", "fr", "pt"] as const) {
        const place = new Intl.DisplayNames([locale], { type: "region" }).of(country) as string;
        expect(formatInZone(dec15, zone, locale).zone, `${country} ${locale}`).toContain(place);
      }
    }
  });
});

// Intl.Locale#timeZones (getTimeZones() in newer engines) is not in TypeScript's ES2022 lib.
function zonesOfRegion(country: string): string[] | undefined {
  const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
  return locale.getTimeZones?.() ?? locale.timeZones;
}

describe("COUNTRY_TIME_ZONES and defaultZoneFor", () => {
  it("covers Mexico, Central America and the Caribbean", () => {
    for (const c of ["MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CU", "DO", "HT", "JM", "PR", "TT", "BS", "BB", "AG", "DM", "GD", "KN", "LC", "VC"]) {
      expect(COUNTRY_TIME_ZONES[c], c).toBeDefined();
    }
    expect(COUNTRY_TIME_ZONES.MX).toBe("America/Mexico_City");
    expect(Object.isFrozen(COUNTRY_TIME_ZONES)).toBe(true);
  });

  it("uses zone names Intl lists, each one of its country's zones, and only Mexico has several", () => {
    const supported = new Set(Intl.supportedValuesOf("timeZone"));
    for (const [country, zone] of Object.entries(COUNTRY_TIME_ZONES)) {
      expect(supported.has(zone), zone).toBe(true);
      const zones = zonesOfRegion(country);
      if (!zones) continue; // an engine without the API: the names are still checked above
      expect(zones, country).toContain(zone);
      expect(zones.length > 1, country).toBe(country === "MX");
    }
  });

  it("gives a country's zone, and UTC when the country is unknown", () => {
    expect(defaultZoneFor("GT")).toBe("America/Guatemala");
    expect(defaultZoneFor(" ht ")).toBe("America/Port-au-Prince");
    for (const c of [null, undefined, "", "ZZ", "ES", "constructor", "__proto__", "toString"]) {
      expect(defaultZoneFor(c), String(c)).toBe("UTC");
    }
  });
});

describe("zoneChoices", () => {
  it("lists the region's zones first, sorted and once each, then the rest, then UTC", () => {
    const choices = zoneChoices();
    const region = [...new Set(Object.values(COUNTRY_TIME_ZONES))].sort();
    expect(choices.slice(0, region.length)).toEqual(region);
    expect(new Set(choices).size).toBe(choices.length);
    const supported = Intl.supportedValuesOf("timeZone");
    expect(choices.slice(region.length).filter((z) => z !== "UTC")).toEqual(supported.filter((z) => !region.includes(z)));
    expect(choices).toContain("UTC");
    if (!supported.includes("UTC")) expect(choices.at(-1)).toBe("UTC");
    expect(choices.every(isValidZone)).toBe(true);
  });

  it("hands out a copy", () => {
    zoneChoices().splice(0);
    expect(zoneChoices()[0]).toBe("America/Anguilla");
  });
});
