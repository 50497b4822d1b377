import { sql } from "kysely";
import type { Trx } from "../../../db/client";
import type { ErasedPosts } from "../../../db/types";
import { erasedAddressOf, pseudonymOf } from "../../privacy/pseudonym";

// The purge of an erased person (docs/decisions/019-erasure.md). The person's row stays, under a
// pseudonym, so that memberships, progress, quiz answers and scenario decisions still count in
// every report and item analysis; everything that says who they were goes: name and address,
// password, sign-ins, mail, invitations, reflections, and their name wherever Sendero wrote it
// down (audit details, certificates, their own posts). Text other people wrote about them is
// theirs and is left alone.

/** A text matched as itself in a regular expression (JavaScript's and PostgreSQL's alike). */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces each trace (case-insensitively) in every string of a JSON value. */
function scrubJson(value: unknown, traces: string[], by: string): unknown {
  if (typeof value === "string")
    return traces.reduce(
      (s, trace) => s.replace(new RegExp(escapeRegExp(trace), "gi"), by),
      value
    );
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, traces, by));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, scrubJson(v, traces, by)])
    );
  return value;
}

/** The column (a JSON one read as its text) holds one of the traces, in any case. */
const containsAny = (column: string, traces: string[], json = false) => {
  const text = json ? sql`${sql.ref(column)}::text` : sql.ref(column);
  return sql<boolean>`(${sql.join(
    traces.map((trace) => sql`strpos(lower(${text}), lower(${trace})) > 0`),
    sql` or `
  )})`;
};

/** Text columns of the person's own writing: their name and address in them become the pseudonym. */
async function scrubOwnWriting(
  trx: Trx,
  personId: string,
  traces: string[],
  pseudonym: string
): Promise<void> {
  const replaced = (column: string) =>
    traces.reduce(
      (expr, trace) =>
        sql<string>`regexp_replace(${expr}, ${escapeRegExp(
          trace
        )}, ${pseudonym}, 'gi')`,
      sql<string>`${sql.ref(column)}`
    );
  await trx
    .updateTable("dialogue_posts")
    .set({
      body_source: replaced("body_source"),
      body_html: replaced("body_html"),
    })
    .where("author_id", "=", personId)
    .where((eb) =>
      eb.or([
        containsAny("body_source", traces),
        containsAny("body_html", traces),
      ])
    )
    .execute();
  await trx
    .updateTable("dialogue_threads")
    .set({ title: replaced("title") })
    .where("author_id", "=", personId)
    .where(containsAny("title", traces))
    .execute();
  await trx
    .updateTable("dialogue_reports")
    .set({ reason: replaced("reason") })
    .where("reporter_id", "=", personId)
    .where(containsAny("reason", traces))
    .execute();
}

/** Removes the person's posts the way an author's own deletion does: a placeholder keeps the replies in place. */
async function removeOwnPosts(trx: Trx, personId: string): Promise<void> {
  await trx
    .updateTable("dialogue_posts")
    .set({
      state: "removed",
      body_source: "",
      body_html: "",
      safeguarding_hits: null,
      held_reason: null,
      hidden_reason: null,
    })
    .where("author_id", "=", personId)
    .execute();
  await trx
    .updateTable("dialogue_reports")
    .set({ resolved_at: sql`now()`, resolution: "removed" })
    .where("resolved_at", "is", null)
    .where("post_id", "in", (eb) =>
      eb
        .selectFrom("dialogue_posts")
        .select("id")
        .where("author_id", "=", personId)
    )
    .execute();
}

/** Purges one person, in the caller's transaction. Answers the pseudonym, or null for no such person (or one already purged). */
export async function purgePerson(
  trx: Trx,
  personId: string,
  posts: ErasedPosts,
  now: Date
): Promise<string | null> {
  const person = await trx
    .selectFrom("people")
    .select(["email", "display_name", "erased_at"])
    .where("id", "=", personId)
    .forUpdate()
    .executeTakeFirst();
  if (!person || person.erased_at) return null;
  const pseudonym = pseudonymOf(personId);
  const traces = [person.email, person.display_name].filter(
    (trace) => trace.trim().length > 0
  );

  if (posts === "delete") await removeOwnPosts(trx, personId);
  await scrubOwnWriting(trx, personId, traces, pseudonym);
  await trx
    .deleteFrom("session_reflections")
    .where("person_id", "=", personId)
    .execute();

  // How they signed in, what they were sent and what they followed.
  await trx
    .deleteFrom("credentials")
    .where("person_id", "=", personId)
    .execute();
  await trx.deleteFrom("sessions").where("person_id", "=", personId).execute();
  await trx
    .deleteFrom("password_resets")
    .where("person_id", "=", personId)
    .execute();
  await trx
    .deleteFrom("login_throttles")
    .where(containsAny("key", [person.email]))
    .execute();
  await trx
    .deleteFrom("mail_preferences")
    .where("person_id", "=", personId)
    .execute();
  await trx
    .deleteFrom("notifications")
    .where("person_id", "=", personId)
    .execute();
  await trx
    .deleteFrom("dialogue_follows")
    .where("person_id", "=", personId)
    .execute();
  await trx
    .deleteFrom("dialogue_reads")
    .where("person_id", "=", personId)
    .execute();
  await trx
    .deleteFrom("mail_outbox")
    .where((eb) =>
      eb.or([
        containsAny("to_address", traces),
        containsAny("subject", traces),
        containsAny("text_body", traces),
        containsAny("html_body", traces),
      ])
    )
    .execute();
  // A bulk-enrolment file waiting for its import (kept a day at most) that lists them.
  await trx
    .deleteFrom("enrolment_uploads")
    .where(
      sql<boolean>`position(convert_to(${person.email}, 'UTF8') in bytes) > 0`
    )
    .execute();
  await trx
    .updateTable("invitations")
    .set({ email: null, note: null })
    .where((eb) =>
      eb.or([
        eb("accepted_by", "=", personId),
        containsAny("email", [person.email]),
        containsAny("note", traces),
      ])
    )
    .execute();

  // Their certificates stay as they were (valid or revoked: the course was done, and the counts
  // of certificates must not change), anonymised: the verify page shows no name for them.
  await trx.updateTable("certificates").set({ holder_name: pseudonym }).where("person_id", "=", personId).execute();

  // What the audit log wrote down about them.
  const audited = await trx
    .selectFrom("audit_log")
    .select(["id", "details"])
    .where(containsAny("details", traces, true))
    .execute();
  for (const row of audited) {
    await trx
      .updateTable("audit_log")
      .set({
        details: JSON.stringify(scrubJson(row.details, traces, pseudonym)),
      })
      .where("id", "=", row.id)
      .execute();
  }

  await trx
    .updateTable("people")
    .set({
      display_name: pseudonym,
      email: erasedAddressOf(personId),
      time_zone: null,
      data_mode: null,
      erased_at: now,
      disabled_at: sql`coalesce(disabled_at, ${now})`,
    })
    .where("id", "=", personId)
    .execute();
  return pseudonym;
}
