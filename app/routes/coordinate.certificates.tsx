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
        {data.counts.length === 0 ? (
          <p className="empty">{t("certificate.list.none")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t("certificate.list.countsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("certificate.list.year")}</th>
                  <th scope="col">{t("people.country")}</th>
                  <th scope="col">{t("people.institution")}</th>
                  <th scope="col">{t("certificate.list.valid")}</th>
                </tr>
              </thead>
              <tbody>
                {data.counts.map((c) => (
                  <tr key={`${c.year}-${c.country}-${c.institution}`}>
                    <td>{c.year}</td>
                    <td>
                      <CountryName code={c.country} />
                    </td>
                    <td>{c.institution ?? "—"}</td>
                    <td>{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("certificate.list.issued", { count: data.total })}</h2>
        {data.rows.length === 0 ? (
          <p className="empty">{t("certificate.list.none")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t("certificate.list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("certificate.verify.holder")}</th>
                  <th scope="col">{t("certificate.verify.course")}</th>
                  <th scope="col">{t("certificate.verify.issued")}</th>
                  <th scope="col">{t("certificate.verify.code")}</th>
                  <th scope="col">{t("certificate.list.state")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.code}>
                    <td dir="auto">{r.holder_name}</td>
                    <td>{r.course}</td>
                    <td>
                      <DateText value={r.issued_at} />
                    </td>
                    <td>
                      <Link to={`/verify/${r.code}`}>
                        <code>{r.code}</code>
                      </Link>
                    </td>
                    <td>
                      {r.revoked_at ? (
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
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={data.page} pageSize={PAGE_SIZE} total={data.total} />
      </section>
    </div>
  );
}
