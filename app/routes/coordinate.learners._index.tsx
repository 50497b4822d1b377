import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "../components/alert";
import { DataTable } from "../components/data-table";
import { CountryName } from "../components/country-name";
import { DateText } from "../components/date-text";
import { Pagination } from "../components/pagination";
import { ReportFilters } from "../components/report-filters";
import { ReportNav } from "../components/report-nav";
import { pick } from "../content/model";
import { learnerPage } from "../models/reports/learners.server";
import { filterParams, STATUSES, type Sort } from "../reports/filters";
import { reportRequest } from "../reports/report-request.server";
import { filterSearch, optionsView } from "../reports/view.server";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";
import reportStyles from "../styles/report.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "report.learners.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, url, query, badDates, options, locale } = await reportRequest(context, request);
  const { page, limit, offset } = pageFrom(url);
  const { rows, total } = await learnerPage(context.db, context.content, user.scopedGrants, query, limit, offset);
  return json({
    query,
    badDates,
    page,
    total,
    options: optionsView(options, context.content, locale),
    search: filterSearch(query),
    exportSearch: filterSearch(query, ["status", "q", "inactiveSince", "scoreBelow"]),
    rows: rows.map((r) => ({ ...r, courseTitle: pick(context.content.courses.get(r.courseId)?.title ?? {}, locale) || r.courseId })),
  });
}

export default function CoordinatorLearners() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { query } = data;
  const sortHref = (sort: Sort) => {
    const params = filterParams({ ...query, sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc" });
    return `?${params}`;
  };
  // A column header that sorts by it (and back), saying which way it sorts now.
  const sortable = (sort: Sort, key: string) => {
    const active = query.sort === sort;
    const label = t(`report.learners.${key}`);
    return {
      header: (
        <Link to={sortHref(sort)} aria-label={t("report.learners.sortBy", { column: label })}>
          {label}
          {active ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      ),
      ariaSort: active ? (query.dir === "asc" ? ("ascending" as const) : ("descending" as const)) : undefined,
    };
  };
  const exportHref = (format: string) => `/resources/report-learners${data.exportSearch ? `${data.exportSearch}&` : "?"}format=${format}`;
  return (
    <div className="page wide">
      <ReportNav search={data.search} />
      <h1>{t("report.learners.title")}</h1>
      <p className="lead">{t("report.learners.lead")}</p>
      <ReportFilters values={query} options={data.options} statuses={STATUSES} search hidden={{ sort: query.sort, dir: query.dir }} />
      <Alert>{data.badDates && t("report.filters.badDates")}</Alert>
      <h2>{t("report.learners.count", { count: data.total })}</h2>
      <p>
        <a href={exportHref("csv")} className="button-secondary" download>
          {t("report.export.csv")}
        </a>{" "}
        <a href={exportHref("xlsx")} className="button-secondary" download>
          {t("report.export.xlsx")}
        </a>
      </p>
      <DataTable
        className="learner-table"
        caption={t("report.learners.caption")}
        empty={t("report.empty")}
        rows={data.rows}
        rowKey={(r) => `${r.personId}/${r.cohortId}/${r.courseId}`}
        columns={[
          { ...sortable("name", "name"), rowHeader: true, auto: true, cell: (r) => <Link to={`/coordinate/learners/${r.personId}`}>{r.name}</Link> },
          { ...sortable("country", "country"), cell: (r) => <CountryName code={r.countryCode} /> },
          { ...sortable("institution", "institution"), auto: true, cell: (r) => r.institution ?? "—" },
          { ...sortable("cohort", "cohort"), auto: true, cell: (r) => r.cohort },
          { ...sortable("course", "course"), cell: (r) => r.courseTitle },
          {
            ...sortable("status", "status"),
            cell: (r) => (
              <>
                {t(`report.status.${r.status}`)}
                {r.overdue ? <strong className="overdue"> · {t("report.learners.overdue")}</strong> : null}
              </>
            ),
          },
          { ...sortable("activity", "lastActivity"), cell: (r) => <DateText value={r.lastActivity} /> },
          { ...sortable("score", "score"), cell: (r) => (r.score === null ? "—" : t("report.learners.percent", { percent: r.score })) },
        ]}
      />
      <Pagination page={data.page} pageSize={PAGE_SIZE} total={data.total} />
    </div>
  );
}
