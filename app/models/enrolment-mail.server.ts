import type { Trx } from "../../db/client";
import { pick, type Catalog } from "../content/model";
import { isLocale, DEFAULT_LOCALE } from "../i18n/locales";
import { enqueueMail } from "./mail-outbox.server";

/**
 * Queues the welcome to a cohort — its courses and due dates, nobody else's name — in the
 * transaction that made the person a member. Once per person and cohort (dedupe key).
 */
export async function enqueueEnrolmentMail(trx: Trx, input: { personId: string; cohortId: string; catalog: Catalog; siteUrl: string }): Promise<void> {
  const person = await trx.selectFrom("people").select(["email", "display_name", "locale"]).where("id", "=", input.personId).executeTakeFirstOrThrow();
  const cohort = await trx.selectFrom("cohorts").select("name").where("id", "=", input.cohortId).executeTakeFirstOrThrow();
  const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
  const assigned = await trx.selectFrom("cohort_courses").select(["course_id", "due_on"]).where("cohort_id", "=", input.cohortId).orderBy("due_on").orderBy("course_id").execute();
  const courses = assigned.flatMap((c) => {
    const course = input.catalog.courses.get(c.course_id);
    return course ? [{ title: pick(course.title, locale), dueOn: c.due_on }] : [];
  });
  await enqueueMail(trx, {
    kind: "enrolment",
    to: person.email,
    locale,
    data: { name: person.display_name, cohortName: cohort.name, courses, url: `${input.siteUrl}/learn` },
    dedupeKey: `enrolment:${input.cohortId}:${input.personId}`,
  });
}
