import type { RecordKind } from "../models/privacy/kinds";

/** The names of the files in a personal data export (one CSV per kind of record). */
export const CSV_FILES: Record<RecordKind, string> = {
  profile: "profile.csv",
  roles: "roles.csv",
  memberships: "memberships.csv",
  courseProgress: "course-progress.csv",
  itemProgress: "item-progress.csv",
  learningEvents: "learning-events.csv",
  quizResults: "quiz-results.csv",
  quizAnswers: "quiz-answers.csv",
  scenarioDecisions: "scenario-decisions.csv",
  posts: "posts.csv",
  reports: "reports.csv",
  certificates: "certificates.csv",
  audit: "audit.csv",
  signIns: "sign-ins.csv",
};

export const JSON_FILE = "data.json";
export const README_FILE = "README.txt";
