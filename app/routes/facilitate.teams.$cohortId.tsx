import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Trx } from "../../db/client";
import { notFound, requirePermission } from "../auth/guards.server";
import { GenerateTeamsForm } from "../components/teams/generate-teams-form";
import { NewTeamForm } from "../components/teams/new-team-form";
import { TeamTable } from "../components/teams/team-table";
import { TeamsNotice } from "../components/teams/teams-notice";
import { UnteamedOfficers } from "../components/teams/unteamed-officers";
import { localeFor } from "../i18n/request-locale.server";
import { serverT } from "../i18n/translations.server";
import { pick } from "../content/model";
import { cohortCourseIds } from "../models/sessions/schedule.server";
import { addToTeam, createTeam, deleteTeam, moveToTeam, officersWithoutTeam, removeFromTeam, TEAM_NAME_MAX, type MembershipCode } from "../models/teams/membership.server";
import type { Result } from "../models/result";
import { generateTeams, teamCohortInScope, teamsOfCohort, type TeamGrouping } from "../models/teams/teams.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { regionName } from "../utils/intl";
import { pageTitle } from "../utils/meta";
import { membershipRefusal } from "../utils/team-refusals";
import { z } from "../utils/zod.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitate.teams.cohortTitle");

/** The cohort, when it is within this person's scope (otherwise it does not exist for them). */
async function findCohort(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requirePermission(args.context, args.request, "manage:teams");
  const id = args.params.cohortId ?? "";
  const cohort = isUuid(id) ? await teamCohortInScope(args.context.db, user.grants, id) : null;
  if (!cohort) throw notFound();
  return { user, cohort };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, cohort } = await findCohort(args);
  const locale = localeFor(args.request, user);
  const { db } = args.context;
  // The group tasks of the courses given to the cohort: where the teams' work is read and scored.
  const tasks = (await cohortCourseIds(db, cohort.id)).flatMap((courseId) => {
    const course = args.context.content.courses.get(courseId);
    if (!course) return [];
    return [...course.items.values()].filter((i) => i.kind === "group-task" && course.groupTasks.has(i.id)).map((i) => ({ courseId, itemId: i.id, title: pick(i.title, locale), course: pick(course.title, locale) }));
  });
  return json({ cohort: { id: cohort.id, name: cohort.name, closed: cohort.closed_at !== null }, teams: await teamsOfCohort(db, cohort.id), unteamed: await officersWithoutTeam(db, cohort.id), tasks });
}

const id = (message: string) => z.string({ error: message }).refine(isUuid, message);
const chosenTeam = () => z.string({ error: "facilitate.teams.errors.chooseTeam" }).min(1, "facilitate.teams.errors.chooseTeam").pipe(id("facilitate.teams.errors.badRequest"));
const badName = "facilitate.teams.errors.badName";

// One form per change; the ids are only read here, the model checks them against the cohort.
const schema = () =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("generate"), by: z.enum(["country", "institution"], { error: "facilitate.teams.errors.badForm" }) }),
    z.object({ intent: z.literal("create"), name: z.string({ error: badName }).trim().min(1, badName).max(TEAM_NAME_MAX, badName) }),
    z.object({ intent: z.literal("add"), personId: id("facilitate.teams.errors.badRequest"), teamId: chosenTeam() }),
    z.object({ intent: z.literal("move"), personId: id("facilitate.teams.errors.badRequest"), teamId: chosenTeam() }),
    z.object({ intent: z.literal("remove"), personId: id("facilitate.teams.errors.badRequest") }),
    z.object({ intent: z.literal("delete"), teamId: id("facilitate.teams.errors.badRequest") }),
  ]);
type Change = Exclude<z.infer<ReturnType<typeof schema>>, { intent: "generate" }>;

type Failed = { error: string; intent: string; values: { name: string } };

/** A change's answer, with the team it concerns (none once deleted), for the notice after the redirect. */
const naming = (result: Result<object, MembershipCode>, teamId: string | null): Result<{ teamId: string | null }, MembershipCode> => (result.ok ? { ok: true, teamId } : result);

/** Runs one change made by hand, in the caller's transaction. */
async function applyChange(trx: Trx, cohortId: string, actorId: string, change: Change): Promise<Result<{ teamId: string | null }, MembershipCode>> {
  switch (change.intent) {
    case "create":
      return createTeam(trx, { cohortId, name: change.name, actorId });
    case "add":
      return naming(await addToTeam(trx, { cohortId, personId: change.personId, teamId: change.teamId }), change.teamId);
    case "move":
      return naming(await moveToTeam(trx, { cohortId, personId: change.personId, teamId: change.teamId }), change.teamId);
    case "remove":
      return naming(await removeFromTeam(trx, { cohortId, personId: change.personId }), null);
    case "delete":
      return naming(await deleteTeam(trx, { cohortId, teamId: change.teamId }), null);
  }
}

export async function action(args: ActionFunctionArgs) {
  const { user, cohort } = await findCohort(args);
  const form = await parseForm(args.request, schema());
  if (!form.ok) {
    const error = Object.values(form.errors).find((key) => key.startsWith("facilitate.teams.")) ?? "facilitate.teams.errors.badRequest";
    return json<Failed>({ error, intent: form.values.intent ?? "", values: { name: form.values.name ?? "" } }, { status: 400 });
  }
  const change = form.data;
  if (change.intent === "generate") return generate(args, cohort.id, user, change.by);
  const done = await args.context.db.transaction().execute((trx) => applyChange(trx, cohort.id, user.id, change));
  if (!done.ok) {
    const refusal = membershipRefusal(done.code);
    return json<Failed>({ error: refusal.message, intent: change.intent, values: { name: change.intent === "create" ? change.name : "" } }, { status: refusal.status });
  }
  const about = new URLSearchParams({ done: change.intent });
  if (done.teamId) about.set("team", done.teamId);
  if ("personId" in change) about.set("person", change.personId);
  return redirect(`/facilitate/teams/${cohort.id}?${about.toString()}`);
}

/** Forms every team of the cohort again, named in the language of whoever forms them ("Equipo Guatemala"). */
async function generate(args: ActionFunctionArgs, cohortId: string, user: { id: string; locale: string }, by: TeamGrouping) {
  const locale = localeFor(args.request, user);
  const t = serverT(locale);
  const { db } = args.context;
  const institutions = new Map((await db.selectFrom("institutions").select(["id", "short_name"]).execute()).map((i) => [i.id, i.short_name]));
  const name = (key: string | null) => (key === null ? t("facilitate.teams.unassigned") : t("facilitate.teams.teamName", { group: by === "country" ? regionName(locale, key) : (institutions.get(key) ?? key) }));
  const result = await db.transaction().execute((trx) => generateTeams(trx, cohortId, by, name, user.id));
  if (!result.ok) return json<Failed>({ error: `facilitate.teams.errors.${result.code}`, intent: "generate", values: { name: "" } }, { status: 409 });
  return redirect(`/facilitate/teams/${cohortId}?made=${result.teams}`);
}

export default function CohortTeams() {
  const { t } = useTranslation();
  const { cohort, teams, unteamed, tasks } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  // A new page (after a change's redirect) empties the name field; a refusal keeps what was typed.
  const { key } = useLocation();
  const editable = !cohort.closed;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/facilitate/teams">{t("facilitate.teams.title")}</Link>
      </p>
      <h1 dir="auto">{t("facilitate.teams.cohortHeading", { cohort: cohort.name })}</h1>
      <TeamsNotice params={params} teams={teams} unteamed={unteamed} />
      {failed?.error ? (
        <p className="alert" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
      {cohort.closed ? <p className="hint">{t("facilitate.teams.closed")}</p> : null}
      {teams.length && tasks.length ? (
        <section aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">{t("facilitate.teams.tasks")}</h2>
          <ul>
            {tasks.map((task) => (
              <li key={`${task.courseId}/${task.itemId}`}>
                <Link to={`/facilitate/teams/${cohort.id}/${task.courseId}/${task.itemId}`}>{task.title}</Link> <span className="hint">({task.course})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("facilitate.teams.teamsHeading")}</h2>
      {teams.length === 0 ? <p className="empty">{t("facilitate.teams.none")}</p> : null}
      {teams.map((team) => (
        <TeamTable key={team.id} team={team} teams={teams} editable={editable} />
      ))}
      {teams.length ? <UnteamedOfficers people={unteamed} teams={teams} editable={editable} /> : null}
      {editable ? (
        <>
          <NewTeamForm key={key} name={failed?.intent === "create" ? failed.values.name : ""} error={failed?.intent === "create" ? t(failed.error) : undefined} />
          <GenerateTeamsForm again={teams.length > 0} />
        </>
      ) : null}
    </div>
  );
}
