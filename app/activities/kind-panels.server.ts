import { DiscussionPanel } from "./discussion-panel";
import { GroupTaskPanel } from "./group-task-panel";
import { LessonPanel } from "./lesson-panel";
import { QuizPanel } from "./quiz-panel";
import { ScenarioPanel } from "./scenario-panel";
import { SessionPanel } from "./session-panel";

/**
 * Every kind's panel, for the server render (which must never wait for a module: a page without
 * scripts gets the whole panel in its HTML). The browser build replaces this `.server` module by
 * an empty one and loads the panels one kind at a time instead (./panels.tsx).
 */
export const KIND_PANELS = {
  lesson: LessonPanel,
  quiz: QuizPanel,
  scenario: ScenarioPanel,
  discussion: DiscussionPanel,
  session: SessionPanel,
  "group-task": GroupTaskPanel,
};
