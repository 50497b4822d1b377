import { initialTransition, transition } from "xstate";
import type { Course } from "../../app/content/model";
import { progressCourse } from "../../app/content/progress-course";
import { itemStatus, summarize, type ProgressContext } from "../../app/machines/course-progress";
import { QUIZ_MACHINE_VERSION, quizAttemptMachine, type QuizEvent } from "../../app/machines/quiz-attempt";
import type { LearningEvent } from "../../app/learning/event";
import { drawAttempt, quizSettings, type QuizSnapshot } from "../../app/quiz/attempt";
import { quizEvents } from "../../app/quiz/events";
import type { QuizSettings } from "../../app/machines/quiz-attempt";
import type { Answer } from "../../app/quiz/answers";
import type { QuestionKey } from "../../app/quiz/key";
import type { FinishedPlay } from "../../app/scenario/play";
import { offeredChoices, type Scenario } from "../../app/scenario/compile";
import type { Random } from "../lib/prng";

/** The quiz being simulated (the seed writes the rows itself, without the app's store). */
interface BenchQuizRef {
  courseId: string;
  quizId: string;
  settings: QuizSettings;
}

/**
 * One officer's history in one course, built by walking the course the way the app does: the
 * same progress rules (what is open, what comes next), the same quiz machine and the same
 * learning events as app/models/progress.server.ts and quiz.server.ts write. So the projections
 * (item_progress, course_progress, quiz_states) agree with the event log by construction.
 */

const MAX_SECONDS_PER_ITEM = 60 * 60; // as in progress.server.ts

export interface Rows {
  events: (LearningEvent & { timestamp: Date })[];
  items: { person_id: string; course_id: string; item_id: string; first_viewed_at: Date; last_viewed_at: Date; completed_at: Date | null; seconds_spent: number }[];
  courses: { person_id: string; course_id: string; started_at: Date; last_activity_at: Date; last_item_id: string | null; completed_at: Date | null }[];
  quizzes: { person_id: string; course_id: string; quiz_id: string; machine_version: number; snapshot: string; version: number; updated_at: Date }[];
  scenarios: { person_id: string; course_id: string; scenario_id: string; state: string; version: number; updated_at: Date }[];
}

export function emptyRows(): Rows {
  return { events: [], items: [], courses: [], quizzes: [], scenarios: [] };
}

/** How far an officer goes in a course: a share of the course's steps (0: never opened it). */
export type Reach = number;

/** A clock that moves forward by realistic gaps (seconds to minutes, sometimes days). */
class Clock {
  constructor(
    public ms: number,
    private random: Random,
  ) {}

  step(minSeconds: number, maxSeconds: number): Date {
    this.ms += this.random.int(minSeconds, maxSeconds) * 1000;
    return new Date(this.ms);
  }

  /** Between sittings: a few hours to a few days. */
  pause(): void {
    this.ms += this.random.int(2, 96) * 3_600_000;
  }
}

export function simulateCourse(random: Random, rows: Rows, personId: string, course: Course, startMs: number, reach: Reach, skill: number): void {
  if (reach <= 0) return;
  const rules = progressCourse(course);
  const clock = new Clock(startMs, random);
  const context: ProgressContext = { course: rules, viewed: [], completed: [] };
  const itemRows = new Map<string, Rows["items"][number]>();
  let courseRow: Rows["courses"][number] | null = null;
  const steps = Math.max(1, Math.round(reach * rules.items.length));

  for (let step = 0; step < steps; step++) {
    const nextId = summarize(context).nextItemId;
    if (!nextId) break;
    const item = course.items.get(nextId)!;
    const state = itemStatus(context, nextId).state;
    if (state !== "available" && state !== "in-progress") break;
    if (random.chance(0.15)) clock.pause();

    // Opening the item (recordView), sometimes more than once.
    const view = (at: Date) => {
      const existing = itemRows.get(item.id);
      if (existing) existing.last_viewed_at = at;
      else itemRows.set(item.id, { person_id: personId, course_id: course.id, item_id: item.id, first_viewed_at: at, last_viewed_at: at, completed_at: null, seconds_spent: 0 });
      if (courseRow) {
        courseRow.last_item_id = item.id;
        courseRow.last_activity_at = at;
      } else {
        courseRow = { person_id: personId, course_id: course.id, started_at: at, last_activity_at: at, last_item_id: item.id, completed_at: null };
      }
      if (!context.viewed.includes(item.id)) context.viewed.push(item.id);
      rows.events.push({ actorId: personId, verb: "experienced", object: { type: item.kind, id: `${course.id}/${item.id}` }, context: { course: course.id }, timestamp: at });
    };
    const views = random.chance(0.25) ? random.int(2, 3) : 1;
    for (let v = 0; v < views; v++) view(clock.step(5, 240));

    // The last step of a partial walk often stops at an opened, unfinished item.
    const lastStep = step === steps - 1 && reach < 1;
    if (lastStep && random.chance(0.5)) break;

    let completed = false;
    if (item.kind === "quiz") {
      const file = course.quizzes.get(item.id);
      if (!file) break;
      const ref: BenchQuizRef = { courseId: course.id, quizId: item.id, settings: quizSettings(file) };
      const outcome = simulateQuiz(random, rows, personId, ref, file, clock, skill, lastStep, view);
      completed = outcome.passedAt !== null;
      if (!completed) break;
      clock.ms = outcome.passedAt!.getTime();
    } else if (item.kind === "lesson") {
      completed = true;
      clock.step(60, item.minutes * 90);
    } else if (item.kind === "scenario") {
      const scenario = course.scenarios.get(item.id);
      if (!scenario) break;
      const protectedAt = simulateScenario(random, rows, personId, course.id, scenario, clock, skill);
      if (!protectedAt) break;
      clock.ms = protectedAt.getTime();
      completed = true;
    } else {
      break; // discussions are completed by posting, which the seed does not do
    }
    if (!completed) break;

    const at = new Date(clock.ms);
    const itemRow = itemRows.get(item.id)!;
    itemRow.completed_at = at;
    itemRow.seconds_spent = Math.min(MAX_SECONDS_PER_ITEM, Math.max(0, Math.floor((at.getTime() - itemRow.last_viewed_at.getTime()) / 1000)));
    courseRow!.last_activity_at = at;
    context.completed.push(item.id);
    rows.events.push({
      actorId: personId,
      verb: "completed",
      object: { type: item.kind, id: `${course.id}/${item.id}` },
      result: { completion: true, duration: `PT${itemRow.seconds_spent}S` },
      context: { course: course.id },
      timestamp: at,
    });
    if (summarize(context).status === "completed" && !courseRow!.completed_at) {
      courseRow!.completed_at = at;
      rows.events.push({ actorId: personId, verb: "completed", object: { type: "course", id: course.id }, result: { completion: true, duration: "PT0S" }, context: { course: course.id }, timestamp: at });
    }
  }
  rows.items.push(...itemRows.values());
  if (courseRow) rows.courses.push(courseRow);
}

type QuizFile = NonNullable<ReturnType<Course["quizzes"]["get"]>>;

/** Attempts at one quiz through the real machine; returns when it was passed, if it was. */
function simulateQuiz(random: Random, rows: Rows, personId: string, ref: BenchQuizRef, file: QuizFile, clock: Clock, skill: number, mayAbandon: boolean, view: (at: Date) => void): { passedAt: Date | null } {
  let snapshot: QuizSnapshot = initialTransition(quizAttemptMachine, { settings: ref.settings })[0];
  let version = 0;
  let passedAt: Date | null = null;
  const send = (event: QuizEvent) => {
    const [after] = transition(quizAttemptMachine, snapshot, event);
    const changed = JSON.stringify({ v: after.value, c: after.context }) !== JSON.stringify({ v: snapshot.value, c: snapshot.context });
    if (!changed) return false;
    const at = new Date(event.now);
    for (const e of quizEvents(personId, ref, snapshot.context, after.context)) rows.events.push({ ...e, timestamp: at });
    snapshot = after;
    version++;
    // Every step redirects to the quiz page, whose GET records a view while the quiz is open.
    const last = after.context.finished.at(-1);
    if (!(after.matches("graded") && last?.passed)) view(new Date(event.now + 1000));
    return true;
  };

  const maxAttempts = Math.min(3, ref.settings.attemptsAllowed ?? 3);
  // An attempt abandoned half-way still leaves its state behind (the app resumes it), so it
  // ends the attempts, not the function.
  attempts: for (let attempt = 0; attempt < maxAttempts && passedAt === null; attempt++) {
    if (attempt > 0) clock.ms += ref.settings.retryWaitMs + random.int(1, 48) * 3_600_000;
    const drawn = drawAttempt(file, () => random.next());
    if (!send({ type: "attempt.start", now: clock.step(2, 20).getTime(), ...drawn })) break;
    const abandonAt = mayAbandon && random.chance(0.3) ? random.int(0, drawn.keys.length - 1) : -1;
    let answered = 0;
    for (let guard = 0; guard < 200 && snapshot.matches("answering"); guard++) {
      if (snapshot.matches({ answering: "question" })) {
        if (answered === abandonAt) break attempts;
        const current = snapshot.context.current!;
        const key = current.keys[current.index]!;
        const right = random.chance(skill + attempt * 0.1);
        send({ type: "answer.submit", now: clock.step(15, 90).getTime(), questionId: key.id, answer: answerFor(key, right, random), token: random.uuid() });
        answered++;
      } else if (snapshot.matches({ answering: "showing" })) {
        send({ type: "question.next", now: clock.step(3, 30).getTime() });
      } else {
        send({ type: "attempt.submit", now: clock.step(5, 60).getTime() });
      }
    }
    const last = snapshot.context.finished.at(-1);
    if (snapshot.matches("graded") && last?.passed) passedAt = new Date(last.finishedAt);
  }
  if (version > 0) {
    rows.quizzes.push({
      person_id: personId,
      course_id: ref.courseId,
      quiz_id: ref.quizId,
      machine_version: QUIZ_MACHINE_VERSION,
      snapshot: JSON.stringify({ value: snapshot.value, context: snapshot.context }),
      version,
      updated_at: new Date(clock.ms),
    });
  }
  return { passedAt };
}

/** A right or a wrong answer to a question, of the shape the answer forms produce. */
function answerFor(key: QuestionKey, right: boolean, random: Random): Answer {
  switch (key.type) {
    case "single": {
      const pool = key.options.filter((o) => o.correct === right);
      return { type: "single", optionId: random.pick(pool.length ? pool : key.options).id };
    }
    case "multiple": {
      const correct = key.options.filter((o) => o.correct).map((o) => o.id);
      const wrong = key.options.filter((o) => !o.correct).map((o) => o.id);
      if (right || wrong.length === 0) return { type: "multiple", optionIds: correct };
      return { type: "multiple", optionIds: [...correct.slice(1), random.pick(wrong)] };
    }
    case "true-false":
      return { type: "true-false", value: right ? key.answer : !key.answer };
    case "matching": {
      const matches = key.rows.map((r) => r.match);
      const shift = right ? 0 : 1;
      return { type: "matching", choices: Object.fromEntries(key.rows.map((r, i) => [r.id, matches[(i + shift) % matches.length]!])) };
    }
    case "ordering": {
      const n = key.items.length;
      return { type: "ordering", positions: Object.fromEntries(key.items.map((item, i) => [item.id, right ? i + 1 : n - i])) };
    }
    case "short-text": {
      const accepted = Object.values(key.accepted).flat().filter((s): s is string => typeof s === "string");
      return { type: "short-text", text: right && accepted.length ? accepted[0]! : "no lo sé" };
    }
  }
}

export { QUIZ_MACHINE_VERSION };

/**
 * Plays of one scenario through its compiled machine, as applyScenarioEvent records them: a
 * skilled officer more often picks a choice that scores well. Up to three plays, stopping at
 * the first protected ending; returns when that was, if it happened.
 */
function simulateScenario(random: Random, rows: Rows, personId: string, courseId: string, scenario: Scenario, clock: Clock, skill: number): Date | null {
  const finished: FinishedPlay[] = [];
  let version = 0;
  const scenarioObject = { type: "scenario", id: `${courseId}/${scenario.id}` };
  for (let number = 1; number <= 3; number++) {
    version++;
    rows.events.push({ actorId: personId, verb: "attempted", object: scenarioObject, context: { course: courseId, play: number }, timestamp: clock.step(5, 60) });
    let snapshot = scenario.machine.resolveState({ value: scenario.file.start, context: { path: [] } });
    while (snapshot.status !== "done") {
      const node = scenario.nodes.get(String(snapshot.value))!;
      const offered = offeredChoices(node, snapshot.context.path);
      const good = offered.filter((c) => c.score > 0);
      const choice = good.length && random.chance(skill) ? random.pick(good) : random.pick(offered);
      const at = clock.step(20, 180);
      version++;
      rows.events.push({
        actorId: personId,
        verb: "responded",
        object: { type: "scenario-node", id: `${courseId}/${scenario.id}/${node.id}` },
        result: { response: choice.id, score: { raw: choice.score } },
        context: { course: courseId, scenario: scenario.id, play: number },
        timestamp: at,
      });
      [snapshot] = transition(scenario.machine, snapshot, { type: "choose", choiceId: choice.id });
    }
    const ending = scenario.endings.get(String(snapshot.value))!;
    const path = snapshot.context.path;
    const score = path.reduce((sum, d) => sum + (scenario.nodes.get(d.node)?.choices.find((c) => c.id === d.choice)?.score ?? 0), 0);
    const at = new Date(clock.ms);
    finished.push({ number, path, ending: ending.id, outcome: ending.outcome, score, finishedAt: at.toISOString() });
    const result = { completion: true, success: ending.outcome === "protected", response: ending.id, score: { raw: score }, extensions: { outcome: ending.outcome } };
    rows.events.push({ actorId: personId, verb: "completed", object: scenarioObject, result, context: { course: courseId, play: number }, timestamp: at });
    if (ending.outcome === "protected") break;
  }
  rows.scenarios.push({ person_id: personId, course_id: courseId, scenario_id: scenario.id, state: JSON.stringify({ current: null, finished }), version, updated_at: new Date(clock.ms) });
  const best = finished.find((p) => p.outcome === "protected");
  return best ? new Date(best.finishedAt) : null;
}
