import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { DateText } from "../components/date-text";
import { Pagination } from "../components/pagination";
import { recentAudit } from "../models/audit.server";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read:audit");
  const { page, limit, offset } = pageFrom(new URL(request.url));
  return json({ page, ...(await recentAudit(context.db, limit, offset)) });
}

export default function Audit() {
  const { t } = useTranslation();
  const { rows, total, page } = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <h1>{t("audit.title")}</h1>
      {rows.length === 0 ? (
        <p className="empty">{t("audit.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.request")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <DateText value={r.at} withTime />
                  </td>
                  <td dir="auto">{r.actor_name ?? "—"}</td>
                  <td>{t(`audit.actions.${r.action}`, { defaultValue: r.action })}</td>
                  <td>
                    <code>{r.request_id?.slice(0, 8) ?? "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
