import type { MailContent } from "../render";
import type { TemplateContext } from "./common";

/**
 * The day's digest for a facilitator: how many posts wait for moderation. Counts only; no post,
 * author or reporter is named in the mail.
 */
export interface FacilitatorDigestMail {
  name: string;
  held: number;
  reported: number;
  url: string;
  unsubscribeUrl: string;
}

export function facilitatorDigestMail({ t }: TemplateContext, m: FacilitatorDigestMail): MailContent {
  return {
    subject: t("mail.digest.subject", { count: m.held + m.reported }),
    greeting: t("mail.greeting", { name: m.name }),
    paragraphs: [t("mail.digest.held", { count: m.held }), t("mail.digest.reported", { count: m.reported })],
    action: { label: t("mail.digest.action"), url: m.url },
    signature: t("mail.signature"),
    footer: { text: t("mail.digest.why"), link: { label: t("mail.unsubscribe"), url: m.unsubscribeUrl } },
  };
}
