import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { flashCookie } from "../auth/cookies.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { PersonFields } from "../components/person-fields";
import { localeFor } from "../i18n/request-locale.server";
import { createOnePerson } from "../models/person-admin.server";
import { PERSON_REFUSAL_FIELD, personSchema, placeOptions, toPersonFields } from "../people/person-form.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { siteUrl } from "../utils/site-url.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "personAdmin.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  return json({ options: await placeOptions(context.db, localeFor(request, user)) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, personSchema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const fields = toPersonFields(form.data);
  const result = await createOnePerson(context.db, { id: user.id, requestId: context.requestId }, fields, { siteUrl: siteUrl(context.config, request), validForMs: context.config.resetLinkMs });
  if (!result.ok) {
    return json({ errors: { [PERSON_REFUSAL_FIELD[result.code]]: `personAdmin.refused.${result.code}` } as Record<string, string>, values: { ...form.data, countryCode: fields.countryCode ?? "", institutionId: fields.institutionId ?? "" } }, { status: 400 });
  }
  // The link is shown once on the person's page (a flash cookie for that path), and mailed.
  const path = `/admin/people/${result.id}`;
  return redirect(`${path}?done=created`, { headers: { "Set-Cookie": flashCookie(context.config, path, `created:${result.token}`) } });
}

export default function NewPerson() {
  const { t } = useTranslation();
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page">
      <p>
        <Link to="/admin/people">{t("personAdmin.back")}</Link>
      </p>
      <h1>{t("personAdmin.newTitle")}</h1>
      <p>{t("personAdmin.newLead")}</p>
      <Form method="post" noValidate className="stack">
        <CsrfField />
        <PersonFields options={options} values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} />
        <button type="submit" className="button-primary">
          {t("personAdmin.createButton")}
        </button>
      </Form>
    </div>
  );
}
