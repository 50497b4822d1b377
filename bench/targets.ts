import type { Manifest } from "./lib/data-folder";

export type Engine = "postgresql" | "pglite";

/** Who makes the requests: signed-in accounts of the seeded data set (see bench/README.md). */
export type Role = "officer" | "fresh-officer" | "coordinator";

export interface Target {
  id: string;
  label: string;
  /** The page (or form target) on the server. */
  path: (m: Manifest) => string;
  method?: "GET" | "POST";
  /** A POST body (urlencoded) for a signed-in account, given its CSRF token. */
  body?: (csrf: string) => string;
  /**
   * "submit-form": each round GETs `path` and submits the first form on it, as a person without
   * JavaScript does; latency and throughput are then reported for the POSTs alone.
   */
  flow?: "submit-form";
  as: Role;
  connections: number;
  /** Engines to run it on (default: both). */
  engines?: Engine[];
  /** The target for it, checked in RESULTS.md. */
  goal?: { ratioMin?: number; p50MaxMs?: number; p99MaxMs?: number; noErrors?: boolean };
}

/**
 * What `npm run bench` measures: adding a page is one entry here. Every figure is reported as a
 * ratio to a static copy of the lesson page measured in the same run.
 */
export const TARGETS: Target[] = [
  {
    id: "lesson",
    label: "Lesson page",
    path: (m) => `/learn/${m.course}/${m.lesson}`,
    as: "officer",
    connections: 50,
    goal: { ratioMin: 0.05, p99MaxMs: 100 },
  },
  {
    id: "course",
    label: "Course page",
    path: (m) => `/learn/${m.course}`,
    as: "officer",
    connections: 50,
  },
  {
    id: "quiz-answer",
    label: "Quiz answer POST (each round: GET the question, POST the form)",
    path: (m) => `/learn/${m.course}/${m.quiz}`,
    flow: "submit-form",
    as: "fresh-officer",
    connections: 100,
    goal: { noErrors: true, p99MaxMs: 150 },
  },
  {
    id: "dialogue-thread",
    label: "Dialogue thread (60 posts, regional space)",
    path: (m) => m.dialogueThread,
    as: "officer",
    connections: 50,
  },
  {
    id: "overview",
    label: "Coordinator overview over every officer",
    path: () => "/coordinate",
    as: "coordinator",
    connections: 10,
    goal: { p50MaxMs: 150 },
  },
  {
    id: "learner-list",
    label: "Coordinator learner list",
    path: () => "/coordinate/learners",
    as: "coordinator",
    connections: 10,
    goal: { p50MaxMs: 150 },
  },
  {
    id: "csv-export",
    label: "CSV export of all learners (one row per officer and course)",
    path: () => "/resources/report-learners?format=csv",
    as: "coordinator",
    connections: 2,
  },
];
