import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { Pagination } from "../components/pagination";
import { PeopleTable } from "../components/people-table";
import { SearchForm } from "../components/search-form";
import { listPeopleInScope } from "../models/people.server";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "coordinate.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "read:progress");
  const url = new URL(request.url);
  const { page, limit, offset } = pageFrom(url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const people = await listPeopleInScope(context.db, user.scopedGrants, { search: q, limit, offset });
  return json({ ...people, page, q });
}

export default function Coordinate() {
  const { t } = useTranslation();
  const { rows, total, page, q } = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <h1>{t("coordinate.title")}</h1>
      <p className="lead">{t("coordinate.lead")}</p>
      <p>
        <Link to="/coordinate/invitations" className="button-secondary">
          {t("invitations.title")}
        </Link>
      </p>
      <h2>{t("coordinate.people", { count: total })}</h2>
      <SearchForm defaultValue={q} />
      {rows.length === 0 ? (
        <p className="empty">{q ? t("people.noMatches") : t("coordinate.noPeople")}</p>
      ) : (
        <PeopleTable rows={rows} caption={t("coordinate.peopleCaption")} />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
