import type { Locale } from "../i18n/locales";
import type { QuizFile } from "./quiz-schema";
import type { Scenario } from "../scenario/compile";
import type { SessionCompletion } from "./session-schema";
import type { ItemKind } from "./schema";

/** Text in several languages; not every language need be present. */
export type Localized = Partial<Record<Locale, string>>;

export interface CourseItem {
  id: string;
  kind: ItemKind;
  moduleId: string;
  minutes: number;
  requires: string[];
  optional: boolean;
  title: Localized;
  /** A discussion item's question, shown above its thread. */
  prompt?: Localized;
}

export interface CourseModule {
  id: string;
  title: Localized;
  requires: string[];
  items: CourseItem[];
}

export interface Lesson {
  title: string;
  minutes: number;
  sources: string[];
  html: string;
}

/** A presentation by an expert (sessions/<item-id>.yaml and its transcripts); its live times are per cohort. */
export interface SessionContent {
  speaker: { name: string; organisation: Localized };
  summary: Localized;
  liveMinutes: number;
  recording: { media: "video" | "audio"; url: string } | null;
  /** WebVTT text of the recording's captions, by locale. */
  captions: Localized;
  /** The transcript, rendered to HTML, by locale: the talk can always be followed without media. */
  transcripts: Localized;
  reflection: { prompt: Localized; minChars: number };
  completion: SessionCompletion;
  sources: Partial<Record<Locale, string[]>>;
}

/** A group activity (group-tasks/<item-id>.yaml): one shared text per team of a cohort. */
export interface GroupTaskContent {
  /** The instructions, rendered to HTML, by locale. */
  instructionsHtml: Localized;
  /** The headings a team's text starts with. */
  template: Localized[];
  /** Days after the cohort starts by which the work is due. */
  dueDays: number;
  rubric: { id: string; criterion: Localized; levels: { score: number; label: Localized; description: Localized }[] }[];
  peerReview: { reviewsPerTeam: number; windowDays: number; prompt: Localized } | null;
  sources: Partial<Record<Locale, string[]>>;
}

export interface Course {
  id: string;
  version: number;
  /** Locales officers can take the course in (drafts excluded). */
  publishedLocales: Locale[];
  title: Localized;
  summary: Localized;
  minutes: number;
  openToAll: boolean;
  certificate: boolean;
  completion: "all-required";
  modules: CourseModule[];
  /** Every item by id, in course order. */
  items: Map<string, CourseItem>;
  /** Lesson bodies by `${itemId}.${locale}`. */
  lessons: Map<string, Lesson>;
  /** Quiz definitions by item id (the quiz engine reads these; answer keys stay on the server). */
  quizzes: Map<string, QuizFile>;
  /** Scenarios by item id, compiled to machines and proved sound (app/scenario/check.ts). */
  scenarios: Map<string, Scenario>;
  /** The number of distinct plays of each scenario, as content:check reports it. */
  scenarioPlays: Map<string, number>;
  /** Sessions (presentations by experts) by item id. */
  sessions: Map<string, SessionContent>;
  /** Group tasks by item id. */
  groupTasks: Map<string, GroupTaskContent>;
}

export interface Catalog {
  courses: Map<string, Course>;
}

/** A localized text in the wanted language, else Spanish, else whatever there is. */
export function pick(text: Localized, locale: Locale): string {
  return text[locale] ?? text.es ?? Object.values(text)[0] ?? "";
}

/** A lesson's text in the wanted language, else in Spanish (with the language it is in); null when it has none. */
export function lessonIn(course: Pick<Course, "lessons">, itemId: string, locale: Locale): { lesson: Lesson; locale: Locale } | null {
  const lessonLocale: Locale = course.lessons.has(`${itemId}.${locale}`) ? locale : "es";
  const lesson = course.lessons.get(`${itemId}.${lessonLocale}`);
  return lesson ? { lesson, locale: lessonLocale } : null;
}
