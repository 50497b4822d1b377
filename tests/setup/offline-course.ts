import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeAndLoad } from "../../app/content/content-tree.testing";
import type { Course } from "../../app/content/model";

// A small course for the offline tests: three lessons (the second needs the first, the first
// shows an image) and an optional discussion between them, so the last item is a lesson and
// the discussion does not keep the course from completing.
export const OFFLINE_COURSE = "offline-mini";

const COURSE_YAML = `id: ${OFFLINE_COURSE}
version: 1
locales:
  es: published
  en: published
title:
  es: Curso corto
  en: Short course
summary:
  es: Para leer sin conexión.
  en: To read offline.
minutes: 30
open_to_all: true
modules:
  - id: m1
    title:
      es: Uno
      en: One
    items:
      - id: one
        kind: lesson
      - id: two
        kind: lesson
        requires: [one]
      - id: talk
        kind: discussion
        optional: true
        title:
          es: Conversemos
          en: Let us talk
        prompt:
          es: ¿Qué vio?
          en: What did you see?
  - id: m2
    title:
      es: Dos
      en: Two
    items:
      - id: three
        kind: lesson
`;

const lesson = (title: string, body: string) => `---\ntitle: ${title}\nminutes: 10\nsources:\n  - Fuente\n---\n\n${body}\n`;
const MAP = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>`;

/** Writes the course into a new temporary folder (or `root`, with a changed lesson text) and loads it. */
export function offlineCourse(root = mkdtempSync(join(tmpdir(), "sendero-offline-")), oneText = "El texto de la primera lección."): { root: string; course: Course } {
  const files: Record<string, string> = {
    [`${OFFLINE_COURSE}/course.yaml`]: COURSE_YAML,
    [`${OFFLINE_COURSE}/images/map.svg`]: MAP,
    [`${OFFLINE_COURSE}/lessons/one.es.md`]: lesson("Lección uno", `${oneText}\n\n![Mapa del puesto](../images/map.svg)`),
    [`${OFFLINE_COURSE}/lessons/one.en.md`]: lesson("Lesson one", "The first lesson's text.\n\n![Map of the post](../images/map.svg)"),
  };
  for (const id of ["two", "three"]) {
    files[`${OFFLINE_COURSE}/lessons/${id}.es.md`] = lesson(`Lección ${id}`, "Texto.");
    files[`${OFFLINE_COURSE}/lessons/${id}.en.md`] = lesson(`Lesson ${id}`, "Text.");
  }
  const { catalog, report } = writeAndLoad(root, files);
  const course = catalog.courses.get(OFFLINE_COURSE);
  if (!course || report.length) throw new Error(`the offline test course did not load: ${report.join("; ")}`);
  return { root, course };
}
