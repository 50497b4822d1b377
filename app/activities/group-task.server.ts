import { pick } from "../content/model";
import { completionCourse } from "../content/progress-course";
import { learnerCohortFor } from "../models/cohort.server";
import { feedbackOf } from "../models/teams/feedback.server";
import { reviewRoundOf, reviewsOfRound, reviewsToWrite, writeReview } from "../models/teams/peer-review.server";
import { completeTeamMember, teamWorkDone, type TeamTask } from "../models/teams/team-completion.server";
import { revisionsOf, saveSubmission, submissionOf, submitSubmission } from "../models/teams/submission.server";
import { teamOf } from "../models/teams/teams.server";
import { isUuid } from "../utils/ids";
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
    /** Accepted and, with peer review, the team's own reviews written: the item can complete. */
    workDone: boolean;
  } | null;
  /** Null when the task has no peer review, or the person has no team. */
  peerReview: {
    prompt: string;
    /** Null until the facilitator hands the reviews out. */
    round: { closesAt: string; closed: boolean } | null;
    /** The other teams' texts this team comments on. */
    toWrite: { assignmentId: string; reviewedTeam: string; html: string; review: { html: string; by: string | null; at: string } | null }[];
    /** How many reviews of this team's text were handed out, and those written; their texts once the window has closed. */
    received: { expected: number; written: number; reviews: { assignmentId: string; reviewerTeam: string; html: string; by: string | null; at: string }[] | null };
  } | null;
}

/** The team of the person in the cohort they take the course with, and the text's key. */
async function teamRef(args: ItemArgs) {
  const cohortId = await learnerCohortFor(args.context.db, args.personId, args.course.id);
  const team = cohortId ? await teamOf(args.context.db, cohortId, args.personId) : null;
  return team && cohortId ? { team, cohortId, ref: { teamId: team.id, courseId: args.course.id, itemId: args.item.id } } : null;
}

/** What completion of the item needs to know of the task. */
function teamTask(args: ItemArgs): TeamTask {
  return { course: completionCourse(args.course), item: { id: args.item.id, kind: args.item.kind }, peerReview: Boolean(args.course.groupTasks.get(args.item.id)?.peerReview) };
}

/** The peer review as the team sees it: the texts it reviews, and the reviews of its own once the window has closed. */
async function peerReviewPage(args: ItemArgs, cohortId: string, teamId: string, submissionId: string | null): Promise<GroupTaskPage["peerReview"]> {
  const settings = args.course.groupTasks.get(args.item.id)?.peerReview;
  if (!settings) return null;
  const db = args.context.db;
  const round = await reviewRoundOf(db, cohortId, args.course.id, args.item.id);
  const toWrite = round ? await reviewsToWrite(db, round.id, teamId) : [];
  const received = round && submissionId ? await reviewsOfRound(db, round.id, submissionId) : [];
  const written = received.filter((r) => r.html !== null);
  return {
    prompt: pick(settings.prompt, args.locale),
    round: round && { closesAt: round.closesAt.toISOString(), closed: round.closed },
    toWrite: toWrite.map((w) => ({ ...w, review: w.review && { ...w.review, at: w.review.at.toISOString() } })),
    received: {
      expected: received.length,
      written: written.length,
      // Before the window closes a team cannot read what others said of its work, so nobody writes to match.
      reviews: round?.closed ? written.map((r) => ({ assignmentId: r.assignmentId, reviewerTeam: r.reviewerTeam, html: r.html!, by: r.by, at: r.at!.toISOString() })) : null,
    },
  };
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
    const workDone = found && submission?.status === "accepted" ? await teamWorkDone(context.db, teamTask(args), found.team.id) : false;
    const peerReview = found ? await peerReviewPage(args, found.cohortId, found.team.id, submission?.id ?? null) : null;
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
        workDone,
      },
      peerReview,
    };
  },

  async act(args, form) {
    const { context, personId } = args;
    const found = await teamRef(args);
    // Not in a team of this cohort: nothing of any team's can be read or written from here.
    if (!found) return refuse(409, "groupTask.noTeam");
    if (form.get("intent") === "complete") {
      const result = await context.db.transaction().execute((trx) => completeTeamMember(trx, teamTask(args), found.team.id, personId));
      return result.ok ? { redirect: `/learn/${args.course.id}` } : refuse(409, `groupTask.errors.${result.code}`);
    }
    if (form.get("intent") === "review") {
      const assignmentId = String(form.get("assignment") ?? "");
      const body = String(form.get("review") ?? "");
      if (!args.course.groupTasks.get(args.item.id)?.peerReview || !isUuid(assignmentId)) return refuse(400, "groupTask.badForm");
      const task = { ...teamTask(args), cohortId: found.cohortId };
      const written = await context.db.transaction().execute((trx) => writeReview(trx, task, found.team.id, personId, assignmentId, body));
      if (written.ok) return { redirect: `${itemPath(args)}?reviewed=1#review-${assignmentId}` };
      // What was typed comes back with the form it was typed in.
      return refuse(written.code === "notYours" || written.code === "written" ? 409 : 400, `groupTask.peerReview.errors.${written.code}`, { review: body, assignment: assignmentId });
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
