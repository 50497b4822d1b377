/**
 * The kinds of record a personal data export holds (issue 21), each with its columns in the
 * order the CSV file shows them. The JSON file holds the same rows under the same names.
 * What is never exported: password hashes, session and reset token hashes, CSRF secrets,
 * offline tokens, mail bodies (they carry one-time links), check-in codes, other people's names
 * or texts (of a team's shared text, only the versions the person saved: see teams.server.ts).
 */
export const RECORD_COLUMNS = {
  profile: ["id", "email", "displayName", "locale", "countryCode", "institution", "unit", "createdAt", "disabledAt", "dataMode", "timeZone", "mailReminders", "mailDigests"],
  roles: ["role", "scopeKind", "countryCode", "institution", "cohort", "grantedAt"],
  memberships: ["cohort", "cohortCountry", "role", "joinedAt", "startsOn", "endsOn", "closedAt"],
  courseProgress: ["courseId", "startedAt", "lastActivityAt", "lastItemId", "completedAt"],
  itemProgress: ["courseId", "itemId", "firstViewedAt", "lastViewedAt", "completedAt", "secondsSpent"],
  learningEvents: ["at", "storedAt", "verb", "objectType", "objectId", "result", "context"],
  quizResults: ["courseId", "quizId", "attempts", "bestPercent", "lastPercent", "passedAt", "updatedAt"],
  quizAnswers: ["at", "questionId", "attempt", "response", "score", "success"],
  scenarioDecisions: ["at", "nodeId", "play", "choice", "score"],
  offlineCompletions: ["courseId", "itemId", "completedAt", "receivedAt"],
  attendance: ["cohort", "courseId", "itemId", "sessionStartsAt", "method", "markedAt"],
  reflections: ["courseId", "itemId", "body", "savedAt"],
  teams: ["cohort", "team"],
  teamWork: ["team", "courseId", "itemId", "version", "body", "savedAt", "handedInAt"],
  peerReviews: ["team", "reviewedTeam", "courseId", "itemId", "body", "writtenAt"],
  teamFeedback: ["team", "courseId", "itemId", "version", "decision", "total", "maxTotal", "body", "givenAt"],
  posts: ["id", "space", "thread", "opensThread", "state", "body", "createdAt", "publishedAt", "editedAt", "heldReason", "hiddenReason"],
  reports: ["postId", "reason", "createdAt", "resolvedAt", "resolution"],
  threadMarks: ["space", "threadId", "following", "readAt"],
  notifications: ["kind", "threadId", "postId", "createdAt", "readAt"],
  mutes: ["space", "until", "createdAt"],
  moderation: ["at", "space", "action", "threadId", "postId", "reason"],
  certificates: ["code", "courseId", "courseTitle", "holderName", "locale", "issuedAt", "revokedAt", "revokedReason"],
  audit: ["at", "action", "as", "targetType", "targetId", "details", "requestId"],
  signIns: ["createdAt", "lastSeenAt", "expiresAt", "revokedAt", "userAgent"],
  mails: ["kind", "subject", "locale", "state", "createdAt", "sentAt"],
} as const satisfies Record<string, readonly string[]>;

export type RecordKind = keyof typeof RECORD_COLUMNS;
export const RECORD_KINDS = Object.keys(RECORD_COLUMNS) as RecordKind[];

/** One record: its columns' values (dates as Date, nested data as objects). */
export type PersonalRecord<K extends RecordKind = RecordKind> = Record<(typeof RECORD_COLUMNS)[K][number], unknown>;

/** Everything exported about one person, by kind. */
export type PersonalData = { [K in RecordKind]: PersonalRecord<K>[] };
