import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "../../components/csrf-field";
import { DateText } from "../../components/date-text";
import { TextareaField } from "../../components/field";
import { IntentButton } from "../../components/intent-button";
import { MarkedText } from "../../components/dialogue/marked-text";
import { PostBody } from "../../components/dialogue/post-body";
import { BODY_MAX, REASON_MAX, TITLE_MAX } from "../../dialogue/limits";
import type { ThreadActionData } from "./actions.server";
import type { PostItemData } from "./page-data.server";

/** Which form is open on the page: from the address (?edit=…) or the failed submit. */
export interface OpenForm {
  intent: "reply" | "edit" | "delete" | "report" | "hide" | "mute" | null;
  target: string | null;
}

interface Props {
  post: PostItemData;
  threadTitle: string;
  canModerate: boolean;
  canWrite: boolean;
  open: OpenForm;
  failed: ThreadActionData | undefined;
  linkTo: (params: Record<string, string>) => string;
}


export function PostItem({ post, threadTitle, canModerate, canWrite, open, failed, linkTo }: Props) {
  const { t } = useTranslation();
  const isOpen = (intent: OpenForm["intent"], target = post.id) => open.intent === intent && open.target === target;
  const errorFor = (field: string, intent: OpenForm["intent"]) => (isOpen(intent) && failed?.errors[field] ? t(failed.errors[field]!) : undefined);
  const typed = (field: string, fallback: string, intent: OpenForm["intent"]) => (isOpen(intent) && failed?.values[field] !== undefined ? failed.values[field]! : fallback);
  const labelId = `post-${post.id}-label`;
  const author = post.authorName ?? t("dialogue.post.removedParticipant");
  return (
    <article id={`post-${post.id}`} className={`post post-${post.state}`} aria-labelledby={labelId} tabIndex={-1}>
      <header className="post-meta">
        <span id={labelId}>
          <strong dir="auto">{author}</strong> · <DateText value={post.createdAt} withTime />
        </span>
        {post.editedAt ? <span className="tag">{t("dialogue.post.edited")}</span> : null}
        {post.isNew ? <span className="tag tag-new">{t("dialogue.post.new")}</span> : null}
        {post.state === "held" ? <span className="tag tag-warning">{t("dialogue.post.held")}</span> : null}
        {post.state === "reported" && canModerate ? <span className="tag tag-warning">{t("dialogue.post.reported")}</span> : null}
      </header>

      {post.state === "removed" ? <p className="placeholder">{t("dialogue.post.removed")}</p> : null}
      {post.state === "hidden" ? (
        <div className="notice notice-warning">
          <p>{t("dialogue.post.hiddenPlaceholder")}</p>
          {post.hiddenReason && (post.mine || canModerate) ? (
            <p>
              {t("dialogue.post.hiddenReason")} <q dir="auto">{post.hiddenReason}</q>
            </p>
          ) : null}
        </div>
      ) : null}
      {post.state === "held" ? (
        <div className="notice notice-warning" role={post.mine ? "status" : undefined}>
          <p>{post.heldReason === "safeguarding" ? t("dialogue.safeguarding.held") : t("dialogue.post.heldFirstPosts")}</p>
          {post.marked ? (
            <>
              <p>{t("dialogue.safeguarding.found")}</p>
              {post.marked.title.some((s) => s.kind) ? <MarkedText segments={post.marked.title} /> : null}
              {post.marked.body.some((s) => s.kind) ? <MarkedText segments={post.marked.body} /> : null}
              <p>{t("dialogue.safeguarding.whatToDo")}</p>
            </>
          ) : null}
        </div>
      ) : null}

      {post.html !== null && !isOpen("edit") ? <PostBody html={post.html} /> : null}

      {isOpen("edit") && post.canEdit ? (
        <Form method="post" className="post-form" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="postId" value={post.id} />
          <input type="hidden" name="version" value={post.version} />
          {post.opensThread ? (
            <div className={errorFor("title", "edit") ? "field field-invalid" : "field"}>
              <label htmlFor={`title-${post.id}`}>{t("dialogue.thread.titleLabel")}</label>
              {errorFor("title", "edit") ? <p className="field-error">{errorFor("title", "edit")}</p> : null}
              <input id={`title-${post.id}`} name="title" defaultValue={typed("title", threadTitle, "edit")} dir="auto" maxLength={TITLE_MAX} required />
            </div>
          ) : null}
          <TextareaField id={`edit-${post.id}`} rows={5} required name="body" label={t("dialogue.post.editLabel")} defaultValue={typed("body", post.source ?? "", "edit")} error={errorFor("body", "edit")} maxLength={BODY_MAX} />
          <div className="actions">
            <button type="submit" className="button-primary">
              {t("dialogue.post.saveEdit")}
            </button>
            <Link to={linkTo({})}>{t("dialogue.cancel")}</Link>
          </div>
        </Form>
      ) : null}

      <div className="post-actions">
        {canWrite && post.parentId === null && post.state !== "removed" ? (
          <Link to={`${linkTo({ reply: post.id })}#reply-${post.id}`} aria-label={t("dialogue.post.replyTo", { name: author })}>
            {t("dialogue.post.reply")}
          </Link>
        ) : null}
        {post.canEdit && !isOpen("edit") ? (
          <Link to={`${linkTo({ edit: post.id })}#post-${post.id}`}>{t("dialogue.post.edit")}</Link>
        ) : null}
        {post.mine && post.state !== "removed" && !isOpen("delete") ? <Link to={`${linkTo({ delete: post.id })}#post-${post.id}`}>{t("dialogue.post.delete")}</Link> : null}
        {!post.mine && (post.state === "published" || post.state === "reported") ? (
          <Link to={`${linkTo({ report: post.id })}#post-${post.id}`} aria-label={t("dialogue.post.reportOf", { name: author })}>
            {t("dialogue.post.report")}
          </Link>
        ) : null}
        {canModerate ? <ModeratorButtons post={post} linkTo={linkTo} /> : null}
      </div>

      {isOpen("delete") && post.mine ? (
        <Form method="post" className="post-form" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="postId" value={post.id} />
          <p>{t("dialogue.post.deleteConfirm")}</p>
          <div className="actions">
            <button type="submit" className="button-primary">
              {t("dialogue.post.deleteYes")}
            </button>
            <Link to={linkTo({})}>{t("dialogue.cancel")}</Link>
          </div>
        </Form>
      ) : null}
      {isOpen("report") ? (
        <Form method="post" className="post-form" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value="report" />
          <input type="hidden" name="postId" value={post.id} />
          <TextareaField required id={`report-${post.id}`} name="reason" label={t("dialogue.report.reasonLabel")} defaultValue={typed("reason", "", "report")} error={errorFor("reason", "report")} rows={3} maxLength={REASON_MAX} />
          <div className="actions">
            <button type="submit" className="button-primary">
              {t("dialogue.report.send")}
            </button>
            <Link to={linkTo({})}>{t("dialogue.cancel")}</Link>
          </div>
        </Form>
      ) : null}
      {isOpen("hide") && canModerate ? (
        <Form method="post" className="post-form" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value="hide" />
          <input type="hidden" name="postId" value={post.id} />
          <TextareaField required id={`hide-${post.id}`} name="reason" label={t("dialogue.moderate.hideReason")} defaultValue={typed("reason", "", "hide")} error={errorFor("reason", "hide")} rows={3} maxLength={REASON_MAX} />
          <div className="actions">
            <button type="submit" className="button-primary">
              {t("dialogue.moderate.hide")}
            </button>
            <Link to={linkTo({})}>{t("dialogue.cancel")}</Link>
          </div>
        </Form>
      ) : null}
      {isOpen("mute", post.authorId) && canModerate && !post.mine ? <MuteForm personId={post.authorId} name={author} linkTo={linkTo} /> : null}
    </article>
  );
}

function ModeratorButtons({ post, linkTo }: { post: PostItemData; linkTo: Props["linkTo"] }) {
  const { t } = useTranslation();
  const button = (intent: string, label: string, extra?: Record<string, string>) => (
    <IntentButton intent={intent} fields={{ postId: post.id, ...extra }} preventScrollReset>
      {label}
    </IntentButton>
  );
  return (
    <>
      {post.state === "held" ? button("approve", t("dialogue.moderate.approve"), { version: String(post.version) }) : null}
      {post.state === "reported" ? button("dismiss", t("dialogue.moderate.dismiss")) : null}
      {post.state === "hidden" ? button("restore", t("dialogue.moderate.restore")) : null}
      {post.state === "held" || post.state === "published" || post.state === "reported" ? (
        <Link to={`${linkTo({ hide: post.id })}#post-${post.id}`}>{t("dialogue.moderate.hide")}</Link>
      ) : null}
      {!post.mine && post.state !== "removed" ? (
        <Link to={`${linkTo({ mute: post.authorId })}#post-${post.id}`} aria-label={t("dialogue.moderate.muteWho", { name: post.authorName ?? t("dialogue.post.removedParticipant") })}>
          {t("dialogue.moderate.mute")}
        </Link>
      ) : null}
    </>
  );
}

function MuteForm({ personId, name, linkTo }: { personId: string; name: string; linkTo: Props["linkTo"] }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="post-form" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value="mute" />
      <input type="hidden" name="personId" value={personId} />
      <div className="field">
        <label htmlFor={`mute-days-${personId}`}>{t("dialogue.moderate.muteDays", { name })}</label>
        <select id={`mute-days-${personId}`} name="days" defaultValue="1">
          {[1, 3, 7, 30].map((d) => (
            <option key={d} value={d}>
              {t("dialogue.moderate.days", { count: d })}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button-primary">
          {t("dialogue.moderate.mute")}
        </button>
        <Link to={linkTo({})}>{t("dialogue.cancel")}</Link>
      </div>
    </Form>
  );
}
