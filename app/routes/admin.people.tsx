import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { flashCookie, readFlash } from "../auth/cookies.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { Pagination } from "../components/pagination";
import { PeopleTable } from "../components/people-table";
import { SearchForm } from "../components/search-form";
import { issuePasswordReset } from "../models/password-reset.server";
import { findPersonInScope, listPeopleInScope } from "../models/people.server";
import { setPersonActive } from "../models/person-status.server";
import { refusableTransaction } from "../models/refusable-transaction.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { isUuid } from "../utils/ids";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";
import { siteUrl } from "../utils/site-url.server";

const PATH = "/admin/people";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.people");
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const url = new URL(request.url);
  const { page, limit, offset } = pageFrom(url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const people = await listPeopleInScope(context.db, user.scopedGrants, { search: q, limit, offset });
  const flash = readFlash(request);
  // "reset:<token>:<address mailed to>:<name>" (a name may hold colons; an address does not);
  // "status:<on|off>:<name>" or "refused:<code>:<name>" after (de)activation.
  const [kind, token, mailedTo, ...name] = flash?.split(":") ?? [];
  const status = kind === "status" || kind === "refused" ? { kind, code: token ?? "", name: [mailedTo, ...name].join(":") } : null;
  return json(
    {
      ...people,
      page,
      q,
      status,
      resetLink: kind === "reset" && token ? { url: `${siteUrl(context.config, request)}/reset/${token}`, name: name.join(":"), mailedTo: mailedTo ?? "" } : null,
    },
    flash ? { headers: { "Set-Cookie": flashCookie(context.config, PATH, null) } } : undefined,
  );
}

const schema = () => z.object({ intent: z.enum(["reset-link", "deactivate", "reactivate"]), personId: z.string().refine(isUuid) });

// Issues a single-use link to set a new password: mailed to the person, and shown once to the admin
// (who can hand it over when mail does not reach them); or deactivates / reactivates an account.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, schema());
  if (!form.ok) throw new Response("Bad Request", { status: 400 });
  const { db, config } = context;
  const person = await findPersonInScope(db, user.scopedGrants, form.data.personId);
  if (!person) throw new Response("Not Found", { status: 404 });
  // An erased person has no account left to act on (no address, no sign-in).
  if (person.erased_at) return redirect(PATH, { headers: { "Set-Cookie": flashCookie(config, PATH, `refused:erased:${person.display_name}`) } });
  if (form.data.intent !== "reset-link") {
    const active = form.data.intent === "reactivate";
    const result = await refusableTransaction(db, (trx) => setPersonActive(trx, { actorId: user.id, personId: person.id, active, requestId: context.requestId }));
    const flash = result.ok ? `status:${active ? "on" : "off"}:${person.display_name}` : `refused:${result.code}:${person.display_name}`;
    return redirect(PATH, { headers: { "Set-Cookie": flashCookie(config, PATH, flash) } });
  }
  const { token, mailedTo } = await issuePasswordReset(db, {
    personId: person.id,
    createdBy: user.id,
    validForMs: config.resetLinkMs,
    siteUrl: siteUrl(config, request),
    requestId: context.requestId,
  });
  return redirect(PATH, { headers: { "Set-Cookie": flashCookie(config, PATH, `reset:${token}:${mailedTo}:${person.display_name}`) } });
}

export default function People() {
  const { t } = useTranslation();
  const { rows, total, page, q, resetLink, status } = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <h1>{t("admin.people")}</h1>
      <p>
        <Link to="/admin/people/new">{t("personAdmin.newTitle")}</Link>
      </p>
      {resetLink ? (
        <div className="notice" role="status">
          <p dir="auto">{t("admin.resetCreated", { name: resetLink.name })}</p>
          {resetLink.mailedTo ? <p dir="auto">{t("mailAdmin.reset.queued", { email: resetLink.mailedTo })}</p> : null}
          <label htmlFor="reset-link">{t("admin.resetLink")}</label>
          <input id="reset-link" type="text" readOnly value={resetLink.url} className="copy-field" />
        </div>
      ) : null}
      {status ? (
        <p className={status.kind === "refused" ? "notice notice-error" : "notice"} role="status" dir="auto">
          {status.kind === "refused"
            ? t(`peopleAdmin.refusal.${status.code}`, { defaultValue: t("peopleAdmin.refusal.generic"), name: status.name })
            : t(status.code === "on" ? "peopleAdmin.reactivated" : "peopleAdmin.deactivated", { name: status.name })}
        </p>
      ) : null}
      <p>
        <a href="/coordinate/cohorts">{t("enrolment.title")}</a>
      </p>
      <SearchForm defaultValue={q} />
      {rows.length === 0 ? (
        <p className="empty">{q ? t("people.noMatches") : t("admin.noPeople")}</p>
      ) : (
        <PeopleTable
          linkTo={(p) => `/admin/people/${p.id}`}
          rows={rows}
          caption={t("admin.peopleCaption", { count: total })}
          actions={(p) =>
            p.erased_at ? (
              <span>{t("peopleAdmin.erased")}</span>
            ) : (
              <>
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="reset-link" />
                  <input type="hidden" name="personId" value={p.id} />
                  <button type="submit" className="button-link" aria-label={t("admin.resetFor", { name: p.display_name })}>
                    {t("admin.reset")}
                  </button>
                </Form>
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value={p.disabled_at ? "reactivate" : "deactivate"} />
                  <input type="hidden" name="personId" value={p.id} />
                  <button
                    type="submit"
                    className="button-link"
                    aria-label={t(p.disabled_at ? "peopleAdmin.reactivateFor" : "peopleAdmin.deactivateFor", { name: p.display_name })}
                  >
                    {t(p.disabled_at ? "peopleAdmin.reactivate" : "peopleAdmin.deactivate")}
                  </button>
                </Form>
              </>
            )
          }
        />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
