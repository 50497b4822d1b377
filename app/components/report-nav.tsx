import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// The sections that read the overview's filters (the others have their own or none).
const FILTERED = new Set(["/coordinate", "/coordinate/learners", "/coordinate/items"]);

/** The coordinator's sections; filters travel along in `search`. */
export function ReportNav({ search = "" }: { search?: string }) {
  const { t } = useTranslation();
  const links = [
    { to: "/coordinate", label: t("report.nav.overview"), end: true },
    { to: "/coordinate/learners", label: t("report.nav.learners"), end: false },
    { to: "/coordinate/items", label: t("report.nav.items"), end: false },
    { to: "/coordinate/scenarios", label: t("report.nav.scenarios"), end: false },
    { to: "/coordinate/certificates", label: t("report.nav.certificates"), end: false },
    { to: "/coordinate/cohorts", label: t("report.nav.cohorts"), end: false },
    { to: "/coordinate/invitations", label: t("report.nav.invitations"), end: false },
  ];
  return (
    <nav className="report-nav" aria-label={t("report.nav.label")}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={FILTERED.has(l.to) ? `${l.to}${search}` : l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
