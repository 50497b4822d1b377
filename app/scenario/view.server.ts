import { pick } from "../content/model";
import { renderMarkdown } from "../content/markdown.server";
import type { Outcome } from "../content/scenario-schema";
import type { Locale } from "../i18n/locales";
import { bestPlay, type ScenarioState } from "./play";
import { offeredChoices, type Scenario } from "./compile";

// What the scenario page shows. Choices carry only their text until decided: feedback and
// scores appear in the debrief, after the play has ended.

const html = (text: string) => renderMarkdown(text, { lessonHref: (id) => id, imageSrc: (src) => src }).html;

export interface DecisionReview {
  choice: string;
  feedback: string;
  /** How good the decision was: a positive, neutral or negative score. */
  quality: "good" | "neutral" | "poor";
}

export type ScenarioView =
  | { status: "intro"; introHtml: string; decisionPoints: number }
  | {
      status: "playing";
      step: number;
      nodeHtml: string;
      choices: { id: string; text: string }[];
      pathSoFar: string[];
    }
  | {
      status: "ended";
      plays: number;
      ending: { title: string; outcome: Outcome; html: string; debriefHtml: string; sources: string[] };
      decisions: DecisionReview[];
      best: Outcome;
    };

export function scenarioView(scenario: Scenario, state: ScenarioState, locale: Locale): ScenarioView {
  const { current } = state;
  const choiceText = (nodeId: string, choiceId: string) => {
    const choice = scenario.nodes.get(nodeId)?.choices.find((c) => c.id === choiceId);
    return choice ? pick(choice.text, locale) : choiceId;
  };
  if (current) {
    const node = scenario.nodes.get(current.node)!;
    return {
      status: "playing",
      step: current.path.length + 1,
      nodeHtml: html(pick(node.text, locale)),
      choices: offeredChoices(node, current.path).map((c) => ({ id: c.id, text: pick(c.text, locale) })),
      pathSoFar: current.path.map((d) => choiceText(d.node, d.choice)),
    };
  }
  const last = state.finished.at(-1);
  if (!last) return { status: "intro", introHtml: html(pick(scenario.file.intro, locale)), decisionPoints: scenario.file.nodes.length };
  const ending = scenario.endings.get(last.ending);
  return {
    status: "ended",
    plays: state.finished.length,
    ending: {
      title: ending ? pick(ending.title, locale) : last.ending,
      outcome: last.outcome,
      html: ending ? html(pick(ending.text, locale)) : "",
      debriefHtml: ending ? html(pick(ending.debrief, locale)) : "",
      sources: ending?.sources ?? [],
    },
    decisions: last.path.map((d) => {
      const node = scenario.nodes.get(d.node);
      const choice = node?.choices.find((c) => c.id === d.choice);
      const score = choice?.score ?? 0;
      return {
        choice: choiceText(d.node, d.choice),
        feedback: choice ? pick(choice.feedback, locale) : "",
        quality: score > 0 ? "good" : score < 0 ? "poor" : "neutral",
      };
    }),
    best: bestPlay(state)?.outcome ?? last.outcome,
  };
}
