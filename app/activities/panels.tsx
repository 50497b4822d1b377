import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import type { ItemKind } from "../content/schema";
import type { OUTDATED } from "./activity.server";
import { DiscussionPanel } from "./discussion-panel";
import type { ActivityPages } from "./index.server";
import { LessonPanel } from "./lesson-panel";
import { QuizPanel } from "./quiz-panel";
import { ScenarioPanel } from "./scenario-panel";

/** What every panel gets besides its own page data. */
export interface PanelContext {
  done: boolean;
  hasNext: boolean;
  locale: string;
  error: string | null;
  values: Record<string, string | string[]>;
  /** The page followed a step taken on an older copy of it (another tab, a repeated POST). */
  stale: boolean;
}

type Page<K extends ItemKind> = Exclude<NonNullable<ActivityPages[K]>, typeof OUTDATED>;
type Panel<K extends ItemKind> = ComponentType<PanelContext & { page: Page<K> }>;

function StepError({ error }: { error: string | null }) {
  const { t } = useTranslation();
  return error ? (
    <p className="alert" role="alert">
      {t(error)}
    </p>
  ) : null;
}

function DoneNotice({ done }: { done: boolean }) {
  const { t } = useTranslation();
  return done ? (
    <p className="notice" role="status">
      {t("lesson.alreadyDone")}
    </p>
  ) : null;
}

// Each kind's panel, with the error and "already done" notices where that kind shows them
// (quizzes and scenarios show their own errors; a finished scenario shows its debrief instead).
const PANELS: { [K in ItemKind]: Panel<K> } = {
  lesson: ({ page, error, done, hasNext }) => (
    <>
      <StepError error={error} />
      <LessonPanel lesson={page} done={done} hasNext={hasNext} />
      <DoneNotice done={done} />
    </>
  ),
  quiz: ({ page, error, values, stale, done }) => (
    <>
      <QuizPanel view={page.view} version={page.version} token={page.token} now={page.now} error={error} values={values} stale={stale} />
      <DoneNotice done={done} />
    </>
  ),
  scenario: ({ page, error, stale, done, locale }) => <ScenarioPanel view={page.view} version={page.version} locale={locale} error={error} stale={stale} itemDone={done} />,
  discussion: ({ page, error, done }) => (
    <>
      <StepError error={error} />
      <DiscussionPanel discussion={page} done={done} />
      <DoneNotice done={done} />
    </>
  ),
};

/** The open item's panel for its kind; the content may have nothing for it yet, or a state saved by older rules. */
export function ActivityPanel({ kind, page, ...context }: PanelContext & { kind: ItemKind; page: ActivityPages[ItemKind] | null | undefined }) {
  const { t } = useTranslation();
  if (page && "outdated" in page) {
    return (
      <p className="notice" role="status">
        {t("activity.outdated")}
      </p>
    );
  }
  if (!page) {
    return (
      <>
        <StepError error={context.error} />
        <p className="empty">{t("lesson.activitySoon")}</p>
        <DoneNotice done={context.done} />
      </>
    );
  }
  // The page data is the kind's own (the loader put it under the kind's name).
  const Panel = PANELS[kind] as Panel<ItemKind>;
  return <Panel page={page as never} {...context} />;
}
