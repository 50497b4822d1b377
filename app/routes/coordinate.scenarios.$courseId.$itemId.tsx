import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportNav } from "../components/report-nav";
import reportStyles from "../styles/report.css";
import { notFound, requirePermission } from "../auth/guards.server";
import { HorizontalBarChart } from "../components/bar-chart";
import { horizontalBars } from "../reports/chart";
import { CountryName } from "../components/country-name";
import { pick } from "../content/model";
import { localeFor } from "../i18n/request-locale.server";
import { filterOptions } from "../models/reports/scope.server";
import { scenarioReport } from "../models/reports/scenario.server";
import { OUTCOMES } from "../content/scenario-schema";
import { regionName } from "../utils/intl";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Sendero` : "Sendero" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

/** Per decision point of one scenario: how many people in scope chose each option, by country. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "read:progress");
  const locale = localeFor(request, user);
  const course = context.content.courses.get(params.courseId ?? "");
  const scenario = course?.scenarios.get(params.itemId ?? "");
  if (!course || !scenario) throw notFound();
  const rawCountry = new URL(request.url).searchParams.get("country") || null;
  const { countries: scopeCountries } = await filterOptions(context.db, context.content, user.scopedGrants);
  // A country outside the coordinator's scope is not a filter they can use: 404, not an empty page.
  if (rawCountry !== null && !scopeCountries.includes(rawCountry)) throw notFound();
  const shown = await scenarioReport(context.db, user.scopedGrants, course.id, scenario, { country: rawCountry });
  const countries = [...new Set(shown.decisions.map((d) => d.country ?? ""))].sort();
  const nodes = scenario.file.nodes.map((node, index) => {
    const here = shown.decisions.filter((d) => d.nodeId === node.id);
    const choices = node.choices.map((c) => {
      const rows = here.filter((d) => d.choiceId === c.id);
      return {
        id: c.id,
        text: pick(c.text, locale),
        quality: c.score > 0 ? ("good" as const) : c.score < 0 ? ("poor" as const) : ("neutral" as const),
        byCountry: Object.fromEntries(countries.map((k) => [k, rows.filter((r) => (r.country ?? "") === k).reduce((n, r) => n + r.count, 0)])),
        total: rows.reduce((n, r) => n + r.count, 0),
      };
    });
    return { id: node.id, index: index + 1, choices, total: choices.reduce((n, c) => n + c.total, 0) };
  });
  return json({
    title: pick(course.items.get(scenario.id)?.title ?? {}, locale) || scenario.id,
    courseTitle: pick(course.title, locale),
    countries,
    scopeCountries,
    country: rawCountry,
    outcomes: OUTCOMES.map((o) => ({ outcome: o, count: shown.outcomes.find((x) => x.outcome === o)?.count ?? 0 })),
    nodes,
  });
}

export default function ScenarioDecisions() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const countryName = (code: string) => regionName(i18n.language, code);
  return (
    <div className="page wide">
      <ReportNav />
      <p className="breadcrumbs">
        <Link to="/coordinate/scenarios">{t("scenario.report.index")}</Link> › <span>{data.courseTitle}</span>
      </p>
      <h1>{t("scenario.report.title", { scenario: data.title })}</h1>
      <p className="lead">{t("scenario.report.lead")}</p>
      <Form method="get" className="filters">
        <label htmlFor="country-filter">{t("scenario.report.filterCountry")}</label>{" "}
        <select id="country-filter" name="country" defaultValue={data.country ?? ""}>
          <option value="">{t("scenario.report.all")}</option>
          {data.scopeCountries.map((c) => (
            <option key={c} value={c}>
              {countryName(c)}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button-secondary">
          {t("scenario.report.apply")}
        </button>
      </Form>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t("scenario.report.plays")}</h2>
        <HorizontalBarChart
          chart={horizontalBars(data.outcomes.map((o) => ({ label: t(`scenario.outcome.${o.outcome}`), value: o.count })))}
          title={t("scenario.report.plays")}
          summary={data.outcomes.map((o) => `${t(`scenario.outcome.${o.outcome}`)}: ${o.count}`).join("; ")}
        />
        <div className="table-scroll">
          <table>
            <caption>{t("scenario.report.plays")}</caption>
            <tbody>
              {data.outcomes.map((o) => (
                <tr key={o.outcome}>
                  <th scope="row">{t(`scenario.outcome.${o.outcome}`)}</th>
                  <td>{o.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {data.nodes.map((node) => {
        const top = [...node.choices].sort((a, b) => b.total - a.total)[0];
        return (
          <section key={node.id} aria-labelledby={`node-${node.id}`}>
            <h2 id={`node-${node.id}`}>{t("scenario.report.node", { index: node.index })}</h2>
            {node.total === 0 || !top ? (
              <p className="empty">{t("scenario.report.noDecisions")}</p>
            ) : (
              <>
                <HorizontalBarChart
                  chart={horizontalBars(node.choices.map((c) => ({ label: c.text, value: c.total })))}
                  title={t("scenario.report.chartLabel")}
                  summary={t("scenario.report.summary", { count: node.total, top: top.text, share: Math.round((top.total / node.total) * 100) })}
                />
                <div className="table-scroll">
                  <table>
                    <caption>{t("scenario.report.node", { index: node.index })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("scenario.report.choice")}</th>
                        {data.countries.map((k) => (
                          <th scope="col" key={k}>
                            {k ? <CountryName code={k} /> : t("scenario.report.noCountry")}
                          </th>
                        ))}
                        <th scope="col">{t("scenario.report.total")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {node.choices.map((c) => (
                        <tr key={c.id} data-choice={c.id}>
                          <th scope="row">
                            {c.text} <span className="hint">({t(`scenario.quality.${c.quality}`)})</span>
                          </th>
                          {data.countries.map((k) => (
                            <td key={k}>{c.byCountry[k] ?? 0}</td>
                          ))}
                          <td>{c.total}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
