import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** A timestamp the database fills in when the row is written. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | undefined | null, string | null>;

export type RoleName = "officer" | "facilitator" | "coordinator" | "admin";
export type ScopeKind = "global" | "country" | "institution" | "cohort";

export interface Database {
  countries: CountriesTable;
  institutions: InstitutionsTable;
  units: UnitsTable;
  people: PeopleTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
  roles: RolesTable;
  role_grants: RoleGrantsTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  login_throttles: LoginThrottlesTable;
  audit_log: AuditLogTable;
  learning_events: LearningEventsTable;
  cohort_courses: CohortCoursesTable;
  item_progress: ItemProgressTable;
  course_progress: CourseProgressTable;
  quiz_states: QuizStatesTable;
  scenario_states: ScenarioStatesTable;
  certificates: CertificatesTable;
  issuer_keys: IssuerKeysTable;
  quiz_results: QuizResultsTable;
  dialogue_spaces: DialogueSpacesTable;
  dialogue_space_cohorts: DialogueSpaceCohortsTable;
  dialogue_threads: DialogueThreadsTable;
  dialogue_posts: DialoguePostsTable;
  dialogue_reports: DialogueReportsTable;
  dialogue_mutes: DialogueMutesTable;
  dialogue_follows: DialogueFollowsTable;
  dialogue_reads: DialogueReadsTable;
  notifications: NotificationsTable;
  dialogue_moderation_log: DialogueModerationLogTable;
  mail_outbox: MailOutboxTable;
  mail_preferences: MailPreferencesTable;
  enrolment_uploads: EnrolmentUploadsTable;
  session_schedules: SessionSchedulesTable;
  session_attendance: SessionAttendanceTable;
  session_reflections: SessionReflectionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_submissions: TeamSubmissionsTable;
  team_submission_revisions: TeamSubmissionRevisionsTable;
  team_feedback: TeamFeedbackTable;
  peer_review_rounds: PeerReviewRoundsTable;
  peer_review_assignments: PeerReviewAssignmentsTable;
  peer_reviews: PeerReviewsTable;
  offline_completions: OfflineCompletionsTable;
  retention_policy: RetentionPolicyTable;
  retention_runs: RetentionRunsTable;
  erasure_policy: ErasurePolicyTable;
  erasure_requests: ErasureRequestsTable;
}

interface CountriesTable {
  code: string;
  retired_at: NullableTimestamp;
}

interface InstitutionsTable {
  id: Generated<string>;
  country_code: string;
  name: string;
  short_name: string;
  created_at: CreatedAt;
  kind: InstitutionKind | null;
  retired_at: NullableTimestamp;
  /** Set when the institution was merged into another (kept, retired, for the history). */
  merged_into: string | null;
}
export type InstitutionKind = "migration" | "police" | "consulate" | "protection" | "child-protection" | "health" | "civil-society";

interface UnitsTable {
  id: Generated<string>;
  institution_id: string;
  name: string;
  created_at: CreatedAt;
}

interface PeopleTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  locale: Generated<string>;
  country_code: string | null;
  institution_id: string | null;
  unit_id: string | null;
  created_at: CreatedAt;
  disabled_at: NullableTimestamp;
  /** "low": pages without scripts; "full": with; null: as the person's cohorts are set. */
  data_mode: DataMode | null;
  /** An IANA zone the person chose; null: their cohort's (or country's) zone. */
  time_zone: string | null;
  /** Set when the person was erased on request: the row then holds a pseudonym only. */
  erased_at: NullableTimestamp;
}
export type DataMode = "low" | "full";
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;

interface CredentialsTable {
  person_id: string;
  password_hash: string;
  updated_at: CreatedAt;
}

interface SessionsTable {
  id_hash: string;
  person_id: string;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  user_agent: string | null;
}

interface RolesTable {
  name: RoleName;
  rank: number;
}

interface RoleGrantsTable {
  id: Generated<string>;
  person_id: string;
  role: RoleName;
  scope_kind: ScopeKind;
  country_code: string | null;
  institution_id: string | null;
  cohort_id: string | null;
  granted_by: string | null;
  created_at: CreatedAt;
}
export type RoleGrant = Selectable<RoleGrantsTable>;

interface CohortsTable {
  id: Generated<string>;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
  created_at: CreatedAt;
  /** Members get pages without scripts unless they chose otherwise. */
  low_data: Generated<boolean>;
  /** How many learners (officers) it takes; null: no limit. */
  capacity: number | null;
  /** The language the run is given in; null: each person's own. */
  locale: string | null;
  /** The country that runs it (its coordinators may manage it); null: a regional run. */
  country_code: string | null;
  copied_from: string | null;
  /** Closed runs are read-only: nobody joins, progress is kept. */
  closed_at: NullableTimestamp;
}

interface CohortMembersTable {
  cohort_id: string;
  person_id: string;
  role: RoleName;
  joined_at: CreatedAt;
}

interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  cohort_id: string;
  role: RoleName;
  email: string | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}

interface PasswordResetsTable {
  id: Generated<string>;
  token_hash: string;
  person_id: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

interface LoginThrottlesTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: NullableTimestamp;
}

interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Json;
  request_id: string | null;
}

interface LearningEventsTable {
  id: Generated<string>;
  actor_id: string;
  verb: string;
  object_type: string;
  object_id: string;
  result: Json;
  context: Json;
  timestamp: CreatedAt;
  stored_at: CreatedAt;
}

interface CohortCoursesTable {
  cohort_id: string;
  course_id: string;
  due_on: string | null;
}

interface ItemProgressTable {
  person_id: string;
  course_id: string;
  item_id: string;
  first_viewed_at: CreatedAt;
  last_viewed_at: CreatedAt;
  completed_at: NullableTimestamp;
  seconds_spent: Generated<number>;
}

interface CourseProgressTable {
  person_id: string;
  course_id: string;
  started_at: CreatedAt;
  last_activity_at: CreatedAt;
  last_item_id: string | null;
  completed_at: NullableTimestamp;
}

interface QuizStatesTable {
  person_id: string;
  course_id: string;
  quiz_id: string;
  machine_version: number;
  snapshot: ColumnType<unknown, string, string>;
  version: Generated<number>;
  updated_at: CreatedAt;
}

interface ScenarioStatesTable {
  person_id: string;
  course_id: string;
  scenario_id: string;
  state: ColumnType<unknown, string, string>;
  version: Generated<number>;
  machine_version: Generated<number>;
  updated_at: CreatedAt;
}

interface CertificatesTable {
  id: Generated<string>;
  code: string;
  person_id: string;
  course_id: string;
  course_version: number;
  locale: string;
  holder_name: string;
  course_title: ColumnType<Record<string, string>, string, string>;
  /** The course's estimated time when issued. */
  minutes: number;
  issued_at: CreatedAt;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revoked_reason: string | null;
}
export type Certificate = Selectable<CertificatesTable>;

interface IssuerKeysTable {
  kid: string;
  public_jwk: ColumnType<Record<string, unknown>, string, string>;
  private_jwk: ColumnType<Record<string, unknown>, string, string>;
  created_at: CreatedAt;
}

interface QuizResultsTable {
  person_id: string;
  course_id: string;
  quiz_id: string;
  attempts: number;
  best_percent: number;
  last_percent: number;
  passed_at: NullableTimestamp;
  updated_at: CreatedAt;
}

export type SpaceKind = "general" | "discussion" | "regional";
export type PostState = "held" | "published" | "reported" | "hidden" | "removed";

interface DialogueSpacesTable {
  id: Generated<string>;
  kind: SpaceKind;
  title: string;
  key: string | null;
  course_id: string | null;
  item_id: string | null;
  edit_window_minutes: Generated<number>;
  hold_first_posts: Generated<number>;
  created_at: CreatedAt;
}

interface DialogueSpaceCohortsTable {
  space_id: string;
  cohort_id: string;
}

interface DialogueThreadsTable {
  id: Generated<string>;
  space_id: string;
  author_id: string | null;
  title: string;
  locked: Generated<boolean>;
  pinned: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  last_post_at: CreatedAt;
}

interface DialoguePostsTable {
  id: Generated<string>;
  thread_id: string;
  parent_id: string | null;
  author_id: string;
  opens_thread: Generated<boolean>;
  body_source: string;
  body_html: string;
  state: PostState;
  machine_version: Generated<number>;
  held_reason: string | null;
  safeguarding_hits: Json;
  hidden_reason: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  published_at: NullableTimestamp;
  edited_at: NullableTimestamp;
}

interface DialogueReportsTable {
  id: Generated<string>;
  post_id: string;
  reporter_id: string;
  reason: string;
  created_at: CreatedAt;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution: string | null;
}

interface DialogueMutesTable {
  space_id: string;
  person_id: string;
  until: Timestamp;
  muted_by: string | null;
  created_at: CreatedAt;
}

interface DialogueFollowsTable {
  thread_id: string;
  person_id: string;
}

interface DialogueReadsTable {
  thread_id: string;
  person_id: string;
  read_at: Timestamp;
}

interface NotificationsTable {
  id: Generated<string>;
  person_id: string;
  kind: string;
  thread_id: string | null;
  post_id: string | null;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
}

interface DialogueModerationLogTable {
  id: Generated<number>;
  space_id: string;
  actor_id: string | null;
  action: string;
  thread_id: string | null;
  post_id: string | null;
  person_id: string | null;
  reason: string | null;
  at: CreatedAt;
}

export type MailStatus = "queued" | "sent" | "failed";

interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  to_address: string;
  locale: string;
  subject: string;
  /** Null once sent (the bodies carry one-time links). */
  text_body: string | null;
  html_body: string | null;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  /** How a sent message left: through SMTP, or written to the log (no SMTP_URL). */
  sent_via: "smtp" | "log" | null;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  sent_at: NullableTimestamp;
  created_at: CreatedAt;
  dedupe_key: string | null;
}

interface MailPreferencesTable {
  person_id: string;
  reminders: Generated<boolean>;
  digests: Generated<boolean>;
  updated_at: CreatedAt;
}

/** A bulk-enrolment file between its preview and its import (a day at most). */
interface EnrolmentUploadsTable {
  id: Generated<string>;
  cohort_id: string;
  uploaded_by: string;
  file_name: string;
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  created_at: CreatedAt;
}

interface SessionSchedulesTable {
  id: Generated<string>;
  cohort_id: string;
  course_id: string;
  item_id: string;
  starts_at: Timestamp;
  minutes: number;
  time_zone: string;
  meeting_url: string | null;
  capacity: number | null;
  checkin_code: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}
export type SessionSchedule = Selectable<SessionSchedulesTable>;

export type AttendanceMethod = "code" | "facilitator";

interface SessionAttendanceTable {
  schedule_id: string;
  person_id: string;
  method: AttendanceMethod;
  marked_by: string | null;
  created_at: CreatedAt;
}

interface SessionReflectionsTable {
  person_id: string;
  course_id: string;
  item_id: string;
  body: string;
  created_at: CreatedAt;
}

interface TeamsTable {
  id: Generated<string>;
  cohort_id: string;
  name: string;
  created_by: string | null;
  created_at: CreatedAt;
}

interface TeamMembersTable {
  team_id: string;
  cohort_id: string;
  person_id: string;
}

export type SubmissionStatus = "draft" | "submitted" | "accepted";

interface TeamSubmissionsTable {
  id: Generated<string>;
  team_id: string;
  course_id: string;
  item_id: string;
  body_source: string;
  body_html: string;
  version: number;
  status: Generated<SubmissionStatus>;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  updated_by: string | null;
  updated_at: CreatedAt;
  accepted_at: NullableTimestamp;
}
export type TeamSubmission = Selectable<TeamSubmissionsTable>;

export type FeedbackDecision = "accepted" | "returned";

interface TeamFeedbackTable {
  id: Generated<string>;
  submission_id: string;
  submission_version: number;
  scores: Json;
  total: number;
  max_total: number;
  body_source: string;
  body_html: string;
  decision: FeedbackDecision;
  given_by: string | null;
  given_at: CreatedAt;
}

interface PeerReviewRoundsTable {
  id: Generated<string>;
  cohort_id: string;
  course_id: string;
  item_id: string;
  opened_by: string | null;
  opened_at: CreatedAt;
  closes_at: Date;
}

interface PeerReviewAssignmentsTable {
  id: Generated<string>;
  round_id: string;
  reviewer_team_id: string;
  submission_id: string;
  submission_version: number;
}

interface PeerReviewsTable {
  assignment_id: string;
  body_source: string;
  body_html: string;
  written_by: string | null;
  written_at: CreatedAt;
}

interface TeamSubmissionRevisionsTable {
  submission_id: string;
  version: number;
  body_source: string;
  edited_by: string | null;
  created_at: CreatedAt;
}

/** A lesson completion that came from a saved page's queue, by the hash of its one-time token. */
interface OfflineCompletionsTable {
  token_hash: string;
  person_id: string;
  course_id: string;
  item_id: string;
  completed_at: Timestamp;
  received_at: CreatedAt;
}

/** The one row of how long personal data is kept; each period in days, null: kept forever. */
interface RetentionPolicyTable {
  id: Generated<boolean>;
  dialogue_post_days: number | null;
  session_days: number | null;
  audit_days: number | null;
  learning_event_days: number | null;
  updated_by: string | null;
  updated_at: CreatedAt;
}

interface RetentionRunsTable {
  id: Generated<number>;
  ran_at: Timestamp;
  policy: Json;
  deleted: Json;
}

export type ErasedPosts = "keep" | "delete";

/** The one row of how erasure works in this programme: the grace period, and what becomes of posts. */
interface ErasurePolicyTable {
  id: Generated<boolean>;
  grace_days: Generated<number>;
  posts: ColumnType<ErasedPosts, ErasedPosts | undefined, ErasedPosts>;
  updated_by: string | null;
  updated_at: CreatedAt;
}

/** A request to erase a person: the account is blocked from `requested_at`, purged after `purge_after`. */
interface ErasureRequestsTable {
  id: Generated<string>;
  person_id: string;
  requested_by: string | null;
  requested_at: CreatedAt;
  purge_after: Timestamp;
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
  purged_at: NullableTimestamp;
}
