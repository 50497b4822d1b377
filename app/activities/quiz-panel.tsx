import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "../components/csrf-field";
import { DateText } from "../components/date-text";
import type { FeedbackView, QuestionView, QuizView } from "../quiz/view.server";

export interface QuizPanelProps {
  view: QuizView;
  version: number;
  token: string;
  now: number;
  error: string | null;
  values: Record<string, string | string[]>;
  stale: boolean;
}

/** The quiz: intro and results, one question at a time, feedback, summary. Plain forms throughout. */
export function QuizPanel(props: QuizPanelProps) {
  const { t } = useTranslation();
  const { view } = props;
  return (
    <div className="quiz">
      {props.stale ? (
        <p className="notice" role="status">
          {t("quiz.stale")}
        </p>
      ) : null}
      {props.error ? (
        <p className="alert" role="alert" id="quiz-error">
          {t(props.error)}
        </p>
      ) : null}
      {"position" in view ? (
        <p className="quiz-progress">
          {t("quiz.position", { index: view.position.index, total: view.position.total })}
          {view.deadline ? (
            <>
              {" · "}
              <Countdown deadline={view.deadline} now={props.now} />
            </>
          ) : null}
        </p>
      ) : null}
      {view.status === "question" ? <QuestionForm {...props} question={view.question} canGoBack={view.canGoBack} /> : null}
      {view.status === "feedback" ? <FeedbackPanel {...props} question={view.question} feedback={view.feedback} last={view.position.index === view.position.total} /> : null}
      {view.status === "review" ? <ReviewPanel {...props} summary={view.summary} canGoBack={view.canGoBack} /> : null}
      {view.status === "intro" || view.status === "result" ? <IntroPanel {...props} /> : null}
      {view.status === "missing" ? <p className="alert">{t("quiz.missing")}</p> : null}
    </div>
  );
}

function StepForm({ intent, version, token, children }: { intent: string; version: number; token?: string; children: ReactNode }) {
  return (
    <Form method="post" className="stack" aria-describedby="quiz-error">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {children}
    </Form>
  );
}

function SubmitButton({ children, secondary = false, name, value }: { children: ReactNode; secondary?: boolean; name?: string; value?: string }) {
  const busy = useNavigation().state === "submitting";
  return (
    <button type="submit" className={secondary ? "button-secondary" : "button-primary"} disabled={busy} name={name} value={value}>
      {children}
    </button>
  );
}

function Countdown({ deadline, now }: { deadline: number; now: number }) {
  const { t } = useTranslation();
  const [clock, setClock] = useState(now);
  useEffect(() => {
    const id = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const left = Math.max(0, deadline - clock);
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  return <span className="countdown">{t("quiz.timeLeft", { time: `${minutes}:${String(seconds).padStart(2, "0")}` })}</span>;
}

const chosen = (values: Record<string, string | string[]>, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

function QuestionForm({ question, version, token, values, canGoBack, error }: QuizPanelProps & { question: QuestionView; canGoBack: boolean }) {
  const { t } = useTranslation();
  const legendId = `prompt-${question.id}`;
  return (
    <>
      <StepForm intent="answer" version={version} token={token}>
        <fieldset aria-invalid={error ? true : undefined}>
          <legend id={legendId} className="quiz-prompt">
            {question.prompt}
          </legend>
          {question.type === "multiple" ? <p className="hint">{t("quiz.chooseAll")}</p> : null}
          {question.type === "single" || question.type === "multiple"
            ? question.parts.map((p) => (
                <label key={p.id} className="choice">
                  <input type={question.type === "single" ? "radio" : "checkbox"} name="option" value={p.id} defaultChecked={chosen(values, "option").includes(p.id)} />
                  <span>{p.text}</span>
                </label>
              ))
            : null}
          {question.type === "true-false"
            ? (["true", "false"] as const).map((v) => (
                <label key={v} className="choice">
                  <input type="radio" name="value" value={v} defaultChecked={chosen(values, "value").includes(v)} />
                  <span>{t(`quiz.${v}`)}</span>
                </label>
              ))
            : null}
          {question.type === "matching"
            ? question.parts.map((row) => (
                <div key={row.id} className="field">
                  <label htmlFor={`match-${row.id}`}>{row.text}</label>
                  <select id={`match-${row.id}`} name={`match.${row.id}`} defaultValue={chosen(values, `match.${row.id}`)[0] ?? ""}>
                    <option value="">{t("quiz.choose")}</option>
                    {question.choices.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.text}
                      </option>
                    ))}
                  </select>
                </div>
              ))
            : null}
          {question.type === "ordering" ? (
            <>
              <p className="hint">{t("quiz.orderHint")}</p>
              {question.parts.map((item) => (
                <div key={item.id} className="field field-inline">
                  <label htmlFor={`position-${item.id}`}>{item.text}</label>
                  <select id={`position-${item.id}`} name={`position.${item.id}`} defaultValue={chosen(values, `position.${item.id}`)[0] ?? ""}>
                    <option value="">{t("quiz.choose")}</option>
                    {question.parts.map((_, n) => (
                      <option key={n} value={n + 1}>
                        {n + 1}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </>
          ) : null}
          {question.type === "short-text" ? (
            <div className="field">
              <label htmlFor="short-text">{t("quiz.yourAnswer")}</label>
              <input id="short-text" type="text" name="text" maxLength={200} autoComplete="off" defaultValue={chosen(values, "text")[0] ?? ""} />
            </div>
          ) : null}
        </fieldset>
        <SubmitButton>{t("quiz.answer")}</SubmitButton>
      </StepForm>
      {canGoBack ? (
        <StepForm intent="review" version={version}>
          <SubmitButton secondary>{t("quiz.toSummary")}</SubmitButton>
        </StepForm>
      ) : null}
    </>
  );
}

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

function FeedbackPanel({ question, feedback, version, last }: QuizPanelProps & { question: QuestionView; feedback: FeedbackView; last: boolean }) {
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

function ReviewPanel({ summary, canGoBack, version }: QuizPanelProps & { summary: { index: number; prompt: string; answered: boolean }[]; canGoBack: boolean }) {
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

function IntroPanel({ view, version }: QuizPanelProps) {
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
