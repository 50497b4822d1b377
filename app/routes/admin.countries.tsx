import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { Field } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { Pagination } from "../components/pagination";
import { SearchForm } from "../components/search-form";
import { addCountry, listCountries, retireCountry } from "../models/countries.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

const PATH = "/admin/countries";
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgAdmin.countries.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const url = new URL(request.url);
  const { page, limit, offset } = pageFrom(url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  return json({ page, q, ...(await listCountries(context.db, user.locale, { search: q, limit, offset })) });
}

const schema = () =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("add"), code: z.string({ error: "form.required" }).trim().min(1, "form.required").max(2, "orgAdmin.countries.badCode") }),
    z.object({ intent: z.literal("retire"), code: z.string().regex(/^[A-Z]{2}$/) }),
  ]);

const MESSAGES = { "unknown-code": "orgAdmin.countries.badCode", exists: "orgAdmin.countries.exists", missing: "orgAdmin.countries.missing" } as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const actor = { id: user.id, requestId: context.requestId };
  const result = form.data.intent === "add" ? await addCountry(context.db, actor, form.data.code) : await retireCountry(context.db, actor, form.data.code);
  if (!result.ok) return json({ errors: { code: MESSAGES[result.code] } as Record<string, string>, values: { code: form.data.code } }, { status: result.code === "missing" ? 404 : 400 });
  return redirect(`${PATH}?done=${form.data.intent}&code=${result.code}`);
}

export default function Countries() {
  const { t } = useTranslation();
  const { rows, total, page, q } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="page wide">
      <h1>{t("orgAdmin.countries.title")}</h1>
      {done === "add" || done === "retire" ? (
        <p className="notice" role="status">
          {t(done === "add" ? "orgAdmin.countries.added" : "orgAdmin.countries.retired", { code: params.get("code") ?? "" })}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <h2>{t("orgAdmin.countries.add")}</h2>
        <CsrfField />
        <input type="hidden" name="intent" value="add" />
        <Field name="code" label={t("orgAdmin.countries.code")} hint={t("orgAdmin.countries.codeHint")} maxLength={2} autoComplete="off" required defaultValue={actionData?.values?.code ?? ""} error={errors.code && t(errors.code)} />
        <button type="submit" className="button-primary">
          {t("orgAdmin.countries.addButton")}
        </button>
      </Form>
      <h2>{t("orgAdmin.countries.list")}</h2>
      <SearchForm defaultValue={q} />
      <DataTable
        caption={t("orgAdmin.countries.caption", { count: total })}
        rows={rows}
        rowKey={(c) => c.code}
        empty={t("orgAdmin.countries.none")}
        columns={[
          { header: t("orgAdmin.countries.name"), rowHeader: true, cell: (c) => c.name },
          { header: t("orgAdmin.countries.code"), cell: (c) => <code>{c.code}</code> },
          { header: t("orgAdmin.institutions.title"), cell: (c) => c.institutions },
          { header: t("admin.people"), cell: (c) => c.people },
          {
            header: t("people.actions"),
            cell: (c) =>
              c.retired_at ? (
                t("orgAdmin.retiredMark")
              ) : (
                <IntentButton intent="retire" fields={{ code: c.code }} aria-label={t("orgAdmin.countries.retireNamed", { name: c.name })}>
                  {t("orgAdmin.retire")}
                </IntentButton>
              ),
          },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
