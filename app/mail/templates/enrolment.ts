import type { MailContent } from "../render";
import { mailDay, type TemplateContext } from "./common";

/** The person joined a cohort: its courses and their due dates. */
export interface EnrolmentMail {
  name: string;
  cohortName: string;
  courses: { title: string; dueOn: string | null }[];
  url: string;
}

export function enrolmentMail({ t, locale }: TemplateContext, m: EnrolmentMail): MailContent {
  return {
    subject: t("mail.enrolment.subject", { cohort: m.cohortName }),
    greeting: t("mail.greeting", { name: m.name }),
    paragraphs: [
      t("mail.enrolment.body", { cohort: m.cohortName }),
      ...(m.courses.length === 0
        ? [t("mail.enrolment.noCourses")]
        : m.courses.map((c) => (c.dueOn ? t("mail.enrolment.courseDue", { course: c.title, date: mailDay(locale, c.dueOn) }) : t("mail.enrolment.course", { course: c.title })))),
    ],
    action: { label: t("mail.enrolment.action"), url: m.url },
    signature: t("mail.signature"),
  };
}
