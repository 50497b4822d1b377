import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CountryName } from "./country-name";

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
export function PeopleTable({ rows, caption, actions }: { rows: PersonRow[]; caption: string; actions?: (row: PersonRow) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("people.name")}</th>
            <th scope="col">{t("auth.email")}</th>
            <th scope="col">{t("people.country")}</th>
            <th scope="col">{t("people.institution")}</th>
            <th scope="col">{t("people.cohorts")}</th>
            <th scope="col">{t("people.roles")}</th>
            {actions ? <th scope="col">{t("people.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td dir="auto">{p.display_name}</td>
              <td>{p.email}</td>
              <td>
                <CountryName code={p.country_code} />
              </td>
              <td dir="auto">{p.institution ?? "—"}</td>
              <td dir="auto">{p.cohorts ?? "—"}</td>
              <td>
                {(p.roles ?? "")
                  .split(",")
                  .filter(Boolean)
                  .map((r) => t(`roles.${r}`))
                  .join(", ") || "—"}
              </td>
              {actions ? <td>{actions(p)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
