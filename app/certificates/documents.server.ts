import type { AppLoadContext } from "@remix-run/node";
import type { Certificate } from "../../db/types";
import { pick } from "../content/model";
import { i18nFor } from "../i18n/instance";
import { isLocale, type Locale } from "../i18n/locales";
import { TRANSLATIONS } from "../i18n/translations.server";
import { issuerKey } from "../models/issuer-key.server";
import { openBadgeCredential, signCredential } from "./credential";
import { certificatePdf, type PaperSize } from "./pdf.server";

/** The public address links and credentials point to: PUBLIC_URL, else the request's origin. */
export function baseUrlOf(context: AppLoadContext, request: Request): string {
  return (context.config.publicUrl ?? new URL(request.url).origin).replace(/\/+$/, "");
}

export function hoursOf(minutes: number): number {
  return Math.max(0.5, Math.round((minutes / 60) * 2) / 2);
}

const localeOf = (cert: Certificate): Locale => (isLocale(cert.locale) ? cert.locale : "es");

/** The PDF in the holder's language (the language they used when it was issued). */
export async function certificatePdfFor(context: AppLoadContext, request: Request, cert: Certificate, size: PaperSize): Promise<Buffer> {
  const locale = localeOf(cert);
  const { t } = i18nFor(locale, TRANSLATIONS[locale]);
  const verifyUrl = `${baseUrlOf(context, request)}/verify/${cert.code}`;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(cert.issued_at);
  const course = pick(cert.course_title, locale);
  return certificatePdf(
    {
      title: t("certificate.pdf.title", { course }),
      heading: t("certificate.pdf.heading"),
      certifies: t("certificate.pdf.certifies"),
      holder: cert.holder_name,
      completed: t("certificate.pdf.completed"),
      course,
      details: [t("certificate.pdf.hours", { count: hoursOf(cert.minutes) }), t("certificate.pdf.date", { date }), t("certificate.pdf.issuer", { programme: context.config.programmeName })],
      verifyLine: t("certificate.pdf.verify"),
      verifyUrl,
      codeLine: t("certificate.pdf.code", { code: cert.code }),
    },
    size,
  );
}

/** The signed Open Badges credential (VC-JWT) of a certificate. */
export async function credentialFor(context: AppLoadContext, request: Request, cert: Certificate, holderEmail: string, summary: string): Promise<string> {
  const locale = localeOf(cert);
  const credential = openBadgeCredential({
    baseUrl: baseUrlOf(context, request),
    programme: context.config.programmeName,
    code: cert.code,
    holderName: cert.holder_name,
    holderEmail,
    salt: cert.id,
    courseId: cert.course_id,
    courseName: pick(cert.course_title, locale),
    courseSummary: summary,
    minutes: cert.minutes,
    issuedAt: cert.issued_at,
  });
  return signCredential(credential, await issuerKey(context.db));
}
