import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

interface LiveSession {
  itemId: string;
  title: string;
  date: string;
  time: string;
  zone: string;
  past: boolean;
}

/** The course's presentations scheduled live for the person's cohort, in their own time zone. */
export function LiveSessions({ sessions, itemHref }: { sessions: LiveSession[]; itemHref: (itemId: string) => string }) {
  const { t } = useTranslation();
  const upcoming = sessions.filter((s) => !s.past);
  if (!upcoming.length) return null;
  return (
    <section aria-labelledby="live-sessions-heading" className="live-sessions">
      <h2 id="live-sessions-heading">{t("session.upcoming")}</h2>
      <ul>
        {upcoming.map((s) => (
          <li key={s.itemId}>
            <Link to={itemHref(s.itemId)}>{s.title}</Link>: {s.date}, {s.time} <span className="session-zone">({s.zone})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
