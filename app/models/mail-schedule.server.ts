import { sql } from "kysely";
import type { DB } from "../../db/client";
import { pick, type Catalog } from "../content/model";
import { isLocale, DEFAULT_LOCALE } from "../i18n/locales";
import { enqueueMail } from "./mail-outbox.server";
import { unsubscribeLinks } from "./mail-preferences.server";

/** Days before a due date on which an officer who has not finished is reminded. */
export const REMINDER_DAYS = [7, 1] as const;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Queues the reminders due today (a course of the officer's cohort due in 7 days or in 1, not
 * completed, reminders not turned off). Each carries a dedupe key of person, cohort, course, due
 * date and day, so however often and from however many processes this runs — across restarts
 * too — each reminder is queued once. Answers how many were queued now.
 */
export async function queueDueReminders(db: DB, input: { catalog: Catalog; siteUrl: string; today: string }): Promise<number> {
  let queued = 0;
  let links: Awaited<ReturnType<typeof unsubscribeLinks>> | null = null;
  for (const days of REMINDER_DAYS) {
    const dueOn = addDays(input.today, days);
    const key = (personId: string, cohortId: string, courseId: string) => `due-reminder:${personId}:${cohortId}:${courseId}:${dueOn}:${days}`;
    const rows = await db
      .selectFrom("cohort_courses as cc")
      .innerJoin("cohort_members as cm", (j) => j.onRef("cm.cohort_id", "=", "cc.cohort_id").on("cm.role", "=", "officer"))
      .innerJoin("people as p", "p.id", "cm.person_id")
      .leftJoin("course_progress as cp", (j) => j.onRef("cp.person_id", "=", "p.id").onRef("cp.course_id", "=", "cc.course_id"))
      .leftJoin("mail_preferences as mp", "mp.person_id", "p.id")
      // Those already queued are left out here, so a run that finds nothing new writes nothing.
      .leftJoin("mail_outbox as o", (j) =>
        j.on("o.dedupe_key", "=", sql<string>`'due-reminder:' || p.id || ':' || cc.cohort_id || ':' || cc.course_id || ':' || ${dueOn} || ':' || ${String(days)}`),
      )
      .where("o.id", "is", null)
      .select(["p.id as person_id", "p.email", "p.display_name", "p.locale", "cc.cohort_id", "cc.course_id"])
      .where("cc.due_on", "=", dueOn)
      .where("p.disabled_at", "is", null)
      .where("cp.completed_at", "is", null)
      .where((eb) => eb.or([eb("mp.reminders", "is", null), eb("mp.reminders", "=", true)]))
      .execute();
    for (const row of rows) {
      const course = input.catalog.courses.get(row.course_id);
      if (!course) continue;
      const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
      links ??= await unsubscribeLinks(db, input.siteUrl);
      const unsubscribe = links(row.person_id, "reminders");
      const created = await db.transaction().execute((trx) =>
        enqueueMail(trx, {
          kind: "due-reminder",
          to: row.email,
          locale,
          data: { name: row.display_name, courseTitle: pick(course.title, locale), dueOn, daysLeft: days, url: `${input.siteUrl}/learn/${row.course_id}`, unsubscribeUrl: unsubscribe },
          dedupeKey: key(row.person_id, row.cohort_id, row.course_id),
        }),
      );
      if (created) queued += 1;
    }
  }
  return queued;
}

/**
 * Queues today's digest for each facilitator with posts waiting in the spaces of their cohorts
 * (held, or reported), unless they turned digests off. Once a day each (dedupe key).
 */
export async function queueFacilitatorDigests(db: DB, input: { siteUrl: string; today: string }): Promise<number> {
  const rows = await db
    .selectFrom("cohort_members as cm")
    .innerJoin("people as p", "p.id", "cm.person_id")
    .innerJoin("dialogue_space_cohorts as sc", "sc.cohort_id", "cm.cohort_id")
    .innerJoin("dialogue_threads as th", "th.space_id", "sc.space_id")
    .innerJoin("dialogue_posts as dp", "dp.thread_id", "th.id")
    .leftJoin("mail_preferences as mp", "mp.person_id", "p.id")
    .leftJoin("mail_outbox as o", (j) => j.on("o.dedupe_key", "=", sql<string>`'facilitator-digest:' || p.id || ':' || ${input.today}`))
    .where("o.id", "is", null)
    .select([
      "p.id as person_id",
      "p.email",
      "p.display_name",
      "p.locale",
      sql<number>`count(distinct dp.id) filter (where dp.state = 'held')`.as("held"),
      sql<number>`count(distinct dp.id) filter (where dp.state = 'reported')`.as("reported"),
    ])
    .where("cm.role", "=", "facilitator")
    .where("p.disabled_at", "is", null)
    .where("dp.state", "in", ["held", "reported"])
    .where((eb) => eb.or([eb("mp.digests", "is", null), eb("mp.digests", "=", true)]))
    .groupBy(["p.id", "p.email", "p.display_name", "p.locale"])
    .execute();
  let queued = 0;
  const links = rows.length ? await unsubscribeLinks(db, input.siteUrl) : null;
  for (const row of rows) {
    const unsubscribe = links!(row.person_id, "digests");
    const created = await db.transaction().execute((trx) =>
      enqueueMail(trx, {
        kind: "facilitator-digest",
        to: row.email,
        locale: row.locale,
        data: { name: row.display_name, held: Number(row.held), reported: Number(row.reported), url: `${input.siteUrl}/facilitate`, unsubscribeUrl: unsubscribe },
        dedupeKey: `facilitator-digest:${row.person_id}:${input.today}`,
      }),
    );
    if (created) queued += 1;
  }
  return queued;
}

/** How far back the scheduler looks for new certificates (older ones at deployment get no mail). */
const RECENT = sql<Date>`now() - interval '2 days'`;

/**
 * Queues "your certificate was issued" for certificates issued in the last two days and not
 * revoked. Certificates are issued inside learning steps (models/learning), which know no site
 * address; looking for them here keeps that path free of mail, and the dedupe key (the
 * certificate's code) sends each once.
 */
export async function queueCertificateMails(db: DB, input: { siteUrl: string }): Promise<number> {
  const rows = await db
    .selectFrom("certificates as c")
    .innerJoin("people as p", "p.id", "c.person_id")
    .leftJoin("mail_outbox as o", (j) => j.on("o.dedupe_key", "=", sql<string>`'certificate-issued:' || c.code`))
    .select(["c.code", "c.course_title", "p.email", "p.display_name", "p.locale"])
    .where("c.issued_at", ">", RECENT)
    .where("c.revoked_at", "is", null)
    .where("p.disabled_at", "is", null)
    .where("o.id", "is", null)
    .execute();
  let queued = 0;
  for (const row of rows) {
    const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
    const created = await db.transaction().execute((trx) =>
      enqueueMail(trx, {
        kind: "certificate-issued",
        to: row.email,
        locale,
        data: { name: row.display_name, courseTitle: pick(row.course_title, locale), code: row.code, accountUrl: `${input.siteUrl}/account`, verifyUrl: `${input.siteUrl}/verify/${row.code}` },
        dedupeKey: `certificate-issued:${row.code}`,
      }),
    );
    if (created) queued += 1;
  }
  return queued;
}
