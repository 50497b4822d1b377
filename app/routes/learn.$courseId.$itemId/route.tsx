import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ItemArgs } from "../../activities/activity.server";
import { ACTIVITIES, type ActivityPages } from "../../activities/index.server";
import { ActivityPanel } from "../../activities/panels";
import { notFound, requirePermission } from "../../auth/guards.server";
import { LockReasons } from "../../components/lock-reasons";
import { PageStrings } from "../../components/page-strings";
import { courseView } from "../../content/course-view.server";
import { pick } from "../../content/model";
import { progressCourse } from "../../content/progress-course";
import { localeFor } from "../../i18n/request-locale.server";
import { kindTranslations } from "../../i18n/translations.server";
import { itemStatus } from "../../machines/course-progress";
import { visibleCourse } from "../../models/catalog.server";
import { offlineLessonToken } from "../../models/learning/offline-completion.server";
import { recordView } from "../../models/learning/record.server";
import { factsFor, progressSnapshot, withView } from "../../models/progress.server";
import { isOfflineSave } from "../../utils/offline-save";

// Every kind of course item has this one page: the guard finds the item and the person's
// progress, then the item's activity (app/activities/) gives the page data or takes the step.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.item.title} · ${data.courseTitle} · Sendero` : "Sendero" }];

// A step the service worker could not send (no connection; app/offline/sw/) leaves the page as
// it is: reloading its data would fail too, and would take away what the person typed.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { notSent?: boolean } | undefined)?.notSent ? false : defaultShouldRevalidate;

// The frame's headers, and the loader's Cache-Control when it sets one (a page saved for offline).
export const headers: HeadersFunction = ({ parentHeaders, loaderHeaders }) => {
  const headers = new Headers(parentHeaders);
  const cacheControl = loaderHeaders.get("Cache-Control");
  if (cacheControl) headers.set("Cache-Control", cacheControl);
  return headers;
};

/** Signed in, the course visible to the person, the item in it: the activity's arguments. */
async function guard(args: LoaderFunctionArgs | ActionFunctionArgs): Promise<ItemArgs> {
  const { request, params, context } = args;
  const user = await requirePermission(context, request, "learn");
  const found = await visibleCourse(context.db, context.content, user.id, params.courseId ?? "");
  const item = found?.course.items.get(params.itemId ?? "");
  if (!found || !item) throw notFound();
  const progress = progressSnapshot(progressCourse(found.course), await factsFor(context.db, user.id, found.course.id));
  return { context, personId: user.id, course: found.course, item, locale: localeFor(request, user), lowData: user.lowData, timeZone: user.timeZone, progress };
}

export async function loader(args: LoaderFunctionArgs) {
  const found = await guard(args);
  const { context, personId, course, item, locale } = found;
  // A lesson saved for reading offline is not opened by saving it (app/utils/offline-save.ts).
  const saving = item.kind === "lesson" && isOfflineSave(args.request);
  let progress = found.progress;
  const before = itemStatus(progress.context, item.id).state;
  if (!saving && (before === "available" || before === "in-progress")) {
    // Opening an item is itself a learning event (it also starts the coarse time count).
    await recordView(context.db, personId, course.id, item.id, item.kind);
    progress = withView(progress, item.id);
  }
  const view = courseView(course, progress.context, locale);
  const moduleView = view.modules.find((m) => m.id === item.moduleId)!;
  const itemView = moduleView.items.find((i) => i.id === item.id)!;
  const order = [...course.items.values()];
  const index = order.findIndex((i) => i.id === item.id);
  const neighbour = (i: number) => {
    const other = order[i];
    return other ? { id: other.id, title: pick(other.title, locale) } : null;
  };
  const pages: ActivityPages = itemView.state === "locked" ? {} : { [item.kind]: await ACTIVITIES[item.kind].pageData({ ...found, progress }) };
  const next = neighbour(index + 1);
  const offline = saving
    ? { token: await offlineLessonToken(context.db, { personId, courseId: course.id, itemId: item.id }), next: next ? `/learn/${course.id}/${next.id}` : `/learn/${course.id}` }
    : null;
  const data = {
    courseId: course.id,
    courseTitle: view.title,
    item: { ...itemView, moduleTitle: moduleView.title, locks: [...moduleView.locks, ...itemView.reasons] },
    locale,
    // The strings of this item's kind (the root sends the learn area's without them).
    strings: kindTranslations(locale, item.kind),
    ...pages,
    previous: neighbour(index - 1),
    next,
    // Only on a saved page: a normal page's data is as it always was.
    ...(offline ? { offline } : {}),
  };
  // The device keeps the saved copy in its own store; no HTTP cache may keep this one (it is
  // the person's, with a one-time token) or hand it out for the normal page.
  return json(data, offline ? { headers: { "Cache-Control": "private, no-store" } } : undefined);
}

export async function action(args: ActionFunctionArgs) {
  const found = await guard(args);
  // A locked item takes no step, whatever a crafted form says (the page shows no form for it).
  if (itemStatus(found.progress.context, found.item.id).state === "locked") return json({ error: "lesson.lockedNotSaved", values: {} }, { status: 409 });
  const outcome = await ACTIVITIES[found.item.kind].act(found, await args.request.formData());
  if ("redirect" in outcome) return redirect(outcome.redirect);
  return json({ error: outcome.error, values: outcome.values }, { status: outcome.status });
}

export default function ItemPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <PageStrings name={data.item.kind} strings={data.strings}>
      <ItemContent />
    </PageStrings>
  );
}

function ItemContent() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { item } = data;
  return (
    <div className="page lesson-page">
      <p className="breadcrumbs">
        <Link to="/learn">{t("learn.title")}</Link> › <Link to={`/learn/${data.courseId}`}>{data.courseTitle}</Link> › <span>{item.moduleTitle}</span>
      </p>
      <h1>{item.title}</h1>
      <p className="course-meta">
        {t(`course.kind.${item.kind}`)} · {t("course.minutes", { count: item.minutes })} · {t(`course.state.${item.state}`)}
      </p>
      {item.state === "locked" ? (
        <>
          {actionData?.error ? (
            <p className="alert" role="alert">
              {t(actionData.error)}
            </p>
          ) : null}
          <div className="notice">
            <p>{t("lesson.locked")}</p>
            <LockReasons reasons={item.locks} />
            <p>
              <Link to={`/learn/${data.courseId}`}>{t("lesson.backToCourse")}</Link>
            </p>
          </div>
        </>
      ) : (
        <ActivityPanel
          kind={item.kind}
          page={data[item.kind]}
          done={item.state === "done"}
          hasNext={data.next !== null}
          locale={data.locale}
          error={actionData?.error ?? null}
          values={actionData?.values ?? {}}
          stale={params.has("stale")}
          offline={data.offline ?? null}
        />
      )}
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
