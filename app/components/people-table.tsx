import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CountryName } from "./country-name";
import { DataTable } from "./data-table";

export interface PersonRow {
  id: string;
  display_name: string;
  email: string;
  country_code: string | null;
  institution: string | null;
  cohorts: string | null;
  roles: string | null;
}

/** People with their place and cohorts; `actions` adds a last column (e.g. a reset-link button). */
export function PeopleTable<R extends PersonRow>({ rows, caption, actions, linkTo }: { rows: R[]; caption: string; actions?: (row: R) => ReactNode; linkTo?: (row: R) => string }) {
  const { t } = useTranslation();
  const roleNames = (roles: string | null) =>
    (roles ?? "")
      .split(",")
      .filter(Boolean)
      .map((r) => t(`roles.${r}`))
      .join(", ") || "—";
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(p) => p.id}
      columns={[
        { header: t("people.name"), auto: true, rowHeader: true, cell: (p) => (linkTo ? <Link to={linkTo(p)}>{p.display_name}</Link> : p.display_name) },
        { header: t("auth.email"), cell: (p) => p.email },
        { header: t("people.country"), cell: (p) => <CountryName code={p.country_code} /> },
        { header: t("people.institution"), auto: true, cell: (p) => p.institution ?? "—" },
        { header: t("people.cohorts"), auto: true, cell: (p) => p.cohorts ?? "—" },
        { header: t("people.roles"), cell: (p) => roleNames(p.roles) },
        actions ? { header: t("people.actions"), cell: actions } : null,
      ]}
    />
  );
}
