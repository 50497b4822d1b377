import type { MailContent } from "../render";
import { mailDateTime, type TemplateContext } from "./common";

/** A link to set a new password, sent to the account's own address. */
export interface PasswordResetMail {
  name: string;
  url: string;
  expiresAt: Date;
}

export function passwordResetMail({ t, locale }: TemplateContext, m: PasswordResetMail): MailContent {
  return {
    subject: t("mail.passwordReset.subject"),
    greeting: t("mail.greeting", { name: m.name }),
    paragraphs: [t("mail.passwordReset.body")],
    action: { label: t("mail.passwordReset.action"), url: m.url },
    after: [t("mail.passwordReset.validity", { date: mailDateTime(locale, m.expiresAt) }), t("mail.passwordReset.notYou")],
    signature: t("mail.signature"),
  };
}
