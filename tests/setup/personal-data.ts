import type { DB } from "../../db/client";
import { audit } from "../../app/models/audit.server";
import { issueCertificate } from "../../app/models/certificate.server";
import { createGeneralSpace } from "../../app/models/dialogue/spaces.server";
import { record } from "../../app/models/learning/record.server";
import { notify } from "../../app/models/notification.server";
import { hashToken } from "../../app/utils/tokens.server";
import { recordGroupWork, recordLiveSessions } from "./personal-data-groups";
import { MARKS } from "./personal-data-marks";
import { courseOf } from "./results";

// One record of every kind a personal data export holds (issue 21), for a person who is already
// a member of a cohort (profile, role, membership). Used by the integration test and the e2e
// seed, so both look for the same records. `other` is a second member of the cohort: their post,
// which the person reports, their version of the team's text and their feedback to the person's
// team must never appear in the person's export (their reason for hiding the person's post does,
// as the post's hidden reason does: it is about the person).

export const EXPORT_COURSE = "trafficking-smuggling";

/** The one-time token of the person's offline completion: one each, as the table's key asks. */
export const offlineTokenOf = (personId: string) => `${MARKS.offlineToken}-${personId}`;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function recordOneOfEach(db: DB, personId: string, cohortId: string, other: { id: string }): Promise<void> {
  const course = courseOf(EXPORT_COURSE, ["what-is-trafficking", "recognise-quiz", "bus-checkpoint-indicators"]);
  await db.transaction().execute(async (trx) => {
    // A lesson opened and done: item and course progress, learning events.
    await record(trx, { personId, course, item: { id: "what-is-trafficking", kind: "lesson" }, viewed: true, completed: true });
    // A quiz answer and the attempt's result.
    await record(trx, {
      personId,
      course,
      item: { id: "recognise-quiz", kind: "quiz" },
      events: [
        { actorId: personId, verb: "answered", object: { type: "question", id: `${EXPORT_COURSE}/recognise-quiz/q1` }, result: { response: "b", score: { scaled: 1 }, success: true }, context: { course: EXPORT_COURSE, attempt: 1 } },
      ],
      quizResult: { attempts: 1, bestPercent: 100, lastPercent: 100, passedAt: new Date() },
    });
    // A scenario decision.
    await record(trx, {
      personId,
      course,
      item: { id: "bus-checkpoint-indicators", kind: "scenario" },
      events: [
        { actorId: personId, verb: "responded", object: { type: "scenario-node", id: `${EXPORT_COURSE}/bus-checkpoint-indicators/start` }, result: { response: "ask-calmly", score: { raw: 2 } }, context: { course: EXPORT_COURSE, scenario: "bus-checkpoint-indicators", play: 1 } },
      ],
    });
  });
  // Dialogue: the person's thread with a published and a hidden post, the other's reply, and the person's report of it.
  const spaceId = await createGeneralSpace(db, cohortId, "Espacio general");
  const thread = await db.insertInto("dialogue_threads").values({ space_id: spaceId, author_id: personId, title: MARKS.thread }).returning("id").executeTakeFirstOrThrow();
  const [, hiddenPost] = await db
    .insertInto("dialogue_posts")
    .values([
      { thread_id: thread.id, parent_id: null, author_id: personId, opens_thread: true, body_source: MARKS.post, body_html: "<p>aporte</p>", state: "published", published_at: new Date() },
      { thread_id: thread.id, parent_id: null, author_id: personId, opens_thread: false, body_source: MARKS.hiddenPost, body_html: "<p>oculto</p>", state: "hidden", hidden_reason: "privacy" },
    ])
    .returning("id")
    .execute();
  const otherPost = await db
    .insertInto("dialogue_posts")
    .values({ thread_id: thread.id, parent_id: null, author_id: other.id, opens_thread: false, body_source: MARKS.otherPost, body_html: `<p>${MARKS.otherPost}</p>`, state: "published", published_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("dialogue_reports").values({ post_id: otherPost.id, reporter_id: personId, reason: MARKS.reportReason }).execute();
  // What the dialogue recorded around the person: a follow and a read mark, a notification of
  // the other's reply, a mute that has ended, and the other's decision (as moderator) to hide the
  // person's post; a moderation line about the other, which is not the person's.
  await db.insertInto("dialogue_follows").values({ thread_id: thread.id, person_id: personId }).execute();
  await db.insertInto("dialogue_reads").values({ thread_id: thread.id, person_id: personId, read_at: new Date() }).execute();
  await notify(db, [personId, other.id], { kind: "reply", threadId: thread.id, postId: otherPost.id });
  await db.insertInto("dialogue_mutes").values({ space_id: spaceId, person_id: personId, until: new Date(Date.now() - DAY_MS), muted_by: other.id, created_at: new Date(Date.now() - 8 * DAY_MS) }).execute();
  await db
    .insertInto("dialogue_moderation_log")
    .values([
      { space_id: spaceId, actor_id: other.id, action: "post.hide", thread_id: thread.id, post_id: hiddenPost!.id, person_id: personId, reason: MARKS.moderationReason },
      { space_id: spaceId, actor_id: null, action: "post.approve", thread_id: thread.id, post_id: otherPost.id, person_id: other.id, reason: MARKS.otherPost },
    ])
    .execute();
  // A certificate, an audit line by the person and one about them by someone else.
  await issueCertificate(db, personId, { id: EXPORT_COURSE, version: 1, title: { es: "Trata y tráfico", en: "Trafficking and smuggling" }, minutes: 90 });
  await audit(db, { actorId: personId, action: "mail.preferences", targetType: "person", targetId: personId, details: { reminders: false, digests: true } });
  await audit(db, { actorId: other.id, action: "person.updated", targetType: "person", targetId: personId });
  // A lesson completed offline: its token's hash is Sendero's, never the person's to take away.
  await db.insertInto("offline_completions").values({ token_hash: hashToken(offlineTokenOf(personId)), person_id: personId, course_id: EXPORT_COURSE, item_id: "what-is-trafficking", completed_at: new Date() }).execute();
  // A mail that could not be sent: its text (with a one-time link) stays in the outbox, never in the export.
  const { email } = await db.selectFrom("people").select("email").where("id", "=", personId).executeTakeFirstOrThrow();
  await db
    .insertInto("mail_outbox")
    .values({ kind: "passwordReset", to_address: email, locale: "es", subject: "Enlace para una nueva contraseña de Sendero", text_body: MARKS.mailLink, html_body: `<a href="${MARKS.mailLink}">enlace</a>`, status: "failed", last_error: "550 mailbox unavailable" })
    .execute();
  await recordLiveSessions(db, personId, cohortId);
  await recordGroupWork(db, personId, cohortId, other);
}
