import {
  json,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { Field, SelectField } from "../components/field";
import { Pagination } from "../components/pagination";
import { recentAudit } from "../models/audit.server";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";
import reportStyles from "../styles/report.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: reportStyles },
];

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "audit.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read:audit");
  const url = new URL(request.url);
  const { page, limit, offset } = pageFrom(url);
  const param = (name: string) =>
    (url.searchParams.get(name) ?? "").slice(0, 100);
  const filter = {
    actor: param("actor"),
    action: param("action"),
    target: param("target"),
  };
  return json({
    page,
    filter,
    ...(await recentAudit(context.db, filter, limit, offset)),
  });
}

export default function Audit() {
  const { t } = useTranslation();
  const { rows, total, page, filter, actions } = useLoaderData<typeof loader>();
  const label = (action: string) =>
    t(`audit.actions.${action}`, { defaultValue: action });
  const filtered = Boolean(filter.actor || filter.action || filter.target);
  return (
    <div className="page wide">
      <h1>{t("audit.title")}</h1>
      <Form method="get" className="report-filters">
        <fieldset>
          <legend>{t("audit.filter")}</legend>
          <div className="report-filter-fields">
            <Field id="audit-actor" type="search" name="actor" label={t("audit.who")} defaultValue={filter.actor} maxLength={100} />
            <SelectField id="audit-action" name="action" label={t("audit.what")} value={filter.action}>
              <option value="">{t("audit.anyAction")}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {label(a)}
                </option>
              ))}
            </SelectField>
            <Field id="audit-target" type="search" name="target" label={t("audit.target")} hint={t("audit.targetHint")} defaultValue={filter.target} maxLength={100} />
          </div>
          <button type="submit" className="button-secondary">
            {t("audit.apply")}
          </button>
        </fieldset>
      </Form>
      <DataTable
        caption={t("audit.caption")}
        rows={rows}
        rowKey={(r) => String(r.id)}
        empty={filtered ? t("audit.noMatch") : t("audit.empty")}
        columns={[
          {
            header: t("audit.when"),
            cell: (r) => <DateText value={r.at} withTime />,
          },
          {
            header: t("audit.who"),
            auto: true,
            cell: (r) => r.actor_name ?? "—",
          },
          { header: t("audit.what"), cell: (r) => label(r.action) },
          {
            header: t("audit.target"),
            auto: true,
            cell: (r) =>
              r.target_name ??
              (r.target_id ? <code>{r.target_id.slice(0, 8)}</code> : "—"),
          },
          {
            header: t("audit.request"),
            cell: (r) => <code>{r.request_id?.slice(0, 8) ?? "—"}</code>,
          },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
