import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { CsrfField } from "../components/csrf-field";
import { checkUnsubscribeLink, unsubscribeByLink } from "../models/mail-preferences.server";
import { parseForm } from "../utils/forms.server";
import { pageTitle } from "../utils/meta";

// "Stop these e-mails" from a link in a reminder or digest: no sign-in, a signed token. The page
// asks first (a mail scanner following the link must not unsubscribe anyone), the button posts.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailPrefs.unsubscribeTitle");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const topic = await checkUnsubscribeLink(context.db, params.token ?? "");
  const done = new URL(request.url).searchParams.get("done") === "1";
  return json({ topic, done }, { status: topic ? 200 : 400, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

const schema = () => z.object({ intent: z.literal("unsubscribe") });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await parseForm(request, schema());
  if (!form.ok) throw new Response("Bad Request", { status: 400 });
  const token = params.token ?? "";
  const result = await unsubscribeByLink(context.db, token, context.requestId);
  if (!result.ok) return json({ refused: true }, { status: 400 });
  return redirect(`/mail/unsubscribe/${encodeURIComponent(token)}?done=1`);
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const { topic, done } = useLoaderData<typeof loader>();
  const which = topic === "digests" ? "Digests" : "Reminders";
  return (
    <div className="page">
      <h1>{t("mailPrefs.unsubscribeTitle")}</h1>
      {!topic ? (
        <p className="notice notice-warning" role="alert">
          {t("mailPrefs.invalid")}
        </p>
      ) : done ? (
        <p className="notice" role="status">
          {t(`mailPrefs.done${which}`)}
        </p>
      ) : (
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="unsubscribe" />
          <p>{t(`mailPrefs.confirm${which}`)}</p>
          <button type="submit" className="button-primary">
            {t("mailPrefs.confirm")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/account">{t("mailPrefs.title")}</Link>
      </p>
    </div>
  );
}
