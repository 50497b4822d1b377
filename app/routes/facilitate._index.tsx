import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { Alert } from "../components/alert";
import { CsrfField } from "../components/csrf-field";
import { TextareaField } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { DateText } from "../components/date-text";
import { PostBody } from "../components/dialogue/post-body";
import { REASON_MAX } from "../dialogue/limits";
import { cohortsOfPerson } from "../models/cohort.server";
import type { StoredHits } from "../models/dialogue/spaces.server";
import { viewerOf } from "../models/dialogue/access.server";
import { moderatePost, moderationQueue } from "../models/dialogue/moderation.server";
import { parseForm } from "../utils/forms.server";
import { moderationRefusal } from "../utils/refusals";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitate.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "moderate:dialogue");
  const cohorts = (await cohortsOfPerson(context.db, user.id)).filter((c) => c.role === "facilitator");
  const queue = await moderationQueue(context.db, viewerOf(user));
  return json({
    cohorts,
    queue: queue.map((item) => ({
      ...item,
      // The facilitator sees which kinds of personal data were found, not a second copy of them.
      foundKinds: [...new Set(((item.safeguarding_hits as StoredHits | null)?.body ?? []).concat((item.safeguarding_hits as StoredHits | null)?.title ?? []).map((h) => h.kind))],
    })),
  });
}

const schema = () => {
  const postId = z.string({ error: "form.invalid" }).refine(isUuid, "form.invalid");
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("approve"), postId, version: z.coerce.number({ error: "form.invalid" }).int("form.invalid").min(1, "form.invalid").max(1_000_000, "form.invalid") }),
    z.object({ intent: z.literal("hide"), postId, reason: z.string({ error: "form.required" }).trim().min(1, "form.required").max(REASON_MAX, "form.tooLong") }),
    z.object({ intent: z.literal("dismiss"), postId }),
  ]);
};

type Failed = { errors: Record<string, string>; values: Record<string, string> };

// Decisions from the queue: the same moderation events as on the thread page.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "moderate:dialogue");
  const form = await parseForm(request, schema());
  if (!form.ok) return json<Failed>({ errors: form.errors, values: form.values }, { status: 400 });
  const data = form.data;
  const result = await moderatePost(context.db, context.content, { viewer: viewerOf(user), requestId: context.requestId }, {
    postId: data.postId,
    action: data.intent,
    reason: data.intent === "hide" ? data.reason : null,
    version: data.intent === "approve" ? data.version : null,
  });
  if (!result.ok) {
    const refusal = moderationRefusal(result.code);
    if (refusal.status === 404) throw new Response("Not Found", { status: 404 });
    return json<Failed>({ errors: { form: refusal.message }, values: {} }, { status: refusal.status });
  }
  return redirect(`/facilitate?done=${data.intent}`);
}

export default function Facilitate() {
  const { t } = useTranslation();
  const { cohorts, queue } = useLoaderData<typeof loader>();
  const failed = useActionData<Failed>();
  const [params] = useSearchParams();
  const hiding = failed?.values.intent === "hide" ? failed.values.postId : params.get("hide");
  const done = params.get("done");
  return (
    <div className="page">
      <h1>{t("facilitate.title")}</h1>
      <p>
        <Link to="/facilitate/sessions">{t("facilitate.sessionsLink")}</Link>
      </p>
      <p>
        <Link to="/facilitate/teams">{t("facilitate.teamsLink")}</Link>
      </p>
      {done && ["approve", "hide", "dismiss"].includes(done) ? (
        <p className="notice" role="status">
          {t(`dialogue.queue.done.${done}`)}
        </p>
      ) : null}
      <Alert>{failed?.errors.form && t(failed.errors.form)}</Alert>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t("facilitate.queue")}</h2>
        {queue.length === 0 ? (
          <p className="empty">{t("facilitate.queueEmpty")}</p>
        ) : (
          <ol className="queue">
            {queue.map((item) => (
              <li key={item.id} className="card" id={`item-${item.id}`}>
                <h3>
                  {item.state === "held" ? t("dialogue.queue.held") : t("dialogue.queue.reported")}
                  {" · "}
                  <Link to={`/dialogue/${item.space_id}/${item.thread_id}#post-${item.id}`} dir="auto">
                    {item.thread_title}
                  </Link>
                </h3>
                <p className="hint">
                  <span dir="auto">{item.author_name}</span> · <DateText value={item.created_at} withTime /> ·{" "}
                  <span dir="auto">{item.space_kind === "general" ? t("dialogue.space.general", { name: item.space_title }) : item.space_title}</span>
                </p>
                {item.state === "held" ? (
                  <p>
                    {item.held_reason === "safeguarding"
                      ? t("dialogue.queue.heldSafeguarding", { kinds: item.foundKinds.map((k) => t(`dialogue.safeguarding.kinds.${k}`)).join(", ") })
                      : t("dialogue.queue.heldFirstPosts")}
                  </p>
                ) : null}
                {item.parent_html ? (
                  <blockquote className="context">
                    <p className="hint">{t("dialogue.queue.inReplyTo")}</p>
                    <PostBody html={item.parent_html} />
                  </blockquote>
                ) : null}
                <PostBody html={item.body_html} />
                {item.reports.length > 0 ? (
                  <>
                    <h4>{t("dialogue.queue.reports")}</h4>
                    <ul>
                      {item.reports.map((r, i) => (
                        <li key={i}>
                          <span dir="auto">{r.reporter_name}</span>: <q dir="auto">{r.reason}</q>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <div className="post-actions">
                  {item.state === "held" ? (
                    <IntentButton intent="approve" fields={{ postId: item.id, version: String(item.version) }} className="button-primary">
                      {t("dialogue.moderate.approve")}
                    </IntentButton>
                  ) : (
                    <IntentButton intent="dismiss" fields={{ postId: item.id }} className="button-primary">
                      {t("dialogue.moderate.dismiss")}
                    </IntentButton>
                  )}
                  {hiding !== item.id ? <Link to={`?hide=${item.id}#item-${item.id}`}>{t("dialogue.moderate.hide")}</Link> : null}
                </div>
                {hiding === item.id ? (
                  <Form method="post" className="post-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="hide" />
                    <input type="hidden" name="postId" value={item.id} />
                    <TextareaField id={`hide-reason-${item.id}`} name="reason" label={t("dialogue.moderate.hideReason")} rows={3} maxLength={REASON_MAX} required defaultValue={failed?.values.reason ?? ""} error={failed?.errors.reason ? t(failed.errors.reason) : undefined} />
                    <div className="actions">
                      <button type="submit" className="button-primary">
                        {t("dialogue.moderate.hide")}
                      </button>
                      <Link to="/facilitate">{t("dialogue.cancel")}</Link>
                    </div>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">{t("facilitate.cohorts")}</h2>
        {cohorts.length === 0 ? (
          <p className="empty">{t("facilitate.noCohorts")}</p>
        ) : (
          <ul>
            {cohorts.map((c) => (
              <li key={c.id} dir="auto">
                {c.name}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/dialogue">{t("dialogue.queue.toSpaces")}</Link>
        </p>
      </section>
    </div>
  );
}
