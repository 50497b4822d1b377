import type { Migration } from "kysely";
import * as foundation from "./2026-11-23-001-foundation";
import * as courseProgress from "./2026-11-23-002-course-progress";
import * as quizStates from "./2026-11-23-003-quiz-states";
import * as coordinatorReports from "./2026-11-23-004-coordinator-reports";
import * as dialogue from "./2026-11-23-005-dialogue";
import * as lowData from "./2026-11-23-006-low-data";
import * as scenarioStates from "./2026-11-23-007-scenario-states";
import * as certificates from "./2026-11-23-008-certificates";
import * as organisation from "./2026-12-05-009-organisation";
import * as mailOutbox from "./2026-12-05-010-mail-outbox";
import * as scenarioMachineVersion from "./2026-12-05-012-scenario-machine-version";
import * as enrolmentUploads from "./2026-12-06-013-enrolment-uploads";
import * as sessions from "./2026-12-07-014-sessions";
import * as groupTasks from "./2026-12-07-015-group-tasks";
import * as teamFeedback from "./2026-12-07-016-team-feedback";
import * as peerReview from "./2026-12-07-017-peer-review";
import * as offlineCompletions from "./2026-12-07-018-offline-completions";
import * as retention from "./2026-12-07-019-retention";
import * as erasure from "./2026-12-07-020-erasure";

/**
 * Every migration, by its file name. Listed here (not read from disk at run time) so that the
 * bundled server carries them; a test checks that every file in this folder is listed.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-23-001-foundation": foundation,
  "2026-11-23-002-course-progress": courseProgress,
  "2026-11-23-003-quiz-states": quizStates,
  "2026-11-23-004-coordinator-reports": coordinatorReports,
  "2026-11-23-005-dialogue": dialogue,
  "2026-11-23-006-low-data": lowData,
  "2026-11-23-007-scenario-states": scenarioStates,
  "2026-11-23-008-certificates": certificates,
  "2026-12-05-009-organisation": organisation,
  "2026-12-05-010-mail-outbox": mailOutbox,
  "2026-12-05-012-scenario-machine-version": scenarioMachineVersion,
  "2026-12-06-013-enrolment-uploads": enrolmentUploads,
  "2026-12-07-014-sessions": sessions,
  "2026-12-07-015-group-tasks": groupTasks,
  "2026-12-07-016-team-feedback": teamFeedback,
  "2026-12-07-017-peer-review": peerReview,
  "2026-12-07-018-offline-completions": offlineCompletions,
  "2026-12-07-019-retention": retention,
  "2026-12-07-020-erasure": erasure,
};
