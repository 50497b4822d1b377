import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { cohortsOfPerson } from "../models/cohort.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitate.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "moderate:dialogue");
  const cohorts = (await cohortsOfPerson(context.db, user.id)).filter((c) => c.role === "facilitator");
  return json({ cohorts });
}

export default function Facilitate() {
  const { t } = useTranslation();
  const { cohorts } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("facilitate.title")}</h1>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t("facilitate.queue")}</h2>
        <p className="empty">{t("facilitate.queueEmpty")}</p>
      </section>
      <section aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">{t("facilitate.cohorts")}</h2>
        {cohorts.length === 0 ? (
          <p className="empty">{t("facilitate.noCohorts")}</p>
        ) : (
          <ul>
            {cohorts.map((c) => (
              <li key={c.id} dir="auto">
                {c.name}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
