import type { DB } from "../../db/client";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { PeerReviewBoard } from "../components/teams/peer-review-board";
import { DateText } from "../components/date-text";
import { TextareaField } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { pick } from "../content/model";
import { completionCourse } from "../content/progress-course";
import { localeFor } from "../i18n/request-locale.server";
import { cohortCourseIds } from "../models/sessions/schedule.server";
import { giveFeedback, teamTaskBoard } from "../models/teams/feedback.server";
import { reopenSubmission } from "../models/teams/submission.server";
import { closeReviewWindow, openReviewRound, reviewRoundOf, reviewsOfRound } from "../models/teams/peer-review.server";
import { teamCohortInScope } from "../models/teams/teams.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitate.teamWork.title");

/** The cohort (in this person's scope), a course it was given and a group task of that course. */
async function findTask(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { context, request, params } = args;
  const user = await requirePermission(context, request, "manage:teams");
  const id = params.cohortId ?? "";
  const course = context.content.courses.get(params.courseId ?? "");
  const item = course?.items.get(params.itemId ?? "");
  const task = course?.groupTasks.get(params.itemId ?? "");
  if (!isUuid(id) || !course || !item || !task || item.kind !== "group-task") throw notFound();
  // A cohort out of scope, or not given the course, is answered as one that does not exist.
  const found = await teamCohortInScope(context.db, user.grants, id);
  if (!found || !(await cohortCourseIds(context.db, found.id)).includes(course.id)) throw notFound();
  return { user, cohort: { id: found.id, name: found.name, closed: found.closed_at !== null }, course, item, task };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, cohort, course, item, task } = await findTask(args);
  const locale = localeFor(args.request, user);
  return json({
    cohort,
    course: { id: course.id, title: pick(course.title, locale) },
    item: { id: item.id, title: pick(item.title, locale) },
    rubric: task.rubric.map((c) => ({ id: c.id, criterion: pick(c.criterion, locale), levels: c.levels.map((l) => ({ score: l.score, label: pick(l.label, locale) })) })),
    teams: await teamTaskBoard(args.context.db, cohort.id, course.id, item.id),
    peerReview: task.peerReview ? await loadPeerReview(args.context.db, cohort.id, course.id, item.id, task.peerReview) : null,
  });
}

/** The round of reviews between teams: its window, and each review handed out (the facilitator reads them at any time). */
async function loadPeerReview(db: DB, cohortId: string, courseId: string, itemId: string, settings: { reviewsPerTeam: number; windowDays: number }) {
  const round = await reviewRoundOf(db, cohortId, courseId, itemId);
  return {
    reviewsPerTeam: settings.reviewsPerTeam,
    windowDays: settings.windowDays,
    round: round && { closesAt: round.closesAt.toISOString(), closed: round.closed },
    reviews: round ? await reviewsOfRound(db, round.id) : [],
  };
}

type Failed = { error: string; submissionId: string; values: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const { user, cohort, course, item, task } = await findTask(args);
  // A closed cohort's work is kept as it was: nothing is assessed, reopened or handed out any more.
  if (cohort.closed) return json<Failed>({ error: "facilitate.teamWork.errors.closed", submissionId: "", values: {} }, { status: 409 });
  const form = await args.request.formData();
  const teamTask = { course: completionCourse(course), item: { id: item.id, kind: item.kind }, peerReview: task.peerReview !== null };
  const here = `/facilitate/teams/${cohort.id}/${course.id}/${item.id}`;
  const intent = form.get("intent");
  if ((intent === "openReviews" || intent === "closeReviews") && task.peerReview) {
    const { reviewsPerTeam, windowDays } = task.peerReview;
    const result = await args.context.db
      .transaction()
      .execute(async (trx): Promise<{ ok: true } | { ok: false; code: string }> =>
        intent === "openReviews" ? openReviewRound(trx, { ...teamTask, cohortId: cohort.id, reviewsPerTeam, windowDays }, user.id) : closeReviewWindow(trx, cohort.id, course.id, item.id),
      );
    if (!result.ok) return json<Failed>({ error: `facilitate.teamWork.peerReview.errors.${result.code}`, submissionId: "", values: {} }, { status: 409 });
    return redirect(`${here}?reviews=${intent === "openReviews" ? "opened" : "closed"}#peer-review`);
  }
  const submissionId = String(form.get("submission") ?? "");
  const version = String(form.get("version") ?? "");
  if (intent === "reopen") {
    if (!isUuid(submissionId) || !/^\d{1,9}$/.test(version)) return json<Failed>({ error: "facilitate.teamWork.errors.badForm", submissionId, values: {} }, { status: 400 });
    const reopened = await args.context.db.transaction().execute((trx) => reopenSubmission(trx, { cohortId: cohort.id, courseId: course.id, itemId: item.id }, submissionId, Number(version)));
    if (!reopened.ok) return json<Failed>({ error: `facilitate.teamWork.errors.${reopened.code}`, submissionId, values: {} }, { status: 409 });
    return redirect(`${here}?done=reopened#team-${submissionId}`);
  }
  const decision = intent;
  const values: Record<string, string> = { body: String(form.get("body") ?? "") };
  const scores: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key.startsWith("score.") && typeof value === "string") scores[key.slice("score.".length)] = value;
  }
  for (const [id, score] of Object.entries(scores)) values[`score.${id}`] = score;
  if (!isUuid(submissionId) || !/^\d{1,9}$/.test(version) || (decision !== "accepted" && decision !== "returned")) {
    return json<Failed>({ error: "facilitate.teamWork.errors.badForm", submissionId, values }, { status: 400 });
  }
  const given = await args.context.db.transaction().execute((trx) =>
    giveFeedback(trx, { ...teamTask, cohortId: cohort.id, rubric: task.rubric }, { submissionId, version: Number(version), scores, body: values.body!, decision, by: user.id }),
  );
  if (!given.ok) return json<Failed>({ error: `facilitate.teamWork.errors.${given.code}`, submissionId, values }, { status: given.code === "notSubmitted" || given.code === "stale" ? 409 : 400 });
  return redirect(`${here}?done=${decision === "accepted" && !given.done ? "awaiting" : decision}&completed=${given.completed}#team-${submissionId}`);
}

export default function TeamWorkPage() {
  const { t } = useTranslation();
  const { cohort, course, item, rubric, teams, peerReview } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const done = params.get("done");
  return (
    <div className="page wide">
      <p className="breadcrumbs">
        <Link to="/facilitate/teams">{t("facilitate.teams.title")}</Link> › <Link to={`/facilitate/teams/${cohort.id}`}>{t("facilitate.teams.cohortHeading", { cohort: cohort.name })}</Link>
      </p>
      <h1 dir="auto">{item.title}</h1>
      <p className="course-meta">
        <span dir="auto">{cohort.name}</span> · {course.title}
      </p>
      {cohort.closed ? <p className="notice">{t("facilitate.teamWork.closedCohort")}</p> : null}
      {failed?.error && !failed.submissionId && !peerReview ? (
        <p className="alert" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
      {done === "accepted" || done === "returned" || done === "awaiting" || done === "reopened" ? (
        <p className="notice" role="status">
          {t(`facilitate.teamWork.done.${done}`, { count: Number(params.get("completed") ?? 0) })}
        </p>
      ) : null}
      {params.get("reviews") === "opened" || params.get("reviews") === "closed" ? (
        <p className="notice" role="status">
          {t(`facilitate.teamWork.peerReview.${params.get("reviews")}`)}
        </p>
      ) : null}
      {teams.length === 0 ? (
        <p className="empty">
          {t("facilitate.teamWork.noTeams")} <Link to={`/facilitate/teams/${cohort.id}`}>{t("facilitate.teamWork.formTeams")}</Link>
        </p>
      ) : null}
      {teams.map((team) => {
        const s = team.submission;
        const mine = failed && s && failed.submissionId === s.id ? failed : null;
        return (
          <section key={team.teamId} id={s ? `team-${s.id}` : undefined} aria-labelledby={`team-heading-${team.teamId}`} className="team-work">
            <h2 id={`team-heading-${team.teamId}`} dir="auto">
              {t("facilitate.teamWork.teamHeading", { team: team.teamName, count: team.members })}
            </h2>
            <p className="notice">
              {!s ? t("facilitate.teamWork.status.none") : t(`facilitate.teamWork.status.${s.status}`, { version: s.version })}
              {s?.submittedAt && s.status !== "draft" ? (
                <>
                  {" · "}
                  <DateText value={s.submittedAt} withTime />
                </>
              ) : null}
              {team.latest ? ` · ${t(`facilitate.teamWork.latest.${team.latest.decision}`, { total: team.latest.total, max: team.latest.max, version: team.latest.version })}` : null}
            </p>
            {s && s.status !== "draft" ? <article className="lesson-body team-text" dangerouslySetInnerHTML={{ __html: s.html }} /> : null}
            {s?.status === "submitted" && !cohort.closed ? (
              <Form method="post" noValidate className="feedback-form">
                <CsrfField />
                <input type="hidden" name="submission" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                {mine ? (
                  <p className="alert" role="alert">
                    {t(mine.error)}
                  </p>
                ) : null}
                {rubric.map((c) => (
                  <fieldset key={c.id} className="rubric-score">
                    <legend dir="auto">{c.criterion}</legend>
                    {c.levels.map((l) => {
                      const id = `score-${s.id}-${c.id}-${l.score}`;
                      return (
                        <div className="radio" key={l.score}>
                          <input type="radio" id={id} name={`score.${c.id}`} value={l.score} defaultChecked={mine?.values[`score.${c.id}`] === String(l.score)} />
                          <label htmlFor={id}>{t("facilitate.teamWork.levelOption", { score: l.score, label: l.label })}</label>
                        </div>
                      );
                    })}
                  </fieldset>
                ))}
                <TextareaField name="body" id={`feedback-${s.id}`} label={t("facilitate.teamWork.feedbackLabel")} hint={t("facilitate.teamWork.feedbackHint")} defaultValue={mine?.values.body ?? ""} rows={6} />
                <div className="actions">
                  <button type="submit" name="intent" value="accepted" className="button-primary" disabled={busy}>
                    {t("facilitate.teamWork.accept")}
                  </button>
                  <button type="submit" name="intent" value="returned" className="button-secondary" disabled={busy}>
                    {t("facilitate.teamWork.return")}
                  </button>
                </div>
              </Form>
            ) : null}
            {s?.status === "submitted" && !cohort.closed ? (
              <div className="reopen">
                <p className="hint">{t("facilitate.teamWork.reopenHint")}</p>
                <IntentButton intent="reopen" fields={{ submission: s.id, version: String(s.version) }} className="button-secondary">
                  {t("facilitate.teamWork.reopen")}
                </IntentButton>
              </div>
            ) : null}
          </section>
        );
      })}
      {peerReview ? <PeerReviewBoard board={peerReview} readOnly={cohort.closed} error={failed && !failed.submissionId ? failed.error : null} /> : null}
    </div>
  );
}
