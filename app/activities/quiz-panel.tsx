import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { QuizPanelProps } from "./quiz-panel-props";
import { QuestionForm } from "./quiz-question";
import { FeedbackPanel, IntroPanel, ReviewPanel } from "./quiz-steps";

export type { QuizPanelProps };

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
