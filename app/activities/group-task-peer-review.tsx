import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "../components/csrf-field";
import { DateText } from "../components/date-text";
import { TextareaField } from "../components/field";
import type { GroupTaskPage } from "./group-task.server";
import { typedValue as text } from "./group-task-text";

interface Props {
  review: NonNullable<GroupTaskPage["peerReview"]>;
  /** A refused review: its translated key, and what was typed in which form. */
  error: string | null;
  values: Record<string, string | string[]>;
}

/** Peer review as a team member sees it: the other teams' texts to comment on, and what others said of theirs. */
export function PeerReview({ review, error, values }: Props) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const { round, toWrite, received } = review;
  const failedFor = text(values.assignment);
  return (
    <section aria-labelledby="peer-review-heading" className="peer-review">
      <h2 id="peer-review-heading">{t("groupTask.peerReview.heading")}</h2>
      {params.get("reviewed") ? (
        <p className="notice" role="status">
          {t("groupTask.peerReview.sent")}
        </p>
      ) : null}
      {!round ? <p className="notice">{t("groupTask.peerReview.notYet")}</p> : null}
      {round ? (
        <>
          <h3>{t("groupTask.peerReview.toWriteHeading")}</h3>
          {toWrite.length === 0 ? <p className="empty">{t("groupTask.peerReview.noneToWrite")}</p> : <p className="review-prompt">{review.prompt}</p>}
          {toWrite.map((w) => (
            <article key={w.assignmentId} id={`review-${w.assignmentId}`} aria-labelledby={`review-heading-${w.assignmentId}`} className="review-assignment">
              <h4 id={`review-heading-${w.assignmentId}`} dir="auto">
                {t("groupTask.peerReview.workOf", { team: w.reviewedTeam })}
              </h4>
              <div className="lesson-body team-text" dangerouslySetInnerHTML={{ __html: w.html }} />
              {w.review ? (
                <div className="review-written">
                  <p className="notice">
                    {t("groupTask.peerReview.writtenBy", { by: w.review.by ?? t("groupTask.someone") })} · <DateText value={w.review.at} withTime />
                  </p>
                  <div className="lesson-body" dangerouslySetInnerHTML={{ __html: w.review.html }} />
                </div>
              ) : (
                <Form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="assignment" value={w.assignmentId} />
                  {error && failedFor === w.assignmentId ? (
                    <p className="alert" role="alert">
                      {t(error)}
                    </p>
                  ) : null}
                  <TextareaField
                    name="review"
                    id={`review-body-${w.assignmentId}`}
                    label={t("groupTask.peerReview.reviewLabel", { team: w.reviewedTeam })}
                    hint={t("groupTask.peerReview.reviewHint")}
                    defaultValue={failedFor === w.assignmentId ? (text(values.review) ?? "") : ""}
                    rows={8}
                  />
                  <button type="submit" name="intent" value="review" className="button-primary" disabled={busy}>
                    {t("groupTask.peerReview.send")}
                  </button>
                </Form>
              )}
            </article>
          ))}
          <h3>{t("groupTask.peerReview.receivedHeading")}</h3>
          {received.expected === 0 ? <p className="empty">{t("groupTask.peerReview.receivedNone")}</p> : null}
          {received.expected > 0 && received.reviews === null ? (
            <p className="notice">
              {t("groupTask.peerReview.receivedPending", { written: received.written, count: received.expected })} <DateText value={round.closesAt} withTime />
            </p>
          ) : null}
          {received.reviews?.length === 0 && received.expected > 0 ? <p className="empty">{t("groupTask.peerReview.receivedNoneWritten")}</p> : null}
          {received.reviews?.map((r) => (
            <div key={r.assignmentId} className="review-received">
              <p className="notice">
                <span dir="auto">{t("groupTask.peerReview.fromTeam", { team: r.reviewerTeam })}</span> · {r.by ?? t("groupTask.someone")} · <DateText value={r.at} withTime />
              </p>
              <div className="lesson-body" dangerouslySetInnerHTML={{ __html: r.html }} />
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
