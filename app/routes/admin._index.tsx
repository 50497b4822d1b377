import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { organisationCounts } from "../models/organisation.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage:people");
  return json(await organisationCounts(context.db));
}

export default function Admin() {
  const { t } = useTranslation();
  const counts = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("admin.title")}</h1>
      <ul className="stats">
        <li>
          <span className="stat-number">{counts.people}</span> {t("admin.countPeople", { count: counts.people })}
        </li>
        <li>
          <span className="stat-number">{counts.cohorts}</span> {t("admin.countCohorts", { count: counts.cohorts })}
        </li>
        <li>
          <span className="stat-number">{counts.institutions}</span> {t("admin.countInstitutions", { count: counts.institutions })}
        </li>
        <li>
          <span className="stat-number">{counts.countries}</span> {t("admin.countCountries", { count: counts.countries })}
        </li>
      </ul>
      <ul className="link-list">
        <li>
          <Link to="/admin/people">{t("admin.people")}</Link>
        </li>
        <li>
          <Link to="/coordinate/cohorts">{t("cohortAdmin.title")}</Link>
        </li>
        <li>
          <Link to="/admin/countries">{t("orgAdmin.countries.title")}</Link>
        </li>
        <li>
          <Link to="/admin/institutions">{t("orgAdmin.institutions.title")}</Link>
        </li>
        <li>
          <Link to="/admin/roles">{t("rolesAdmin.title")}</Link>
        </li>
        <li>
          <Link to="/coordinate/invitations">{t("invitations.title")}</Link>
        </li>
        <li>
          <Link to="/admin/mail">{t("mailAdmin.title")}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t("audit.title")}</Link>
        </li>
        <li>
          <Link to="/admin/dialogue">{t("dialogue.regional.title")}</Link>
        </li>
        <li>
          <Link to="/admin/low-data">{t("lowData.adminLink")}</Link>
        </li>
        <li>
          <Link to="/admin/retention">{t("retention.adminLink")}</Link>
        </li>
        <li>
          <Link to="/admin/erasure">{t("erasureAdmin.adminLink")}</Link>
        </li>
      </ul>
    </div>
  );
}
