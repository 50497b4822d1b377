import type { DB, Trx } from "../../../db/client";
import { peopleInScope, type Grant } from "../access.server";
import { audit } from "../audit.server";
import { refused, type Result } from "../result";
import { moderationRecords, muteRecords, notificationRecords, threadMarkRecords } from "./dialogue-marks.server";
import { postRecords, reportRecords } from "./dialogue.server";
import type { PersonalData, RecordKind } from "./kinds";
import { courseProgressRecords, itemProgressRecords, learningEventRecords, offlineCompletionRecords, quizAnswerRecords, quizResultRecords, scenarioDecisionRecords } from "./learning.server";
import { attendanceRecords, reflectionRecords } from "./live-sessions.server";
import { membershipRecords, profileRecords, roleRecords } from "./profile.server";
import { auditRecords, certificateRecords, mailRecords, signInRecords } from "./records.server";
import { peerReviewRecords, teamFeedbackRecords, teamRecords, teamWorkRecords } from "./teams.server";

// A person's data export (issue 21): the person themself, or an admin for someone in their
// scope (checked in SQL). Either way the export is audited, in the same transaction that reads
// it, so the file holds the line about itself.

const READERS: { [K in RecordKind]: (trx: Trx, personId: string) => Promise<PersonalData[K]> } = {
  profile: profileRecords,
  roles: roleRecords,
  memberships: membershipRecords,
  courseProgress: courseProgressRecords,
  itemProgress: itemProgressRecords,
  learningEvents: learningEventRecords,
  quizResults: quizResultRecords,
  quizAnswers: quizAnswerRecords,
  scenarioDecisions: scenarioDecisionRecords,
  offlineCompletions: offlineCompletionRecords,
  attendance: attendanceRecords,
  reflections: reflectionRecords,
  teams: teamRecords,
  teamWork: teamWorkRecords,
  peerReviews: peerReviewRecords,
  teamFeedback: teamFeedbackRecords,
  posts: postRecords,
  reports: reportRecords,
  threadMarks: threadMarkRecords,
  notifications: notificationRecords,
  mutes: muteRecords,
  moderation: moderationRecords,
  certificates: certificateRecords,
  audit: auditRecords,
  signIns: signInRecords,
  mails: mailRecords,
};

/** Every kind of record about one person, read in the caller's transaction (one after another: PGlite has one connection). */
export async function personalData(trx: Trx, personId: string): Promise<PersonalData> {
  const data: Partial<Record<RecordKind, unknown[]>> = {};
  for (const kind of Object.keys(READERS) as RecordKind[]) data[kind] = await READERS[kind](trx, personId);
  return data as PersonalData;
}

export interface PersonalExport {
  data: PersonalData;
  /** The exported person's language (the README is written in it). */
  locale: string;
  generatedAt: Date;
}

interface Requester {
  id: string;
  requestId: string;
}

async function exportInTransaction(db: DB, requester: Requester, personId: string, inScope: (trx: Trx) => Promise<{ locale: string } | undefined>): Promise<Result<PersonalExport, "missing">> {
  // Repeatable read: every file in the archive describes the same moment.
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx): Promise<Result<PersonalExport, "missing">> => {
      const person = await inScope(trx);
      if (!person) return refused("missing");
      await audit(trx, {
        actorId: requester.id,
        action: "person.data-exported",
        targetType: "person",
        targetId: personId,
        details: { by: requester.id === personId ? "self" : "admin" },
        requestId: requester.requestId,
      });
      return { ok: true, data: await personalData(trx, personId), locale: person.locale, generatedAt: new Date() };
    });
}

/** The signed-in person's own data. */
export async function exportOwnData(db: DB, requester: Requester): Promise<Result<PersonalExport, "missing">> {
  return exportInTransaction(db, requester, requester.id, (trx) => trx.selectFrom("people").select("locale").where("id", "=", requester.id).executeTakeFirst());
}

/** Another person's data, for an admin whose grants reach them; "missing" when they do not (or no such person). */
export async function exportPersonData(db: DB, requester: Requester, grants: Grant[], personId: string): Promise<Result<PersonalExport, "missing">> {
  return exportInTransaction(db, requester, personId, (trx) => trx.selectFrom("people").select("locale").where("id", "=", personId).where(peopleInScope(grants)).executeTakeFirst());
}
