import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionView } from "../quiz/view.server";
import type { QuizPanelProps } from "./quiz-panel-props";
import { StepForm, SubmitButton } from "./step-form";

/** The quiz's form for one step. */
export function QuizStepForm(props: { intent: string; version: number; token?: string; children: ReactNode }) {
  return <StepForm {...props} className="stack" describedBy="quiz-error" />;
}

const chosen = (values: Record<string, string | string[]>, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

/** One question, its answer form, and the way back or on. */
export function QuestionForm({ question, version, token, values, canGoBack, error }: QuizPanelProps & { question: QuestionView; canGoBack: boolean }) {
  const { t } = useTranslation();
  const legendId = `prompt-${question.id}`;
  return (
    <>
      <QuizStepForm intent="answer" version={version} token={token}>
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
      </QuizStepForm>
      {canGoBack ? (
        <QuizStepForm intent="review" version={version}>
          <SubmitButton secondary>{t("quiz.toSummary")}</SubmitButton>
        </QuizStepForm>
      ) : null}
    </>
  );
}
