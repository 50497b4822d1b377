import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "../../auth/guards.server";
import { CsrfField } from "../../components/csrf-field";
import { LockReasons } from "../../components/lock-reasons";
import { courseView } from "../../content/course-view.server";
import { pick } from "../../content/model";
import { completionCourse, progressCourse } from "../../content/progress-course";
import { localeFor } from "../../i18n/request-locale.server";
import { itemStatus, summarize } from "../../machines/course-progress";
import { visibleCourse } from "../../models/catalog.server";
import { factsFor, progressSnapshot, recordCompletion, recordView, withView } from "../../models/progress.server";
import { DiscussionPanel } from "./discussion-panel";
import { discussionItemData } from "./discussion.server";
import { QuizPanel } from "./quiz-panel";
import { quizAction, quizPageData } from "./quiz.server";
import { ScenarioPanel } from "./scenario-panel";
import { scenarioAction, scenarioPageData } from "./scenario.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.item.title} · ${data.courseTitle} · Sendero` : "Sendero" }];

async function findItem(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { request, params, context } = args;
  const user = await requirePermission(context, request, "learn");
  const found = await visibleCourse(context.db, context.content, user.id, params.courseId ?? "");
  const item = found?.course.items.get(params.itemId ?? "");
  if (!found || !item) throw notFound();
  return { user, course: found.course, item };
}

export async function loader(args: LoaderFunctionArgs) {
  const { request, context } = args;
  const { user, course, item } = await findItem(args);
  const locale = localeFor(request, user);
  let snapshot = progressSnapshot(progressCourse(course), await factsFor(context.db, user.id, course.id));
  const before = itemStatus(snapshot.context, item.id).state;
  if (before === "available" || before === "in-progress") {
    // Opening an item is itself a learning event (it also starts the coarse time count).
    await recordView(context.db, user.id, course.id, item.id, item.kind);
    snapshot = withView(snapshot, item.id);
  }
  const view = courseView(course, snapshot.context, locale);
  const moduleView = view.modules.find((m) => m.id === item.moduleId)!;
  const itemView = moduleView.items.find((i) => i.id === item.id)!;
  const locked = itemView.state === "locked";
  const order = [...course.items.values()];
  const index = order.findIndex((i) => i.id === item.id);
  const neighbour = (i: number) => {
    const other = order[i];
    return other ? { id: other.id, title: pick(other.title, locale) } : null;
  };
  // The lesson in the person's language, else in Spanish (then marked with its own language).
  const lessonLocale = course.lessons.has(`${item.id}.${locale}`) ? locale : "es";
  const lesson = item.kind === "lesson" && !locked ? course.lessons.get(`${item.id}.${lessonLocale}`) ?? null : null;
  return json({
    courseId: course.id,
    courseTitle: view.title,
    item: { ...itemView, moduleTitle: moduleView.title, locks: [...moduleView.locks, ...itemView.reasons] },
    lesson: lesson && { html: lesson.html, sources: lesson.sources, minutes: lesson.minutes, locale: lessonLocale, fallback: lessonLocale !== locale },
    quiz: item.kind === "quiz" && !locked ? await quizPageData(context, user.id, course, item, locale) : null,
    scenario: item.kind === "scenario" && !locked ? await scenarioPageData(context, user.id, course, item, locale) : null,
    locale,
    discussion: item.kind === "discussion" && !locked ? await discussionItemData(context.db, user.id, course, item, locale) : null,
    previous: neighbour(index - 1),
    next: neighbour(index + 1),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { context, request } = args;
  const { user, course, item } = await findItem(args);
  const here = `/learn/${course.id}/${item.id}`;
  // A locked item takes no step, whatever a crafted form says (the page shows no form for it).
  const snapshot = progressSnapshot(progressCourse(course), await factsFor(context.db, user.id, course.id));
  if (itemStatus(snapshot.context, item.id).state === "locked") return json({ error: "lesson.lockedNotSaved", values: {} }, { status: 409 });
  if (item.kind === "quiz") {
    const result = await quizAction(context, user.id, course, item, await request.formData());
    if (result.kind === "invalid") return json({ error: result.error, values: result.values }, { status: 400 });
    return redirect(result.kind === "stale" ? `${here}?stale=1` : here);
  }
  if (item.kind === "scenario") {
    const result = await scenarioAction(context, user.id, course, item, await request.formData());
    if (result.kind === "invalid") return json({ error: result.error, values: {} }, { status: 400 });
    return redirect(result.kind === "stale" ? `${here}?stale=1` : here);
  }
  // A discussion item is done by posting in its thread, never by this button.
  if (item.kind === "discussion") return json({ error: "dialogue.discussion.doneByPosting", values: {} }, { status: 409 });
  // Quizzes and scenarios are completed by doing them, never by a bare POST.
  if (item.kind !== "lesson") return json({ error: "scenario.notByButton", values: {} }, { status: 400 });
  const progress = completionCourse(course);
  const result = await recordCompletion(context.db, user.id, progress, item.id, item.kind);
  if (!result.ok) return json({ error: "lesson.lockedNotSaved", values: {} }, { status: 409 });
  const after = summarize(progressSnapshot(progress, await factsFor(context.db, user.id, course.id)).context);
  if (after.status === "completed" && result.newlyCompleted && result.courseCompleted) return redirect(`/learn/${course.id}?completed=1`);
  return redirect(after.nextItemId ? `/learn/${course.id}/${after.nextItemId}` : `/learn/${course.id}`);
}

export default function ItemPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const { item, lesson, quiz, scenario } = data;
  return (
    <div className="page lesson-page">
      <p className="breadcrumbs">
        <Link to="/learn">{t("learn.title")}</Link> › <Link to={`/learn/${data.courseId}`}>{data.courseTitle}</Link> › <span>{item.moduleTitle}</span>
      </p>
      <h1>{item.title}</h1>
      <p className="course-meta">
        {t(`course.kind.${item.kind}`)} · {t("course.minutes", { count: item.minutes })} · {t(`course.state.${item.state}`)}
      </p>
      {actionData?.error && !quiz && !scenario ? (
        <p className="alert" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      {item.state === "locked" ? (
        <div className="notice">
          <p>{t("lesson.locked")}</p>
          <LockReasons reasons={item.locks} />
          <p>
            <Link to={`/learn/${data.courseId}`}>{t("lesson.backToCourse")}</Link>
          </p>
        </div>
      ) : quiz ? (
        <QuizPanel
          view={quiz.view}
          version={quiz.version}
          token={quiz.token}
          now={quiz.now}
          error={actionData?.error ?? null}
          values={actionData?.values ?? {}}
          stale={params.has("stale")}
        />
      ) : scenario ? (
        <ScenarioPanel
          view={scenario.view}
          version={scenario.version}
          locale={data.locale}
          error={actionData?.error ?? null}
          stale={params.has("stale")}
          itemDone={item.state === "done"}
        />
      ) : data.discussion ? (
        <DiscussionPanel discussion={data.discussion} done={item.state === "done"} />
      ) : lesson ? (
        <>
          {lesson.fallback ? <p className="notice">{t("lesson.shownInSpanish")}</p> : null}
          <article className="lesson-body" lang={lesson.locale} dangerouslySetInnerHTML={{ __html: lesson.html }} />
          <section className="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t("lesson.sources")}</h2>
            <ul>
              {lesson.sources.map((s) => (
                <li key={s} lang={lesson.locale}>
                  {s}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <p className="empty">{t("lesson.activitySoon")}</p>
      )}
      {item.state !== "locked" ? (
        item.state === "done" && !scenario ? (
          <p className="notice" role="status">
            {t("lesson.alreadyDone")}
          </p>
        ) : lesson ? (
          <Form method="post" className="complete-form">
            <CsrfField />
            <button type="submit" className="button-primary" disabled={busy}>
              {data.next ? t("lesson.doneNext") : t("lesson.doneFinish")}
            </button>
          </Form>
        ) : null
      ) : null}
      <nav className="prev-next" aria-label={t("lesson.navigation")}>
        {data.previous ? (
          <Link to={`/learn/${data.courseId}/${data.previous.id}`} rel="prev">
            ← {data.previous.title}
          </Link>
        ) : (
          <span />
        )}
        {data.next ? (
          <Link to={`/learn/${data.courseId}/${data.next.id}`} rel="next">
            {data.next.title} →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
