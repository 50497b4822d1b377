import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { Field, SelectField } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { Pagination } from "../components/pagination";
import { SearchForm } from "../components/search-form";
import { localeFor } from "../i18n/request-locale.server";
import { listManagedCohorts } from "../models/cohort-admin.server";
import { activeCountryCodes } from "../models/countries.server";
import { activeInstitutions } from "../models/institutions.server";
import type { GrantScope } from "../models/person.server";
import { GRANTABLE_ROLES } from "../auth/grantable-roles";
import { grantByEmail, listGrants, revokeGrant } from "../models/role-grants.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { regionName } from "../utils/intl";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";
import { z } from "../utils/zod.server";

const PATH = "/admin/roles";
const SCOPES = ["global", "country", "institution", "cohort"] as const;
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rolesAdmin.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const url = new URL(request.url);
  const { page, limit, offset } = pageFrom(url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const locale = localeFor(request, user);
  const [grants, codes, institutions, cohorts] = await Promise.all([
    listGrants(context.db, { search: q, limit, offset }),
    activeCountryCodes(context.db),
    activeInstitutions(context.db),
    listManagedCohorts(context.db, user.scopedGrants, { search: "", limit: 1000, offset: 0 }),
  ]);
  const countries = codes.map((code) => ({ code, name: regionName(locale, code) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const rows = grants.rows.map((g) => ({ ...g, country: g.country_code ? regionName(locale, g.country_code) : null, created_at: new Date(g.created_at).toISOString() }));
  return json({ rows, total: grants.total, page, q, countries, institutions, cohorts: cohorts.rows.filter((c) => !c.closed_at).map((c) => ({ id: c.id, name: c.name })) });
}

const schema = () =>
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("grant"),
      email: z.string({ error: "form.required" }).trim().min(1, "form.required").max(254),
      role: z.enum(GRANTABLE_ROLES, { error: "rolesAdmin.chooseRole" }),
      scope: z.enum(SCOPES, { error: "rolesAdmin.chooseScope" }),
      country: z.string().optional(),
      institution: z.string().optional(),
      cohort: z.string().optional(),
    }),
    z.object({ intent: z.literal("revoke"), grantId: z.string().refine(isUuid) }),
  ]);

type GrantForm = Extract<z.infer<ReturnType<typeof schema>>, { intent: "grant" }>;

/** The scope the form names, or the field that is missing for it. */
function scopeOf(data: GrantForm): { ok: true; scope: GrantScope } | { ok: false; field: string } {
  switch (data.scope) {
    case "global":
      return { ok: true, scope: { kind: "global" } };
    case "country":
      return data.country && /^[A-Z]{2}$/.test(data.country) ? { ok: true, scope: { kind: "country", code: data.country } } : { ok: false, field: "country" };
    case "institution":
      return data.institution && isUuid(data.institution) ? { ok: true, scope: { kind: "institution", id: data.institution } } : { ok: false, field: "institution" };
    case "cohort":
      return data.cohort && isUuid(data.cohort) ? { ok: true, scope: { kind: "cohort", id: data.cohort } } : { ok: false, field: "cohort" };
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const actor = { id: user.id, requestId: context.requestId };
  const data = form.data;
  if (data.intent === "revoke") {
    const result = await revokeGrant(context.db, actor, data.grantId);
    if (!result.ok) return json({ errors: { list: `rolesAdmin.refused.${result.code}` } as Record<string, string>, values: {} }, { status: result.code === "missing" ? 404 : 400 });
    return redirect(`${PATH}?done=revoked`);
  }
  const values = { email: data.email, role: data.role, scope: data.scope, country: data.country ?? "", institution: data.institution ?? "", cohort: data.cohort ?? "" };
  const scope = scopeOf(data);
  if (!scope.ok) return json({ errors: { [scope.field]: "rolesAdmin.chooseScopeValue" } as Record<string, string>, values }, { status: 400 });
  const result = await grantByEmail(context.db, actor, data.email, data.role, scope.scope);
  if (!result.ok) {
    const field = result.code === "person-missing" ? "email" : result.code === "exists" ? "role" : "scope";
    return json({ errors: { [field]: `rolesAdmin.refused.${result.code}` } as Record<string, string>, values }, { status: 400 });
  }
  return redirect(`${PATH}?done=granted`);
}

export default function Roles() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, q, countries, institutions, cohorts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const err = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const scopeName = (r: (typeof rows)[number]) =>
    r.scope_kind === "global" ? t("rolesAdmin.scopes.global") : r.scope_kind === "country" ? r.country : r.scope_kind === "institution" ? r.institution_name : r.cohort_name;
  return (
    <div className="page wide">
      <h1>{t("rolesAdmin.title")}</h1>
      <p>{t("rolesAdmin.lead")}</p>
      {done === "granted" || done === "revoked" ? (
        <p className="notice" role="status">
          {t(`rolesAdmin.done.${done}`)}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <h2>{t("rolesAdmin.grant")}</h2>
        <CsrfField />
        <input type="hidden" name="intent" value="grant" />
        <Field name="email" type="email" label={t("rolesAdmin.email")} hint={t("rolesAdmin.emailHint")} autoComplete="off" required defaultValue={values.email ?? ""} error={err("email")} />
        <SelectField name="role" label={t("rolesAdmin.role")} value={values.role ?? ""} error={err("role")}>
          <option value="">{t("orgAdmin.choose")}</option>
          {GRANTABLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="scope" label={t("rolesAdmin.scope")} value={values.scope ?? ""} error={err("scope")}>
          <option value="">{t("orgAdmin.choose")}</option>
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`rolesAdmin.scopes.${s}`)}
            </option>
          ))}
        </SelectField>
        <p className="hint">{t("rolesAdmin.scopeHint")}</p>
        <SelectField name="country" label={t("rolesAdmin.scopes.country")} value={values.country ?? ""} error={err("country")}>
          <option value="">—</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="institution" label={t("rolesAdmin.scopes.institution")} value={values.institution ?? ""} error={err("institution")}>
          <option value="">—</option>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.country_code})
            </option>
          ))}
        </SelectField>
        <SelectField name="cohort" label={t("rolesAdmin.scopes.cohort")} value={values.cohort ?? ""} error={err("cohort")}>
          <option value="">—</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button-primary">
          {t("rolesAdmin.grantButton")}
        </button>
      </Form>
      <h2>{t("rolesAdmin.list")}</h2>
      {errors.list ? (
        <p className="field-error" role="alert">
          {t(errors.list)}
        </p>
      ) : null}
      <SearchForm defaultValue={q} />
      <DataTable
        caption={t("rolesAdmin.caption", { count: total })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={q ? t("rolesAdmin.noMatch") : t("rolesAdmin.none")}
        columns={[
          { header: t("rolesAdmin.person"), rowHeader: true, auto: true, cell: (r) => r.display_name },
          { header: t("rolesAdmin.email"), cell: (r) => r.email },
          { header: t("rolesAdmin.role"), cell: (r) => t(`roles.${r.role}`) },
          { header: t("rolesAdmin.scope"), auto: true, cell: (r) => `${t(`rolesAdmin.scopes.${r.scope_kind}`)}${r.scope_kind === "global" ? "" : `: ${scopeName(r) ?? "—"}`}` },
          { header: t("rolesAdmin.grantedBy"), cell: (r) => `${r.granted_by_name ?? t("rolesAdmin.system")} · ${new Date(r.created_at).toLocaleDateString(i18n.language, { dateStyle: "medium", timeZone: "UTC" })}` },
          {
            header: t("people.actions"),
            cell: (r) => (
              <IntentButton intent="revoke" fields={{ grantId: r.id }} aria-label={t("rolesAdmin.revokeNamed", { role: t(`roles.${r.role}`), name: r.display_name })}>
                {t("rolesAdmin.revoke")}
              </IntentButton>
            ),
          },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
