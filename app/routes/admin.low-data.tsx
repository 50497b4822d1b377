import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { DataTable } from "../components/data-table";
import { IntentButton } from "../components/intent-button";
import { DateText } from "../components/date-text";
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
  const done = await setCohortLowData(context.db, { actorId: user.id, requestId: context.requestId }, form.data.cohortId, form.data.lowData === "on");
  if (!done.ok) return json({ error: "lowData.unknownCohort" }, { status: 404 });
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
      <DataTable
        caption={t("lowData.cohortsCaption")}
        empty={t("lowData.noCohorts")}
        rows={cohorts}
        rowKey={(c) => c.id}
        columns={[
          { header: t("lowData.cohort"), auto: true, cell: (c) => c.name },
          { header: t("lowData.starts"), cell: (c) => (c.starts_on ? <DateText value={c.starts_on} /> : "—") },
          {
            header: t("lowData.mode"),
            cell: (c) => (
              <>
                <p>{t(c.low_data ? "lowData.on" : "lowData.off")}</p>
                <IntentButton intent="set" fields={{ cohortId: c.id, lowData: c.low_data ? "off" : "on" }} className="button-secondary">
                  {t(c.low_data ? "lowData.turnOff" : "lowData.turnOn", { name: c.name })}
                </IntentButton>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
