import type { MailContent } from "../render";
import type { TemplateContext } from "./common";

/** The person's own certificate was issued: where to download it and the public verify link. */
export interface CertificateIssuedMail {
  name: string;
  courseTitle: string;
  code: string;
  accountUrl: string;
  verifyUrl: string;
}

export function certificateIssuedMail({ t }: TemplateContext, m: CertificateIssuedMail): MailContent {
  return {
    subject: t("mail.certificate.subject", { course: m.courseTitle }),
    greeting: t("mail.greeting", { name: m.name }),
    paragraphs: [t("mail.certificate.body", { course: m.courseTitle }), t("mail.certificate.verify", { code: m.code, url: m.verifyUrl })],
    action: { label: t("mail.certificate.action"), url: m.accountUrl },
    signature: t("mail.signature"),
  };
}
