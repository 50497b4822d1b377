import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { DataTable } from "../components/data-table";
import { localeFor } from "../i18n/request-locale.server";
import { sessionBoard } from "../models/sessions/board.server";
import { defaultZoneFor, formatInZone } from "../sessions/time-zone";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitate.sessions.title");

// Every presentation by an expert in the open cohorts this person may schedule for.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "schedule:sessions");
  const locale = localeFor(request, user);
  const cohort = new URL(request.url).searchParams.get("cohort");
  const rows = await sessionBoard(context.db, context.content, user.grants, locale, cohort && isUuid(cohort) ? cohort : undefined);
  const zone = user.timeZone ?? defaultZoneFor(user.countryCode);
  return json({
    zone: formatInZone(new Date(), zone, locale).zone,
    rows: rows.map((r) => ({ ...r, when: r.schedule ? formatInZone(r.schedule.starts_at, zone, locale) : null })),
  });
}

export default function SessionBoard() {
  const { t } = useTranslation();
  const { rows, zone } = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <p className="breadcrumbs">
        <Link to="/facilitate">{t("facilitate.title")}</Link>
      </p>
      <h1>{t("facilitate.sessions.title")}</h1>
      <p className="lead">{t("facilitate.sessions.lead")}</p>
      <DataTable
        caption={t("facilitate.sessions.caption", { zone })}
        rows={rows}
        rowKey={(r) => `${r.cohortId}/${r.courseId}/${r.itemId}`}
        empty={t("facilitate.sessions.empty")}
        columns={[
          { header: t("facilitate.sessions.cohort"), cell: (r) => r.cohortName, auto: true, rowHeader: true },
          { header: t("facilitate.sessions.session"), cell: (r) => `${r.title} (${r.speaker})` },
          { header: t("facilitate.sessions.course"), cell: (r) => r.courseTitle },
          { header: t("facilitate.sessions.when"), cell: (r) => (r.when ? `${r.when.date}, ${r.when.time}` : t("facilitate.sessions.notScheduled")) },
          { header: t("facilitate.sessions.attendees"), cell: (r) => (r.schedule ? r.attendees : "—") },
          {
            header: t("facilitate.sessions.actions"),
            cell: (r) => (
              <Link to={`/facilitate/sessions/${r.cohortId}/${r.courseId}/${r.itemId}`} aria-label={t("facilitate.sessions.openLabel", { title: r.title, cohort: r.cohortName })}>
                {r.schedule ? t("facilitate.sessions.open") : t("facilitate.sessions.schedule")}
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
