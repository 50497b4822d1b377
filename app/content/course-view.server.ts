import type { Locale } from "../i18n/locales";
import { itemStatus, moduleDone, moduleLocks, summarize, type LockReason, type ProgressContext } from "../machines/course-progress";
import { pick, type Course } from "./model";

/** A lock reason with the titles a person reads ("opens after «Module 2»"). */
export interface ReasonView {
  kind: LockReason["kind"];
  title: string;
}

function reasonView(course: Course, reason: LockReason, locale: Locale): ReasonView {
  if (reason.kind === "module") {
    const module = course.modules.find((m) => m.id === reason.moduleId);
    return { kind: "module", title: module ? pick(module.title, locale) : reason.moduleId };
  }
  const item = course.items.get(reason.itemId);
  return { kind: "item", title: item ? pick(item.title, locale) : reason.itemId };
}

/** Everything the course page shows: modules, items with state and reasons, the summary. */
export function courseView(course: Course, progress: ProgressContext, locale: Locale) {
  const summary = summarize(progress);
  return {
    id: course.id,
    title: pick(course.title, locale),
    summary: pick(course.summary, locale),
    minutes: course.minutes,
    certificate: course.certificate,
    progress: summary,
    nextTitle: summary.nextItemId ? pick(course.items.get(summary.nextItemId)?.title ?? {}, locale) : null,
    remaining: summary.remaining.map((id) => pick(course.items.get(id)?.title ?? {}, locale)),
    modules: course.modules.map((m) => ({
      id: m.id,
      title: pick(m.title, locale),
      done: moduleDone(progress, m.id),
      locks: moduleLocks(progress, m.id).map((r) => reasonView(course, r, locale)),
      items: m.items.map((item) => {
        const status = itemStatus(progress, item.id);
        return {
          id: item.id,
          kind: item.kind,
          title: pick(item.title, locale),
          minutes: item.minutes,
          optional: item.optional,
          state: status.state,
          // Module locks are shown once on the module; items list only their own.
          reasons: status.reasons.filter((r) => r.kind === "item").map((r) => reasonView(course, r, locale)),
        };
      }),
    })),
  };
}
