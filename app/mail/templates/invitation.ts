import type { RoleName } from "../../../db/types";
import type { MailContent } from "../render";
import { mailDateTime, type TemplateContext } from "./common";

/** An invitation to join a cohort. It names no one: not the inviter, not the inviter's note. */
export interface InvitationMail {
  cohortName: string;
  role: RoleName;
  url: string;
  expiresAt: Date;
}

export function invitationMail({ t, locale }: TemplateContext, m: InvitationMail): MailContent {
  return {
    subject: t("mail.invitation.subject", { cohort: m.cohortName }),
    greeting: t("mail.greetingAnonymous"),
    paragraphs: [t("mail.invitation.body", { cohort: m.cohortName, role: t(`roles.${m.role}`) })],
    action: { label: t("mail.invitation.action"), url: m.url },
    after: [t("mail.invitation.validity", { date: mailDateTime(locale, m.expiresAt) }), t("mail.ignore")],
    signature: t("mail.signature"),
  };
}
