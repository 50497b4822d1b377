import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { readSessionToken, sessionCookie } from "../auth/cookies.server";
import { getUser, safeRedirectPath } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { Field } from "../components/field";
import { grantsOf } from "../models/access.server";
import { revokeSession } from "../models/session.server";
import { signIn } from "../models/sign-in.server";
import { homeFor } from "../roles";
import { parseForm } from "../utils/forms.server";
import { emailField } from "../utils/schemas.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.signInTitle");

// A whole-page answer (no JavaScript) takes its headers from here, not from the action: pass on
// the Retry-After the action sets while sign-in is locked.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(context, request);
  if (user) throw redirect(homeFor(user.roles));
  const url = new URL(request.url);
  return json({ notice: url.searchParams.get("notice") });
}

const schema = () => z.object({
  email: emailField,
  password: z.string({ error: "form.required" }).min(1, "form.required").max(200, "form.tooLong"),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values, retryMinutes: null }, { status: 400 });
  const { db, config } = context;
  const result = await signIn(
    db,
    {
      email: form.data.email,
      password: form.data.password,
      address: context.clientAddress,
      userAgent: request.headers.get("user-agent"),
    },
    config.login,
    { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs },
  );
  const values = { email: form.data.email };
  if (!result.ok) {
    if (result.reason === "locked") {
      const retryMinutes = Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 60_000));
      return json(
        { errors: { form: "auth.locked" }, values, retryMinutes },
        { status: 429, headers: { "Retry-After": String(retryMinutes * 60) } },
      );
    }
    return json({ errors: { form: "auth.invalid" }, values, retryMinutes: null }, { status: 401 });
  }
  // A new session id at every sign-in; whatever session the browser had before is ended.
  const previous = readSessionToken(request, config);
  if (previous) await revokeSession(db, previous);
  const roles = (await grantsOf(db, result.personId)).map((g) => g.role);
  const target = safeRedirectPath(form.data.redirectTo, homeFor(roles));
  return redirect(target === "/" ? homeFor(roles) : target, {
    headers: { "Set-Cookie": sessionCookie(config, result.token) },
  });
}

export default function Login() {
  const { t } = useTranslation();
  const { notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const formError = errors.form;
  return (
    <div className="page narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <p className="lead">{t("auth.signInLead")}</p>
      {notice === "signed-out" ? (
        <p className="notice" role="status">
          {t("auth.signedOut")}
        </p>
      ) : null}
      {notice === "password-reset" ? (
        <p className="notice" role="status">
          {t("auth.passwordResetDone")}
        </p>
      ) : null}
      {formError ? (
        <div className="alert" role="alert" id="form-error">
          {t(formError, { count: actionData?.retryMinutes ?? 0 })}
        </div>
      ) : null}
      <Form method="post" noValidate aria-describedby={formError ? "form-error" : undefined}>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          required
          defaultValue={actionData?.values?.email ?? ""}
          error={errors.email ? t(errors.email) : undefined}
        />
        <Field
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
          error={errors.password ? t(errors.password) : undefined}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t("auth.signingIn") : t("auth.signIn")}
        </button>
      </Form>
      <p className="hint">{t("auth.forgotHint")}</p>
      <p>
        <Link to="/privacy">{t("auth.privacyLink")}</Link>
      </p>
    </div>
  );
}
