import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import type { ItemKind } from "../content/schema";
import type { OfflineSave } from "../utils/offline-save";
import type { OUTDATED } from "./activity.server";
import type { ActivityPages } from "./index.server";
import { KIND_PANELS as ON_SERVER } from "./kind-panels.server";

// The server renders every kind's panel (./kind-panels.server.ts); in the browser that module is
// empty and each kind's panel is its own chunk, loaded when an item of that kind is shown (while
// it loads, the page keeps the server's HTML, whose forms work without scripts). So a lesson
// page does not download the quiz, scenario, session and group-task code.
type KindPanels = { [K in keyof typeof ON_SERVER]: ComponentType<ComponentProps<(typeof ON_SERVER)[K]>> };
const IN_BROWSER: KindPanels = {
  lesson: lazy(() => import("./lesson-panel").then((m) => ({ default: m.LessonPanel }))),
  quiz: lazy(() => import("./quiz-panel").then((m) => ({ default: m.QuizPanel }))),
  scenario: lazy(() => import("./scenario-panel").then((m) => ({ default: m.ScenarioPanel }))),
  discussion: lazy(() => import("./discussion-panel").then((m) => ({ default: m.DiscussionPanel }))),
  session: lazy(() => import("./session-panel").then((m) => ({ default: m.SessionPanel }))),
  "group-task": lazy(() => import("./group-task-panel").then((m) => ({ default: m.GroupTaskPanel }))),
};
const { lesson: LessonPanel, quiz: QuizPanel, scenario: ScenarioPanel, discussion: DiscussionPanel, session: SessionPanel, "group-task": GroupTaskPanel }: KindPanels =
  ON_SERVER ?? IN_BROWSER;

/** What every panel gets besides its own page data. */
export interface PanelContext {
  done: boolean;
  hasNext: boolean;
  locale: string;
  error: string | null;
  values: Record<string, string | string[]>;
  /** The page followed a step taken on an older copy of it (another tab, a repeated POST). */
  stale: boolean;
  /** A lesson page saved for reading offline: its form's token and where to go next. */
  offline: OfflineSave | null;
}

type Page<K extends ItemKind> = Exclude<NonNullable<ActivityPages[K]>, typeof OUTDATED>;
type Panel<K extends ItemKind> = ComponentType<PanelContext & { page: Page<K> }>;

// Each useTranslation() costs a little on every render of the page, so the notices only mount
// (and call it) when they have something to say.
function StepErrorText({ error }: { error: string }) {
  const { t } = useTranslation();
  return (
    <p className="alert" role="alert">
      {t(error)}
    </p>
  );
}
const StepError = ({ error }: { error: string | null }) => (error ? <StepErrorText error={error} /> : null);

function DoneNoticeText() {
  const { t } = useTranslation();
  return (
    <p className="notice" role="status">
      {t("lesson.alreadyDone")}
    </p>
  );
}
const DoneNotice = ({ done }: { done: boolean }) => (done ? <DoneNoticeText /> : null);

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="empty" role="status">
      {t("activity.loading")}
    </p>
  );
}

function Notice({ kind }: { kind: "outdated" | "soon" }) {
  const { t } = useTranslation();
  return kind === "outdated" ? (
    <p className="notice" role="status">
      {t("activity.outdated")}
    </p>
  ) : (
    <p className="empty">{t("lesson.activitySoon")}</p>
  );
}

// Each kind's panel, with the error and "already done" notices where that kind shows them
// (quizzes and scenarios show their own errors; a finished scenario shows its debrief instead).
const PANELS: { [K in ItemKind]: Panel<K> } = {
  lesson: ({ page, error, done, hasNext, offline }) => (
    <>
      <StepError error={error} />
      <LessonPanel lesson={page} done={done} hasNext={hasNext} offline={offline} />
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
  session: ({ page, error, values, done }) => (
    <>
      <SessionPanel session={page} done={done} error={error} values={values} />
      <DoneNotice done={done} />
    </>
  ),
  "group-task": ({ page, error, values, done }) => (
    <>
      <GroupTaskPanel task={page} done={done} error={error} values={values} />
      <DoneNotice done={done} />
    </>
  ),
};

/** The open item's panel for its kind; the content may have nothing for it yet, or a state saved by older rules. */
export function ActivityPanel({ kind, page, ...context }: PanelContext & { kind: ItemKind; page: ActivityPages[ItemKind] | null | undefined }) {
  if (page && "outdated" in page) return <Notice kind="outdated" />;
  if (!page) {
    return (
      <>
        <StepError error={context.error} />
        <Notice kind="soon" />
        <DoneNotice done={context.done} />
      </>
    );
  }
  // The page data is the kind's own (the loader put it under the kind's name).
  const Panel = PANELS[kind] as Panel<ItemKind>;
  return (
    <Suspense fallback={<Loading />}>
      <Panel page={page as never} {...context} />
    </Suspense>
  );
}
