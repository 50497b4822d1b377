import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { cohortFields, cohortSchema } from "../cohorts/cohort-form.server";
import { cohortFormOptions } from "../cohorts/cohort-options.server";
import { CohortForm } from "../components/cohort-form";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { ReportNav } from "../components/report-nav";
import { Pagination } from "../components/pagination";
import { SearchForm } from "../components/search-form";
import { localeFor } from "../i18n/request-locale.server";
import { createCohort, listManagedCohorts } from "../models/cohort-admin.server";
import { parseForm } from "../utils/forms.server";
import { regionName } from "../utils/intl";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cohortAdmin.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:cohorts");
  const url = new URL(request.url);
  const { page, limit, offset } = pageFrom(url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const locale = localeFor(request, user);
  const [list, options] = await Promise.all([
    listManagedCohorts(context.db, user.scopedGrants, { search: q, limit, offset }),
    cohortFormOptions(context.db, context.content, user.scopedGrants, locale),
  ]);
  const rows = list.rows.map((r) => ({ ...r, country: r.country_code ? regionName(locale, r.country_code) : null }));
  return json({ rows, total: list.total, page, q, options });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:cohorts");
  const form = await parseForm(request, cohortSchema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const values = Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
  const parsed = cohortFields(context.content, form.data);
  if (!parsed.ok) return json({ errors: parsed.errors, values }, { status: 400 });
  const result = await createCohort(context.db, { id: user.id, requestId: context.requestId }, user.scopedGrants, parsed.fields);
  if (!result.ok) return json({ errors: { countryCode: `cohortAdmin.refused.${result.code}` } as Record<string, string>, values }, { status: 400 });
  return redirect(`/coordinate/cohorts/${result.id}?done=created`);
}

export default function Cohorts() {
  const { t } = useTranslation();
  const { rows, total, page, q, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page wide">
      <ReportNav />
      <h1>{t("cohortAdmin.title")}</h1>
      <SearchForm defaultValue={q} />
      <DataTable
        caption={t("cohortAdmin.caption", { count: total })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={q ? t("cohortAdmin.noMatch") : t("cohortAdmin.none")}
        columns={[
          { header: t("cohortAdmin.form.name"), rowHeader: true, auto: true, cell: (r) => <Link to={`/coordinate/cohorts/${r.id}`}>{r.name}</Link> },
          { header: t("cohortAdmin.form.country"), cell: (r) => r.country ?? t("cohortAdmin.form.regional") },
          { header: t("cohortAdmin.dates"), cell: (r) => (
              <>
                <DateText value={r.starts_on} /> – <DateText value={r.ends_on} />
              </>
            ) },
          { header: t("cohortAdmin.seats"), cell: (r) => (r.capacity === null ? t("cohortAdmin.seatsOpen", { count: r.learners }) : t("cohortAdmin.seatsOf", { count: r.learners, capacity: r.capacity })) },
          { header: t("cohortAdmin.status"), cell: (r) => (r.closed_at ? t("cohortAdmin.closed") : t("cohortAdmin.open")) },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
      <h2>{t("cohortAdmin.create")}</h2>
      <CohortForm options={options} values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} intent="create" submitLabel={t("cohortAdmin.createButton")} />
    </div>
  );
}
