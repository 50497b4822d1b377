import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeAndLoad } from "./content-tree.testing";

// A course with one session item (a presentation by an expert); each test breaks one thing.
const COURSE_YAML = `id: talk-course
version: 1
locales:
  es: published
  en: published
title: { es: Curso con presentación, en: Course with a talk }
summary: { es: Resumen., en: Summary. }
minutes: 60
modules:
  - id: only
    title: { es: Único, en: Only }
    items:
      - id: expert-talk
        kind: session
        minutes: 60
        title: { es: Presentación, en: Expert talk }
`;

const SESSION = `speaker:
  name: Ana Pérez
  organisation: { es: Especialista en protección, en: Protection specialist }
summary: { es: De qué trata., en: What it is about. }
live_minutes: 45
recording:
  media: video
  url: https://media.example.org/talk.mp4
  captions: { es: expert-talk.es.vtt, en: expert-talk.en.vtt }
reflection:
  prompt: { es: ¿Qué cambiaría en su puesto?, en: What would you change at your post? }
  min_chars: 100
sources:
  es: ["OIM, Guía sobre mecanismos de referencia (2019)"]
  en: ["IOM, Guidance on Referral Mechanisms (2019)"]
`;

const VTT = "WEBVTT\n\n00:00.000 --> 00:04.000\nBuenos días a todas y a todos.\n\n00:04.000 --> 00:09.500\nHoy hablamos de referencias.\n";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeCourse(files: Record<string, string | null> = {}) {
  root = mkdtempSync(join(tmpdir(), "sendero-sessions-"));
  const all: Record<string, string | null> = {
    "talk-course/course.yaml": COURSE_YAML,
    "talk-course/sessions/expert-talk.yaml": SESSION,
    "talk-course/sessions/expert-talk.es.md": "Buenos días.\n\n## Lo primero\n\nEscuchar.\n",
    "talk-course/sessions/expert-talk.en.md": "Good morning.\n\n## First\n\nListen.\n",
    "talk-course/sessions/expert-talk.es.vtt": VTT,
    "talk-course/sessions/expert-talk.en.vtt": VTT.replace("Buenos días a todas y a todos.", "Good morning, everyone.").replace("Hoy hablamos de referencias.", "Today: referrals."),
    ...files,
  };
  return writeAndLoad(root, all);
}

describe("session items", () => {
  it("loads a session with its speaker, transcripts and captions", () => {
    const { catalog, report } = writeCourse();
    expect(report).toEqual([]);
    const session = catalog.courses.get("talk-course")?.sessions.get("expert-talk");
    expect(session?.speaker).toEqual({ name: "Ana Pérez", organisation: { es: "Especialista en protección", en: "Protection specialist" } });
    expect(session?.liveMinutes).toBe(45);
    expect(session?.transcripts.es).toContain("<h2>Lo primero</h2>");
    expect(session?.captions.en).toContain("Good morning, everyone.");
    expect(session?.completion).toBe("attended-or-reflection");
  });

  it("rejects a session without a transcript in a published locale", () => {
    const { catalog, report } = writeCourse({ "talk-course/sessions/expert-talk.en.md": null });
    expect(report).toContain('talk-course/sessions/expert-talk.yaml:1: session "expert-talk" has no en transcript (sessions/expert-talk.en.md): the talk must be readable without video');
    expect(catalog.courses.has("talk-course")).toBe(false);
  });

  it("rejects a bad WebVTT file with the line of the fault, and a missing one", () => {
    const backwards = writeCourse({ "talk-course/sessions/expert-talk.es.vtt": "WEBVTT\n\n00:05.000 --> 00:02.000\nAl revés.\n" });
    expect(backwards.report).toContain("talk-course/sessions/expert-talk.es.vtt:3: captions: End timestamp is not greater than start timestamp.");
    const unsigned = writeCourse({ "talk-course/sessions/expert-talk.en.vtt": "00:00.000 --> 00:02.000\nNo header.\n" });
    expect(unsigned.report.some((r) => r.startsWith("talk-course/sessions/expert-talk.en.vtt:1: captions: No valid signature."))).toBe(true);
    const missing = writeCourse({ "talk-course/sessions/expert-talk.en.vtt": null });
    expect(missing.report.some((r) => r.includes("captions file sessions/expert-talk.en.vtt not found"))).toBe(true);
    expect(missing.catalog.courses.has("talk-course")).toBe(false);
  });

  it("rejects a session without a speaker, or a speaker without a name", () => {
    const noSpeaker = writeCourse({ "talk-course/sessions/expert-talk.yaml": SESSION.replace(/^speaker:\n {2}name: Ana Pérez\n {2}organisation: .*\n/, "") });
    expect(noSpeaker.report.some((r) => /^talk-course\/sessions\/expert-talk.yaml:\d+: .*speaker/.test(r)), noSpeaker.report.join("\n")).toBe(true);
    expect(noSpeaker.catalog.courses.has("talk-course")).toBe(false);
    const noName = writeCourse({ "talk-course/sessions/expert-talk.yaml": SESSION.replace("  name: Ana Pérez\n", "  name: ''\n") });
    expect(noName.report.some((r) => r.includes("the speaker needs a name")), noName.report.join("\n")).toBe(true);
  });

  it("rejects a recording that is not https, captions missing for a locale and a session item without its file", () => {
    const http = writeCourse({ "talk-course/sessions/expert-talk.yaml": SESSION.replace("https://media", "http://media") });
    expect(http.report.some((r) => r.includes("a recording is an https:// address"))).toBe(true);
    const oneLocale = writeCourse({ "talk-course/sessions/expert-talk.yaml": SESSION.replace("{ es: expert-talk.es.vtt, en: expert-talk.en.vtt }", "{ es: expert-talk.es.vtt }") });
    expect(oneLocale.report.some((r) => r.includes("the recording has no en captions"))).toBe(true);
    const noFile = writeCourse({ "talk-course/sessions/expert-talk.yaml": null });
    expect(noFile.report, noFile.report.join("\n")).toContainEqual(expect.stringMatching(/^talk-course\/course.yaml:\d+: session "expert-talk" has no file sessions\/expert-talk.yaml$/));
  });

  it("accepts a session with no recording: the transcript alone is enough", () => {
    const { catalog, report } = writeCourse({ "talk-course/sessions/expert-talk.yaml": SESSION.replace(/recording:\n(?: {2}.*\n)+/, ""), "talk-course/sessions/expert-talk.es.vtt": null, "talk-course/sessions/expert-talk.en.vtt": null });
    expect(report).toEqual([]);
    expect(catalog.courses.get("talk-course")?.sessions.get("expert-talk")?.recording).toBeNull();
  });
});
