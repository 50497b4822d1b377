import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "../components/alert";
import { ColumnChart, HorizontalBarChart } from "../components/bar-chart";
import { CountsTable } from "../components/counts-table";
import { DataTable } from "../components/data-table";
import { CountryName } from "../components/country-name";
import { DateText } from "../components/date-text";
import { ReportFilters } from "../components/report-filters";
import { ReportNav } from "../components/report-nav";
import { TeamWorkTable } from "../components/team-work-table";
import { pick } from "../content/model";
import { overview } from "../models/reports/overview.server";
import { sessionAttendance } from "../models/reports/session-attendance.server";
import { teamWork } from "../models/reports/team-work.server";
import { columns, horizontalBars, weeklySeries } from "../reports/chart";
import { reportRequest } from "../reports/report-request.server";
import { filterSearch, optionsView } from "../reports/view.server";
import { dateFormat, regionName } from "../utils/intl";
import { pageTitle } from "../utils/meta";
import reportStyles from "../styles/report.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "report.overview.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, query, badDates, options, locale } = await reportRequest(context, request);
  const [data, attendance, teams] = await Promise.all([
    overview(context.db, context.content, user.scopedGrants, query),
    sessionAttendance(context.db, context.content, user.scopedGrants, query),
    teamWork(context.db, context.content, user.scopedGrants, query),
  ]);
  const itemTitle = (courseId: string, itemId: string) => pick(context.content.courses.get(courseId)?.items.get(itemId)?.title ?? {}, locale) || itemId;
  const courseTitle = (id: string) => pick(context.content.courses.get(id)?.title ?? {}, locale) || id;
  const course = query.course ? context.content.courses.get(query.course) : undefined;
  const weekly = weeklySeries(data.weekly, query.from, query.to);
  return json({
    query,
    badDates,
    options: optionsView(options, context.content, locale),
    search: filterSearch(query),
    totals: data.totals,
    byCohortCourse: data.byCohortCourse.map((r) => ({ ...r, courseTitle: courseTitle(r.courseId) })),
    byCountry: data.byCountry,
    byInstitution: data.byInstitution,
    weekly,
    weeklyChart: columns(weekly.map((w) => ({ label: w.week, value: w.completed })), { columnWidth: 34, gap: 8, height: 120 }),
    completedInPeriod: data.completedInPeriod,
    attendance: attendance.map((a) => ({ ...a, startsAt: a.startsAt.toISOString(), title: itemTitle(a.courseId, a.itemId) })),
    teamWork: teams.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null, acceptedAt: r.acceptedAt?.toISOString() ?? null, courseTitle: courseTitle(r.courseId), taskTitle: itemTitle(r.courseId, r.itemId) })),
    funnel: data.funnel?.map((f) => ({ ...f, title: f.moduleId ? pick(course?.modules.find((m) => m.id === f.moduleId)?.title ?? {}, locale) : null })) ?? null,
  });
}

export default function CoordinatorOverview() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { totals, query } = data;
  const dateText = (day: string) => dateFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
  const countryLabel = (code: string | null) => (code ? regionName(i18n.language, code) : t("report.none"));
  const best = data.weekly.reduce<{ week: string; completed: number } | null>((b, w) => (!b || w.completed > b.completed ? w : b), null);
  const weeklySummary =
    data.completedInPeriod > 0 && best
      ? t("report.weekly.summary", { count: data.completedInPeriod, weeks: data.weekly.length, best: dateText(best.week), bestCount: best.completed })
      : t("report.weekly.summaryNone", { weeks: data.weekly.length });
  const countrySummary = t("report.byCountry.summary", { list: data.byCountry.map((c) => `${countryLabel(c.countryCode)} ${c.completed}`).join(", ") || "—" });
  const funnelLabel = (f: NonNullable<typeof data.funnel>[number]) => (f.stage === "module" ? t("report.funnel.module", { title: f.title ?? f.moduleId }) : t(`report.funnel.${f.stage}`));
  return (
    <div className="page wide">
      <ReportNav search={data.search} />
      <h1>{t("coordinate.title")}</h1>
      <h2 className="subtitle">{t("report.overview.title")}</h2>
      <p className="lead">{t("report.overview.lead")}</p>
      <ReportFilters values={query} options={data.options} />
      <Alert>{data.badDates && t("report.filters.badDates")}</Alert>

      <ul className="stats report-cards" aria-label={t("report.cardsLabel")}>
        {(["enrolled", "notStarted", "inProgress", "completed", "passedFinal", "certified", "overdue"] as const).map((k) => (
          <li key={k} data-card={k}>
            <span className="stat-number">{totals[k]}</span> {t(`report.counts.${k}`)}
          </li>
        ))}
      </ul>
      <p>{t("report.period", { from: dateText(query.from), to: dateText(query.to), count: data.completedInPeriod })}</p>

      <section aria-labelledby="export-title" className="report-export">
        <h2 id="export-title">{t("report.export.title")}</h2>
        <p className="hint">{t("report.export.hint")}</p>
        <p>
          <a href={`/resources/report-overview${data.search ? `${data.search}&` : "?"}format=csv`} className="button-secondary" download>
            {t("report.export.csv")}
          </a>{" "}
          <a href={`/resources/report-overview${data.search ? `${data.search}&` : "?"}format=xlsx`} className="button-secondary" download>
            {t("report.export.xlsx")}
          </a>
        </p>
      </section>

      {totals.enrolled === 0 ? <p className="empty">{t("report.empty")}</p> : null}

      <h2>{t("report.byCohortCourse.title")}</h2>
      <CountsTable
        caption={t("report.byCohortCourse.caption")}
        groupHeading={`${t("report.byCohortCourse.cohort")} · ${t("report.byCohortCourse.course")}`}
        rows={data.byCohortCourse}
        keyOf={(r) => `${r.cohortId}/${r.courseId}`}
        group={(r) => (
          <>
            {r.cohortName} · {r.courseTitle}
            {r.dueOn ? (
              <span className="item-meta">
                {" "}
                · {t("report.byCohortCourse.due")}: <DateText value={r.dueOn} />
              </span>
            ) : null}
          </>
        )}
      />

      <h2>{t("report.funnel.title")}</h2>
      {data.funnel ? (
        <>
          <HorizontalBarChart
            chart={horizontalBars(data.funnel.map((f) => ({ label: funnelLabel(f), value: f.count })))}
            title={t("report.funnel.caption")}
            summary={t("report.funnel.summary", { enrolled: totals.enrolled, started: totals.enrolled - totals.notStarted, completed: totals.completed })}
          />
          <DataTable
            className="numbers"
            caption={t("report.funnel.caption")}
            rows={data.funnel}
            rowKey={(f) => `${f.stage}-${f.moduleId ?? ""}`}
            columns={[
              { header: t("report.funnel.stage"), rowHeader: true, cell: (f) => funnelLabel(f) },
              { header: t("report.funnel.count"), cell: (f) => f.count },
            ]}
          />
        </>
      ) : (
        <p className="hint">{t("report.funnel.chooseCourse")}</p>
      )}

      <h2>{t("report.weekly.title")}</h2>
      <ColumnChart chart={data.weeklyChart} title={t("report.weekly.caption")} summary={weeklySummary} labelOf={(week) => dateFormat(i18n.language, { day: "numeric", month: "numeric", timeZone: "UTC" }).format(new Date(`${week}T12:00:00Z`))} />
      <details className="why">
        <summary>{t("report.weekly.caption")}</summary>
        <DataTable
          className="numbers"
          caption={t("report.weekly.caption")}
          rows={data.weekly}
          rowKey={(w) => w.week}
          columns={[
            { header: t("report.weekly.week"), rowHeader: true, cell: (w) => dateText(w.week) },
            { header: t("report.weekly.completed"), cell: (w) => w.completed },
          ]}
        />
      </details>

      <h2>{t("report.byCountry.title")}</h2>
      <HorizontalBarChart chart={horizontalBars(data.byCountry.map((c) => ({ label: countryLabel(c.countryCode), value: c.completed })))} title={t("report.byCountry.chart")} summary={countrySummary} />
      <CountsTable
        caption={t("report.byCountry.caption")}
        groupHeading={t("report.byCountry.country")}
        rows={data.byCountry}
        keyOf={(r) => r.countryCode ?? "-"}
        group={(r) => (r.countryCode ? <CountryName code={r.countryCode} /> : t("report.none"))}
      />

      <h2>{t("report.byInstitution.title")}</h2>
      <CountsTable
        caption={t("report.byInstitution.caption")}
        groupHeading={t("report.byInstitution.institution")}
        rows={data.byInstitution}
        keyOf={(r) => r.institutionId ?? "-"}
        group={(r) => r.institutionName ?? t("report.none")}
      />
      <h2>{t("report.attendance.title")}</h2>
      <DataTable
        className="numbers"
        caption={t("report.attendance.caption")}
        rows={data.attendance}
        rowKey={(a) => a.scheduleId}
        empty={t("report.attendance.empty")}
        columns={[
          { header: t("report.attendance.session"), rowHeader: true, cell: (a) => a.title },
          { header: t("report.attendance.cohort"), auto: true, cell: (a) => a.cohortName },
          { header: t("report.attendance.when"), cell: (a) => <DateText value={a.startsAt} withTime /> },
          { header: t("report.attendance.invited"), cell: (a) => a.invited },
          { header: t("report.attendance.attended"), cell: (a) => a.attended },
          { header: t("report.attendance.byCode"), cell: (a) => a.byCode },
          { header: t("report.attendance.byFacilitator"), cell: (a) => a.byFacilitator },
          { header: t("report.attendance.reflections"), cell: (a) => a.reflections },
        ]}
      />
      {data.attendance.length ? (
        <p className="downloads">
          <a href={`/resources/report-attendance${data.search ? `${data.search}&` : "?"}format=csv`} className="button-secondary" download>
            {t("report.attendance.csv")}
          </a>{" "}
          ·{" "}
          <a href={`/resources/report-attendance${data.search ? `${data.search}&` : "?"}format=xlsx`} className="button-secondary" download>
            {t("report.attendance.xlsx")}
          </a>
        </p>
      ) : null}
      <TeamWorkTable rows={data.teamWork} search={data.search} />
      <p>
        <Link to="/coordinate/invitations">{t("invitations.title")}</Link>
      </p>
    </div>
  );
}
