import { isLocale, DEFAULT_LOCALE } from "../../i18n/locales";
import { serverT } from "../../i18n/translations.server";
import { renderMail, type MailContent, type RenderedMail } from "../render";
import type { TemplateContext } from "./common";
import { certificateIssuedMail } from "./certificate-issued";
import { dueReminderMail } from "./due-reminder";
import { enrolmentMail } from "./enrolment";
import { facilitatorDigestMail } from "./facilitator-digest";
import { invitationMail } from "./invitation";
import { passwordResetMail } from "./password-reset";

/** One template per kind of message; TypeScript ties each kind to the data its template needs. */
export const TEMPLATES = {
  invitation: invitationMail,
  "password-reset": passwordResetMail,
  "due-reminder": dueReminderMail,
  "facilitator-digest": facilitatorDigestMail,
  "certificate-issued": certificateIssuedMail,
  enrolment: enrolmentMail,
} satisfies Record<string, (context: TemplateContext, data: never) => MailContent>;

export type MailKind = keyof typeof TEMPLATES;
export type MailData<K extends MailKind> = Parameters<(typeof TEMPLATES)[K]>[1];

/** The message of this kind, in the language (Spanish when the language is not one of ours). */
export function renderTemplate<K extends MailKind>(kind: K, locale: string, data: MailData<K>): RenderedMail & { locale: string } {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const template = TEMPLATES[kind] as (context: TemplateContext, data: MailData<K>) => MailContent;
  return { ...renderMail(template({ t: serverT(lang), locale: lang }, data), lang), locale: lang };
}
