import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import en from "../locales/en.json";
import es from "../locales/es.json";
import { RECORD_COLUMNS, RECORD_KINDS, type PersonalData } from "../models/privacy/kinds";
import { personalDataZip } from "./archive.server";
import { CSV_FILES, JSON_FILE, README_FILE } from "./files";

const empty = Object.fromEntries(RECORD_KINDS.map((k) => [k, []])) as unknown as PersonalData;

describe("personal data archive", () => {
  it("has a translated header for every column and a README line for every kind, in each language", () => {
    for (const strings of [es, en]) {
      const fields = strings.privacyExport.field as Record<string, string>;
      const files = strings.privacyExport.readme.files as Record<string, string>;
      for (const kind of RECORD_KINDS) {
        expect(files[kind], kind).toBeTruthy();
        for (const column of RECORD_COLUMNS[kind]) expect(fields[column], `${kind}.${column}`).toBeTruthy();
      }
    }
  });

  it("writes dates as ISO text, nested data as JSON and formula-looking text inert", () => {
    const data: PersonalData = {
      ...empty,
      profile: [{ id: "p1", email: "a@b.test", displayName: "+Ana", locale: "en", countryCode: null, institution: null, unit: null, createdAt: new Date("2026-01-02T03:04:05Z"), disabledAt: null, dataMode: null, timeZone: null, mailReminders: true, mailDigests: false }],
      learningEvents: [{ at: new Date("2026-01-02T03:04:05Z"), storedAt: new Date("2026-01-02T03:04:05Z"), verb: "answered", objectType: "question", objectId: "c/q/1", result: { response: "=1+1" }, context: null }],
    };
    const files = unzipSync(personalDataZip({ data, locale: "en", generatedAt: new Date("2026-01-03T00:00:00Z") }));
    const text = (name: string) => strFromU8(files[name]!);
    expect(Object.keys(files)).toEqual(expect.arrayContaining([JSON_FILE, README_FILE, ...Object.values(CSV_FILES)]));
    expect(text(README_FILE)).toContain("Your data in Sendero");
    expect(text(README_FILE)).toContain("+Ana");
    const profile = text(CSV_FILES.profile).split("\r\n");
    // A byte-order mark first, so spreadsheets read the accents right (the decoder drops it).
    expect([...files[CSV_FILES.profile]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(profile[0]).toBe("Identifier,Email,Name,Language,Country,Institution,Unit,Created,Deactivated,Data mode,Time zone,Mail reminders,Mail digests");
    expect(profile[1]).toBe("p1,a@b.test,'+Ana,en,,,,2026-01-02T03:04:05.000Z,,,,true,false");
    expect(text(CSV_FILES.learningEvents)).toContain(`"{""response"":""=1+1""}"`);
    expect(JSON.parse(text(JSON_FILE)).records.profile[0].displayName).toBe("+Ana");
    // A kind with no records still has its header.
    expect(text(CSV_FILES.posts).split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});
