import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import type { RoleName } from "../../db/types";
import { flashCookie, readFlash } from "../auth/cookies.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { Field, SelectField } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { LocaleSelect } from "../components/locale-select";
import { Pagination } from "../components/pagination";
import { grantsCover } from "../models/access.server";
import { LOCALES } from "../i18n/locales";
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
          <SelectField name="cohortId" id="field-cohort" label={t("invitations.cohort")} value={values.cohortId ?? ""} error={errors.cohortId && t(errors.cohortId)}>
            {data.cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="role" label={t("invitations.role")} value={values.role ?? "officer"}>
            {data.roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
          <Field name="email" type="email" label={t("invitations.emailOptional")} hint={t("invitations.emailHint")} defaultValue={values.email ?? ""} error={errors.email && t(errors.email)} />
          <LocaleSelect
            name="mailLocale"
            id="field-mail-locale"
            label={t("mailAdmin.invite.language")}
            hint={t("mailAdmin.invite.languageHint")}
            value={values.mailLocale ?? data.locale}
          />
          <Field name="note" label={t("invitations.note")} hint={t("invitations.noteHint")} defaultValue={values.note ?? ""} maxLength={200} error={errors.note && t(errors.note)} />
          <button type="submit" className="button-primary">
            {t("invitations.create")}
          </button>
        </Form>
      )}
      <h2>{t("invitations.list")}</h2>
      <DataTable
        caption={t("invitations.listCaption")}
        rows={data.invitations}
        rowKey={(i) => i.id}
        empty={t("invitations.none")}
        columns={[
          { header: t("invitations.cohort"), auto: true, cell: (i) => i.cohort_name },
          { header: t("invitations.role"), cell: (i) => t(`roles.${i.role}`) },
          { header: t("invitations.for"), auto: true, cell: (i) => i.email ?? i.note ?? "—" },
          { header: t("invitations.createdAt"), cell: (i) => <DateText value={i.created_at} /> },
          {
            header: t("invitations.status"),
            cell: (i) => (
              <>
                {t(`invitations.state.${i.state}`)}
                {i.accepted_by_name ? <span dir="auto"> ({i.accepted_by_name})</span> : null}
              </>
            ),
          },
          {
            header: t("people.actions"),
            cell: (i) =>
              i.state === "open" ? (
                <IntentButton intent="revoke" fields={{ invitationId: i.id }}>
                  {t("invitations.revoke")}
                </IntentButton>
              ) : null,
          },
        ]}
      />
      <Pagination page={data.page} pageSize={PAGE_SIZE} total={data.total} />
    </div>
  );
}
