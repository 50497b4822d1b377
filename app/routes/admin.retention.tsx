import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DateText } from "../components/date-text";
import { Field } from "../components/field";
import { lastRetentionRun, nextRetentionRun, retentionPolicy, saveRetentionPolicy } from "../models/privacy/retention-policy.server";
import { RETENTION_KINDS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "../privacy/retention-kinds";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";

// How long personal data is kept (docs/decisions/018-retention.md): the policy in force, the
// form that changes it, and the daily job's last and next run.
const PATH = "/admin/retention";
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "retention.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage:people");
  const now = new Date();
  const [policy, last] = await Promise.all([retentionPolicy(context.db), lastRetentionRun(context.db)]);
  return json({ policy, last, next: nextRetentionRun(last, now) });
}

// Blank: kept forever; otherwise whole days within the bounds.
const days = () =>
  z
    .string()
    .default("")
    .transform((v) => v.trim())
    .refine((v) => /^\d*$/.test(v), "retention.wholeDays")
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || (v >= RETENTION_MIN_DAYS && v <= RETENTION_MAX_DAYS), "retention.outOfRange");

const schema = () => z.object({ intent: z.literal("save"), dialoguePostDays: days(), sessionDays: days(), auditDays: days(), learningEventDays: days() });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const { intent: _, ...policy } = form.data;
  await saveRetentionPolicy(context.db, { actorId: user.id, requestId: context.requestId }, policy);
  return redirect(`${PATH}?saved=1`);
}

export default function AdminRetention() {
  const { t } = useTranslation();
  const { policy, last, next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const period = (days: number | null) => (days === null ? t("retention.forever") : t("retention.days", { count: days }));
  return (
    <div className="page">
      <h1>{t("retention.title")}</h1>
      <p className="lead">{t("retention.lead")}</p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          {t("retention.saved")}
        </p>
      ) : null}
      <h2>{t("retention.inForce")}</h2>
      <dl className="facts">
        {RETENTION_KINDS.map((kind) => (
          <Fragment key={kind}>
            <dt>{t(`retention.kind.${kind}`)}</dt>
            <dd>{period(policy[kind])}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t("retention.job")}</h2>
      <dl className="facts">
        <dt>{t("retention.lastRun")}</dt>
        <dd>{last ? <DateText value={last.ranAt} withTime /> : t("retention.never")}</dd>
        {last ? (
          <>
            <dt>{t("retention.lastDeleted")}</dt>
            <dd>{t("retention.deletedCounts", last.deleted)}</dd>
          </>
        ) : null}
        <dt>{t("retention.nextRun")}</dt>
        <dd>
          <DateText value={next} withTime />
        </dd>
      </dl>
      <Form method="post" noValidate className="stack">
        <h2>{t("retention.change")}</h2>
        <p>{t("retention.changeHint", { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS })}</p>
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        {RETENTION_KINDS.map((kind) => (
          <Field
            key={kind}
            name={kind}
            label={t(`retention.kind.${kind}`)}
            hint={t(`retention.hint.${kind}`)}
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values[kind] ?? (policy[kind] === null ? "" : String(policy[kind]))}
            error={errors[kind] && t(errors[kind], { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS })}
          />
        ))}
        <button type="submit" className="button-primary">
          {t("retention.save")}
        </button>
      </Form>
    </div>
  );
}
