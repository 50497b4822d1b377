import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { cohortFields, cohortSchema } from "../cohorts/cohort-form.server";
import { cohortFormOptions } from "../cohorts/cohort-options.server";
import { CohortForm } from "../components/cohort-form";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { Field } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { localeFor } from "../i18n/request-locale.server";
import { addFacilitator, closeCohort, copyCohort, findManagedCohort, removeFacilitator, updateCohort } from "../models/cohort-admin.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";
import { z } from "../utils/zod.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cohortAdmin.detailTitle");

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:cohorts");
  const id = params.cohortId ?? "";
  const cohort = isUuid(id) ? await findManagedCohort(context.db, user.scopedGrants, id) : null;
  if (!cohort) throw notFound();
  const options = await cohortFormOptions(context.db, context.content, user.scopedGrants, localeFor(request, user));
  // Editing keeps the cohort's own country even when this manager could not open one there.
  const values: Record<string, string> = {
    name: cohort.name,
    startsOn: cohort.starts_on ?? "",
    endsOn: cohort.ends_on ?? "",
    capacity: cohort.capacity === null ? "" : String(cohort.capacity),
    locale: cohort.locale ?? "",
    countryCode: cohort.country_code ?? "",
    lowData: cohort.low_data ? "on" : "",
  };
  for (const c of cohort.courses) {
    values[`course:${c.course_id}`] = "on";
    values[`due:${c.course_id}`] = c.due_on ?? "";
  }
  const courseTitles = Object.fromEntries(options.courses.map((c) => [c.id, c.title]));
  return json({ cohort, options, values, courseTitles });
}

const otherIntents = () =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("copy"), name: z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "cohortAdmin.form.tooLong") }),
    z.object({ intent: z.literal("close") }),
    z.object({ intent: z.literal("add-facilitator"), email: z.string({ error: "form.required" }).trim().min(1, "form.required").max(254) }),
    z.object({ intent: z.literal("remove-facilitator"), personId: z.string().refine(isUuid) }),
  ]);

/** Which field a refusal belongs next to. */
const FIELD_OF = { copy: "copyName", close: "form", "add-facilitator": "email", "remove-facilitator": "form", update: "form" } as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:cohorts");
  const id = params.cohortId ?? "";
  if (!isUuid(id)) throw notFound();
  const { db } = context;
  const actor = { id: user.id, requestId: context.requestId };
  const grants = user.scopedGrants;
  const intent = (await request.clone().formData()).get("intent");
  if (intent === "update") {
    const form = await parseForm(request, cohortSchema());
    if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
    const values = Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
    const parsed = cohortFields(context.content, form.data);
    if (!parsed.ok) return json({ errors: parsed.errors, values }, { status: 400 });
    const result = await updateCohort(db, actor, grants, id, parsed.fields);
    if (!result.ok) {
      if (result.code === "missing") throw notFound();
      const field = result.code === "below-members" ? "capacity" : result.code === "out-of-scope" || result.code === "country-missing" ? "countryCode" : "form";
      return json({ errors: { [field]: `cohortAdmin.refused.${result.code}` } as Record<string, string>, values }, { status: 400 });
    }
    return redirect(`/coordinate/cohorts/${id}?done=updated`);
  }
  const form = await parseForm(request, otherIntents());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const data = form.data;
  const result =
    data.intent === "copy"
      ? await copyCohort(db, actor, grants, id, data.name)
      : data.intent === "close"
        ? await closeCohort(db, actor, grants, id)
        : data.intent === "add-facilitator"
          ? await addFacilitator(db, actor, grants, id, data.email)
          : await removeFacilitator(db, actor, grants, id, data.personId);
  if (!result.ok) {
    if (result.code === "missing") throw notFound();
    return json({ errors: { [FIELD_OF[data.intent]]: `cohortAdmin.refused.${result.code}` } as Record<string, string>, values: data.intent === "copy" ? { copyName: data.name } : data.intent === "add-facilitator" ? { email: data.email } : {} }, { status: 400 });
  }
  if (data.intent === "copy" && "id" in result) return redirect(`/coordinate/cohorts/${result.id}?done=copied`);
  return redirect(`/coordinate/cohorts/${id}?done=${data.intent}`);
}

export default function CohortPage() {
  const { t } = useTranslation();
  const { cohort, options, values, courseTitles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors: Record<string, string> = actionData?.errors ?? {};
  const typed: Record<string, string> = actionData?.values ?? {};
  const closed = Boolean(cohort.closed_at);
  return (
    <div className="page wide">
      <p>
        <Link to="/coordinate/cohorts">{t("cohortAdmin.back")}</Link>
      </p>
      <h1 dir="auto">{cohort.name}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(`cohortAdmin.done.${done}`, { defaultValue: t("cohortAdmin.done.updated") })}
        </p>
      ) : null}
      {errors.form ? (
        <p className="field-error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <p>
        {cohort.capacity === null ? t("cohortAdmin.seatsOpen", { count: cohort.learners }) : t("cohortAdmin.seatsOf", { count: cohort.learners, capacity: cohort.capacity })}
        {closed ? ` · ${t("cohortAdmin.closed")}` : null}
      </p>
      <ul className="link-list">
        <li>
          <Link to={`/coordinate/cohorts/${cohort.id}/enrolment`}>{t("cohortAdmin.enrolLink")}</Link>
        </li>
        <li>
          <Link to={`/coordinate/learners?cohort=${cohort.id}`}>{t("cohortAdmin.progressLink")}</Link>
        </li>
        <li>
          <Link to={`/facilitate/sessions?cohort=${cohort.id}`}>{t("cohortAdmin.sessionsLink")}</Link>
        </li>
      </ul>
      {closed ? (
        <>
          <p className="notice">{t("cohortAdmin.closedNote")}</p>
          <DataTable
            caption={t("cohortAdmin.form.courses")}
            rows={cohort.courses}
            rowKey={(c) => c.course_id}
            empty={t("cohortAdmin.noCourses")}
            columns={[
              { header: t("cohortAdmin.course"), rowHeader: true, auto: true, cell: (c) => courseTitles[c.course_id] ?? c.course_id },
              { header: t("cohortAdmin.due"), cell: (c) => <DateText value={c.due_on} /> },
            ]}
          />
        </>
      ) : (
        <>
          <h2>{t("cohortAdmin.edit")}</h2>
          <CohortForm options={options} values={actionData && !typed.copyName && !typed.email ? { ...values, ...typed } : values} errors={errors} intent="update" submitLabel={t("cohortAdmin.saveButton")} />
        </>
      )}
      <h2>{t("cohortAdmin.facilitators")}</h2>
      <DataTable
        caption={t("cohortAdmin.facilitatorsCaption", { count: cohort.facilitators.length })}
        rows={cohort.facilitators}
        rowKey={(f) => f.id}
        empty={t("cohortAdmin.noFacilitators")}
        columns={[
          { header: t("cohortAdmin.person"), rowHeader: true, auto: true, cell: (f) => f.display_name },
          { header: t("cohortAdmin.email"), cell: (f) => f.email },
          !closed && {
            header: t("people.actions"),
            cell: (f) => (
              <IntentButton intent="remove-facilitator" fields={{ personId: f.id }} aria-label={t("cohortAdmin.removeNamed", { name: f.display_name })}>
                {t("cohortAdmin.remove")}
              </IntentButton>
            ),
          },
        ]}
      />
      {closed ? null : (
        <Form method="post" noValidate className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="add-facilitator" />
          <Field name="email" type="email" label={t("cohortAdmin.facilitatorEmail")} hint={t("cohortAdmin.facilitatorHint")} autoComplete="off" defaultValue={typed.email ?? ""} error={errors.email && t(errors.email)} />
          <button type="submit" className="button-primary">
            {t("cohortAdmin.addFacilitator")}
          </button>
        </Form>
      )}
      <h2>{t("cohortAdmin.copy")}</h2>
      <Form method="post" noValidate className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="copy" />
        <Field name="name" id="field-copyName" label={t("cohortAdmin.copyName")} hint={t("cohortAdmin.copyHint")} autoComplete="off" defaultValue={typed.copyName ?? ""} error={errors.copyName && t(errors.copyName)} />
        <button type="submit">{t("cohortAdmin.copyButton")}</button>
      </Form>
      {closed ? null : (
        <>
          <h2>{t("cohortAdmin.close")}</h2>
          <p>{t("cohortAdmin.closeHint")}</p>
          <IntentButton intent="close" className="button-primary">
            {t("cohortAdmin.closeButton")}
          </IntentButton>
        </>
      )}
    </div>
  );
}
