import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ScenarioView } from "../scenario/view.server";
import { StepForm, SubmitButton } from "./step-form";

export interface ScenarioPanelProps {
  view: ScenarioView;
  version: number;
  locale: string;
  error: string | null;
  stale: boolean;
  itemDone: boolean;
}

/** A branching case: the intro, one decision per page, and a debrief of every decision at the end. */
export function ScenarioPanel(props: ScenarioPanelProps) {
  const { t } = useTranslation();
  const { view } = props;
  return (
    <div className="scenario">
      {props.stale ? (
        <p className="notice" role="status">
          {t("scenario.stale")}
        </p>
      ) : null}
      {props.error ? (
        <p className="alert" role="alert" id="scenario-error">
          {t(props.error)}
        </p>
      ) : null}
      {view.status === "intro" ? (
        <section aria-labelledby="scenario-intro-heading">
          <h2 id="scenario-intro-heading">{t("scenario.situation")}</h2>
          <div className="lesson-body" lang={props.locale} dangerouslySetInnerHTML={{ __html: view.introHtml }} />
          <p className="hint">{t("scenario.howItWorks", { count: view.decisionPoints })}</p>
          <ScenarioStepForm intent="start" version={props.version}>
            <SubmitButton>{t("scenario.start")}</SubmitButton>
          </ScenarioStepForm>
        </section>
      ) : null}
      {view.status === "playing" ? <DecisionForm {...props} view={view} /> : null}
      {view.status === "ended" ? <Debrief {...props} view={view} /> : null}
    </div>
  );
}

function ScenarioStepForm(props: { intent: string; version: number; children: ReactNode }) {
  return <StepForm {...props} className="scenario-step" />;
}

function DecisionForm({ view, version, locale, error }: ScenarioPanelProps & { view: Extract<ScenarioView, { status: "playing" }> }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="quiz-progress">{t("scenario.step", { step: view.step })}</p>
      {view.pathSoFar.length ? (
        <section aria-labelledby="path-heading" className="scenario-path">
          <h2 id="path-heading">{t("scenario.pathSoFar")}</h2>
          <ol>
            {view.pathSoFar.map((text, i) => (
              <li key={i} lang={locale}>
                {text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="node-heading">
        <h2 id="node-heading">{t("scenario.now")}</h2>
        <div className="lesson-body" lang={locale} dangerouslySetInnerHTML={{ __html: view.nodeHtml }} />
        <ScenarioStepForm intent="choose" version={version}>
          <fieldset aria-describedby={error ? "scenario-error" : undefined}>
            <legend>{t("scenario.whatDoYouDo")}</legend>
            <ul className="options">
              {view.choices.map((c) => (
                <li key={c.id}>
                  <label>
                    <input type="radio" name="choice" value={c.id} required /> <span lang={locale}>{c.text}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <SubmitButton>{t("scenario.decide")}</SubmitButton>
        </ScenarioStepForm>
      </section>
    </>
  );
}

function Debrief({ view, version, locale, itemDone }: ScenarioPanelProps & { view: Extract<ScenarioView, { status: "ended" }> }) {
  const { t } = useTranslation();
  const { ending } = view;
  return (
    <>
      <div className={`result result-${ending.outcome === "protected" ? "passed" : "failed"}`} role="status">
        <p className="result-score">{t(`scenario.outcome.${ending.outcome}`)}</p>
        <p lang={locale}>
          <strong>{ending.title}</strong>
        </p>
      </div>
      <div className="lesson-body" lang={locale} dangerouslySetInnerHTML={{ __html: ending.html }} />
      <section aria-labelledby="debrief-heading">
        <h2 id="debrief-heading">{t("scenario.yourDecisions")}</h2>
        <ol className="scenario-review">
          {view.decisions.map((d, i) => (
            <li key={i} className={`decision decision-${d.quality}`}>
              <p>
                <strong lang={locale}>{d.choice}</strong> — {t(`scenario.quality.${d.quality}`)}
              </p>
              <p lang={locale}>{d.feedback}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">{t("scenario.whatInstrumentsSay")}</h2>
        <div className="lesson-body" lang={locale} dangerouslySetInnerHTML={{ __html: ending.debriefHtml }} />
        <h3>{t("lesson.sources")}</h3>
        <ul>
          {ending.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <ul className="quiz-facts">
        <li>{t("scenario.plays", { count: view.plays })}</li>
        <li>{t("scenario.best", { outcome: t(`scenario.outcome.${view.best}`) })}</li>
      </ul>
      <p className={itemDone ? "notice" : "hint"}>{itemDone ? t("scenario.itemDone") : t("scenario.replayToComplete")}</p>
      <ScenarioStepForm intent="start" version={version}>
        <SubmitButton secondary={itemDone}>{t("scenario.replay")}</SubmitButton>
      </ScenarioStepForm>
    </>
  );
}
