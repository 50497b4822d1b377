import { useTranslation } from "react-i18next";
import { DataTable } from "../data-table";
import { IntentButton } from "../intent-button";
import { TeamChoiceForm } from "./team-choice-form";

export interface TeamRow {
  id: string;
  name: string;
  hasWork: boolean;
  members: { personId: string; displayName: string; countryCode: string | null }[];
}

interface TeamTableProps {
  team: TeamRow;
  /** Every team of the cohort, for the member's "move to" choice. */
  teams: { id: string; name: string }[];
  /** False once the cohort is closed: the table is then only read. */
  editable: boolean;
}

/** A team's members; while the cohort is open, each can be moved or removed, and an empty team deleted. */
export function TeamTable({ team, teams, editable }: TeamTableProps) {
  const { t } = useTranslation();
  const others = teams.filter((other) => other.id !== team.id);
  return (
    <div id={`team-${team.id}`}>
      <DataTable
        caption={t("facilitate.teams.teamCaption", { team: team.name, count: team.members.length })}
        rows={team.members}
        rowKey={(m) => m.personId}
        columns={[
          { header: t("facilitate.teams.person"), rowHeader: true, auto: true, cell: (m) => m.displayName },
          { header: t("facilitate.teams.country"), cell: (m) => m.countryCode ?? "—" },
          editable && { header: t("facilitate.teams.changeColumn"), cell: (m) => (others.length ? <TeamChoiceForm intent="move" person={m} teams={others} /> : "—") },
          editable && {
            header: <span className="visually-hidden">{t("facilitate.teams.remove")}</span>,
            cell: (m) => (
              <IntentButton intent="remove" fields={{ personId: m.personId }} aria-label={t("facilitate.teams.removeLabel", { person: m.displayName })}>
                {t("facilitate.teams.remove")}
              </IntentButton>
            ),
          },
        ]}
      />
      {editable && team.members.length === 0 ? (
        team.hasWork ? (
          <p className="hint">{t("facilitate.teams.keptForWork")}</p>
        ) : (
          <IntentButton intent="delete" fields={{ teamId: team.id }}>
            {t("facilitate.teams.deleteTeam", { team: team.name })}
          </IntentButton>
        )
      ) : null}
    </div>
  );
}
