import { useTranslation } from "react-i18next";
import { DataTable } from "../data-table";
import { TeamChoiceForm } from "./team-choice-form";

interface UnteamedOfficersProps {
  people: { personId: string; displayName: string; countryCode: string | null }[];
  teams: { id: string; name: string }[];
  editable: boolean;
}

/** The cohort's officers in no team (often people who joined after the teams were formed), each with a team to put them in. */
export function UnteamedOfficers({ people, teams, editable }: UnteamedOfficersProps) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <section aria-labelledby="unteamed-heading">
      <h2 id="unteamed-heading">{t("facilitate.teams.unteamed")}</h2>
      <p className="hint">{t("facilitate.teams.unteamedHint")}</p>
      <DataTable
        caption={t("facilitate.teams.unteamedCaption", { count: people.length })}
        rows={people}
        rowKey={(p) => p.personId}
        columns={[
          { header: t("facilitate.teams.person"), rowHeader: true, auto: true, cell: (p) => p.displayName },
          { header: t("facilitate.teams.country"), cell: (p) => p.countryCode ?? "—" },
          editable && teams.length > 0 && { header: t("facilitate.teams.addColumn"), cell: (p) => <TeamChoiceForm intent="add" person={p} teams={teams} /> },
        ]}
      />
    </section>
  );
}
