import { loadItemFiles } from "./item-files.server";
import { renderMarkdown } from "./markdown.server";
import type { Course, GroupTaskContent, Localized } from "./model";
import type { CourseFile } from "./schema";
import { groupTaskSchema, type GroupTaskFile } from "./group-task-schema";
import type { Problem, YamlSource } from "./yaml-source.server";

// Group tasks: group-tasks/<item-id>.yaml (see content/README.md). Instructions are Markdown,
// rendered once here; the rubric's scores must rise with its levels.

export function loadGroupTasks(dir: string, data: CourseFile, course: Course): Problem[] {
  const lessonIds = new Set([...course.items.values()].filter((i) => i.kind === "lesson").map((i) => i.id));
  return loadItemFiles(dir, data, "group-task", groupTaskSchema, (source, task) => checkGroupTask(source, task, course.id, lessonIds), (id, file) => course.groupTasks.set(id, toGroupTask(file, course.id)));
}

function checkGroupTask(source: YamlSource, task: GroupTaskFile, courseId: string, lessonIds: Set<string>): Problem[] {
  const problems: Problem[] = [];
  for (const [locale, text] of Object.entries(task.instructions)) {
    const rendered = renderMarkdown(text, { lessonHref: (lesson) => `/learn/${courseId}/${lesson}`, imageSrc: (src) => src });
    for (const link of rendered.lessonLinks) if (!lessonIds.has(link.id)) problems.push(source.problem(["instructions", locale], `link to unknown lesson "${link.id}"`));
    for (const image of rendered.images) problems.push(source.problem(["instructions", locale], `instructions take no images ("${image.src}")`));
  }
  const ids = new Set<string>();
  task.rubric.forEach((criterion, ci) => {
    if (ids.has(criterion.id)) problems.push(source.problem(["rubric", ci, "id"], `duplicate criterion id "${criterion.id}"`));
    ids.add(criterion.id);
    const scores = criterion.levels.map((l) => l.score);
    if (scores.some((s, i) => i > 0 && s <= scores[i - 1]!)) problems.push(source.problem(["rubric", ci, "levels"], `the levels of "${criterion.id}" must be listed with rising scores`));
  });
  return problems;
}

function renderLocalized(text: Localized, courseId: string): Localized {
  const html: Localized = {};
  for (const [locale, source] of Object.entries(text) as [keyof Localized, string][]) {
    html[locale] = renderMarkdown(source, { lessonHref: (lesson) => `/learn/${courseId}/${lesson}`, imageSrc: (src) => src }).html;
  }
  return html;
}

function toGroupTask(file: GroupTaskFile, courseId: string): GroupTaskContent {
  return {
    instructionsHtml: renderLocalized(file.instructions, courseId),
    template: file.template,
    dueDays: file.due_days,
    rubric: file.rubric.map((c) => ({ id: c.id, criterion: c.criterion, levels: c.levels.map((l) => ({ score: l.score, label: l.label, description: l.description })) })),
    peerReview: file.peer_review ? { reviewsPerTeam: file.peer_review.reviews_per_team, windowDays: file.peer_review.window_days, prompt: file.peer_review.prompt } : null,
    sources: file.sources,
  };
}
