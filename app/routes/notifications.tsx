import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "../auth/guards.server";
import { DateText } from "../components/date-text";
import { listNotifications, markNotificationsRead } from "../models/notification.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dialogue.notifications.title");

// Opening the list is seeing the notifications: they are marked read (the badge clears).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const rows = await listNotifications(context.db, user.id);
  await markNotificationsRead(context.db, user.id);
  return json({ rows });
}

export default function Notifications() {
  const { t } = useTranslation();
  const { rows } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("dialogue.notifications.title")}</h1>
      {rows.length === 0 ? (
        <p className="empty">{t("dialogue.notifications.empty")}</p>
      ) : (
        <ul className="notification-list">
          {rows.map((n) => {
            const href = n.kind === "queue" ? "/facilitate" : n.space_id && n.thread_id ? `/dialogue/${n.space_id}/${n.thread_id}${n.post_id ? `#post-${n.post_id}` : ""}` : "/dialogue";
            return (
              <li key={n.id} className={n.read_at ? undefined : "unread"}>
                {n.read_at ? null : <span className="tag tag-new">{t("dialogue.post.new")}</span>}{" "}
                <Link to={href}>{t(`dialogue.notifications.kinds.${n.kind}`, { title: n.thread_title ?? "" })}</Link>
                <span className="hint">
                  {" · "}
                  <DateText value={n.created_at} withTime />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
