/**
 * Classical item analysis of one quiz question, from figures the database aggregates: facility
 * (mean score, 0–1), discrimination (mean score of the upper 27 % of attempts by total score
 * minus that of the lower 27 %), and the flags a coordinator reads.
 */
export interface QuestionFigures {
  /** Answers in finished attempts. */
  answers: number;
  facility: number;
  /** Mean score in the upper and lower groups (null when a group is empty). */
  upper: number | null;
  lower: number | null;
}

export type ItemFlag = "too-easy" | "too-hard" | "mis-keyed" | "few-answers";

/** Below this many answers a question is not judged (figures swing too much). */
export const MIN_ANSWERS = 5;
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;
/** The share of attempts (best and worst by total) compared for discrimination. */
export const GROUP_SHARE = 0.27;

export interface QuestionStatistics extends QuestionFigures {
  discrimination: number | null;
  flags: ItemFlag[];
}

export function questionStatistics(figures: QuestionFigures): QuestionStatistics {
  const discrimination = figures.upper !== null && figures.lower !== null ? round(figures.upper - figures.lower) : null;
  const flags: ItemFlag[] = [];
  if (figures.answers < MIN_ANSWERS) flags.push("few-answers");
  else {
    if (figures.facility > TOO_EASY) flags.push("too-easy");
    if (figures.facility < TOO_HARD) flags.push("too-hard");
    // Stronger learners getting it wrong more often than weaker ones points at a wrong key.
    if (discrimination !== null && discrimination < 0) flags.push("mis-keyed");
  }
  return { ...figures, facility: round(figures.facility), discrimination, flags };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
