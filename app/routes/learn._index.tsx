import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { DateText } from "../components/date-text";
import { cohortsOfPerson } from "../models/cohort.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "learn.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "learn");
  return json({ name: user.displayName, cohorts: await cohortsOfPerson(context.db, user.id) });
}

export default function Learn() {
  const { t } = useTranslation();
  const { name, cohorts } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>{t("learn.title")}</h1>
      {params.get("welcome") ? (
        <p className="notice" role="status" dir="auto">
          {t("learn.welcome", { name })}
        </p>
      ) : null}
      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">{t("learn.courses")}</h2>
        <p className="empty">{t("learn.noCourses")}</p>
      </section>
      <section aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">{t("learn.cohorts")}</h2>
        {cohorts.length === 0 ? (
          <p className="empty">{t("learn.noCohorts")}</p>
        ) : (
          <ul className="cards">
            {cohorts.map((c) => (
              <li key={c.id} className="card">
                <h3 dir="auto">{c.name}</h3>
                <p>
                  {t("cohort.dates")}: <DateText value={c.starts_on} /> – <DateText value={c.ends_on} />
                </p>
                <p>
                  {t("cohort.yourRole")}: {t(`roles.${c.role}`)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
