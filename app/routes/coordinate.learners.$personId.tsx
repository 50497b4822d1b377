import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "../auth/guards.server";
import { DataTable } from "../components/data-table";
import { CountryName } from "../components/country-name";
import { DateText } from "../components/date-text";
import { ModulePath, WhyNotComplete } from "../components/module-path";
import { ProgressBar } from "../components/progress-bar";
import { ReportNav } from "../components/report-nav";
import { localeFor } from "../i18n/request-locale.server";
import { learnerDetail } from "../models/reports/learner.server";
import { isUuid } from "../utils/ids";
import reportStyles from "../styles/report.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.display_name} · Sendero` : "Sendero" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "read:progress");
  const personId = params.personId ?? "";
  if (!isUuid(personId)) throw notFound();
  // Someone outside the coordinator's scope is answered exactly like someone who does not exist.
  const detail = await learnerDetail(context.db, context.content, user.scopedGrants, personId, localeFor(request, user));
  if (!detail) throw notFound();
  return json(detail);
}

export default function CoordinatorLearner() {
  const { t } = useTranslation();
  const { person, cohorts, courses, quizzes, timeline } = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <ReportNav />
      <p className="breadcrumbs">
        <Link to="/coordinate/learners">{t("report.learner.back")}</Link>
      </p>
      <h1 dir="auto">{person.display_name}</h1>
      <dl className="facts" aria-label={t("report.learner.facts")}>
        <dt>{t("report.learners.email")}</dt>
        <dd>{person.email}</dd>
        <dt>{t("report.learners.country")}</dt>
        <dd>
          <CountryName code={person.country_code} />
        </dd>
        <dt>{t("report.learners.institution")}</dt>
        <dd dir="auto">{person.institution ?? "—"}</dd>
        <dt>{t("report.learner.cohorts")}</dt>
        <dd dir="auto">{cohorts.map((c) => c.name).join(", ") || "—"}</dd>
      </dl>

      <h2>{t("report.learner.courses")}</h2>
      {courses.map((course) => (
        <section key={course.id} className="learner-course" aria-labelledby={`course-${course.id}`}>
          <h3 id={`course-${course.id}`}>{course.title}</h3>
          <ProgressBar percent={course.progress.percent} label={t("course.progressOf", { title: course.title })} />
          <p className="course-meta">
            {t(`course.status.${course.progress.status}`)} · {t("course.itemsDone", { done: course.progress.requiredDone, total: course.progress.requiredTotal })}
            {course.dueOn ? (
              <>
                {" "}
                · {t("report.learner.due")} <DateText value={course.dueOn} />
              </>
            ) : null}
          </p>
          {course.progress.status !== "completed" && course.remaining.length ? (
            <WhyNotComplete remaining={course.remaining} />
          ) : null}
          <ModulePath modules={course.modules} heading="h4" showMinutes={false} />
        </section>
      ))}

      <h2>{t("report.learner.quizzes")}</h2>
      {quizzes.length === 0 ? <p className="empty">{t("report.learner.noQuizzes")}</p> : null}
      {quizzes.map((quiz) => (
        <DataTable
          key={`${quiz.courseId}/${quiz.quizId}`}
          caption={
            <>
              {t("report.learner.quizzesCaption", { title: quiz.title })} · {quiz.courseTitle}
            </>
          }
          rows={quiz.attempts}
          rowKey={(a) => String(a.number)}
          columns={[
            { header: t("report.learner.attempt"), rowHeader: true, cell: (a) => a.number },
            { header: t("report.learner.score"), cell: (a) => t("report.learners.percent", { percent: a.percent }) },
            {
              header: t("report.learner.result"),
              cell: (a) => (
                <>
                  {t(a.passed ? "report.learner.passed" : "report.learner.failed")}
                  {a.timedOut ? ` (${t("report.learner.timedOut")})` : null}
                </>
              ),
            },
            { header: t("report.learner.finished"), cell: (a) => <DateText value={a.finishedAt} withTime /> },
          ]}
        />
      ))}

      <h2>{t("report.learner.timeline")}</h2>
      <DataTable
        caption={t("report.learner.timelineCaption")}
        empty={t("report.learner.noActivity")}
        rows={timeline}
        rowKey={(e) => String(e.id)}
        columns={[
          { header: t("report.learner.when"), cell: (e) => <DateText value={e.at} withTime /> },
          { header: t("report.learner.action"), cell: (e) => t(`report.learner.verb.${e.verb}`, { defaultValue: e.verb }) },
          { header: t("report.learner.what"), auto: true, cell: (e) => e.what },
          { header: t("report.learner.score"), cell: (e) => (e.score === null ? "—" : t("report.learners.percent", { percent: e.score })) },
        ]}
      />
    </div>
  );
}
