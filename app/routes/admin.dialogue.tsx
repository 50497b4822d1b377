import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { TITLE_MAX } from "../dialogue/limits";
import { cohortsForGrants } from "../models/cohort.server";
import { viewerOf } from "../models/dialogue/access.server";
import { createRegionalSpace, listRegionalSpaces } from "../models/dialogue/moderation.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dialogue.regional.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  return json({ spaces: await listRegionalSpaces(context.db), cohorts: await cohortsForGrants(context.db, user.scopedGrants) });
}

const schema = () => z.object({
  title: z.string({ error: "form.required" }).trim().min(1, "form.required").max(TITLE_MAX, "dialogue.errors.titleTooLong"),
  cohortIds: z.array(z.string().refine(isUuid, "form.invalid"), { error: "dialogue.regional.twoCohorts" }).min(2, "dialogue.regional.twoCohorts").max(50, "form.invalid"),
});

type Failed = { errors: Record<string, string>; values: { title: string; cohortIds: string[] } };

// Opens a regional space: a title and the cohorts (two or more) whose members take part.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
  const values = { title: String(form.get("title") ?? ""), cohortIds: form.getAll("cohortIds").map(String) };
  const parsed = schema().safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return json<Failed>({ errors, values }, { status: 400 });
  }
  const result = await createRegionalSpace(context.db, { viewer: viewerOf(user), requestId: context.requestId }, parsed.data);
  if (!result.ok) return json<Failed>({ errors: { cohortIds: "form.invalid" }, values }, { status: 400 });
  return redirect(`/dialogue/${result.spaceId}`);
}

export default function RegionalSpaces() {
  const { t } = useTranslation();
  const { spaces, cohorts } = useLoaderData<typeof loader>();
  const failed = useActionData<Failed>();
  const chosen = new Set(failed?.values.cohortIds ?? []);
  return (
    <div className="page">
      <h1>{t("dialogue.regional.title")}</h1>
      <p className="lead">{t("dialogue.regional.intro")}</p>
      {spaces.length === 0 ? (
        <p className="empty">{t("dialogue.regional.none")}</p>
      ) : (
        <ul className="card-list">
          {spaces.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/dialogue/${s.id}`} dir="auto">
                  {s.title}
                </Link>
              </h2>
              <p dir="auto">{s.cohorts.join(" · ")}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("dialogue.regional.open")}</h2>
      <Form method="post" className="post-form" noValidate>
        <CsrfField />
        <div className={failed?.errors.title ? "field field-invalid" : "field"}>
          <label htmlFor="regional-title">{t("dialogue.thread.titleLabel")}</label>
          {failed?.errors.title ? (
            <p className="field-error" id="regional-title-error">
              {t(failed.errors.title)}
            </p>
          ) : null}
          <input id="regional-title" name="title" dir="auto" maxLength={TITLE_MAX} required defaultValue={failed?.values.title ?? ""} aria-invalid={failed?.errors.title ? true : undefined} aria-describedby={failed?.errors.title ? "regional-title-error" : undefined} />
        </div>
        <fieldset className={failed?.errors.cohortIds ? "field field-invalid" : "field"} aria-describedby={failed?.errors.cohortIds ? "regional-cohorts-error" : undefined}>
          <legend>{t("dialogue.regional.cohorts")}</legend>
          {failed?.errors.cohortIds ? (
            <p className="field-error" id="regional-cohorts-error">
              {t(failed.errors.cohortIds)}
            </p>
          ) : null}
          {cohorts.map((c) => (
            <div key={c.id} className="choice">
              <input type="checkbox" id={`cohort-${c.id}`} name="cohortIds" value={c.id} defaultChecked={chosen.has(c.id)} />
              <label htmlFor={`cohort-${c.id}`} dir="auto">
                {c.name}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button-primary">
          {t("dialogue.regional.create")}
        </button>
      </Form>
    </div>
  );
}
