import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "../components/alert";
import { DataTable } from "../components/data-table";
import { ReportFilters } from "../components/report-filters";
import { ReportNav } from "../components/report-nav";
import { pick } from "../content/model";
import type { QuestionFile } from "../content/quiz-schema";
import type { Locale } from "../i18n/locales";
import { serverT } from "../i18n/translations.server";
import { itemAnalysis } from "../models/reports/items.server";
import { reportRequest } from "../reports/report-request.server";
import { filterSearch, optionsView } from "../reports/view.server";
import reportStyles from "../styles/report.css";
import { pageTitle } from "../utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "report.items.title");

/** What each countable answer is called: option texts, or true / false. */
function optionLabels(question: QuestionFile, locale: Locale, t: (key: string) => string): { id: string; label: string }[] {
  if (question.type === "single" || question.type === "multiple") return question.options.map((o) => ({ id: o.id, label: pick(o.text, locale) }));
  if (question.type === "true-false") return [{ id: "true", label: t("quiz.true") }, { id: "false", label: t("quiz.false") }];
  return [];
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, query, badDates, options, locale } = await reportRequest(context, request);
  const course = query.course ? context.content.courses.get(query.course) : undefined;
  const t = serverT(locale);
  const quizzes = course
    ? (await itemAnalysis(context.db, context.content, user.scopedGrants, query, course)).map((quiz) => {
        const file = course.quizzes.get(quiz.quizId)!;
        return {
          ...quiz,
          title: pick(course.items.get(quiz.quizId)?.title ?? {}, locale) || quiz.quizId,
          questions: quiz.questions.map((q) => {
            const question = file.questions.find((f) => f.id === q.questionId)!;
            return { ...q, prompt: pick(question.prompt, locale), optionCounts: optionLabels(question, locale, t).map((o) => ({ ...o, count: q.options[o.id] ?? 0 })) };
          }),
        };
      })
    : null;
  // Scenario decisions have their own page per scenario (per decision point, by country).
  const scenarios = course ? [...course.items.values()].filter((i) => i.kind === "scenario").map((i) => ({ id: i.id, title: pick(i.title, locale) || i.id })) : [];
  const scenarioSearch = query.country ? `?${new URLSearchParams({ country: query.country })}` : "";
  return json({ query, badDates, options: optionsView(options, context.content, locale), search: filterSearch(query), quizzes, courseId: course?.id ?? null, scenarios, scenarioSearch });
}

export default function ItemAnalysis() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <ReportNav search={data.search} />
      <h1>{t("report.items.title")}</h1>
      <p className="lead">{t("report.items.lead")}</p>
      <ReportFilters values={data.query} options={data.options} />
      <Alert>{data.badDates && t("report.filters.badDates")}</Alert>
      <p className="hint">{t("report.items.help")}</p>
      {data.quizzes === null ? <p className="empty">{t("report.items.chooseCourse")}</p> : null}
      {data.quizzes?.map((quiz) => (
        <section key={quiz.quizId} aria-labelledby={`quiz-${quiz.quizId}`}>
          <h2 id={`quiz-${quiz.quizId}`}>{quiz.title}</h2>
          <DataTable
            caption={t("report.items.quizCaption", { title: quiz.title })}
            empty={t("report.items.noData")}
            rows={quiz.questions}
            rowKey={(q) => q.questionId}
            columns={[
              { header: t("report.items.question"), rowHeader: true, cell: (q) => q.prompt },
              { header: t("report.items.answers"), cell: (q) => q.answers },
              { header: t("report.items.facility"), cell: (q) => q.facility.toFixed(2) },
              { header: t("report.items.discrimination"), cell: (q) => (q.discrimination === null ? "—" : q.discrimination.toFixed(2)) },
              {
                header: t("report.items.options"),
                cell: (q) =>
                  q.optionCounts.length ? (
                    <ul className="plain-list">
                      {q.optionCounts.map((o) => (
                        <li key={o.id}>
                          {o.label}: {o.count}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  ),
              },
              { header: t("report.items.flags"), cell: (q) => q.flags.map((f) => t(`report.items.flag.${f}`)).join("; ") || "—" },
            ]}
          />
        </section>
      ))}
      {data.scenarios.length ? (
        <section aria-labelledby="scenario-decisions">
          <h2 id="scenario-decisions">{t("report.items.scenariosTitle")}</h2>
          <p>{t("report.items.scenariosLead")}</p>
          <ul>
            {data.scenarios.map((s) => (
              <li key={s.id}>
                <Link to={`/coordinate/scenarios/${data.courseId}/${s.id}${data.scenarioSearch}`}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
