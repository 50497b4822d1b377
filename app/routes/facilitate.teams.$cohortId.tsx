import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { localeFor } from "../i18n/request-locale.server";
import { serverT } from "../i18n/translations.server";
import { pick } from "../content/model";
import { cohortCourseIds } from "../models/sessions/schedule.server";
import { generateTeams, teamCohortInScope, teamsOfCohort } from "../models/teams/teams.server";
import { isUuid } from "../utils/ids";
import { regionName } from "../utils/intl";
import { pageTitle } from "../utils/meta";

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
  // The group tasks of the courses given to the cohort: where the teams' work is read and scored.
  const tasks = (await cohortCourseIds(args.context.db, cohort.id)).flatMap((courseId) => {
    const course = args.context.content.courses.get(courseId);
    if (!course) return [];
    return [...course.items.values()].filter((i) => i.kind === "group-task" && course.groupTasks.has(i.id)).map((i) => ({ courseId, itemId: i.id, title: pick(i.title, locale), course: pick(course.title, locale) }));
  });
  return json({ cohort: { id: cohort.id, name: cohort.name, closed: cohort.closed_at !== null }, teams: await teamsOfCohort(args.context.db, cohort.id), tasks });
}

export async function action(args: ActionFunctionArgs) {
  const { user, cohort } = await findCohort(args);
  const form = await args.request.formData();
  const by = form.get("by");
  if (form.get("intent") !== "generate" || (by !== "country" && by !== "institution")) return json({ error: "facilitate.teams.errors.badForm" }, { status: 400 });
  const t = serverT(localeFor(args.request, user));
  const { db } = args.context;
  const institutions = new Map((await db.selectFrom("institutions").select(["id", "short_name"]).execute()).map((i) => [i.id, i.short_name]));
  // Team names are stored: in the language of whoever forms them, e.g. "Equipo Guatemala".
  const locale = localeFor(args.request, user);
  const name = (key: string | null) => (key === null ? t("facilitate.teams.unassigned") : t("facilitate.teams.teamName", { group: by === "country" ? regionName(locale, key) : (institutions.get(key) ?? key) }));
  const result = await db.transaction().execute((trx) => generateTeams(trx, cohort.id, by, name, user.id));
  if (!result.ok) return json({ error: `facilitate.teams.errors.${result.code}` }, { status: 409 });
  return redirect(`/facilitate/teams/${cohort.id}?made=${result.teams}`);
}

export default function CohortTeams() {
  const { t } = useTranslation();
  const { cohort, teams, tasks } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/facilitate/teams">{t("facilitate.teams.title")}</Link>
      </p>
      <h1 dir="auto">{t("facilitate.teams.cohortHeading", { cohort: cohort.name })}</h1>
      {params.get("made") ? (
        <p className="notice" role="status">
          {t("facilitate.teams.made", { count: Number(params.get("made")) })}
        </p>
      ) : null}
      {failed?.error ? (
        <p className="alert" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
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
      {teams.length === 0 ? <p className="empty">{t("facilitate.teams.none")}</p> : null}
      {teams.map((team) => (
        <DataTable
          key={team.id}
          caption={t("facilitate.teams.teamCaption", { team: team.name, count: team.members.length })}
          rows={team.members}
          rowKey={(m) => m.personId}
          columns={[
            { header: t("facilitate.teams.person"), rowHeader: true, auto: true, cell: (m) => m.displayName },
            { header: t("facilitate.teams.country"), cell: (m) => m.countryCode ?? "—" },
          ]}
        />
      ))}
      {cohort.closed ? null : (
        <Form method="post">
          <CsrfField />
          <fieldset>
            <legend>{teams.length ? t("facilitate.teams.regenerate") : t("facilitate.teams.generate")}</legend>
            <p className="hint">{t("facilitate.teams.generateHint")}</p>
            <div className="radio">
              <input type="radio" id="by-country" name="by" value="country" defaultChecked />
              <label htmlFor="by-country">{t("facilitate.teams.byCountry")}</label>
            </div>
            <div className="radio">
              <input type="radio" id="by-institution" name="by" value="institution" />
              <label htmlFor="by-institution">{t("facilitate.teams.byInstitution")}</label>
            </div>
          </fieldset>
          <button type="submit" name="intent" value="generate" className="button-primary">
            {t("facilitate.teams.make")}
          </button>
        </Form>
      )}
    </div>
  );
}
