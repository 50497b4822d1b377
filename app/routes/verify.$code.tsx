import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { normaliseCode } from "../certificates/code";
import { DateText } from "../components/date-text";
import { pick } from "../content/model";
import { localeFor } from "../i18n/request-locale.server";
import { certificateByCode } from "../models/certificate.server";
import { lockedUntil, recordFailure } from "../models/login-throttle.server";
import { pageTitle } from "../utils/meta";

// Anyone checks a certificate here, often on a phone: plain HTML, no scripts.
export const handle = { scripts: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "certificate.verify.title");
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

const WINDOW_MS = 10 * 60_000;

/**
 * Public verification of a certificate: valid, revoked or unknown, with the course, the date and
 * the holder's name only. Counted per address (the same table as sign-in limits) so codes cannot
 * be guessed by brute force.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const key = `verify:${context.clientAddress}`;
  const until = (await lockedUntil(context.db, [key])) ?? (await recordFailure(context.db, key, context.config.verifyMaxPerAddress, WINDOW_MS));
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    return json({ status: "limited" as const, minutes }, { status: 429, headers: { "Retry-After": String(minutes * 60), "Cache-Control": "no-store" } });
  }
  const code = normaliseCode(params.code ?? "");
  const cert = code ? await certificateByCode(context.db, code) : null;
  const noStore = { headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } };
  if (!cert) return json({ status: "unknown" as const, code: code ?? (params.code ?? "").slice(0, 40) }, { status: 404, ...noStore });
  const locale = localeFor(request, null);
  return json(
    {
      status: cert.revoked_at ? ("revoked" as const) : ("valid" as const),
      code: cert.code,
      // An erased holder's name is gone; the page says why there is none.
      holder: cert.holderErased ? null : cert.holder_name,
      course: pick(cert.course_title, locale),
      issuedAt: cert.issued_at.toISOString(),
      revokedAt: cert.revoked_at?.toISOString() ?? null,
      programme: context.config.programmeName,
    },
    noStore,
  );
}

export default function Verify() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <h1>{t("certificate.verify.title")}</h1>
      {data.status === "limited" ? (
        <p className="alert" role="alert">
          {t("certificate.verify.limited", { count: data.minutes })}
        </p>
      ) : data.status === "unknown" ? (
        <div className="result result-failed" role="status">
          <p className="result-score">{t("certificate.verify.unknown")}</p>
          <p>{t("certificate.verify.unknownBody", { code: data.code })}</p>
        </div>
      ) : (
        <>
          <div className={`result ${data.status === "valid" ? "result-passed" : "result-failed"}`} role="status">
            <p className="result-score">{t(`certificate.verify.${data.status}`)}</p>
            {data.status === "revoked" && data.revokedAt ? (
              <p>
                {t("certificate.verify.revokedOn")} <DateText value={new Date(data.revokedAt)} />
              </p>
            ) : null}
            {data.holder === null ? <p>{t("certificate.verify.erasedBody")}</p> : null}
          </div>
          <dl className="facts">
            <dt>{t("certificate.verify.holder")}</dt>
            <dd dir="auto">{data.holder ?? t("certificate.verify.erasedHolder")}</dd>
            <dt>{t("certificate.verify.course")}</dt>
            <dd>{data.course}</dd>
            <dt>{t("certificate.verify.issued")}</dt>
            <dd>
              <DateText value={new Date(data.issuedAt)} />
            </dd>
            <dt>{t("certificate.verify.issuer")}</dt>
            <dd>{data.programme}</dd>
            <dt>{t("certificate.verify.code")}</dt>
            <dd>
              <code>{data.code}</code>
            </dd>
          </dl>
        </>
      )}
      <p>
        <Link to="/verify">{t("certificate.verify.another")}</Link>
      </p>
    </div>
  );
}
