import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { sessionCookie } from "../auth/cookies.server";
import { getUser } from "../auth/guards.server";
import { NewPasswordFields } from "../components/new-password-fields";
import { Alert } from "../components/alert";
import { CsrfField } from "../components/csrf-field";
import { Field } from "../components/field";
import { LocaleSelect } from "../components/locale-select";
import { localeFor } from "../i18n/request-locale.server";
import { acceptInvitation, findInvitation, type AcceptRefusal } from "../models/invitation.server";
import { siteUrl } from "../utils/site-url.server";
import { createSession } from "../models/session.server";
import { ROLE_HOME } from "../roles";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { emailField, localeField, nameField, newPasswordField } from "../utils/schemas.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "join.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const invitation = await findInvitation(context.db, params.token ?? "");
  if (!invitation) throw new Response("Not Found", { status: 404 });
  const user = await getUser(context, request);
  return json({
    state: invitation.state,
    cohortName: invitation.cohort_name,
    role: invitation.role,
    email: invitation.email,
    signedInAs: user?.displayName ?? null,
    locale: localeFor(request, user),
  });
}

const schema = () => z
  .object({
    displayName: nameField,
    email: emailField,
    locale: localeField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "form.required" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "form.passwordsDiffer" });

// What the person is told when the invitation cannot make their account, and the status.
const REFUSALS: Record<AcceptRefusal, { errors: Record<string, string>; status: number }> = {
  "email-taken": { errors: { email: "join.emailTaken" }, status: 400 },
  unusable: { errors: { form: "join.unusable" }, status: 410 },
  full: { errors: { form: "cohortAdmin.join.full" }, status: 409 },
  closed: { errors: { form: "cohortAdmin.join.closed" }, status: 409 },
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, config } = context;
  const token = params.token ?? "";
  const invitation = await findInvitation(db, token);
  if (!invitation) throw new Response("Not Found", { status: 404 });
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const values = { displayName: form.data.displayName, email: form.data.email, locale: form.data.locale };
  if (invitation.email && invitation.email.toLowerCase() !== form.data.email.toLowerCase()) {
    return json({ errors: { email: "join.emailMismatch" } as Record<string, string>, values }, { status: 400 });
  }
  const result = await acceptInvitation(
    db,
    token,
    { email: form.data.email, displayName: form.data.displayName, locale: form.data.locale, password: form.data.password },
    context.requestId,
    { catalog: context.content, siteUrl: siteUrl(context.config, request) },
  );
  if (!result.ok) {
    const { errors, status } = REFUSALS[result.code];
    return json({ errors: errors as Record<string, string>, values }, { status });
  }
  const session = await createSession(db, result.personId, { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs }, request.headers.get("user-agent"));
  return redirect(`${ROLE_HOME[invitation.role]}?welcome=1`, { headers: { "Set-Cookie": sessionCookie(config, session.token) } });
}

export default function Join() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  if (data.state !== "open") {
    return (
      <div className="page narrow">
        <h1>{t("join.title")}</h1>
        <p className="alert" role="alert">
          {t(`join.state.${data.state}`)}
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("join.title")}</h1>
      <p className="lead">
        {t("join.lead", { cohort: data.cohortName, role: t(`roles.${data.role}`) })}
      </p>
      {data.signedInAs ? <p className="notice">{t("join.signedInAs", { name: data.signedInAs })}</p> : null}
      <Alert>{errors.form && t(errors.form)}</Alert>
      <Form method="post" noValidate>
        <CsrfField />
        <Field name="displayName" label={t("join.name")} autoComplete="name" required defaultValue={values.displayName ?? ""} error={errors.displayName && t(errors.displayName)} />
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          required
          defaultValue={values.email ?? data.email ?? ""}
          readOnly={Boolean(data.email)}
          error={errors.email && t(errors.email)}
        />
        <LocaleSelect name="locale" label={t("join.language")} value={values.locale ?? data.locale} />
        <NewPasswordFields name="password" errors={errors} />
        <button type="submit" className="button-primary" disabled={busy}>
          {t("join.submit")}
        </button>
      </Form>
      <p>
        <Link to="/privacy">{t("auth.privacyLink")}</Link>
      </p>
    </div>
  );
}
