import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportNav } from "../components/report-nav";
import reportStyles from "../styles/report.css";
import { requirePermission } from "../auth/guards.server";
import { pick } from "../content/model";
import { localeFor } from "../i18n/request-locale.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "scenario.report.index");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

/** Every case scenario of every course, each linking to its decision report. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "read:progress");
  const locale = localeFor(request, user);
  const courses = [...context.content.courses.values()]
    .filter((c) => c.scenarios.size > 0)
    .map((c) => ({
      id: c.id,
      title: pick(c.title, locale),
      scenarios: [...c.scenarios.keys()].map((id) => ({ id, title: pick(c.items.get(id)?.title ?? {}, locale) || id })),
    }));
  return json({ courses });
}

export default function ScenarioReports() {
  const { t } = useTranslation();
  const { courses } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <ReportNav />
      <h1>{t("scenario.report.index")}</h1>
      <p className="lead">{t("scenario.report.indexLead")}</p>
      {courses.length === 0 ? (
        <p className="empty">{t("scenario.report.noScenarios")}</p>
      ) : (
        courses.map((c) => (
          <section key={c.id} aria-labelledby={`course-${c.id}`}>
            <h2 id={`course-${c.id}`}>{c.title}</h2>
            <ul>
              {c.scenarios.map((s) => (
                <li key={s.id}>
                  <Link to={`/coordinate/scenarios/${c.id}/${s.id}`}>{s.title}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
