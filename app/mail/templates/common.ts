import type { TFunction } from "i18next";
import { dateFormat } from "../../utils/intl";

/** What every template is given: the recipient's language and its `t`. */
export interface TemplateContext {
  locale: string;
  t: TFunction;
}

/** A moment as people read it in mail: long date and time, in UTC (said so in the text). */
export function mailDateTime(locale: string, at: Date): string {
  return dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(at);
}

/** A calendar day ('YYYY-MM-DD') in words. */
export function mailDay(locale: string, day: string): string {
  return dateFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}
