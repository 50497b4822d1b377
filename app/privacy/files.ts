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
  offlineCompletions: "offline-completions.csv",
  attendance: "session-attendance.csv",
  reflections: "session-reflections.csv",
  teams: "teams.csv",
  teamWork: "team-work.csv",
  peerReviews: "peer-reviews.csv",
  teamFeedback: "team-feedback.csv",
  posts: "posts.csv",
  reports: "reports.csv",
  threadMarks: "thread-follows-and-reads.csv",
  notifications: "notifications.csv",
  mutes: "dialogue-mutes.csv",
  moderation: "moderation.csv",
  certificates: "certificates.csv",
  audit: "audit.csv",
  signIns: "sign-ins.csv",
  mails: "mail.csv",
};

export const JSON_FILE = "data.json";
export const README_FILE = "README.txt";
