import { json, type LinksFunction, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportNav } from "../components/report-nav";
import reportStyles from "../styles/report.css";
import { z } from "../utils/zod.server";
import { notFound, requirePermission } from "../auth/guards.server";
import { normaliseCode } from "../certificates/code";
import { CountryName } from "../components/country-name";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { Pagination } from "../components/pagination";
import { pick } from "../content/model";
import { localeFor } from "../i18n/request-locale.server";
import { certificateCounts, certificatesInScope, revokeCertificate } from "../models/certificate.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "certificate.list.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

/** Certificates of the people in the coordinator's scope: counts, the list, and revocation. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "read:progress");
  const locale = localeFor(request, user);
  const { page, limit, offset } = pageFrom(new URL(request.url));
  const [{ rows, total }, counts] = await Promise.all([certificatesInScope(context.db, user.scopedGrants, { limit, offset }), certificateCounts(context.db, user.scopedGrants)]);
  return json({
    page,
    total,
    counts,
    canRevoke: user.roles.includes("coordinator") || user.roles.includes("admin"),
    rows: rows.map((r) => ({ ...r, course: pick(r.course_title, locale), issued_at: r.issued_at.toISOString(), revoked_at: r.revoked_at?.toISOString() ?? null })),
  });
}

const schema = () => z.object({
  code: z.string({ error: "form.required" }).max(40, "form.tooLong"),
  reason: z.string({ error: "form.required" }).trim().min(5, "certificate.list.reasonTooShort").max(500, "form.tooLong"),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "revoke:certificate");
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, code: null }, { status: 400 });
  const code = normaliseCode(form.data.code);
  if (!code) throw notFound();
  const result = await revokeCertificate(context.db, { code, reason: form.data.reason, by: user.id, grants: user.scopedGrants, requestId: context.requestId });
  // Someone else's certificate (outside the scope) is, to this coordinator, one that does not exist.
  if (result === "not-found") throw notFound();
  return redirect(`/coordinate/certificates?${result === "revoked" ? "revoked" : "already"}=${code}`);
}

export default function Certificates() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const revoked = params.get("revoked");
  const already = params.get("already");
  return (
    <div className="page wide">
      <ReportNav />
      <h1>{t("certificate.list.title")}</h1>
      {revoked ? (
        <p className="notice" role="status">
          {t("certificate.list.revokedNotice", { code: revoked })}
        </p>
      ) : null}
      {already ? (
        <p className="notice" role="status">
          {t("certificate.list.alreadyRevoked", { code: already })}
        </p>
      ) : null}
      {actionData?.errors ? (
        <p className="alert" role="alert">
          {t(Object.values(actionData.errors)[0] ?? "form.required")}
        </p>
      ) : null}
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t("certificate.list.counts")}</h2>
        <DataTable
          caption={t("certificate.list.countsCaption")}
          empty={t("certificate.list.none")}
          rows={data.counts}
          rowKey={(c) => `${c.year}-${c.country}-${c.institution}`}
          columns={[
            { header: t("certificate.list.year"), cell: (c) => c.year },
            { header: t("people.country"), cell: (c) => <CountryName code={c.country} /> },
            { header: t("people.institution"), cell: (c) => c.institution ?? "—" },
            { header: t("certificate.list.valid"), cell: (c) => c.count },
          ]}
        />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("certificate.list.issued", { count: data.total })}</h2>
        <DataTable
          caption={t("certificate.list.caption")}
          empty={t("certificate.list.none")}
          rows={data.rows}
          rowKey={(r) => r.code}
          columns={[
            { header: t("certificate.verify.holder"), auto: true, cell: (r) => r.holder_name },
            { header: t("certificate.verify.course"), cell: (r) => r.course },
            { header: t("certificate.verify.issued"), cell: (r) => <DateText value={r.issued_at} /> },
            {
              header: t("certificate.verify.code"),
              cell: (r) => (
                <Link to={`/verify/${r.code}`}>
                  <code>{r.code}</code>
                </Link>
              ),
            },
            {
              header: t("certificate.list.state"),
              cell: (r) =>
                r.revoked_at ? (
                  <>
                    {t("certificate.verify.revoked")} (<DateText value={r.revoked_at} />)
                  </>
                ) : data.canRevoke ? (
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="code" value={r.code} />
                    <label htmlFor={`reason-${r.code}`}>{t("certificate.list.reason")}</label>{" "}
                    <input id={`reason-${r.code}`} name="reason" required minLength={5} maxLength={500} />{" "}
                    <button type="submit" className="button-secondary">
                      {t("certificate.list.revoke")}
                    </button>
                  </Form>
                ) : (
                  t("certificate.verify.valid")
                ),
            },
          ]}
        />
        <Pagination page={data.page} pageSize={PAGE_SIZE} total={data.total} />
      </section>
    </div>
  );
}
