import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The coordinator's sections; filters travel along in `search`. */
export function ReportNav({ search = "" }: { search?: string }) {
  const { t } = useTranslation();
  const links = [
    { to: "/coordinate", label: t("report.nav.overview"), end: true },
    { to: "/coordinate/learners", label: t("report.nav.learners"), end: false },
    { to: "/coordinate/items", label: t("report.nav.items"), end: false },
    { to: "/coordinate/invitations", label: t("report.nav.invitations"), end: false },
  ];
  return (
    <nav className="report-nav" aria-label={t("report.nav.label")}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to === "/coordinate/invitations" ? l.to : `${l.to}${search}`} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
