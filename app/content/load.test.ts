import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeAndLoad } from "./content-tree.testing";
import { findCycle } from "./load.server";

// Each test writes a small course to a temporary folder, breaks one thing, and reads the report.
const COURSE_YAML = `id: demo-course
version: 1
locales:
  es: published
  en: published
title:
  es: Curso de prueba
  en: Test course
summary:
  es: Resumen.
  en: Summary.
minutes: 20
modules:
  - id: first
    title:
      es: Primero
      en: First
    items:
      - id: intro
        kind: lesson
        minutes: 10
      - id: next-steps
        kind: lesson
        requires: [intro]
  - id: second
    title:
      es: Segundo
      en: Second
    requires: [first]
    items:
      - id: wrap-up
        kind: lesson
`;

const lesson = (title: string, body = "Texto del cuerpo.\n") => `---\ntitle: ${title}\nminutes: 5\nsources:\n  - Protocolo de Palermo (2000), art. 3\n---\n\n${body}`;

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeCourse(files: Record<string, string | null> = {}) {
  root = mkdtempSync(join(tmpdir(), "sendero-content-"));
  const all: Record<string, string | null> = {
    "demo-course/course.yaml": COURSE_YAML,
    ...Object.fromEntries(
      ["intro", "next-steps", "wrap-up"].flatMap((id) => [
        [`demo-course/lessons/${id}.es.md`, lesson(`Lección ${id}`)],
        [`demo-course/lessons/${id}.en.md`, lesson(`Lesson ${id}`)],
      ]),
    ),
    ...files,
  };
  return writeAndLoad(root, all);
}

const yamlWith = (from: string, to: string) => COURSE_YAML.replace(from, to);

describe("content check", () => {
  it("accepts a valid course and renders its lessons to HTML", () => {
    const { catalog, report } = writeCourse({ "demo-course/lessons/intro.es.md": lesson("Inicio", "## Qué hacer\n\n- Escuchar\n\nVea [el cierre](lesson:wrap-up).\n") });
    expect(report).toEqual([]);
    const course = catalog.courses.get("demo-course")!;
    expect(course.items.get("next-steps")?.title).toEqual({ es: "Lección next-steps", en: "Lesson next-steps" });
    expect(course.lessons.get("intro.es")?.html).toContain('<a href="/learn/demo-course/wrap-up">el cierre</a>');
  });

  it("reports an unknown key on its line", () => {
    const { report } = writeCourse({ "demo-course/course.yaml": yamlWith("minutes: 20\n", "minutes: 20\ncertificat: true\n") });
    expect(report).toEqual(["demo-course/course.yaml:13: unknown key \"certificat\""]);
  });

  it("reports duplicate item and module ids", () => {
    const { report } = writeCourse({ "demo-course/course.yaml": yamlWith("      - id: wrap-up", "      - id: intro").replace("  - id: second", "  - id: first") });
    expect(report).toContain('demo-course/course.yaml:25: duplicate module id "first"');
    expect(report).toContain('demo-course/course.yaml:31: duplicate item id "intro"');
  });

  it("reports prerequisites that point nowhere", () => {
    const { report } = writeCourse({ "demo-course/course.yaml": yamlWith("requires: [intro]", "requires: [intro, outro]").replace("requires: [first]", "requires: [zeroth]") });
    expect(report).toContain('demo-course/course.yaml:24: item "next-steps" requires unknown item "outro"');
    expect(report).toContain('demo-course/course.yaml:29: module "second" requires unknown module "zeroth"');
  });

  it("reports a prerequisite cycle", () => {
    const { report } = writeCourse({ "demo-course/course.yaml": yamlWith("        minutes: 10\n", "        minutes: 10\n        requires: [next-steps]\n") });
    expect(report).toEqual(["demo-course/course.yaml:22: prerequisite cycle between items: intro → next-steps → intro"]);
  });

  it("reports a missing lesson text, as a warning only for a draft locale", () => {
    expect(writeCourse({ "demo-course/lessons/wrap-up.en.md": null }).report).toEqual([
      'demo-course/course.yaml:31: lesson "wrap-up" has no en text (lessons/wrap-up.en.md)',
    ]);
    const draft = writeCourse({ "demo-course/lessons/wrap-up.en.md": null, "demo-course/course.yaml": yamlWith("en: published", "en: draft") });
    expect(draft.report).toEqual(['demo-course/course.yaml:31: warning: lesson "wrap-up" has no en text (lessons/wrap-up.en.md) (draft locale)']);
    expect(draft.catalog.courses.get("demo-course")?.publishedLocales).toEqual(["es"]);
  });

  it("reports an image without alt text, and one that does not exist", () => {
    const { report } = writeCourse({
      "demo-course/images/map.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
      "demo-course/lessons/intro.es.md": lesson("Inicio", "Párrafo.\n\n![](../images/map.svg)\n\n![Un mapa](../images/missing.svg)\n"),
    });
    expect(report).toEqual([
      'demo-course/lessons/intro.es.md:10: image "../images/map.svg" has no alt text',
      'demo-course/lessons/intro.es.md:12: image "../images/missing.svg" not found in the course\'s images/ folder',
    ]);
  });

  it("reports a link to a lesson that does not exist", () => {
    const { report } = writeCourse({ "demo-course/lessons/wrap-up.en.md": lesson("End", "First line.\n\nSee [the start](lesson:intro) and [nothing](lesson:nowhere).\n") });
    expect(report).toEqual(['demo-course/lessons/wrap-up.en.md:10: link to unknown lesson "nowhere"']);
  });

  it("reports broken YAML with its line", () => {
    const { report, catalog } = writeCourse({ "demo-course/course.yaml": yamlWith("minutes: 20", "minutes: [20") });
    expect(report[0]).toMatch(/^demo-course\/course\.yaml:1[34]: YAML: /);
    expect(catalog.courses.size).toBe(0);
  });

  it("reports front matter that is missing or incomplete", () => {
    const { report } = writeCourse({
      "demo-course/lessons/intro.es.md": "Sin encabezado.\n",
      "demo-course/lessons/intro.en.md": "---\ntitle: Start\nminutes: five\n---\nBody\n",
    });
    expect(report).toContain("demo-course/lessons/intro.es.md:1: missing front matter (--- title, minutes, sources ---)");
    expect(report).toContain("demo-course/lessons/intro.en.md:3: minutes: Invalid input: expected number, received string");
    expect(report.some((r) => r.startsWith("demo-course/lessons/intro.en.md:") && r.includes("sources"))).toBe(true);
  });

  it("reports ids that are not lowercase-hyphen words and a folder that does not match", () => {
    const { report } = writeCourse({ "demo-course/course.yaml": yamlWith("id: demo-course", "id: Demo_Course") });
    expect(report).toContain("demo-course/course.yaml:1: id: ids are lowercase words joined by hyphens (a-z, 0-9, -)");
  });

  it("reports a discussion item without a prompt, and a prompt on another kind", () => {
    const discussion = "      - id: wrap-up\n        kind: lesson\n      - id: talk\n        kind: discussion\n        title:\n          es: Conversemos\n          en: Let's talk\n";
    const { report } = writeCourse({ "demo-course/course.yaml": yamlWith("      - id: wrap-up\n        kind: lesson\n", discussion).replace("        minutes: 10\n", "        minutes: 10\n        prompt:\n          es: ¿Qué opina?\n") });
    expect(report).toEqual(["demo-course/course.yaml:23: only discussion items take a prompt", "demo-course/course.yaml:35: a discussion item needs a prompt"]);
  });

  it("keeps a discussion item's prompt in each language", () => {
    const discussion = "      - id: wrap-up\n        kind: lesson\n      - id: talk\n        kind: discussion\n        title:\n          es: Conversemos\n          en: Let's talk\n        prompt:\n          es: ¿Qué opina?\n          en: What do you think?\n";
    const { catalog, report } = writeCourse({ "demo-course/course.yaml": yamlWith("      - id: wrap-up\n        kind: lesson\n", discussion) });
    expect(report).toEqual([]);
    expect(catalog.courses.get("demo-course")!.items.get("talk")?.prompt).toEqual({ es: "¿Qué opina?", en: "What do you think?" });
  });

  it("reports a quiz item whose file is missing", () => {
    const { report } = writeCourse({
      "demo-course/course.yaml": yamlWith("      - id: wrap-up\n        kind: lesson\n", "      - id: wrap-up\n        kind: lesson\n      - id: final-quiz\n        kind: quiz\n        title:\n          es: Prueba\n          en: Quiz\n"),
    });
    expect(report).toEqual(['demo-course/course.yaml:33: quiz "final-quiz" has no file quizzes/final-quiz.yaml']);
  });

  it("warns about a lesson file no course item uses", () => {
    const { report } = writeCourse({ "demo-course/lessons/old-lesson.es.md": lesson("Vieja") });
    expect(report).toEqual(["demo-course/lessons/old-lesson.es.md:1: warning: file belongs to no lesson of course.yaml"]);
  });

  it("renders no raw HTML from a lesson", () => {
    const { catalog } = writeCourse({ "demo-course/lessons/intro.es.md": lesson("Inicio", '<script>alert(1)</script>\n\n[x](javascript:alert(1))\n') });
    const html = catalog.courses.get("demo-course")!.lessons.get("intro.es")!.html;
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/href="javascript:/);
  });
});

describe("cycle finding", () => {
  it("finds a cycle and returns its path", () => {
    expect(findCycle(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]]))).toEqual(["a", "b", "c", "a"]);
    expect(findCycle(new Map([["a", ["b"]], ["b", []], ["c", ["a", "b"]]]))).toBeNull();
  });
});

const QUIZ = `pass_mark: 80
attempts: 3
retry_wait_minutes: 10
feedback: immediate
review: answers-after-pass
questions:
  - id: which-crime
    type: single
    prompt:
      es: ¿Qué delito es contra la persona?
      en: Which crime is against the person?
    options:
      - id: trafficking
        text: { es: Trata, en: Trafficking }
        correct: true
      - id: smuggling
        text: { es: Tráfico, en: Smuggling }
  - id: consent
    type: true-false
    prompt:
      es: El consentimiento de la víctima excluye la trata.
      en: The victim's consent rules out trafficking.
    answer: false
`;

describe("quiz files", () => {
  it("loads a valid quiz and keeps it with the course", () => {
    const { catalog, report } = writeCourse({ "demo-course/quizzes/final-check.yaml": QUIZ });
    expect(report).toEqual(["demo-course/quizzes/final-check.yaml:1: warning: file belongs to no quiz item of course.yaml"]);
    expect(catalog.courses.get("demo-course")?.quizzes.get("final-check")?.questions).toHaveLength(2);
  });

  it("reports a single-choice question with two right answers", () => {
    const { report } = writeCourse({ "demo-course/quizzes/final-check.yaml": QUIZ.replace("        text: { es: Tráfico, en: Smuggling }", "        text: { es: Tráfico, en: Smuggling }\n        correct: true") });
    expect(report).toContain("demo-course/quizzes/final-check.yaml:13: questions.0.options: a single-choice question needs exactly one correct option");
  });

  it("reports a text missing in a published locale", () => {
    const { report } = writeCourse({ "demo-course/quizzes/final-check.yaml": QUIZ.replace("      en: The victim's consent rules out trafficking.\n", "") });
    expect(report, report.join("\n")).toContain("demo-course/quizzes/final-check.yaml:21: questions.1.prompt: missing en text");
  });

  it("reports duplicate question ids and an unknown question type", () => {
    const duplicate = writeCourse({ "demo-course/quizzes/final-check.yaml": QUIZ.replace("id: consent", "id: which-crime") });
    expect(duplicate.report, duplicate.report.join("\n")).toContain('demo-course/quizzes/final-check.yaml:18: duplicate question id "which-crime"');
    const unknown = writeCourse({ "demo-course/quizzes/final-check.yaml": QUIZ.replace("type: true-false", "type: essay") });
    expect(unknown.report.some((r) => /^demo-course\/quizzes\/final-check.yaml:\d+: questions.1/.test(r))).toBe(true);
  });

  describe("scenarios", () => {
    const SCENARIO = `intro: { es: Usted está en el filtro., en: You are at the checkpoint. }
start: arrival
max_steps: 4
nodes:
  - id: arrival
    text: { es: Llega una adolescente sola., en: A teenage girl arrives alone. }
    choices:
      - id: ask-age
        text: { es: Le pregunto su edad., en: I ask her age. }
        to: referred
        score: 2
        feedback: { es: Saber su edad cambia todo., en: Knowing her age changes everything. }
      - id: wave-on
        text: { es: La dejo pasar., en: I let her through. }
        to: alone
        feedback: { es: Queda sin protección., en: She is left unprotected. }
endings:
  - id: referred
    outcome: protected
    title: { es: Referida, en: Referred }
    text: { es: La Procuraduría la atiende., en: The Procuraduría takes her case. }
    debrief: { es: Así se protege., en: This is how she is protected. }
    sources: [Ley de Migración (México)]
  - id: alone
    outcome: harmful
    title: { es: Sola, en: Alone }
    text: { es: Sigue sola., en: She goes on alone. }
    debrief: { es: Faltó preguntar., en: Asking was missing. }
    sources: [Ley de Migración (México)]
`;
    const withScenarioItem = yamlWith("      - id: wrap-up\n        kind: lesson\n", "      - id: wrap-up\n        kind: lesson\n      - id: girl-alone\n        kind: scenario\n        title: { es: Caso, en: Case }\n");

    it("loads a sound scenario, compiled, with its number of plays", () => {
      const { catalog, report } = writeCourse({ "demo-course/course.yaml": withScenarioItem, "demo-course/scenarios/girl-alone.yaml": SCENARIO });
      expect(report).toEqual([]);
      const course = catalog.courses.get("demo-course")!;
      expect(course.scenarios.get("girl-alone")?.nodes.has("arrival")).toBe(true);
      expect(course.scenarioPlays.get("girl-alone")).toBe(2);
    });

    it("reports a missing translation on its line", () => {
      const { report } = writeCourse({
        "demo-course/course.yaml": withScenarioItem,
        "demo-course/scenarios/girl-alone.yaml": SCENARIO.replace("text: { es: La dejo pasar., en: I let her through. }", "text: { es: La dejo pasar. }"),
      });
      expect(report).toEqual(["demo-course/scenarios/girl-alone.yaml:14: nodes.0.choices.1.text: missing en text"]);
    });

    it("reports graph problems on their lines, and a scenario item without its file", () => {
      const broken = writeCourse({ "demo-course/course.yaml": withScenarioItem, "demo-course/scenarios/girl-alone.yaml": SCENARIO.replace("to: alone", "to: referred") });
      expect(broken.report).toEqual(['demo-course/scenarios/girl-alone.yaml:24: ending "alone" can never be reached from "arrival"']);
      expect(broken.catalog.courses.get("demo-course")).toBeUndefined();
      expect(writeCourse({ "demo-course/course.yaml": withScenarioItem }).report).toEqual(['demo-course/course.yaml:33: scenario "girl-alone" has no file scenarios/girl-alone.yaml']);
    });
  });
});
