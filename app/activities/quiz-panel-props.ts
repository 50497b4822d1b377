import type { QuizView } from "../quiz/view.server";

export interface QuizPanelProps {
  view: QuizView;
  version: number;
  token: string;
  now: number;
  error: string | null;
  values: Record<string, string | string[]>;
  stale: boolean;
}
