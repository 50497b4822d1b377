import { pick } from "../content/model";
import { completionCourse } from "../content/progress-course";
import { learnerCohortFor } from "../models/cohort.server";
import { completeAccepted, feedbackOf } from "../models/teams/feedback.server";
import { revisionsOf, saveSubmission, submissionOf, submitSubmission } from "../models/teams/submission.server";
import { teamOf } from "../models/teams/teams.server";
import { itemPath, refuse, type Activity, type ItemArgs } from "./activity.server";

export interface GroupTaskPage {
  instructionsHtml: string;
  template: string[];
  rubric: { id: string; criterion: string; levels: { score: number; label: string; description: string }[] }[];
  sources: string[];
  /** The person's team in the cohort they take the course with; null when they have none yet. */
  team: { name: string } | null;
  submission: {
    source: string;
    html: string;
    version: number;
    status: "draft" | "submitted" | "accepted";
    updatedAt: string;
    revisions: { version: number; by: string | null; at: string; source: string }[];
    /** The facilitator's feedback, newest first, with each criterion's level named. */
    feedback: {
      version: number;
      decision: "accepted" | "returned";
      total: number;
      max: number;
      html: string;
      by: string | null;
      at: string;
      levels: { criterion: string; score: number; label: string }[];
    }[];
  } | null;
}

/** The team of the person in the cohort they take the course with, and the text's key. */
async function teamRef(args: ItemArgs) {
  const cohortId = await learnerCohortFor(args.context.db, args.personId, args.course.id);
  const team = cohortId ? await teamOf(args.context.db, cohortId, args.personId) : null;
  return team ? { team, ref: { teamId: team.id, courseId: args.course.id, itemId: args.item.id } } : null;
}

/** A group task: one text the team writes together; the facilitator gives feedback on it. */
export const groupTask: Activity<GroupTaskPage> = {
  async pageData(args) {
    const { context, course, item, locale } = args;
    const content = course.groupTasks.get(item.id);
    if (!content) return null;
    const found = await teamRef(args);
    const submission = found ? await submissionOf(context.db, found.ref) : null;
    const [revisions, feedback] = submission ? await Promise.all([revisionsOf(context.db, submission.id), feedbackOf(context.db, submission.id)]) : [[], []];
    // Each criterion of the rubric a feedback scored, with the level it was given named.
    const levelsOf = (scores: Record<string, number>) =>
      content.rubric.flatMap((c) => {
        const score = scores[c.id];
        if (score === undefined) return [];
        const level = c.levels.find((l) => l.score === score);
        return [{ criterion: pick(c.criterion, locale), score, label: level ? pick(level.label, locale) : "" }];
      });
    return {
      instructionsHtml: pick(content.instructionsHtml, locale),
      template: content.template.map((h) => pick(h, locale)),
      rubric: content.rubric.map((c) => ({ id: c.id, criterion: pick(c.criterion, locale), levels: c.levels.map((l) => ({ score: l.score, label: pick(l.label, locale), description: pick(l.description, locale) })) })),
      sources: content.sources[locale] ?? content.sources.es ?? [],
      team: found ? { name: found.team.name } : null,
      submission: submission && {
        source: submission.body_source,
        html: submission.body_html,
        version: submission.version,
        status: submission.status,
        updatedAt: submission.updated_at.toISOString(),
        revisions: revisions.map((r) => ({ version: r.version, by: r.display_name, at: r.created_at.toISOString(), source: r.body_source })),
        feedback: feedback.map((f) => ({
          version: f.version,
          decision: f.decision,
          total: f.total,
          max: f.max,
          html: f.html,
          by: f.by,
          at: f.at.toISOString(),
          levels: levelsOf(f.scores),
        })),
      },
    };
  },

  async act(args, form) {
    const { context, personId } = args;
    const found = await teamRef(args);
    // Not in a team of this cohort: nothing of any team's can be read or written from here.
    if (!found) return refuse(409, "groupTask.noTeam");
    if (form.get("intent") === "complete") {
      const task = { course: completionCourse(args.course), item: { id: args.item.id, kind: args.item.kind } };
      const result = await context.db.transaction().execute((trx) => completeAccepted(trx, task, found.team.id, personId));
      return result.ok ? { redirect: `/learn/${args.course.id}` } : refuse(409, `groupTask.errors.${result.code}`);
    }
    const rawVersion = String(form.get("version") ?? "");
    if (!/^\d{1,9}$/.test(rawVersion)) return refuse(400, "groupTask.badForm");
    const version = Number(rawVersion);
    const intent = String(form.get("intent") ?? "");
    if (intent === "save") {
      const body = String(form.get("body") ?? "");
      const saved = await context.db.transaction().execute((trx) => saveSubmission(trx, found.ref, personId, body, version));
      if (saved.ok) return { redirect: `${itemPath(args)}?saved=${saved.version}` };
      // A conflict sends back both texts: what the person typed, and what the team now has.
      const values: Record<string, string> = { body };
      if (saved.code === "conflict" && saved.current) {
        values.theirs = saved.current.body_source;
        values.theirsVersion = String(saved.current.version);
      }
      return refuse(saved.code === "conflict" || saved.code === "submitted" ? 409 : 400, `groupTask.errors.${saved.code}`, values);
    }
    if (intent === "submit") {
      const result = await context.db.transaction().execute((trx) => submitSubmission(trx, found.ref, personId, version));
      return result.ok ? { redirect: `${itemPath(args)}?submitted=1` } : refuse(409, `groupTask.errors.${result.code}`);
    }
    return refuse(400, "groupTask.badForm");
  },
};
