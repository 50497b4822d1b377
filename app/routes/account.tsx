import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { readSessionToken } from "../auth/cookies.server";
import { requireUser } from "../auth/guards.server";
import { NewPasswordFields } from "../components/new-password-fields";
import { CsrfField } from "../components/csrf-field";
import { Field } from "../components/field";
import { changeOwnPassword } from "../models/account.server";
import { certificatesOf } from "../models/certificate.server";
import { CertificateLinks } from "../components/certificate-links";
import { pick } from "../content/model";
import { localeFor } from "../i18n/request-locale.server";
import { dataModeOf, setDataMode } from "../models/data-mode.server";
import { cohortZoneOf, setTimeZone } from "../models/person-time-zone.server";
import { calendarFeedToken } from "../models/sessions/calendar-feed.server";
import { zoneChoices } from "../sessions/time-zone";
import { TimeZoneForm } from "../components/time-zone-form";
import { siteUrl } from "../utils/site-url.server";
import { mailPreferencesOf, saveMailPreferences } from "../models/mail-preferences.server";
import { MailPreferencesForm } from "../components/mail-preferences-form";
import { PersonalDataDownload } from "../components/personal-data-download";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { newPasswordField } from "../utils/schemas.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const locale = localeFor(request, user);
  const certificates = (await certificatesOf(context.db, user.id)).map((c) => ({
    code: c.code,
    course: pick(c.course_title, locale),
    issuedAt: c.issued_at.toISOString(),
    revoked: c.revoked_at !== null,
  }));
  const dataMode = await dataModeOf(context.db, user.id);
  const mail = await mailPreferencesOf(context.db, user.id);
  const timeZone = { chosen: user.timeZone, cohortZone: await cohortZoneOf(context.db, user.id, user.countryCode), zones: zoneChoices() };
  const feedUrl = `${siteUrl(context.config, request)}/calendar/${await calendarFeedToken(context.db, user.id)}`;
  return json({ name: user.displayName, email: user.email, roles: user.roles, certificates, dataMode, lowData: user.lowData, mail, timeZone, feedUrl });
}

const dataModeSchema = () => z.object({
  dataMode: z.enum(["cohort", "low", "full"], { error: "lowData.badChoice" }),
});

const timeZoneSchema = () => z.object({ intent: z.literal("time-zone"), timeZone: z.string().max(100, "account.timeZone.invalid").optional() });

const schema = () => z
  .object({
    currentPassword: z.string({ error: "form.required" }).min(1, "form.required").max(200, "form.tooLong"),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "form.required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "form.passwordsDiffer" });

const mailSchema = () => z.object({
  intent: z.literal("mail-prefs"),
  reminders: z.literal("1").optional(),
  digests: z.literal("1").optional(),
});

// Four forms: the low-data choice (intent "data-mode"), optional mail (intent "mail-prefs"), the
// time zone (intent "time-zone") and the password (the default).
// Changing the password signs the person out on every other device.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const intent = await request
    .clone()
    .formData()
    .then((f) => f.get("intent"))
    .catch(() => null);
  if (intent === "data-mode") {
    const choice = await parseForm(request, dataModeSchema());
    if (!choice.ok) return json({ errors: choice.errors as Record<string, string> }, { status: 400 });
    await setDataMode(context.db, user.id, choice.data.dataMode);
    return redirect("/account?dataMode=saved");
  }
  if (intent === "time-zone") {
    const choice = await parseForm(request, timeZoneSchema());
    const zone = choice.ok && choice.data.timeZone ? choice.data.timeZone : null;
    const saved = choice.ok ? await setTimeZone(context.db, user.id, zone) : ({ ok: false, code: "invalidZone" } as const);
    if (!saved.ok) return json({ errors: { timeZone: "account.timeZone.invalid" } as Record<string, string> }, { status: 400 });
    return redirect("/account?timeZone=saved#time-zone");
  }
  if (intent === "mail-prefs") {
    const choice = await parseForm(request, mailSchema());
    if (!choice.ok) throw new Response("Bad Request", { status: 400 });
    const preferences = { reminders: choice.data.reminders === "1", digests: choice.data.digests === "1" };
    await saveMailPreferences(context.db, { personId: user.id, preferences, requestId: context.requestId });
    return redirect("/account?mail=saved");
  }
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors }, { status: 400 });
  const changed = await changeOwnPassword(context.db, {
    personId: user.id,
    currentPassword: form.data.currentPassword,
    newPassword: form.data.newPassword,
    keepSessionToken: readSessionToken(request, context.config) ?? undefined,
    requestId: context.requestId,
  });
  if (!changed.ok) return json({ errors: { currentPassword: "account.wrongPassword" } as Record<string, string> }, { status: 400 });
  return redirect("/account?changed=1");
}

export default function Account() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  const [params] = useSearchParams();
  return (
    <div className="page narrow">
      <h1>{t("account.title")}</h1>
      <dl className="facts">
        <dt>{t("account.name")}</dt>
        <dd dir="auto">{data.name}</dd>
        <dt>{t("auth.email")}</dt>
        <dd>{data.email}</dd>
        <dt>{t("account.roles")}</dt>
        <dd>{data.roles.map((r) => t(`roles.${r}`)).join(", ")}</dd>
      </dl>
      <section aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">{t("certificate.mine.listTitle")}</h2>
        {data.certificates.length === 0 ? (
          <p className="empty">{t("certificate.mine.none")}</p>
        ) : (
          data.certificates.map((c) => (
            <article key={c.code} className="card">
              <h3>{c.course}</h3>
              <CertificateLinks certificate={c} />
            </article>
          ))
        )}
      </section>
      <h2>{t("account.changePassword")}</h2>
      {params.get("changed") ? (
        <p className="notice" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfField />
        <input type="text" name="username" autoComplete="username" value={data.email} readOnly hidden />
        <Field name="currentPassword" type="password" label={t("account.currentPassword")} autoComplete="current-password" required error={errors.currentPassword && t(errors.currentPassword)} />
        <NewPasswordFields name="newPassword" errors={errors} />
        <button type="submit" className="button-primary">
          {t("account.savePassword")}
        </button>
      </Form>
      <TimeZoneForm chosen={data.timeZone.chosen} cohortZone={data.timeZone.cohortZone} zones={data.timeZone.zones} feedUrl={data.feedUrl} error={errors.timeZone} saved={params.get("timeZone") === "saved"} />
      <MailPreferencesForm reminders={data.mail.reminders} digests={data.mail.digests} saved={params.get("mail") === "saved"} />
      <DataModeForm choice={data.dataMode.choice} cohortLowData={data.dataMode.cohortLowData} active={data.lowData} error={errors.dataMode} saved={params.get("dataMode") === "saved"} />
      <PersonalDataDownload />
    </div>
  );
}

function DataModeForm({ choice, cohortLowData, active, error, saved }: { choice: string; cohortLowData: boolean; active: boolean; error?: string | undefined; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="data-mode-heading">
      <h2 id="data-mode-heading">{t("lowData.title")}</h2>
      <p id="data-mode-explain">{t("lowData.explain")}</p>
      {saved ? (
        <p className="notice" role="status">
          {t("lowData.saved")}
        </p>
      ) : null}
      {active ? <p className="hint">{t("lowData.active")}</p> : null}
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="data-mode" />
        <fieldset className={error ? "field field-invalid" : "field"} aria-describedby={error ? "data-mode-explain data-mode-error" : "data-mode-explain"}>
          <legend>{t("lowData.choiceLegend")}</legend>
          {error ? (
            <p className="field-error" id="data-mode-error">
              {t(error)}
            </p>
          ) : null}
          {(["cohort", "low", "full"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="dataMode" value={value} defaultChecked={choice === value} />{" "}
              {t(`lowData.choice.${value}`, { current: t(cohortLowData ? "lowData.currentOn" : "lowData.currentOff") })}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button-secondary">
          {t("lowData.save")}
        </button>
      </Form>
    </section>
  );
}
