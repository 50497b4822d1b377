import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The header's link to the notifications, with a badge counting the unread ones. */
export function NotificationsLink({ unread }: { unread: number }) {
  const { t } = useTranslation();
  return (
    <Link to="/notifications" className="notifications-link">
      {t("dialogue.notifications.link")}
      {unread > 0 ? (
        <>
          {" "}
          <span className="badge" aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden">{t("dialogue.notifications.unread", { count: unread })}</span>
        </>
      ) : null}
    </Link>
  );
}
