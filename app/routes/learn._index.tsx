import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { DateText } from "../components/date-text";
import { ProgressBar } from "../components/progress-bar";
import { pick } from "../content/model";
import { progressCourse } from "../content/progress-course";
import { localeFor } from "../i18n/request-locale.server";
import { summarize } from "../machines/course-progress";
import { coursesFor } from "../models/catalog.server";
import { cohortsOfPerson } from "../models/cohort.server";
import { factsByCourse, progressSnapshot } from "../models/progress.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "learn.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "learn");
  const locale = localeFor(request, user);
  const [visible, facts, cohorts] = await Promise.all([
    coursesFor(context.db, context.content, user.id),
    factsByCourse(context.db, user.id),
    cohortsOfPerson(context.db, user.id),
  ]);
  const courses = visible.map(({ course, dueOn }) => {
    const summary = summarize(progressSnapshot(progressCourse(course), facts.get(course.id) ?? { viewed: [], completed: [] }).context);
    return {
      id: course.id,
      title: pick(course.title, locale),
      summary: pick(course.summary, locale),
      minutes: course.minutes,
      dueOn,
      status: summary.status,
      percent: summary.percent,
      minutesLeft: summary.minutesLeft,
      nextItemId: summary.nextItemId,
    };
  });
  return json({ name: user.displayName, courses, cohorts });
}

export default function Learn() {
  const { t } = useTranslation();
  const { name, courses, cohorts } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>{t("learn.title")}</h1>
      {params.get("welcome") ? (
        <p className="notice" role="status" dir="auto">
          {t("learn.welcome", { name })}
        </p>
      ) : null}
      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">{t("learn.courses")}</h2>
        {courses.length === 0 ? (
          <p className="empty">{t("learn.noCourses")}</p>
        ) : (
          <ul className="course-list">
            {courses.map((c) => (
              <li key={c.id} className="card course-card">
                <h3>
                  <Link to={`/learn/${c.id}`}>{c.title}</Link>
                </h3>
                <p>{c.summary}</p>
                <ProgressBar percent={c.percent} label={t("course.progressOf", { title: c.title })} />
                <p className="course-meta">
                  {t(`course.status.${c.status}`)}
                  {c.status !== "completed" ? ` · ${t("course.minutesLeft", { count: c.minutesLeft })}` : null}
                  {c.dueOn ? (
                    <>
                      {" · "}
                      {t("course.due")} <DateText value={c.dueOn} />
                    </>
                  ) : null}
                </p>
                <p>
                  <Link
                    to={c.nextItemId ? `/learn/${c.id}/${c.nextItemId}` : `/learn/${c.id}`}
                    className={c.status === "completed" ? "button-secondary" : "button-primary"}
                    aria-label={`${t(`course.action.${c.status}`)}: ${c.title}`}
                  >
                    {t(`course.action.${c.status}`)}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">{t("learn.cohorts")}</h2>
        {cohorts.length === 0 ? (
          <p className="empty">{t("learn.noCohorts")}</p>
        ) : (
          <ul className="cards">
            {cohorts.map((c) => (
              <li key={c.id} className="card">
                <h3 dir="auto">{c.name}</h3>
                <p>
                  {t("cohort.dates")}: <DateText value={c.starts_on} /> – <DateText value={c.ends_on} />
                </p>
                <p>
                  {t("cohort.yourRole")}: {t(`roles.${c.role}`)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
