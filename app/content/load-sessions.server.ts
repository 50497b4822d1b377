import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import webvtt from "webvtt-parser";
import { LOCALES } from "../i18n/locales";
import { display, loadItemFiles } from "./item-files.server";
import { renderMarkdown } from "./markdown.server";
import type { Course, Localized, SessionContent } from "./model";
import type { CourseFile } from "./schema";
import { sessionSchema, type SessionFile } from "./session-schema";
import type { Problem, YamlSource } from "./yaml-source.server";

// Sessions (presentations by experts): sessions/<item-id>.yaml, its transcript per locale
// (<item-id>.<locale>.md, required in every published locale: the talk must be readable with no
// video) and the WebVTT captions its recording names. See content/README.md.

const COMPANIONS = /^[a-z0-9-]+\.[a-z]{2}\.(md|vtt)$/;

export function loadSessions(dir: string, data: CourseFile, course: Course): Problem[] {
  const folder = join(dir, "sessions");
  const lessonIds = new Set([...course.items.values()].filter((i) => i.kind === "lesson").map((i) => i.id));
  const published = LOCALES.filter((l) => data.locales[l] === "published");
  const loaded = new Map<string, { transcripts: Localized; captions: Localized }>();
  return loadItemFiles(
    dir,
    data,
    "session",
    sessionSchema,
    (source, session, id) => {
      const found = readCompanions(folder, source, session, id, published, course.id, lessonIds);
      loaded.set(id, found);
      return found.problems;
    },
    (id, session) => course.sessions.set(id, toSession(session, loaded.get(id)!)),
    COMPANIONS,
  );
}

function readCompanions(folder: string, source: YamlSource, session: SessionFile, id: string, published: readonly string[], courseId: string, lessonIds: Set<string>) {
  const problems: Problem[] = [];
  const transcripts: Localized = {};
  const captions: Localized = {};
  for (const locale of published) {
    const file = join(folder, `${id}.${locale}.md`);
    if (!existsSync(file)) {
      problems.push(source.problem([], `session "${id}" has no ${locale} transcript (sessions/${id}.${locale}.md): the talk must be readable without video`));
      continue;
    }
    const rendered = renderMarkdown(readFileSync(file, "utf8").replace(/\r\n/g, "\n"), { lessonHref: (lesson) => `/learn/${courseId}/${lesson}`, imageSrc: (src) => src });
    if (!rendered.html.trim()) problems.push({ file: display(file), line: 1, message: "the transcript is empty", severity: "error" });
    for (const link of rendered.lessonLinks) {
      if (!lessonIds.has(link.id)) problems.push({ file: display(file), line: link.line, message: `link to unknown lesson "${link.id}"`, severity: "error" });
    }
    for (const image of rendered.images) problems.push({ file: display(file), line: image.line, message: `transcripts take no images ("${image.src}"): describe it in words`, severity: "error" });
    transcripts[locale as keyof Localized] = rendered.html;
  }
  if (session.recording) {
    for (const locale of published) {
      const name = session.recording.captions[locale as keyof Localized];
      if (!name) {
        problems.push(source.problem(["recording", "captions"], `the recording has no ${locale} captions`));
        continue;
      }
      const file = join(folder, name);
      if (!existsSync(file)) {
        problems.push(source.problem(["recording", "captions", locale], `captions file sessions/${name} not found`));
        continue;
      }
      const text = readFileSync(file, "utf8");
      const vttProblems = checkVtt(text).map((p) => ({ file: display(file), line: p.line, message: p.message, severity: "error" as const }));
      problems.push(...vttProblems);
      if (!vttProblems.length) captions[locale as keyof Localized] = text;
    }
  }
  return { transcripts, captions, problems };
}

/** A WebVTT file as browsers read it: the W3C parser's errors, plus "no cues at all". */
export function checkVtt(text: string): { line: number; message: string }[] {
  const tree = new webvtt.WebVTTParser().parse(text, "metadata");
  const problems = tree.errors.map((e) => ({ line: e.line, message: `captions: ${e.message}` }));
  if (!problems.length && tree.cues.length === 0) problems.push({ line: 1, message: "captions: no cues" });
  return problems;
}

function toSession(file: SessionFile, companions: { transcripts: Localized; captions: Localized }): SessionContent {
  return {
    speaker: { name: file.speaker.name, organisation: file.speaker.organisation },
    summary: file.summary,
    liveMinutes: file.live_minutes,
    recording: file.recording ? { media: file.recording.media, url: file.recording.url } : null,
    captions: companions.captions,
    transcripts: companions.transcripts,
    reflection: { prompt: file.reflection.prompt, minChars: file.reflection.min_chars },
    completion: file.completion,
    sources: file.sources,
  };
}
