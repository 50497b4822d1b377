import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { type Thread } from "../../models/dialogue/spaces.server";
import type { Viewer } from "../../models/dialogue/access.server";
import { moderatePost, moderateThread, muteMember, type ModerationResult } from "../../models/dialogue/moderation.server";
import { BODY_MAX, REASON_MAX, TITLE_MAX } from "../../dialogue/limits";
import { createReply, deletePost, editPost, reportPost, type WriteResult } from "../../models/dialogue/posting.server";
import { pageOfPost, setFollow } from "../../models/dialogue/spaces.server";
import { parseForm } from "../../utils/forms.server";
import { moderationRefusal, writeRefusal } from "../../utils/refusals";
import { isUuid } from "../../utils/ids";

// One form intent per thing a member or facilitator does on a thread page. Each answers with a
// redirect back to the thread, or the page again with the error and everything typed.

const postId = z.string({ error: "form.invalid" }).refine(isUuid, "form.invalid");
const body = z.string({ error: "form.required" }).trim().min(1, "form.required").max(BODY_MAX, "dialogue.errors.bodyTooLong");
const reason = z.string({ error: "form.required" }).trim().min(1, "form.required").max(REASON_MAX, "form.tooLong");
const version = z.coerce.number({ error: "form.invalid" }).int("form.invalid").min(1, "form.invalid").max(1_000_000, "form.invalid");

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body, parentId: postId.optional().or(z.literal("").transform(() => undefined)) }),
  z.object({ intent: z.literal("edit"), postId, version, body, title: z.string().trim().min(1, "form.required").max(TITLE_MAX, "dialogue.errors.titleTooLong").optional() }),
  z.object({ intent: z.literal("delete"), postId }),
  z.object({ intent: z.literal("report"), postId, reason }),
  z.object({ intent: z.literal("follow") }),
  z.object({ intent: z.literal("unfollow") }),
  z.object({ intent: z.literal("approve"), postId, version }),
  z.object({ intent: z.literal("hide"), postId, reason }),
  z.object({ intent: z.literal("restore"), postId }),
  z.object({ intent: z.literal("dismiss"), postId }),
  z.object({ intent: z.enum(["pin", "unpin", "lock", "unlock"]) }),
  z.object({ intent: z.literal("mute"), personId: z.string().refine(isUuid, "form.invalid"), days: z.coerce.number({ error: "form.invalid" }).int("form.invalid").min(1, "form.invalid").max(90, "form.invalid") }),
]);

export type ThreadActionData = { errors: Record<string, string>; values: Record<string, string>; until?: string };

const MODERATOR_INTENTS = new Set(["approve", "hide", "restore", "dismiss", "pin", "unpin", "lock", "unlock", "mute"]);

export async function threadAction(context: AppLoadContext, request: Request, viewer: Viewer, thread: Thread) {
  const url = new URL(request.url);
  const here = `/dialogue/${thread.space_id}/${thread.id}`;
  const form = await parseForm(request, schema);
  if (!form.ok) return json<ThreadActionData>({ errors: form.errors, values: form.values }, { status: 400 });
  const data = form.data;
  const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v ?? "")]));
  if (MODERATOR_INTENTS.has(data.intent) && !thread.can_moderate) throw new Response("Forbidden", { status: 403 });
  const actor = { viewer, requestId: context.requestId };
  const limits = { postsPerMinute: context.config.dialoguePostsPerMinute };
  // Back to the thread, on the page where the post is.
  const back = async (postId?: string) => {
    const params = new URLSearchParams(url.search);
    // The form that was open is done.
    for (const opener of ["reply", "edit", "delete", "report", "hide", "mute"]) params.delete(opener);
    if (postId) {
      const page = await pageOfPost(context.db, viewer, thread, postId);
      if (page > 1) params.set("page", String(page));
      else params.delete("page");
    }
    const search = params.toString();
    return redirect(`${here}${search ? `?${search}` : ""}${postId ? `#post-${postId}` : ""}`);
  };

  const written = (result: WriteResult) => {
    if (result.ok) return back(result.postId);
    const refusal = writeRefusal(result.code);
    return json<ThreadActionData>({ errors: { form: refusal.message }, values, ...(result.until ? { until: result.until } : {}) }, { status: refusal.status });
  };
  const moderated = (result: ModerationResult, postId?: string) => {
    if (result.ok) return back(postId);
    const refusal = moderationRefusal(result.code);
    if (refusal.status === 404) throw new Response("Not Found", { status: 404 });
    return json<ThreadActionData>({ errors: { form: refusal.message }, values }, { status: refusal.status });
  };

  switch (data.intent) {
    case "reply": {
      return written(await createReply(context.db, context.content, viewer, thread, { body: data.body, parentId: data.parentId ?? null }, limits));
    }
    case "edit":
      return written(await editPost(context.db, viewer, thread, { postId: data.postId, version: data.version, body: data.body, title: data.title ?? null }));
    case "delete":
      return written(await deletePost(context.db, viewer, thread, data.postId));
    case "report":
      return written(await reportPost(context.db, viewer, thread, { postId: data.postId, reason: data.reason }));
    case "follow":
    case "unfollow":
      await setFollow(context.db, viewer.id, thread.id, data.intent === "follow");
      return back();
    case "approve":
      return moderated(await moderatePost(context.db, context.content, actor, { postId: data.postId, threadId: thread.id, action: "approve", version: data.version }), data.postId);
    case "hide":
      return moderated(await moderatePost(context.db, context.content, actor, { postId: data.postId, threadId: thread.id, action: "hide", reason: data.reason }), data.postId);
    case "restore":
    case "dismiss":
      return moderated(await moderatePost(context.db, context.content, actor, { postId: data.postId, threadId: thread.id, action: data.intent }), data.postId);
    case "pin":
    case "unpin":
    case "lock":
    case "unlock":
      return moderated(await moderateThread(context.db, actor, { threadId: thread.id, action: data.intent }));
    case "mute":
      return moderated(await muteMember(context.db, actor, { spaceId: thread.space_id, personId: data.personId, days: data.days, reason: null }));
  }
}
