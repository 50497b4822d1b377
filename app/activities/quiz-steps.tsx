import { useTranslation } from "react-i18next";
import { DateText } from "../components/date-text";
import type { FeedbackView, QuestionView } from "../quiz/view.server";
import type { QuizPanelProps } from "./quiz-panel-props";
import { QuizStepForm as StepForm } from "./quiz-question";
import { SubmitButton } from "./step-form";

// The quiz's pages around the questions: feedback on an answer, the summary before submitting,
// and the intro (with the last result) before an attempt.

function FeedbackBlock({ feedback }: { feedback: FeedbackView }) {
  const { t } = useTranslation();
  const verdict = feedback.score === 1 ? "quiz.correct" : feedback.score > 0 ? "quiz.partlyCorrect" : "quiz.incorrect";
  return (
    <div className={`feedback feedback-${feedback.score === 1 ? "right" : "wrong"}`}>
      <p className="feedback-verdict">{t(verdict)}</p>
      {feedback.message ? <p>{feedback.message}</p> : null}
      {feedback.parts.length ? (
        <ul className="feedback-parts">
          {feedback.parts.map((p) => (
            <li key={p.id}>
              <strong>{p.text}</strong> — {p.correct ? t("quiz.rightOption") : t("quiz.wrongOption")}
              {p.chosen ? ` (${t("quiz.yourChoice")})` : null}
              {p.feedback ? <p>{p.feedback}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {feedback.rightAnswer ? <p>{t("quiz.rightAnswer", { answer: feedback.rightAnswer === "true" ? t("quiz.true") : feedback.rightAnswer === "false" ? t("quiz.false") : feedback.rightAnswer })}</p> : null}
    </div>
  );
}

export function FeedbackPanel({ question, feedback, version, last }: QuizPanelProps & { question: QuestionView; feedback: FeedbackView; last: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" className="quiz-prompt">
        {question.prompt}
      </h2>
      <div role="status">
        <FeedbackBlock feedback={feedback} />
      </div>
      <StepForm intent="next" version={version}>
        <SubmitButton>{last ? t("quiz.toSummary") : t("quiz.next")}</SubmitButton>
      </StepForm>
    </section>
  );
}

export function ReviewPanel({ summary, canGoBack, version }: QuizPanelProps & { summary: { index: number; prompt: string; answered: boolean }[]; canGoBack: boolean }) {
  const { t } = useTranslation();
  const unanswered = summary.filter((s) => !s.answered).length;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t("quiz.summary")}</h2>
      <ol className="quiz-summary">
        {summary.map((s) => (
          <li key={s.index}>
            {s.prompt} — {s.answered ? t("quiz.answered") : t("quiz.unanswered")}
            {canGoBack ? (
              <StepForm intent="goto" version={version}>
                <input type="hidden" name="index" value={s.index} />
                <button type="submit" className="button-link">
                  {t("quiz.change", { index: s.index })}
                </button>
              </StepForm>
            ) : null}
          </li>
        ))}
      </ol>
      {unanswered ? <p className="notice">{t("quiz.unansweredCount", { count: unanswered })}</p> : null}
      <StepForm intent="submit" version={version}>
        <SubmitButton>{t("quiz.submit")}</SubmitButton>
      </StepForm>
    </section>
  );
}

export function IntroPanel({ view, version }: QuizPanelProps) {
  const { t } = useTranslation();
  if (view.status !== "intro" && view.status !== "result") return null;
  const s = view.settings;
  return (
    <section>
      {view.status === "result" && view.last ? (
        <div className={`result ${view.last.passed ? "result-passed" : "result-failed"}`} role="status">
          <p className="result-score">{t("quiz.yourScore", { percent: view.last.percent })}</p>
          <p>{view.last.passed ? t("quiz.passed", { mark: s.passMark }) : t("quiz.failed", { mark: s.passMark })}</p>
          {view.last.timedOut ? <p>{t("quiz.timedOut")}</p> : null}
        </div>
      ) : null}
      <ul className="quiz-facts">
        <li>{t("quiz.facts.questions", { count: s.questions })}</li>
        <li>{t("quiz.facts.passMark", { mark: s.passMark })}</li>
        <li>{s.attemptsAllowed === null ? t("quiz.facts.attemptsUnlimited") : t("quiz.facts.attempts", { used: view.attemptsUsed, allowed: s.attemptsAllowed })}</li>
        {s.timeLimitMinutes ? <li>{t("quiz.facts.timeLimit", { count: s.timeLimitMinutes })}</li> : null}
        {view.best !== null ? <li>{t("quiz.facts.best", { percent: view.best })}</li> : null}
      </ul>
      {view.review.length ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("quiz.reviewTitle")}</h2>
          <ol className="quiz-review">
            {view.review.map((r) => (
              <li key={r.id}>
                <p className="quiz-prompt">{r.prompt}</p>
                <FeedbackBlock feedback={r.feedback} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {view.start.ok ? (
        <StepForm intent="start" version={version}>
          <SubmitButton secondary={view.passed}>{view.attemptsUsed === 0 ? t("quiz.start") : view.passed ? t("quiz.tryToImprove") : t("quiz.retry")}</SubmitButton>
        </StepForm>
      ) : view.start.reason === "wait" && view.start.until ? (
        <p className="notice">
          {t("quiz.waitUntil")} <DateText value={new Date(view.start.until)} withTime />
        </p>
      ) : view.start.reason === "no-attempts-left" && !view.passed ? (
        <p className="notice">{t("quiz.noAttemptsLeft")}</p>
      ) : null}
    </section>
  );
}
