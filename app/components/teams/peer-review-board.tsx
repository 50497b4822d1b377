import { useTranslation } from "react-i18next";
import { DataTable } from "../data-table";
import { DateText } from "../date-text";
import { IntentButton } from "../intent-button";

interface Props {
  board: {
    reviewsPerTeam: number;
    windowDays: number;
    round: { closesAt: string; closed: boolean } | null;
    reviews: { assignmentId: string; reviewerTeam: string; reviewedTeam: string; html: string | null; by: string | null; at: string | null }[];
  };
  /** A refused open or close, already a translation key. */
  error: string | null;
  /** The cohort is closed: the round is shown, not changed. */
  readOnly: boolean;
}

/** The facilitator's side of peer review: hand the reviews out, close the window, read every review. */
export function PeerReviewBoard({ board, error, readOnly }: Props) {
  const { t } = useTranslation();
  const { round, reviews } = board;
  return (
    <section id="peer-review" aria-labelledby="peer-review-heading">
      <h2 id="peer-review-heading">{t("facilitate.teamWork.peerReview.heading")}</h2>
      {error ? (
        <p className="alert" role="alert">
          {t(error)}
        </p>
      ) : null}
      {!round ? (
        <>
          <p>{t("facilitate.teamWork.peerReview.notOpen", { count: board.reviewsPerTeam, days: board.windowDays })}</p>
          {readOnly ? null : (
            <IntentButton intent="openReviews" className="button-primary">
              {t("facilitate.teamWork.peerReview.open")}
            </IntentButton>
          )}
        </>
      ) : (
        <>
          <p className="notice">
            {round.closed ? t("facilitate.teamWork.peerReview.closedSince") : t("facilitate.teamWork.peerReview.openUntil")} <DateText value={round.closesAt} withTime />
          </p>
          {round.closed || readOnly ? null : (
            <>
              <p className="hint">{t("facilitate.teamWork.peerReview.closeHint")}</p>
              <IntentButton intent="closeReviews" className="button-secondary">
                {t("facilitate.teamWork.peerReview.close")}
              </IntentButton>
            </>
          )}
          <DataTable
            caption={t("facilitate.teamWork.peerReview.caption")}
            rows={reviews}
            rowKey={(r) => r.assignmentId}
            empty={t("facilitate.teamWork.peerReview.none")}
            columns={[
              { header: t("facilitate.teamWork.peerReview.reviewer"), rowHeader: true, auto: true, cell: (r) => r.reviewerTeam },
              { header: t("facilitate.teamWork.peerReview.reviewed"), auto: true, cell: (r) => r.reviewedTeam },
              {
                header: t("facilitate.teamWork.peerReview.review"),
                cell: (r) =>
                  r.html ? (
                    <details>
                      <summary>
                        {t("facilitate.teamWork.peerReview.writtenBy", { by: r.by ?? t("facilitate.teamWork.peerReview.someone") })} · <DateText value={r.at} withTime />
                      </summary>
                      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: r.html }} />
                    </details>
                  ) : (
                    t("facilitate.teamWork.peerReview.pending")
                  ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
