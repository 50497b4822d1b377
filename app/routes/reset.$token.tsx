import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { NewPasswordFields } from "../components/new-password-fields";
import { Alert } from "../components/alert";
import { CsrfField } from "../components/csrf-field";
import { findOpenReset, redeemPasswordReset } from "../models/password-reset.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { newPasswordField } from "../utils/schemas.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const reset = await findOpenReset(context.db, params.token ?? "");
  return json({ usable: Boolean(reset), name: reset?.display_name ?? null, email: reset?.email ?? null });
}

const schema = () => z
  .object({ password: newPasswordField, confirmPassword: z.string({ error: "form.required" }) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "form.passwordsDiffer" });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors }, { status: 400 });
  const done = await redeemPasswordReset(context.db, params.token ?? "", form.data.password, context.requestId);
  if (!done) return json({ errors: { form: "reset.unusable" } as Record<string, string> }, { status: 410 });
  return redirect("/login?notice=password-reset");
}

export default function Reset() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  if (!data.usable) {
    return (
      <div className="page narrow">
        <h1>{t("reset.title")}</h1>
        <p className="alert" role="alert">
          {t("reset.unusable")}
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("reset.title")}</h1>
      <p className="lead" dir="auto">
        {t("reset.lead", { name: data.name, email: data.email })}
      </p>
      <Alert>{errors.form && t(errors.form)}</Alert>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="text" name="username" autoComplete="username" value={data.email ?? ""} readOnly hidden />
        <NewPasswordFields name="password" errors={errors} />
        <button type="submit" className="button-primary">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
