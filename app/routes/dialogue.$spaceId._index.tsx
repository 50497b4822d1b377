import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { notFound, requireUser } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { SpaceSettings } from "../components/dialogue/space-settings";
import { DateText } from "../components/date-text";
import { Field, TextareaField } from "../components/field";
import { Pagination } from "../components/pagination";
import { findSpace, listThreads, mutedUntil } from "../models/dialogue/spaces.server";
import { viewerOf } from "../models/dialogue/access.server";
import { BODY_MAX, TITLE_MAX } from "../dialogue/limits";
import { updateSpaceSettings } from "../models/dialogue/moderation.server";
import { createThread } from "../models/dialogue/posting.server";
import { parseForm } from "../utils/forms.server";
import { writeRefusal } from "../utils/refusals";
import { isUuid } from "../utils/ids";
import { pageFrom } from "../utils/pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.space.title} · Sendero` : "Sendero" }];

const THREADS_PER_PAGE = 20;

async function space(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { request, context, params } = args;
  const user = await requireUser(context, request);
  const viewer = viewerOf(user);
  const spaceId = params.spaceId ?? "";
  const found = isUuid(spaceId) ? await findSpace(context.db, viewer, spaceId) : undefined;
  if (!found) throw notFound();
  return { viewer, space: found };
}

export async function loader(args: LoaderFunctionArgs) {
  const { viewer, space: found } = await space(args);
  const page = pageFrom(new URL(args.request.url), THREADS_PER_PAGE);
  const threads = await listThreads(args.context.db, viewer, found, page);
  const muted = await mutedUntil(args.context.db, found.id, viewer.id);
  return json({
    space: { id: found.id, kind: found.kind, title: found.title, canModerate: found.can_moderate, editWindowMinutes: found.edit_window_minutes, holdFirstPosts: found.hold_first_posts },
    ...threads,
    page: page.page,
    mutedUntil: muted ? muted.toISOString() : null,
  });
}

const whole = (min: number, max: number) => z.coerce.number({ error: "form.invalid" }).int("form.invalid").min(min, "form.invalid").max(max, "form.invalid");
const schema = () => z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    title: z.string({ error: "form.required" }).trim().min(1, "form.required").max(TITLE_MAX, "dialogue.errors.titleTooLong"),
    body: z.string({ error: "form.required" }).trim().min(1, "form.required").max(BODY_MAX, "dialogue.errors.bodyTooLong"),
  }),
  z.object({ intent: z.literal("settings"), editWindowMinutes: whole(0, 1440), holdFirstPosts: whole(0, 20) }),
]);

type Failed = { errors: Record<string, string>; values: Record<string, string>; until?: string };

export async function action(args: ActionFunctionArgs) {
  const { viewer, space: found } = await space(args);
  const { context, request } = args;
  const form = await parseForm(request, schema());
  if (!form.ok) return json<Failed>({ errors: form.errors, values: form.values }, { status: 400 });
  const data = form.data;
  if (data.intent === "settings") {
    if (!found.can_moderate) throw new Response("Forbidden", { status: 403 });
    await updateSpaceSettings(context.db, { viewer, requestId: context.requestId }, { spaceId: found.id, editWindowMinutes: data.editWindowMinutes, holdFirstPosts: data.holdFirstPosts });
    return redirect(`/dialogue/${found.id}?saved=1`);
  }
  const result = await createThread(context.db, viewer, found, data, { postsPerMinute: context.config.dialoguePostsPerMinute });
  if (!result.ok) {
    const refusal = writeRefusal(result.code);
    return json<Failed>({ errors: { form: refusal.message }, values: data, ...(result.until ? { until: result.until } : {}) }, { status: refusal.status });
  }
  return redirect(`/dialogue/${found.id}/${result.threadId}#post-${result.postId}`);
}

export default function SpacePage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<Failed>();
  const { space: s } = data;
  const title = s.kind === "general" ? t("dialogue.space.general", { name: s.title }) : s.title;
  const error = (field: string) => (failed?.values.intent !== "settings" && failed?.errors[field] ? t(failed.errors[field]!) : undefined);
  const saved = useSearchParams()[0].has("saved");
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/dialogue">{t("dialogue.title")}</Link>
      </p>
      <h1 dir="auto" className="dialogue-title">{title}</h1>
      {s.canModerate ? <SpaceSettings space={s} failed={failed} saved={saved} /> : null}
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">{t("dialogue.space.threadsHeading")}</h2>
        {data.rows.length === 0 ? (
          <p className="empty">{t("dialogue.space.noThreads")}</p>
        ) : (
          <ul className="thread-list">
            {data.rows.map((th) => (
              <li key={th.id}>
                <Link to={`/dialogue/${s.id}/${th.id}`} dir="auto">
                  {th.title}
                </Link>
                {th.pinned ? <span className="tag">{t("dialogue.thread.pinned")}</span> : null}
                {th.locked ? <span className="tag tag-warning">{t("dialogue.thread.locked")}</span> : null}
                {th.unread > 0 ? <span className="tag tag-new">{t("dialogue.space.unread", { count: th.unread })}</span> : null}
                <p className="hint">
                  <span dir="auto">{th.author_name ?? t("dialogue.post.removedParticipant")}</span> · {t("dialogue.space.posts", { count: th.posts })} · <DateText value={th.last_post_at} withTime />
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={data.page} pageSize={THREADS_PER_PAGE} total={data.total} />
      </section>
      <section aria-labelledby="new-thread-heading">
        <h2 id="new-thread-heading">{t("dialogue.thread.new")}</h2>
        {data.mutedUntil ? (
          <p className="notice">
            {t("dialogue.errors.muted", { until: "" })} <DateText value={data.mutedUntil} withTime />
          </p>
        ) : (
          <Form method="post" className="post-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="create" />
            {failed?.errors.form ? (
              <p className="alert" role="alert">
                {t(failed.errors.form, { until: failed.until ? new Date(failed.until).toUTCString() : "" })}
              </p>
            ) : null}
            <Field id="thread-title" name="title" label={t("dialogue.thread.titleLabel")} dir="auto" maxLength={TITLE_MAX} required defaultValue={failed?.values.title ?? ""} error={error("title")} />
            <TextareaField id="thread-body" name="body" label={t("dialogue.thread.bodyLabel")} hint={t("dialogue.writingHint")} rows={6} maxLength={BODY_MAX} required defaultValue={failed?.values.body ?? ""} error={error("body")} />
            <button type="submit" className="button-primary">
              {t("dialogue.thread.create")}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
