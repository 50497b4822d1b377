import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Sources } from "./sources";
import { CsrfField } from "../components/csrf-field";
import { DateText } from "../components/date-text";
import { IntentButton } from "../components/intent-button";
import { TextareaField } from "../components/field";
import type { GroupTaskPage } from "./group-task.server";
import { PeerReview } from "./group-task-peer-review";
import { templateText, typedValue as text } from "./group-task-text";

interface Props {
  task: GroupTaskPage;
  /** The person's item is complete. */
  done: boolean;
  error: string | null;
  values: Record<string, string | string[]>;
}

/** A group task: the instructions, the team's shared text (with its history) and the rubric it is scored by. */
export function GroupTaskPanel({ task, done, error, values }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <article className="lesson-body" dangerouslySetInnerHTML={{ __html: task.instructionsHtml }} />
      {task.team ? (
        <>
          <Feedback task={task} done={done} />
          {/* A refused review is shown beside its own form, not above the team's text. */}
          <TeamWork task={task} error={values.assignment ? null : error} values={values} />
          {task.peerReview ? <PeerReview review={task.peerReview} error={values.assignment ? error : null} values={values} /> : null}
        </>
      ) : (
        <>
          {error ? (
            <p className="alert" role="alert">
              {t(error)}
            </p>
          ) : null}
          <p className="notice">{t("groupTask.noTeam")}</p>
        </>
      )}
      {task.rubric.length ? (
        <section aria-labelledby="rubric-heading">
          <h2 id="rubric-heading">{t("groupTask.rubric")}</h2>
          {task.rubric.map((c) => (
            <div key={c.id} className="rubric-criterion">
              <h3>{c.criterion}</h3>
              <ul>
                {c.levels.map((l) => (
                  <li key={l.score}>
                    <strong>{t("groupTask.level", { score: l.score, label: l.label })}</strong> {l.description}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <Sources sources={task.sources} />
    </>
  );
}

/** What the facilitator said of the team's text: the newest feedback first, earlier ones folded. */
function Feedback({ task, done }: Pick<Props, "task" | "done">) {
  const { t } = useTranslation();
  const feedback = task.submission?.feedback ?? [];
  if (!feedback.length) return null;
  const [latest, ...earlier] = feedback;
  return (
    <section aria-labelledby="feedback-heading" className="team-feedback">
      <h2 id="feedback-heading">{t("groupTask.feedback.heading")}</h2>
      <FeedbackEntry entry={latest!} />
      {latest!.decision === "accepted" && !task.submission?.workDone ? <p className="notice">{t("groupTask.peerReview.awaiting")}</p> : null}
      {latest!.decision === "accepted" && task.submission?.workDone && !done ? (
        <>
          <p className="hint">{t("groupTask.feedback.completeHint")}</p>
          <IntentButton intent="complete" className="button-primary">
            {t("groupTask.feedback.complete")}
          </IntentButton>
        </>
      ) : null}
      {earlier.length ? (
        <details>
          <summary>{t("groupTask.feedback.earlier", { count: earlier.length })}</summary>
          {earlier.map((entry) => (
            <FeedbackEntry key={entry.version} entry={entry} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

function FeedbackEntry({ entry }: { entry: NonNullable<GroupTaskPage["submission"]>["feedback"][number] }) {
  const { t } = useTranslation();
  return (
    <div className="feedback-entry">
      <p className="notice">
        {t(`groupTask.feedback.decision.${entry.decision}`, { version: entry.version })} · {entry.by ?? t("groupTask.someone")} · <DateText value={entry.at} withTime />
      </p>
      {entry.levels.length ? (
        <>
          <p>
            <strong>{t("groupTask.feedback.total", { total: entry.total, max: entry.max })}</strong>
          </p>
          <ul className="feedback-levels">
            {entry.levels.map((l) => (
              <li key={l.criterion}>
                <span dir="auto">{l.criterion}</span>: <strong>{t("groupTask.level", { score: l.score, label: l.label })}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: entry.html }} />
    </div>
  );
}

function TeamWork({ task, error, values }: Omit<Props, "done">) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const { submission } = task;
  const theirs = text(values.theirs);
  // After a conflict the next save builds on the team's newer text, which the person has now seen.
  const basedOn = text(values.theirsVersion) ?? String(submission?.version ?? 0);
  const typed = text(values.body);
  const draft = !submission || submission.status === "draft";
  return (
    <section aria-labelledby="team-work-heading">
      <h2 id="team-work-heading">{t("groupTask.teamWork", { team: task.team!.name })}</h2>
      {params.get("saved") ? (
        <p className="notice" role="status">
          {t("groupTask.saved", { version: params.get("saved") })}
        </p>
      ) : null}
      {params.get("submitted") ? (
        <p className="notice" role="status">
          {t("groupTask.submittedNotice")}
        </p>
      ) : null}
      {error ? (
        <p className="alert" role="alert">
          {t(error)}
        </p>
      ) : null}
      {theirs !== null ? (
        <div className="conflict">
          <h3>{t("groupTask.theirsHeading", { version: basedOn })}</h3>
          <pre className="conflict-theirs" dir="auto">
            {theirs}
          </pre>
          <p className="hint">{t("groupTask.conflictHint")}</p>
        </div>
      ) : null}
      {draft ? (
        <>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={basedOn} />
            <TextareaField
              name="body"
              label={theirs !== null ? t("groupTask.yours") : t("groupTask.bodyLabel")}
              hint={t("groupTask.bodyHint")}
              defaultValue={typed ?? submission?.source ?? templateText(task.template)}
              rows={18}
            />
            <button type="submit" name="intent" value="save" className="button-primary" disabled={busy}>
              {t("groupTask.save")}
            </button>
          </Form>
          {submission && theirs === null ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="version" value={submission.version} />
              <p className="hint">{t("groupTask.submitHint")}</p>
              <button type="submit" name="intent" value="submit" className="button-secondary" disabled={busy}>
                {t("groupTask.submit")}
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <>
          <p className="notice">{t(`groupTask.status.${submission!.status}`)}</p>
          {submission!.status === "submitted" ? <p className="hint">{t("groupTask.submittedHint")}</p> : null}
          <article className="lesson-body team-text" dangerouslySetInnerHTML={{ __html: submission!.html }} />
        </>
      )}
      {submission?.revisions.length ? (
        <details className="revisions">
          <summary>{t("groupTask.history", { count: submission.revisions.length })}</summary>
          <ol reversed>
            {submission.revisions.map((r) => (
              <li key={r.version}>
                <details>
                  <summary>
                    {t("groupTask.revision", { version: r.version, by: r.by ?? t("groupTask.someone") })} · <DateText value={r.at} withTime />
                  </summary>
                  <pre dir="auto">{r.source}</pre>
                </details>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
