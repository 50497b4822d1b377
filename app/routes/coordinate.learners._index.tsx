import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CountryName } from "../components/country-name";
import { DateText } from "../components/date-text";
import { Pagination } from "../components/pagination";
import { ReportFilters } from "../components/report-filters";
import { ReportNav } from "../components/report-nav";
import { pick } from "../content/model";
import { learnerPage } from "../models/report-learners.server";
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

const COLUMNS: { sort: Sort; key: string }[] = [
  { sort: "name", key: "name" },
  { sort: "country", key: "country" },
  { sort: "institution", key: "institution" },
  { sort: "cohort", key: "cohort" },
  { sort: "course", key: "course" },
  { sort: "status", key: "status" },
  { sort: "activity", key: "lastActivity" },
  { sort: "score", key: "score" },
];

export default function CoordinatorLearners() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { query } = data;
  const sortHref = (sort: Sort) => {
    const params = filterParams({ ...query, sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc" });
    return `?${params}`;
  };
  const exportHref = (format: string) => `/resources/report-learners${data.exportSearch ? `${data.exportSearch}&` : "?"}format=${format}`;
  return (
    <div className="page wide">
      <ReportNav search={data.search} />
      <h1>{t("report.learners.title")}</h1>
      <p className="lead">{t("report.learners.lead")}</p>
      <ReportFilters values={query} options={data.options} statuses={STATUSES} search hidden={{ sort: query.sort, dir: query.dir }} />
      {data.badDates ? (
        <p className="alert" role="alert">
          {t("report.filters.badDates")}
        </p>
      ) : null}
      <h2>{t("report.learners.count", { count: data.total })}</h2>
      <p>
        <a href={exportHref("csv")} className="button-secondary" download>
          {t("report.export.csv")}
        </a>{" "}
        <a href={exportHref("xlsx")} className="button-secondary" download>
          {t("report.export.xlsx")}
        </a>
      </p>
      {data.rows.length === 0 ? (
        <p className="empty">{t("report.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="learner-table">
            <caption>{t("report.learners.caption")}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => {
                  const active = query.sort === c.sort;
                  const label = t(`report.learners.${c.key}`);
                  return (
                    <th key={c.sort} scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                      <Link to={sortHref(c.sort)} aria-label={t("report.learners.sortBy", { column: label })}>
                        {label}
                        {active ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={`${r.personId}/${r.cohortId}/${r.courseId}`}>
                  <th scope="row" dir="auto">
                    <Link to={`/coordinate/learners/${r.personId}`}>{r.name}</Link>
                  </th>
                  <td>
                    <CountryName code={r.countryCode} />
                  </td>
                  <td dir="auto">{r.institution ?? "—"}</td>
                  <td dir="auto">{r.cohort}</td>
                  <td>{r.courseTitle}</td>
                  <td>
                    {t(`report.status.${r.status}`)}
                    {r.overdue ? <strong className="overdue"> · {t("report.learners.overdue")}</strong> : null}
                  </td>
                  <td>
                    <DateText value={r.lastActivity} />
                  </td>
                  <td>{r.score === null ? "—" : t("report.learners.percent", { percent: r.score })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageSize={PAGE_SIZE} total={data.total} />
    </div>
  );
}
