import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { DataTable } from "../components/data-table";
import { cohortsInScope, grantsFor } from "../models/access.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitate.teams.title");

// The open cohorts whose teams this person may form, with how many teams each has.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:teams");
  const cohorts = await context.db
    .selectFrom("cohorts")
    .select(["cohorts.id", "cohorts.name"])
    .select((eb) => eb.selectFrom("teams").select((e) => e.fn.countAll<number>().as("n")).whereRef("teams.cohort_id", "=", "cohorts.id").as("teams"))
    .where(cohortsInScope(grantsFor(user.grants, "manage:teams")))
    .where("cohorts.closed_at", "is", null)
    .orderBy("cohorts.name")
    .limit(200)
    .execute();
  return json({ cohorts: cohorts.map((c) => ({ ...c, teams: Number(c.teams ?? 0) })) });
}

export default function TeamCohorts() {
  const { t } = useTranslation();
  const { cohorts } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/facilitate">{t("facilitate.title")}</Link>
      </p>
      <h1>{t("facilitate.teams.title")}</h1>
      <p className="lead">{t("facilitate.teams.lead")}</p>
      <DataTable
        caption={t("facilitate.teams.cohortsCaption")}
        rows={cohorts}
        rowKey={(c) => c.id}
        empty={t("facilitate.teams.noCohorts")}
        columns={[
          { header: t("facilitate.teams.cohort"), rowHeader: true, auto: true, cell: (c) => <Link to={`/facilitate/teams/${c.id}`}>{c.name}</Link> },
          { header: t("facilitate.teams.count"), cell: (c) => c.teams },
        ]}
      />
    </div>
  );
}
