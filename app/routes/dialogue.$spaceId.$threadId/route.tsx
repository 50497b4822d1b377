import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireUser } from "../../auth/guards.server";
import { localeFor } from "../../i18n/request-locale.server";
import { CsrfField } from "../../components/csrf-field";
import { DateText } from "../../components/date-text";
import { TextareaField } from "../../components/field";
import { IntentButton } from "../../components/intent-button";
import { Pagination } from "../../components/pagination";
import { findThread, POSTS_PER_PAGE } from "../../models/dialogue/spaces.server";
import { viewerOf } from "../../models/dialogue/access.server";
import { isUuid } from "../../utils/ids";
import { pageFrom } from "../../utils/pagination";
import { BODY_MAX } from "../../dialogue/limits";
import { threadAction, type ThreadActionData } from "./actions.server";
import { threadPageData } from "./page-data.server";
import { PostItem, type OpenForm } from "./post-item";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.thread.title} · Sendero` : "Sendero" }];

async function thread(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { request, context, params } = args;
  const user = await requireUser(context, request);
  const viewer = viewerOf(user);
  const threadId = params.threadId ?? "";
  const found = isUuid(threadId) ? await findThread(context.db, viewer, threadId) : undefined;
  if (!found || found.space_id !== params.spaceId) throw notFound();
  return { viewer, thread: found };
}

export async function loader(args: LoaderFunctionArgs) {
  const { viewer, thread: found } = await thread(args);
  const user = await requireUser(args.context, args.request);
  return json(await threadPageData(args.context, viewer, found, pageFrom(new URL(args.request.url), POSTS_PER_PAGE), localeFor(args.request, user)));
}

export async function action(args: ActionFunctionArgs) {
  const { viewer, thread: found } = await thread(args);
  return threadAction(args.context, args.request, viewer, found);
}

const OPENERS = ["reply", "edit", "delete", "report", "hide", "mute"] as const;

export default function ThreadPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<ThreadActionData>();
  const [params] = useSearchParams();
  const { thread } = data;
  const muted = data.mutedUntil !== null;
  const canWrite = !muted && (!thread.locked || thread.canModerate);

  // The open form: the one that failed, else the one the address asks for.
  let open: OpenForm = { intent: null, target: null };
  const failedIntent = failed?.values.intent;
  if (failed && (OPENERS as readonly string[]).includes(failedIntent ?? "")) {
    open = { intent: failedIntent as OpenForm["intent"], target: failed.values.postId || failed.values.parentId || failed.values.personId || null };
  } else {
    for (const intent of OPENERS) if (params.get(intent)) open = { intent, target: params.get(intent) };
  }
  const linkTo = (extra: Record<string, string>) => {
    const next = new URLSearchParams();
    if (params.get("page")) next.set("page", params.get("page")!);
    for (const [k, v] of Object.entries(extra)) next.set(k, v);
    const search = next.toString();
    return search ? `?${search}` : "?";
  };
  const formError = failed?.errors.form ? t(failed.errors.form, { until: failed.until ? new Date(failed.until).toUTCString() : "" }) : null;
  const tops = data.posts.filter((p) => p.parentId === null);
  const repliesTo = (id: string) => data.posts.filter((p) => p.parentId === id);
  const replyFailed = failedIntent === "reply" ? failed : undefined;
  const replyForm = (parentId: string | null) => (
    <Form method="post" className="post-form" id={parentId ? `reply-${parentId}` : "reply"} preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value="reply" />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <TextareaField
        required
        rows={5}
        id={parentId ? `reply-body-${parentId}` : "reply-body"}
        name="body"
        label={parentId ? t("dialogue.post.replyLabel") : t("dialogue.thread.replyLabel")}
        defaultValue={replyFailed && (replyFailed.values.parentId ?? "") === (parentId ?? "") ? (replyFailed.values.body ?? "") : ""}
        error={replyFailed && (replyFailed.values.parentId ?? "") === (parentId ?? "") && replyFailed.errors.body ? t(replyFailed.errors.body) : undefined}
        maxLength={BODY_MAX}
      />
      <p className="hint">{t("dialogue.writingHint")}</p>
      <button type="submit" className="button-primary">
        {t("dialogue.post.publish")}
      </button>
    </Form>
  );

  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/dialogue">{t("dialogue.title")}</Link> ›{" "}
        <Link to={`/dialogue/${thread.spaceId}`} dir="auto">
          {thread.spaceKind === "general" ? t("dialogue.space.general", { name: thread.spaceTitle }) : (data.discussion?.title ?? thread.spaceTitle)}
        </Link>
      </p>
      <h1 dir="auto" className="dialogue-title">{thread.title}</h1>
      {data.discussion ? (
        <div className="notice">
          <p dir="auto">{data.discussion.prompt}</p>
          <p>
            <Link to={`/learn/${data.discussion.courseId}/${data.discussion.itemId}`}>{t("dialogue.discussion.backToCourse")}</Link>
          </p>
        </div>
      ) : null}
      <p className="thread-flags">
        {thread.pinned ? <span className="tag">{t("dialogue.thread.pinned")}</span> : null}
        {thread.locked ? <span className="tag tag-warning">{t("dialogue.thread.locked")}</span> : null}
      </p>
      {formError ? (
        <p className="alert" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="thread-tools">
        <IntentButton intent={data.following ? "unfollow" : "follow"} className="button-secondary" preventScrollReset>
          {data.following ? t("dialogue.thread.unfollow") : t("dialogue.thread.follow")}
        </IntentButton>
        {thread.canModerate ? (
          <>
            {(["pin", "lock"] as const).map((kind) => {
              const on = kind === "pin" ? thread.pinned : thread.locked;
              const intent = on ? `un${kind}` : kind;
              return (
                <IntentButton key={kind} intent={intent} className="button-secondary" preventScrollReset>
                  {t(`dialogue.moderate.${intent}`)}
                </IntentButton>
              );
            })}
            <Link to={`/dialogue/${thread.spaceId}/history`}>{t("dialogue.history.link")}</Link>
          </>
        ) : null}
      </div>

      <section aria-label={t("dialogue.thread.postsLabel")}>
        <ol className="posts">
          {tops.map((post) => (
            <li key={post.id}>
              <PostItem post={post} threadTitle={thread.title} canModerate={thread.canModerate} canWrite={canWrite} open={open} failed={failed} linkTo={linkTo} />
              {repliesTo(post.id).length > 0 ? (
                <ol className="replies" aria-label={t("dialogue.post.repliesTo", { name: post.authorName ?? t("dialogue.post.removedParticipant") })}>
                  {repliesTo(post.id).map((reply) => (
                    <li key={reply.id}>
                      <PostItem post={reply} threadTitle={thread.title} canModerate={thread.canModerate} canWrite={canWrite} open={open} failed={failed} linkTo={linkTo} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {canWrite && open.intent === "reply" && open.target === post.id ? replyForm(post.id) : null}
            </li>
          ))}
        </ol>
      </section>
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />

      <section aria-labelledby="reply-heading" className="reply-section">
        <h2 id="reply-heading">{t("dialogue.thread.replyHeading")}</h2>
        {muted ? (
          <p className="notice">
            {t("dialogue.errors.muted", { until: "" })} <DateText value={data.mutedUntil} withTime />
          </p>
        ) : thread.locked && !thread.canModerate ? (
          <p className="notice">{t("dialogue.errors.locked")}</p>
        ) : (
          replyForm(null)
        )}
      </section>
    </div>
  );
}
