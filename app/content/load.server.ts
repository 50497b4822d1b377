import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { LOCALES, type Locale } from "../i18n/locales";
import { display, ITEM_FOLDERS, loadItemFiles } from "./item-files.server";
import { loadGroupTasks } from "./load-group-tasks.server";
import { loadSessions } from "./load-sessions.server";
import { renderMarkdown } from "./markdown.server";
import type { Catalog, Course, CourseItem, Lesson } from "./model";
import { quizSchema, type QuizFile } from "./quiz-schema";
import { scenarioSchema } from "./scenario-schema";
import { checkScenario } from "../scenario/check";
import { toScenario } from "../scenario/compile";
import { courseSchema, lessonFrontMatterSchema, type CourseFile } from "./schema";
import { YamlSource, type Problem } from "./yaml-source.server";

export type { Problem };

export interface LoadResult {
  catalog: Catalog;
  problems: Problem[];
}

/**
 * Reads and validates every course under `root` (normally content/courses). Courses with errors
 * are left out of the catalogue; every problem is reported with its file and line.
 */
export function loadContent(root: string): LoadResult {
  const problems: Problem[] = [];
  const courses = new Map<string, Course>();
  if (!existsSync(root)) return { catalog: { courses }, problems };
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    const { course, problems: found } = loadCourse(dir, folder);
    problems.push(...found);
    if (!course || found.some((p) => p.severity === "error")) continue;
    if (courses.has(course.id)) {
      problems.push({ file: display(join(dir, "course.yaml")), line: 1, message: `duplicate course id "${course.id}"`, severity: "error" });
      continue;
    }
    courses.set(course.id, course);
  }
  return { catalog: { courses }, problems };
}

function loadCourse(dir: string, folder: string): { course: Course | null; problems: Problem[] } {
  const file = join(dir, "course.yaml");
  if (!existsSync(file)) return { course: null, problems: [{ file: display(dir), line: 1, message: "missing course.yaml", severity: "error" }] };
  const source = new YamlSource(display(file), readFileSync(file, "utf8"));
  const syntax = source.syntaxProblems();
  if (syntax.length) return { course: null, problems: syntax };
  const { data, problems } = source.validate(courseSchema);
  if (!data) return { course: null, problems };
  if (data.id !== folder) problems.push(source.problem(["id"], `course id "${data.id}" must match its folder name "${folder}"`));
  problems.push(...checkStructure(source, data));
  if (problems.some((p) => p.severity === "error")) return { course: null, problems };

  const course = toCourse(data);
  problems.push(...loadLessons(dir, source, data, course));
  problems.push(...checkItemFiles(dir, source, data));
  problems.push(...loadQuizzes(dir, data, course));
  problems.push(...loadScenarios(dir, data, course));
  problems.push(...loadSessions(dir, data, course));
  problems.push(...loadGroupTasks(dir, data, course));
  return { course, problems };
}

/** Duplicate ids, dangling prerequisites and prerequisite cycles. */
function checkStructure(source: YamlSource, data: CourseFile): Problem[] {
  const problems: Problem[] = [];
  const moduleIds = new Map<string, number>();
  const itemIds = new Map<string, [number, number]>();
  data.modules.forEach((m, mi) => {
    if (moduleIds.has(m.id)) problems.push(source.problem(["modules", mi, "id"], `duplicate module id "${m.id}"`));
    moduleIds.set(m.id, mi);
    m.items.forEach((item, ii) => {
      if (itemIds.has(item.id)) problems.push(source.problem(["modules", mi, "items", ii, "id"], `duplicate item id "${item.id}"`));
      itemIds.set(item.id, [mi, ii]);
      if (item.kind !== "lesson" && !item.title) problems.push(source.problem(["modules", mi, "items", ii], `a ${item.kind} item needs a title`));
      if (item.kind === "discussion" && !item.prompt) problems.push(source.problem(["modules", mi, "items", ii], "a discussion item needs a prompt"));
      if (item.kind !== "discussion" && item.prompt) problems.push(source.problem(["modules", mi, "items", ii, "prompt"], "only discussion items take a prompt"));
    });
  });
  data.modules.forEach((m, mi) => {
    m.requires.forEach((req, ri) => {
      if (!moduleIds.has(req)) problems.push(source.problem(["modules", mi, "requires", ri], `module "${m.id}" requires unknown module "${req}"`));
    });
    m.items.forEach((item, ii) =>
      item.requires.forEach((req, ri) => {
        if (!itemIds.has(req)) problems.push(source.problem(["modules", mi, "items", ii, "requires", ri], `item "${item.id}" requires unknown item "${req}"`));
      }),
    );
  });
  const moduleCycle = findCycle(new Map(data.modules.map((m) => [m.id, m.requires])));
  if (moduleCycle) problems.push(source.problem(["modules", moduleIds.get(moduleCycle[0]!) ?? 0, "requires"], `prerequisite cycle between modules: ${moduleCycle.join(" → ")}`));
  const itemCycle = findCycle(new Map(data.modules.flatMap((m) => m.items.map((i) => [i.id, i.requires] as const))));
  if (itemCycle) {
    const [mi, ii] = itemIds.get(itemCycle[0]!) ?? [0, 0];
    problems.push(source.problem(["modules", mi, "items", ii, "requires"], `prerequisite cycle between items: ${itemCycle.join(" → ")}`));
  }
  return problems;
}

/** A cycle in a "requires" graph, as the ids along it (first repeated at the end), or null. */
export function findCycle(graph: Map<string, readonly string[]>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function toCourse(data: CourseFile): Course {
  const items = new Map<string, CourseItem>();
  const modules = data.modules.map((m) => ({
    id: m.id,
    title: m.title,
    requires: m.requires,
    items: m.items.map((i) => {
      const item: CourseItem = { id: i.id, kind: i.kind, moduleId: m.id, minutes: i.minutes ?? 0, requires: i.requires, optional: i.optional, title: { ...i.title }, ...(i.prompt ? { prompt: { ...i.prompt } } : {}) };
      items.set(item.id, item);
      return item;
    }),
  }));
  return {
    id: data.id,
    version: data.version,
    publishedLocales: LOCALES.filter((l) => data.locales[l] === "published"),
    title: data.title,
    summary: data.summary,
    minutes: data.minutes,
    openToAll: data.open_to_all,
    certificate: data.certificate,
    completion: data.completion,
    modules,
    items,
    lessons: new Map(),
    quizzes: new Map(),
    scenarios: new Map(),
    scenarioPlays: new Map(),
    sessions: new Map(),
    groupTasks: new Map(),
  };
}

/** Reads, validates and renders each lesson in each locale of the course. */
function loadLessons(dir: string, source: YamlSource, data: CourseFile, course: Course): Problem[] {
  const problems: Problem[] = [];
  const lessonIds = new Set([...course.items.values()].filter((i) => i.kind === "lesson").map((i) => i.id));
  const locales = LOCALES.filter((l) => data.locales[l]);
  data.modules.forEach((m, mi) =>
    m.items.forEach((item, ii) => {
      if (item.kind !== "lesson") return;
      for (const locale of locales) {
        const file = join(dir, "lessons", `${item.id}.${locale}.md`);
        if (!existsSync(file)) {
          const draft = data.locales[locale] === "draft";
          problems.push(source.problem(["modules", mi, "items", ii, "id"], `lesson "${item.id}" has no ${locale} text (lessons/${item.id}.${locale}.md)${draft ? " (draft locale)" : ""}`, draft ? "warning" : "error"));
          continue;
        }
        const { lesson, problems: found } = loadLesson(file, course.id, lessonIds);
        problems.push(...found);
        if (lesson) {
          course.lessons.set(`${item.id}.${locale}`, lesson);
          const courseItem = course.items.get(item.id);
          if (courseItem) {
            courseItem.title[locale] = lesson.title;
            courseItem.minutes ||= lesson.minutes;
          }
        }
      }
    }),
  );
  const lessonsDir = join(dir, "lessons");
  if (existsSync(lessonsDir)) {
    for (const name of readdirSync(lessonsDir)) {
      const match = /^(.+)\.([a-z]{2})\.md$/.exec(name);
      if (!match || !lessonIds.has(match[1]!) || !(LOCALES as readonly string[]).includes(match[2]!)) {
        problems.push({ file: display(join(lessonsDir, name)), line: 1, message: "file belongs to no lesson of course.yaml", severity: "warning" });
      }
    }
  }
  return problems;
}

function loadLesson(file: string, courseId: string, lessonIds: Set<string>): { lesson: Lesson | null; problems: Problem[] } {
  const name = display(file);
  const text = readFileSync(file, "utf8").replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) return { lesson: null, problems: [{ file: name, line: 1, message: "missing front matter (--- title, minutes, sources ---)", severity: "error" }] };
  const front = new YamlSource(name, match[1]!, 1);
  const syntax = front.syntaxProblems();
  if (syntax.length) return { lesson: null, problems: syntax };
  const { data, problems } = front.validate(lessonFrontMatterSchema);
  const bodyFirstLine = match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0) + 1;
  const body = text.slice(match[0].length);
  const rendered = renderMarkdown(body, {
    lessonHref: (id) => `/learn/${courseId}/${id}`,
    imageSrc: (src) => `/course-images/${courseId}/${src.replace(/^(\.\.\/)?images\//, "")}`,
  });
  for (const link of rendered.lessonLinks) {
    if (!lessonIds.has(link.id)) problems.push({ file: name, line: bodyFirstLine + link.line - 1, message: `link to unknown lesson "${link.id}"`, severity: "error" });
  }
  for (const image of rendered.images) {
    const line = bodyFirstLine + image.line - 1;
    if (!image.alt.trim()) problems.push({ file: name, line, message: `image "${image.src}" has no alt text`, severity: "error" });
    const relativeToImages = image.src.replace(/^(\.\.\/)?images\//, "");
    if (/^https?:/i.test(image.src) || relativeToImages.includes("..") || !existsSync(join(file, "..", "..", "images", relativeToImages))) {
      problems.push({ file: name, line, message: `image "${image.src}" not found in the course's images/ folder`, severity: "error" });
    }
  }
  if (!data) return { lesson: null, problems };
  return { lesson: { title: data.title, minutes: data.minutes, sources: data.sources, html: rendered.html }, problems };
}

/** Quiz, scenario, session and group-task items need their own file. */
function checkItemFiles(dir: string, source: YamlSource, data: CourseFile): Problem[] {
  const problems: Problem[] = [];
  data.modules.forEach((m, mi) =>
    m.items.forEach((item, ii) => {
      if (item.kind !== "quiz" && item.kind !== "scenario" && item.kind !== "session" && item.kind !== "group-task") return;
      const folder = ITEM_FOLDERS[item.kind];
      const file = join(dir, folder, `${item.id}.yaml`);
      if (!existsSync(file)) problems.push(source.problem(["modules", mi, "items", ii, "id"], `${item.kind} "${item.id}" has no file ${folder}/${item.id}.yaml`));
    }),
  );
  return problems;
}

function loadQuizzes(dir: string, data: CourseFile, course: Course): Problem[] {
  return loadItemFiles(dir, data, "quiz", quizSchema, checkQuizIds, (id, quiz) => course.quizzes.set(id, quiz));
}

/** Scenarios are also proved sound, play by play (see app/scenario/check.ts). */
function loadScenarios(dir: string, data: CourseFile, course: Course): Problem[] {
  // `check` runs just before `keep` for the same file: the proof counted there is this file's.
  let plays = 0;
  return loadItemFiles(
    dir,
    data,
    "scenario",
    scenarioSchema,
    (source, scenario) => {
      const proof = checkScenario(scenario);
      plays = proof.plays;
      return proof.problems.map((p) => source.problem(p.path, p.message));
    },
    (id, scenario) => {
      course.scenarios.set(id, toScenario(id, scenario));
      course.scenarioPlays.set(id, plays);
    },
  );
}

function checkQuizIds(source: YamlSource, quiz: QuizFile): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  quiz.questions.forEach((q, qi) => {
    if (seen.has(q.id)) problems.push(source.problem(["questions", qi, "id"], `duplicate question id "${q.id}"`));
    seen.add(q.id);
    const parts = "options" in q ? { key: "options", list: q.options } : "rows" in q ? { key: "rows", list: q.rows } : "items" in q ? { key: "items", list: q.items } : null;
    const ids = new Set<string>();
    parts?.list.forEach((part, pi) => {
      if (ids.has(part.id)) problems.push(source.problem(["questions", qi, parts.key, pi, "id"], `duplicate id "${part.id}" in question "${q.id}"`));
      ids.add(part.id);
    });
  });
  return problems;
}

export function lessonCounts(course: Course): Record<Locale, number> {
  const counts = Object.fromEntries(LOCALES.map((l) => [l, 0])) as Record<Locale, number>;
  for (const key of course.lessons.keys()) {
    const locale = key.slice(key.lastIndexOf(".") + 1) as Locale;
    counts[locale] += 1;
  }
  return counts;
}
