import { useTranslation } from "react-i18next";
import { dateFormat } from "../utils/intl";

/** A date (or date-time) written the way the reader's language writes it. */
export function DateText({ value, withTime = false }: { value: string | Date | null; withTime?: boolean }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const text = dateFormat(i18n.language, withTime ? { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" } : { dateStyle: "medium", timeZone: "UTC" }).format(date);
  return <time dateTime={date.toISOString()}>{withTime ? `${text} UTC` : text}</time>;
}
