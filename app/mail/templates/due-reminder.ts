import type { MailContent } from "../render";
import { mailDay, type TemplateContext } from "./common";

/** A course of the person's cohort is due in 7 days or in 1. */
export interface DueReminderMail {
  name: string;
  courseTitle: string;
  dueOn: string;
  daysLeft: number;
  url: string;
  unsubscribeUrl: string;
}

export function dueReminderMail({ t, locale }: TemplateContext, m: DueReminderMail): MailContent {
  return {
    subject: t("mail.dueReminder.subject", { course: m.courseTitle, count: m.daysLeft }),
    greeting: t("mail.greeting", { name: m.name }),
    paragraphs: [t("mail.dueReminder.body", { course: m.courseTitle, date: mailDay(locale, m.dueOn), count: m.daysLeft })],
    action: { label: t("mail.dueReminder.action"), url: m.url },
    signature: t("mail.signature"),
    footer: { text: t("mail.dueReminder.why"), link: { label: t("mail.unsubscribe"), url: m.unsubscribeUrl } },
  };
}
