import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { notFound, requirePermission } from "../auth/guards.server";
import { CountryName } from "../components/country-name";
import { CsrfField } from "../components/csrf-field";
import { Field, SelectField } from "../components/field";
import { KindSelect } from "../components/institution-kind-select";
import { Alert } from "../components/alert";
import { Notice } from "../components/notice";
import { addUnit, findInstitution, mergeInstitutions, retireInstitution, updateInstitution } from "../models/institutions.server";
import { INSTITUTION_KINDS } from "../organisation/institution-kinds";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgAdmin.institutions.editTitle");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage:people");
  const id = params.institutionId;
  const institution = isUuid(id) ? await findInstitution(context.db, id) : null;
  if (!institution) throw notFound();
  return json({ institution });
}

const schema = () =>
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("update"),
      name: z.string({ error: "form.required" }).trim().min(1, "form.required").max(200, "form.tooLong"),
      shortName: z.string({ error: "form.required" }).trim().min(1, "form.required").max(30, "form.tooLong"),
      kind: z.enum(INSTITUTION_KINDS, { error: "form.required" }),
    }),
    z.object({ intent: z.literal("unit"), unit: z.string({ error: "form.required" }).trim().min(1, "form.required").max(200, "form.tooLong") }),
    z.object({ intent: z.literal("merge"), into: z.string({ error: "form.required" }).refine(isUuid, "form.required") }),
    z.object({ intent: z.literal("retire") }),
  ]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const id = params.institutionId;
  if (!isUuid(id)) throw notFound();
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const actor = { id: user.id, requestId: context.requestId };
  const { db } = context;
  const data = form.data;
  const result =
    data.intent === "update"
      ? await updateInstitution(db, actor, id, { name: data.name, shortName: data.shortName, kind: data.kind })
      : data.intent === "unit"
        ? await addUnit(db, actor, id, data.unit)
        : data.intent === "merge"
          ? await mergeInstitutions(db, actor, id, data.into)
          : await retireInstitution(db, actor, id);
  if (!result.ok) {
    if (result.code === "missing" && data.intent !== "merge") throw notFound();
    const field = data.intent === "unit" ? "unit" : data.intent === "merge" ? "into" : data.intent === "update" ? "name" : "form";
    return json({ errors: { [field]: `orgAdmin.institutions.refused.${result.code}` } as Record<string, string>, values: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)])) }, { status: 400 });
  }
  if (data.intent === "merge") return redirect(`/admin/institutions/${data.into}?done=merged`);
  return redirect(`/admin/institutions/${id}?done=${data.intent}`);
}

export default function Institution() {
  const { t } = useTranslation();
  const { institution: inst } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = (actionData?.values as Record<string, string> | undefined) ?? {};
  const editable = !inst.retired_at;
  return (
    <div className="page">
      <p>
        <Link to="/admin/institutions">{t("orgAdmin.institutions.back")}</Link>
      </p>
      <h1 dir="auto">{inst.name}</h1>
      <p className="lead">
        <CountryName code={inst.country_code} /> · {inst.kind ? t(`orgAdmin.kinds.${inst.kind}`) : "—"}
        {inst.retired_at ? ` · ${t("orgAdmin.retiredMark")}` : ""}
      </p>
      <Notice>{done ? t(`orgAdmin.institutions.done.${done}`, { defaultValue: "" }) : null}</Notice>
      <Alert>{errors.form ? t(errors.form) : null}</Alert>
      {inst.merged_into ? (
        <p className="notice">
          <Link to={`/admin/institutions/${inst.merged_into}`}>{t("orgAdmin.institutions.mergedInto")}</Link>
        </p>
      ) : null}
      {editable ? (
        <Form method="post" noValidate className="stack">
          <h2>{t("orgAdmin.institutions.rename")}</h2>
          <CsrfField />
          <input type="hidden" name="intent" value="update" />
          <Field name="name" label={t("orgAdmin.institutions.name")} required defaultValue={values.name ?? inst.name} error={errors.name && t(errors.name)} />
          <Field name="shortName" label={t("orgAdmin.institutions.shortName")} required maxLength={30} defaultValue={values.shortName ?? inst.short_name} error={errors.shortName && t(errors.shortName)} />
          <KindSelect value={values.kind ?? inst.kind ?? ""} error={errors.kind} />
          <button type="submit" className="button-primary">
            {t("orgAdmin.save")}
          </button>
        </Form>
      ) : null}
      <h2>{t("orgAdmin.institutions.units")}</h2>
      {inst.units.length === 0 ? (
        <p className="empty">{t("orgAdmin.institutions.noUnits")}</p>
      ) : (
        <ul>
          {inst.units.map((u) => (
            <li key={u.id} dir="auto">
              {u.name} · {t("orgAdmin.peopleCount", { count: u.people })}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Form method="post" noValidate className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="unit" />
          <Field name="unit" label={t("orgAdmin.institutions.unitName")} hint={t("orgAdmin.institutions.unitHint")} defaultValue={values.unit ?? ""} error={errors.unit && t(errors.unit)} />
          <button type="submit" className="button-secondary">
            {t("orgAdmin.institutions.addUnit")}
          </button>
        </Form>
      ) : null}
      {editable && inst.mergeTargets.length > 0 ? (
        <Form method="post" noValidate className="stack">
          <h2>{t("orgAdmin.institutions.merge")}</h2>
          <p>{t("orgAdmin.institutions.mergeLead")}</p>
          <CsrfField />
          <input type="hidden" name="intent" value="merge" />
          <SelectField name="into" label={t("orgAdmin.institutions.mergeInto")} value="" error={errors.into && t(errors.into)}>
            <option value="">{t("orgAdmin.choose")}</option>
            {inst.mergeTargets.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button-secondary">
            {t("orgAdmin.institutions.mergeButton")}
          </button>
        </Form>
      ) : null}
      {editable ? (
        <Form method="post" className="stack">
          <h2>{t("orgAdmin.retire")}</h2>
          <p>{t("orgAdmin.institutions.retireLead")}</p>
          <CsrfField />
          <input type="hidden" name="intent" value="retire" />
          <button type="submit" className="button-secondary">
            {t("orgAdmin.institutions.retireButton")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
