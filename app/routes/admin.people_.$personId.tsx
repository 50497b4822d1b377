import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { flashCookie, readFlash } from "../auth/cookies.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { SelectField } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { PersonFields } from "../components/person-fields";
import { localeFor } from "../i18n/request-locale.server";
import { listManagedCohorts } from "../models/cohort-admin.server";
import { changeMemberships, personDetail, updatePerson } from "../models/person-admin.server";
import { erasureOf } from "../models/privacy/erasure.server";
import { PERSON_REFUSAL_FIELD, personSchema, placeOptions, toPersonFields } from "../people/person-form.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";
import { siteUrl } from "../utils/site-url.server";
import { z } from "../utils/zod.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "personAdmin.title");

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const id = params.personId ?? "";
  const person = isUuid(id) ? await personDetail(context.db, user.scopedGrants, id) : null;
  if (!person) throw notFound();
  const [options, cohorts, erasure] = await Promise.all([
    placeOptions(context.db, localeFor(request, user)),
    listManagedCohorts(context.db, user.scopedGrants, { search: "", limit: 1000, offset: 0 }),
    erasureOf(context.db, id),
  ]);
  const member = new Set(person.memberships.map((m) => m.id));
  const flash = readFlash(request);
  const path = `/admin/people/${id}`;
  const token = flash?.startsWith("created:") ? flash.slice("created:".length) : null;
  return json(
    {
      person,
      options,
      openCohorts: cohorts.rows.filter((c) => !c.closed_at && !member.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
      link: token ? `${siteUrl(context.config, request)}/reset/${token}` : null,
      erasure,
      ownAccount: person.id === user.id,
    },
    flash ? { headers: { "Set-Cookie": flashCookie(context.config, path, null) } } : undefined,
  );
}

const membershipSchema = () =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("join") }).catchall(z.string()),
    z.object({ intent: z.literal("leave"), cohortId: z.string().refine(isUuid) }),
    z.object({ intent: z.literal("move"), from: z.string().refine(isUuid, "personAdmin.chooseCohort"), to: z.string().refine(isUuid, "personAdmin.chooseCohort") }),
  ]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const id = params.personId ?? "";
  if (!isUuid(id)) throw notFound();
  const actor = { id: user.id, requestId: context.requestId };
  const intent = (await request.clone().formData()).get("intent");
  if (intent === "update") {
    const form = await parseForm(request, personSchema());
    if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
    const fields = toPersonFields(form.data);
    const result = await updatePerson(context.db, actor, user.scopedGrants, id, fields);
    if (!result.ok) {
      if (result.code === "missing") throw notFound();
      return json({ errors: { [PERSON_REFUSAL_FIELD[result.code]]: `personAdmin.refused.${result.code}` } as Record<string, string>, values: { ...form.data, countryCode: fields.countryCode ?? "", institutionId: fields.institutionId ?? "" } }, { status: 400 });
    }
    return redirect(`/admin/people/${id}?done=updated`);
  }
  const form = await parseForm(request, membershipSchema());
  if (!form.ok) return json({ errors: { cohorts: Object.values(form.errors)[0] ?? "form.invalid" }, values: {} }, { status: 400 });
  const data = form.data;
  // "join" sends one checkbox `cohort:<id>` per cohort chosen: several memberships at once.
  const change =
    data.intent === "join"
      ? { join: Object.keys(data).flatMap((k) => (k.startsWith("cohort:") && isUuid(k.slice(7)) ? [k.slice(7)] : [])), leave: null }
      : data.intent === "leave"
        ? { join: [], leave: data.cohortId as string }
        : { join: [data.to as string], leave: data.from as string };
  if (change.join.length === 0 && !change.leave) return json({ errors: { cohorts: "personAdmin.chooseCohort" }, values: {} }, { status: 400 });
  const result = await changeMemberships(context.db, actor, user.scopedGrants, id, change);
  if (!result.ok) {
    if (result.code === "missing") throw notFound();
    return json({ errors: { cohorts: `personAdmin.refused.${result.code}` }, values: {} }, { status: 400 });
  }
  return redirect(`/admin/people/${id}?done=${data.intent}`);
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { person, options, openCohorts, link, erasure, ownAccount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> =
    actionData?.values && Object.keys(actionData.values).length
      ? actionData.values
      : { displayName: person.display_name, email: person.email, locale: person.locale, countryCode: person.country_code ?? "", institutionId: person.institution_id ?? "" };
  const learnerOf = person.memberships.filter((m) => m.role === "officer");
  // Once erased, only the pseudonym and the cohorts are left to see; nothing can be changed.
  const erased = Boolean(person.erased_at);
  const erasurePending = erasure && !erasure.purgedAt;
  return (
    <div className="page wide">
      <p>
        <Link to="/admin/people">{t("personAdmin.back")}</Link>
      </p>
      <h1 dir="auto">{person.display_name}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(`personAdmin.done.${done}`, { defaultValue: t("personAdmin.done.updated") })}
        </p>
      ) : null}
      {link ? (
        <div className="notice">
          <p>{t("personAdmin.linkLead", { email: person.email })}</p>
          <p>
            <code className="one-time-link">{link}</code>
          </p>
        </div>
      ) : null}
      {erased ? (
        <p className="notice">
          {t("personAdmin.erasedOn")} <DateText value={person.erased_at!} />. {t("personAdmin.erasedExplain")}
        </p>
      ) : erasurePending ? (
        <p className="notice">
          {t("personAdmin.erasurePending")} <DateText value={erasure.purgeAfter} withTime />.
        </p>
      ) : person.disabled_at ? (
        <p className="notice">{t("personAdmin.deactivated")}</p>
      ) : null}
      {errors.form ? (
        <p className="field-error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      {erased ? null : (
        <>
          <h2>{t("personAdmin.details")}</h2>
          <Form method="post" noValidate className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="update" />
            <PersonFields options={options} values={values} errors={errors} />
            <button type="submit" className="button-primary">
              {t("personAdmin.saveButton")}
            </button>
          </Form>
        </>
      )}
      <h2 id="cohorts">{t("personAdmin.cohorts")}</h2>
      {errors.cohorts ? (
        <p className="field-error" role="alert">
          {t(errors.cohorts)}
        </p>
      ) : null}
      <DataTable
        caption={t("personAdmin.cohortsCaption", { count: person.memberships.length })}
        rows={person.memberships}
        rowKey={(m) => `${m.id}:${m.role}`}
        empty={t("personAdmin.noCohorts")}
        columns={[
          { header: t("personAdmin.cohort"), rowHeader: true, auto: true, cell: (m) => m.name },
          { header: t("personAdmin.role"), cell: (m) => t(`roles.${m.role}`) },
          {
            header: t("people.actions"),
            cell: (m) =>
              m.role === "officer" && !m.closed_at && !erased ? (
                <IntentButton intent="leave" fields={{ cohortId: m.id }} aria-label={t("personAdmin.leaveNamed", { cohort: m.name })}>
                  {t("personAdmin.leave")}
                </IntentButton>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {openCohorts.length && !erased ? (
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="join" />
          <fieldset>
            <legend>{t("personAdmin.join")}</legend>
            {openCohorts.map((c) => (
              <div className="field" key={c.id}>
                <label>
                  <input type="checkbox" name={`cohort:${c.id}`} value="on" /> <span dir="auto">{c.name}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t("personAdmin.joinButton")}</button>
        </Form>
      ) : null}
      {learnerOf.length && openCohorts.length && !erased ? (
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="move" />
          <h3>{t("personAdmin.move")}</h3>
          <SelectField name="from" label={t("personAdmin.moveFrom")}>
            {learnerOf.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="to" label={t("personAdmin.moveTo")}>
            {openCohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <button type="submit">{t("personAdmin.moveButton")}</button>
        </Form>
      ) : null}
      {erased ? null : (
        <>
          <h2 id="personal-data">{t("personAdmin.export.title")}</h2>
          <p>{t("personAdmin.export.explain")}</p>
          <p>
            <a href={`/resources/personal-data/${person.id}`} className="button-secondary" download>
              <span dir="auto">{t("personAdmin.export.download", { name: person.display_name })}</span>
            </a>
          </p>
          <h2 id="erasure">{t("personAdmin.erasure.title")}</h2>
          {erasurePending ? (
            <>
              <p>{t("personAdmin.erasure.cancelExplain")}</p>
              <IntentButton intent="cancel" action={`/admin/people/${person.id}/erase`} className="button-secondary">
                {t("personAdmin.erasure.cancel")}
              </IntentButton>
            </>
          ) : ownAccount ? (
            <p>{t("erasure.refused.own-account")}</p>
          ) : (
            <>
              <p>{t("personAdmin.erasure.explain")}</p>
              <p>
                <Link to={`/admin/people/${person.id}/erase`}>{t("personAdmin.erasure.start", { name: person.display_name })}</Link>
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}
