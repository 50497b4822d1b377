import { useTranslation } from "react-i18next";

/** A date (or date-time) written the way the reader's language writes it. */
export function DateText({ value, withTime = false }: { value: string | Date | null; withTime?: boolean }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const text = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short", timeZone: "UTC" } : { timeZone: "UTC" }),
  }).format(date);
  return <time dateTime={date.toISOString()}>{withTime ? `${text} UTC` : text}</time>;
}
