import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DateText } from "../components/date-text";
import { audit } from "../models/audit.server";
import { cohortsWithDataMode, setCohortLowData } from "../models/data-mode.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";

// Low-data mode per cohort, until cohorts get their own edit page: one toggle per cohort.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "lowData.adminTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage:people");
  return json({ cohorts: await cohortsWithDataMode(context.db) });
}

const schema = () => z.object({ intent: z.literal("set"), cohortId: z.string().refine(isUuid), lowData: z.enum(["on", "off"]) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const form = await parseForm(request, schema());
  if (!form.ok) return json({ error: "form.invalid" }, { status: 400 });
  const lowData = form.data.lowData === "on";
  const done = await context.db.transaction().execute(async (trx) => {
    if (!(await setCohortLowData(trx, form.data.cohortId, lowData))) return false;
    await audit(trx, { actorId: user.id, action: "cohort.low-data", targetType: "cohort", targetId: form.data.cohortId, details: { lowData }, requestId: context.requestId });
    return true;
  });
  if (!done) return json({ error: "lowData.unknownCohort" }, { status: 404 });
  return redirect("/admin/low-data?saved=1");
}

export default function AdminLowData() {
  const { t } = useTranslation();
  const { cohorts } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>{t("lowData.adminTitle")}</h1>
      <p className="lead">{t("lowData.adminLead")}</p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          {t("lowData.cohortSaved")}
        </p>
      ) : null}
      {cohorts.length === 0 ? (
        <p className="empty">{t("lowData.noCohorts")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("lowData.cohortsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("lowData.cohort")}</th>
                <th scope="col">{t("lowData.starts")}</th>
                <th scope="col">{t("lowData.mode")}</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.id}>
                  <td dir="auto">{c.name}</td>
                  <td>{c.starts_on ? <DateText value={c.starts_on} /> : "—"}</td>
                  <td>
                    <p>{t(c.low_data ? "lowData.on" : "lowData.off")}</p>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="set" />
                      <input type="hidden" name="cohortId" value={c.id} />
                      <input type="hidden" name="lowData" value={c.low_data ? "off" : "on"} />
                      <button type="submit" className="button-secondary">
                        {t(c.low_data ? "lowData.turnOff" : "lowData.turnOn", { name: c.name })}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
