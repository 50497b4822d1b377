import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DateText } from "../components/date-text";
import { cancelErasure, erasureOf, erasurePolicy, graceEnd, requestErasure, type CancelRefusal, type ErasureRefusal } from "../models/privacy/erasure.server";
import { personDetail } from "../models/person-admin.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";
import { z } from "../utils/zod.server";

// Erasing a person on their request (docs/decisions/019-erasure.md): what it does, when (after
// the programme's grace period, or now), a confirmation; and cancelling a request that waits.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "erasure.title");

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const id = params.personId ?? "";
  const person = isUuid(id) ? await personDetail(context.db, user.scopedGrants, id) : null;
  if (!person) throw notFound();
  const [policy, erasure] = await Promise.all([erasurePolicy(context.db), erasureOf(context.db, id)]);
  return json({
    person: { id: person.id, name: person.display_name, erasedAt: person.erased_at },
    ownAccount: person.id === user.id,
    policy,
    afterGrace: graceEnd(policy, new Date()),
    erasure,
  });
}

const schema = () =>
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("request"),
      when: z.enum(["after-grace", "now"], { message: "erasure.chooseWhen" }),
      confirm: z.literal("on", { message: "erasure.confirmNeeded" }),
    }),
    z.object({ intent: z.literal("cancel") }),
  ]);

const REFUSAL: Record<ErasureRefusal | CancelRefusal, { message: string; status: number }> = {
  missing: { message: "erasure.refused.missing", status: 404 },
  "own-account": { message: "erasure.refused.own-account", status: 400 },
  pending: { message: "erasure.refused.pending", status: 409 },
  erased: { message: "erasure.refused.erased", status: 409 },
  "not-pending": { message: "erasure.refused.not-pending", status: 409 },
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const id = params.personId ?? "";
  if (!isUuid(id)) throw notFound();
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const actor = { actorId: user.id, requestId: context.requestId };
  const result =
    form.data.intent === "cancel"
      ? await cancelErasure(context.db, actor, user.scopedGrants, id)
      : await requestErasure(context.db, actor, user.scopedGrants, id, { now: new Date(), immediately: form.data.when === "now" });
  if (!result.ok) {
    const refusal = REFUSAL[result.code];
    if (refusal.status === 404) throw notFound();
    return json({ errors: { form: refusal.message } as Record<string, string>, values: {} as Record<string, string> }, { status: refusal.status });
  }
  const done = form.data.intent === "cancel" ? "erasure-cancelled" : "purged" in result && result.purged ? "erased" : "erasure-requested";
  return redirect(`/admin/people/${id}?done=${done}`);
}

export default function ErasePerson() {
  const { t } = useTranslation();
  const { person, ownAccount, policy, afterGrace, erasure } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const pending = erasure && !erasure.purgedAt;
  return (
    <div className="page">
      <p>
        <Link to={`/admin/people/${person.id}`}>{t("erasure.back", { name: person.name })}</Link>
      </p>
      <h1 dir="auto">{t("erasure.heading", { name: person.name })}</h1>
      {errors.form ? (
        <p className="field-error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      {person.erasedAt ? (
        <p className="notice">
          {t("erasure.alreadyErased")} <DateText value={person.erasedAt} />
        </p>
      ) : pending ? (
        <>
          <p className="notice">
            {t("erasure.pendingSince")} <DateText value={erasure.requestedAt} />. {t("erasure.pendingUntil")} <DateText value={erasure.purgeAfter} withTime />.
          </p>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="cancel" />
            <p>{t("erasure.cancelExplain")}</p>
            <button type="submit" className="button-secondary">
              {t("erasure.cancel")}
            </button>
          </Form>
        </>
      ) : ownAccount ? (
        <p className="notice">{t("erasure.refused.own-account")}</p>
      ) : (
        <>
          <h2>{t("erasure.whatHappens")}</h2>
          <ul>
            <li>{t("erasure.effect.block")}</li>
            <li>{t("erasure.effect.pseudonym")}</li>
            <li>{t(policy.posts === "delete" ? "erasure.effect.postsDeleted" : "erasure.effect.postsKept")}</li>
            <li>{t("erasure.effect.figures")}</li>
            <li>{t("erasure.effect.certificates")}</li>
          </ul>
          <p>
            <Link to="/admin/erasure">{t("erasure.settingsLink")}</Link>
          </p>
          <Form method="post" noValidate className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="request" />
            <fieldset aria-describedby={errors.when ? "erase-when-error" : undefined}>
              <legend>{t("erasure.when")}</legend>
              {errors.when ? (
                <p className="field-error" id="erase-when-error">
                  {t(errors.when)}
                </p>
              ) : null}
              <label className="choice">
                <input type="radio" name="when" value="after-grace" defaultChecked={(values.when ?? "after-grace") === "after-grace"} />{" "}
                {t("erasure.afterGrace", { count: policy.graceDays })} (<DateText value={afterGrace} />)
              </label>
              <label className="choice">
                <input type="radio" name="when" value="now" defaultChecked={values.when === "now"} /> {t("erasure.now")}
              </label>
            </fieldset>
            <div className={errors.confirm ? "field field-invalid" : "field"}>
              {errors.confirm ? (
                <p className="field-error" id="erase-confirm-error">
                  {t(errors.confirm)}
                </p>
              ) : null}
              <label className="choice">
                <input type="checkbox" name="confirm" value="on" aria-invalid={errors.confirm ? true : undefined} aria-describedby={errors.confirm ? "erase-confirm-error" : undefined} />{" "}
                {t("erasure.confirm", { name: person.name })}
              </label>
            </div>
            <button type="submit" className="button-danger">
              {t("erasure.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
