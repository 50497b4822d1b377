import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "../auth/guards.server";
import { ProgressBar } from "../components/progress-bar";
import { ModulePath, WhyNotComplete } from "../components/module-path";
import { courseView } from "../content/course-view.server";
import { contentVersion } from "../content/offline-course.server";
import { progressCourse } from "../content/progress-course";
import { localeFor } from "../i18n/request-locale.server";
import { visibleCourse } from "../models/catalog.server";
import { certificateFor } from "../models/certificate.server";
import { factsFor, progressSnapshot } from "../models/progress.server";
import { CertificateLinks } from "../components/certificate-links";
import { LiveSessions } from "../components/live-sessions";
import { OfflineSave } from "../components/offline-save";
import { pick } from "../content/model";
import { courseSchedulesOfLearner } from "../models/sessions/schedule.server";
import { defaultZoneFor, formatInZone } from "../sessions/time-zone";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.course.title} · Sendero` : "Sendero" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "learn");
  const found = await visibleCourse(context.db, context.content, user.id, params.courseId ?? "");
  if (!found) throw notFound();
  const snapshot = progressSnapshot(progressCourse(found.course), await factsFor(context.db, user.id, found.course.id));
  const certificate = found.course.certificate ? await certificateFor(context.db, user.id, found.course.id) : null;
  const locale = localeFor(request, user);
  const schedules = found.course.sessions.size ? await courseSchedulesOfLearner(context.db, user.id, found.course.id) : [];
  // Each live session in the person's own time zone (their choice, else their cohort's country's).
  const liveSessions = schedules.flatMap((s) => {
    const item = found.course.items.get(s.item_id);
    if (!item) return [];
    const zone = user.timeZone ?? defaultZoneFor(s.country_code ?? user.countryCode);
    return [{ itemId: item.id, title: pick(item.title, locale), ...formatInZone(s.starts_at, zone, locale), past: s.starts_at.getTime() + s.minutes * 60_000 < Date.now() }];
  });
  return json({
    liveSessions,
    course: courseView(found.course, snapshot.context, locale),
    // A copy of the course saved on the device with another version is out of date.
    offlineVersion: contentVersion(found.course),
    certificate: certificate && { code: certificate.code, issuedAt: certificate.issued_at.toISOString(), revoked: certificate.revoked_at !== null },
  });
}

export default function CoursePage() {
  const { t } = useTranslation();
  const { course, certificate, liveSessions, offlineVersion } = useLoaderData<typeof loader>();
  const { progress } = course;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/learn">{t("learn.title")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      <ProgressBar percent={progress.percent} label={t("course.progressOf", { title: course.title })} />
      <p className="course-meta">
        {t(`course.status.${progress.status}`)} · {t("course.itemsDone", { done: progress.requiredDone, total: progress.requiredTotal })}
        {progress.status !== "completed" ? ` · ${t("course.minutesLeft", { count: progress.minutesLeft })}` : null}
      </p>
      {progress.nextItemId ? (
        <p>
          <Link to={`/learn/${course.id}/${progress.nextItemId}`} className="button-primary">
            {t(`course.action.${progress.status}`)}: {course.nextTitle}
          </Link>
        </p>
      ) : null}
      {progress.status === "completed" ? (
        <p className="notice" role="status">
          {course.certificate ? t("course.completedCertificate") : t("course.completed")}
        </p>
      ) : progress.status === "in-progress" ? (
        <WhyNotComplete remaining={course.remaining} />
      ) : null}
      {certificate ? (
        <section aria-labelledby="certificate-heading" className="certificate">
          <h2 id="certificate-heading">{t("certificate.mine.title")}</h2>
          <CertificateLinks certificate={certificate} />
        </section>
      ) : null}
      <LiveSessions sessions={liveSessions} itemHref={(itemId) => `/learn/${course.id}/${itemId}`} />
      <ModulePath modules={course.modules} heading="h2" itemHref={(itemId) => `/learn/${course.id}/${itemId}`} showMinutes />
      <OfflineSave courseId={course.id} contentVersion={offlineVersion} />
    </div>
  );
}
