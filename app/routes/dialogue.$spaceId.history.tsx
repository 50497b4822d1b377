import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireUser } from "../auth/guards.server";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { Pagination } from "../components/pagination";
import { findSpace } from "../models/dialogue/spaces.server";
import { viewerOf } from "../models/dialogue/access.server";
import { moderationHistory } from "../models/dialogue/moderation.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dialogue.history.title");

// A space's moderation history: for its facilitators (members get 403, others 404).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const spaceId = params.spaceId ?? "";
  const space = isUuid(spaceId) ? await findSpace(context.db, viewerOf(user), spaceId) : undefined;
  if (!space) throw notFound();
  if (!space.can_moderate) throw new Response("Forbidden", { status: 403 });
  const page = pageFrom(new URL(request.url));
  return json({ space: { id: space.id, kind: space.kind, title: space.title }, page: page.page, ...(await moderationHistory(context.db, space.id, page)) });
}

export default function ModerationHistory() {
  const { t } = useTranslation();
  const { space, rows, total, page } = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <p className="breadcrumbs">
        <Link to={`/dialogue/${space.id}`} dir="auto">
          {space.kind === "general" ? t("dialogue.space.general", { name: space.title }) : space.title}
        </Link>
      </p>
      <h1>{t("dialogue.history.title")}</h1>
      <DataTable
        caption={t("dialogue.history.caption", { count: total })}
        empty={t("dialogue.history.empty")}
        rows={rows}
        rowKey={(r) => String(r.id)}
        columns={[
          { header: t("dialogue.history.when"), cell: (r) => <DateText value={r.at} withTime /> },
          { header: t("dialogue.history.who"), auto: true, cell: (r) => r.actor_name ?? "—" },
          {
            header: t("dialogue.history.what"),
            cell: (r) => (
              <>
                {t(`dialogue.history.actions.${r.action.replace(".", "_")}`)}
                {r.subject_name ? (
                  <>
                    {" · "}
                    <span dir="auto">{r.subject_name}</span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: t("dialogue.history.where"),
            cell: (r) =>
              r.thread_id ? (
                <Link to={`/dialogue/${space.id}/${r.thread_id}`} dir="auto">
                  {r.thread_title}
                </Link>
              ) : (
                "—"
              ),
          },
          { header: t("dialogue.history.reason"), auto: true, cell: (r) => r.reason ?? "—" },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
