import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { Field } from "../components/field";
import { Pagination } from "../components/pagination";
import { listErasureRequests } from "../models/privacy/erasure-list.server";
import { erasurePolicy, saveErasurePolicy } from "../models/privacy/erasure.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";
import { z } from "../utils/zod.server";

// The programme's erasure rules (the grace period; posts kept or removed) and the requests made
// (docs/decisions/019-erasure.md). A person is erased from their own page (/admin/people/:id/erase).
const PATH = "/admin/erasure";
const GRACE_MIN_DAYS = 1;
const GRACE_MAX_DAYS = 365;
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "erasureAdmin.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const { page, limit, offset } = pageFrom(new URL(request.url));
  const [policy, requests] = await Promise.all([erasurePolicy(context.db), listErasureRequests(context.db, user.scopedGrants, { limit, offset })]);
  return json({ policy, requests, page });
}

const schema = () =>
  z.object({
    intent: z.literal("save"),
    graceDays: z
      .string()
      .transform((v) => v.trim())
      .refine((v) => /^\d+$/.test(v), "erasureAdmin.wholeDays")
      .transform(Number)
      .refine((v) => v >= GRACE_MIN_DAYS && v <= GRACE_MAX_DAYS, "erasureAdmin.outOfRange"),
    posts: z.enum(["keep", "delete"], { message: "erasureAdmin.choosePosts" }),
  });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  await saveErasurePolicy(context.db, { actorId: user.id, requestId: context.requestId }, { graceDays: form.data.graceDays, posts: form.data.posts });
  return redirect(`${PATH}?saved=1`);
}

export default function AdminErasure() {
  const { t } = useTranslation();
  const { policy, requests, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const posts = values.posts ?? policy.posts;
  return (
    <div className="page wide">
      <h1>{t("erasureAdmin.title")}</h1>
      <p className="lead">{t("erasureAdmin.lead")}</p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          {t("erasureAdmin.saved")}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <h2>{t("erasureAdmin.rules")}</h2>
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        <Field
          name="graceDays"
          label={t("erasureAdmin.graceDays")}
          hint={t("erasureAdmin.graceHint", { min: GRACE_MIN_DAYS, max: GRACE_MAX_DAYS })}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values.graceDays ?? String(policy.graceDays)}
          error={errors.graceDays && t(errors.graceDays, { min: GRACE_MIN_DAYS, max: GRACE_MAX_DAYS })}
        />
        <fieldset aria-describedby={errors.posts ? "posts-error" : undefined}>
          <legend>{t("erasureAdmin.posts")}</legend>
          {errors.posts ? (
            <p className="field-error" id="posts-error">
              {t(errors.posts)}
            </p>
          ) : null}
          {(["keep", "delete"] as const).map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" name="posts" value={choice} defaultChecked={posts === choice} /> {t(`erasureAdmin.postsChoice.${choice}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button-primary">
          {t("erasureAdmin.save")}
        </button>
      </Form>
      <h2>{t("erasureAdmin.requests")}</h2>
      <p>{t("erasureAdmin.howToRequest")}</p>
      <DataTable
        caption={t("erasureAdmin.requestsCaption", { count: requests.total })}
        rows={requests.rows}
        rowKey={(r) => `${r.personId}:${r.requestedAt}`}
        empty={t("erasureAdmin.noRequests")}
        columns={[
          { header: t("erasureAdmin.person"), rowHeader: true, auto: true, cell: (r) => <Link to={`/admin/people/${r.personId}`}>{r.name}</Link> },
          { header: t("erasureAdmin.requestedAt"), cell: (r) => <DateText value={r.requestedAt} /> },
          { header: t("erasureAdmin.state"), cell: (r) => t(`erasureAdmin.stateName.${r.state}`) },
          { header: t("erasureAdmin.when"), cell: (r) => <DateText value={r.closedAt ?? r.purgeAfter} withTime /> },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={requests.total} />
    </div>
  );
}
