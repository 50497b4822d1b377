import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import type { RoleName } from "../../db/types";
import { flashCookie, readFlash } from "../auth/cookies.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DateText } from "../components/date-text";
import { Field } from "../components/field";
import { Pagination } from "../components/pagination";
import { grantsCover } from "../models/access.server";
import { LOCALE_NAMES, LOCALES } from "../i18n/locales";
import { localeFor } from "../i18n/request-locale.server";
import { audit } from "../models/audit.server";
import { cohortsForGrants } from "../models/cohort.server";
import { cohortOfInvitation, inviteToCohort, listInvitations, revokeInvitation } from "../models/invitation.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { isUuid } from "../utils/ids";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";
import { siteUrl } from "../utils/site-url.server";

const PATH = "/coordinate/invitations";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitations.title");

// The one-time link travels in a flash cookie; its clearing must reach the browser.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Who may be invited by whom: coordinators invite learners and facilitators; admins also coordinators. */
function invitableRoles(roles: RoleName[]): RoleName[] {
  return roles.includes("admin") ? ["officer", "facilitator", "coordinator"] : ["officer", "facilitator"];
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "create:invitation");
  const { db } = context;
  const { page, limit, offset } = pageFrom(new URL(request.url));
  const cohorts = await cohortsForGrants(db, user.scopedGrants);
  const global = user.scopedGrants.some((g) => g.scope_kind === "global");
  const invitations = await listInvitations(db, global ? "all" : cohorts.map((c) => c.id), limit, offset);
  const flash = readFlash(request);
  // "invite:<token>" or "invite:<token>:<address the invitation was mailed to>"
  const [kind, token, ...mailedTo] = flash?.split(":") ?? [];
  return json(
    {
      cohorts,
      roles: invitableRoles(user.roles),
      invitations: invitations.rows,
      total: invitations.total,
      page,
      locale: localeFor(request, user),
      createdLink: kind === "invite" && token ? `${siteUrl(context.config, request)}/join/${token}` : null,
      mailedTo: kind === "invite" && mailedTo.length ? mailedTo.join(":") : null,
    },
    flash ? { headers: { "Set-Cookie": flashCookie(context.config, PATH, null) } } : undefined,
  );
}

const createSchema = () => z.object({
  intent: z.literal("create"),
  cohortId: z.string().refine(isUuid, "invitations.cohortRequired"),
  role: z.enum(["officer", "facilitator", "coordinator"], { error: "form.invalid" }),
  email: z.union([z.literal(""), z.string().trim().max(254, "form.tooLong").pipe(z.email("form.email"))]),
  note: z.string().trim().max(200, "form.tooLong"),
  // Absent from an older form: the language of the page.
  mailLocale: z.enum(LOCALES, { error: "form.invalid" }).optional(),
});
const revokeSchema = () => z.object({ intent: z.literal("revoke"), invitationId: z.string().refine(isUuid) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "create:invitation");
  const { db, config } = context;
  const intent = (await request.clone().formData()).get("intent");
  if (intent === "revoke") {
    const form = await parseForm(request, revokeSchema());
    if (!form.ok) throw new Response("Bad Request", { status: 400 });
    const cohortId = await cohortOfInvitation(db, form.data.invitationId);
    if (!cohortId || !(await grantsCover(db, user.scopedGrants, { kind: "cohort", id: cohortId }))) {
      throw new Response("Not Found", { status: 404 });
    }
    await revokeInvitation(db, form.data.invitationId);
    await audit(db, { actorId: user.id, action: "invitation.revoked", targetType: "invitation", targetId: form.data.invitationId, requestId: context.requestId });
    return redirect(PATH);
  }
  const form = await parseForm(request, createSchema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const { cohortId, role, email, note, mailLocale } = form.data;
  if (!invitableRoles(user.roles).includes(role) || !(await grantsCover(db, user.scopedGrants, { kind: "cohort", id: cohortId }))) {
    return json({ errors: { cohortId: "invitations.notAllowed" } as Record<string, string>, values: { email, note, role } as Record<string, string> }, { status: 403 });
  }
  const { token, mailedTo } = await inviteToCohort(db, {
    cohortId,
    role,
    email: email ? email.toLowerCase() : null,
    note: note || null,
    createdBy: user.id,
    validForMs: config.invitationMs,
    mailLocale: mailLocale ?? localeFor(request, user),
    siteUrl: siteUrl(config, request),
    requestId: context.requestId,
  });
  return redirect(PATH, { headers: { "Set-Cookie": flashCookie(config, PATH, mailedTo ? `invite:${token}:${mailedTo}` : `invite:${token}`) } });
}

export default function Invitations() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="page wide">
      <h1>{t("invitations.title")}</h1>
      <p className="lead">{t("invitations.lead")}</p>
      {data.createdLink ? (
        <div className="notice" role="status">
          <p>{t("invitations.created")}</p>
          {data.mailedTo ? <p dir="auto">{t("mailAdmin.invite.queued", { email: data.mailedTo })}</p> : null}
          <label htmlFor="created-link">{t("invitations.link")}</label>
          <input id="created-link" type="text" readOnly value={data.createdLink} className="copy-field" />
        </div>
      ) : null}
      <h2>{t("invitations.new")}</h2>
      {data.cohorts.length === 0 ? (
        <p className="empty">{t("invitations.noCohorts")}</p>
      ) : (
        <Form method="post" noValidate className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="create" />
          <div className={errors.cohortId ? "field field-invalid" : "field"}>
            <label htmlFor="field-cohort">{t("invitations.cohort")}</label>
            {errors.cohortId ? (
              <p className="field-error" id="field-cohort-error">
                {t(errors.cohortId)}
              </p>
            ) : null}
            <select id="field-cohort" name="cohortId" defaultValue={values.cohortId ?? ""} aria-describedby={errors.cohortId ? "field-cohort-error" : undefined}>
              {data.cohorts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field-role">{t("invitations.role")}</label>
            <select id="field-role" name="role" defaultValue={values.role ?? "officer"}>
              {data.roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <Field name="email" type="email" label={t("invitations.emailOptional")} hint={t("invitations.emailHint")} defaultValue={values.email ?? ""} error={errors.email && t(errors.email)} />
          <div className="field">
            <label htmlFor="field-mail-locale">{t("mailAdmin.invite.language")}</label>
            <p className="hint" id="field-mail-locale-hint">
              {t("mailAdmin.invite.languageHint")}
            </p>
            <select id="field-mail-locale" name="mailLocale" defaultValue={values.mailLocale ?? data.locale} aria-describedby="field-mail-locale-hint">
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <Field name="note" label={t("invitations.note")} hint={t("invitations.noteHint")} defaultValue={values.note ?? ""} maxLength={200} error={errors.note && t(errors.note)} />
          <button type="submit" className="button-primary">
            {t("invitations.create")}
          </button>
        </Form>
      )}
      <h2>{t("invitations.list")}</h2>
      {data.invitations.length === 0 ? (
        <p className="empty">{t("invitations.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("invitations.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("invitations.cohort")}</th>
                <th scope="col">{t("invitations.role")}</th>
                <th scope="col">{t("invitations.for")}</th>
                <th scope="col">{t("invitations.createdAt")}</th>
                <th scope="col">{t("invitations.status")}</th>
                <th scope="col">{t("people.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.invitations.map((i) => (
                <tr key={i.id}>
                  <td dir="auto">{i.cohort_name}</td>
                  <td>{t(`roles.${i.role}`)}</td>
                  <td dir="auto">{i.email ?? i.note ?? "—"}</td>
                  <td>
                    <DateText value={i.created_at} />
                  </td>
                  <td>
                    {t(`invitations.state.${i.state}`)}
                    {i.accepted_by_name ? <span dir="auto"> ({i.accepted_by_name})</span> : null}
                  </td>
                  <td>
                    {i.state === "open" ? (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" className="button-link">
                          {t("invitations.revoke")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageSize={PAGE_SIZE} total={data.total} />
    </div>
  );
}
