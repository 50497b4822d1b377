import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { CountryName } from "../components/country-name";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { Field, SelectField } from "../components/field";
import { Pagination } from "../components/pagination";
import { SearchForm } from "../components/search-form";
import { activeCountryCodes } from "../models/countries.server";
import { createInstitution, listInstitutions } from "../models/institutions.server";
import { INSTITUTION_KINDS } from "../organisation/institution-kinds";
import { KindSelect } from "../components/institution-kind-select";
import { parseForm } from "../utils/forms.server";
import { regionName } from "../utils/intl";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgAdmin.institutions.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage:people");
  const url = new URL(request.url);
  const { page, limit, offset } = pageFrom(url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const [list, countries] = await Promise.all([listInstitutions(context.db, { search: q, country: null, limit, offset }), activeCountryCodes(context.db)]);
  return json({ page, q, countries, ...list });
}

const institutionFields = () => ({
  name: z.string({ error: "form.required" }).trim().min(1, "form.required").max(200, "form.tooLong"),
  shortName: z.string({ error: "form.required" }).trim().min(1, "form.required").max(30, "form.tooLong"),
  kind: z.enum(INSTITUTION_KINDS, { error: "form.required" }),
});

const schema = () => z.object({ country: z.string({ error: "form.required" }).regex(/^[A-Z]{2}$/, "form.required"), ...institutionFields() });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const { country, ...fields } = form.data;
  const result = await createInstitution(context.db, { id: user.id, requestId: context.requestId }, country, fields);
  if (!result.ok) {
    const field = result.code === "country-missing" ? "country" : "name";
    return json({ errors: { [field]: `orgAdmin.institutions.refused.${result.code}` } as Record<string, string>, values: form.data as Record<string, string> }, { status: 400 });
  }
  return redirect(`/admin/institutions/${result.id}?done=created`);
}

export default function Institutions() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, q, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="page wide">
      <h1>{t("orgAdmin.institutions.title")}</h1>
      <Form method="post" noValidate className="stack">
        <h2>{t("orgAdmin.institutions.create")}</h2>
        <CsrfField />
        <SelectField name="country" label={t("people.country")} value={values.country ?? ""} error={errors.country && t(errors.country)}>
          <option value="">{t("orgAdmin.choose")}</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {regionName(i18n.language, c)}
            </option>
          ))}
        </SelectField>
        <Field name="name" label={t("orgAdmin.institutions.name")} required defaultValue={values.name ?? ""} error={errors.name && t(errors.name)} />
        <Field name="shortName" label={t("orgAdmin.institutions.shortName")} required maxLength={30} defaultValue={values.shortName ?? ""} error={errors.shortName && t(errors.shortName)} />
        <KindSelect value={values.kind ?? ""} error={errors.kind} />
        <button type="submit" className="button-primary">
          {t("orgAdmin.institutions.createButton")}
        </button>
      </Form>
      <h2>{t("orgAdmin.institutions.list")}</h2>
      <SearchForm defaultValue={q} />
      <DataTable
        caption={t("orgAdmin.institutions.caption", { count: total })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("orgAdmin.institutions.none")}
        columns={[
          {
            header: t("orgAdmin.institutions.name"),
            auto: true,
            cell: (r) => (
              <>
                <Link to={`/admin/institutions/${r.id}`}>{r.name}</Link> ({r.short_name}){r.retired_at ? ` · ${t("orgAdmin.retiredMark")}` : ""}
              </>
            ),
          },
          { header: t("people.country"), cell: (r) => <CountryName code={r.country_code} /> },
          { header: t("orgAdmin.institutions.kind"), cell: (r) => (r.kind ? t(`orgAdmin.kinds.${r.kind}`) : "—") },
          { header: t("orgAdmin.institutions.units"), cell: (r) => r.units },
          { header: t("admin.people"), cell: (r) => r.people },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
