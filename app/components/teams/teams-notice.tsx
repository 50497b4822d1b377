import { useTranslation } from "react-i18next";

interface TeamsNoticeProps {
  params: URLSearchParams;
  teams: { id: string; name: string; members: { personId: string; displayName: string }[] }[];
  unteamed: { personId: string; displayName: string }[];
}

/**
 * What the last change did, after its redirect. The URL carries only ids; names are read from
 * the page's own data, so a crafted link cannot make the page say something it did not do.
 */
export function TeamsNotice({ params, teams, unteamed }: TeamsNoticeProps) {
  const { t } = useTranslation();
  const made = params.get("made");
  const done = params.get("done");
  const team = teams.find((candidate) => candidate.id === params.get("team"));
  const people = [...teams.flatMap((candidate) => candidate.members), ...unteamed];
  const person = people.find((candidate) => candidate.personId === params.get("person"))?.displayName;
  let message: string | null = null;
  if (made) message = t("facilitate.teams.made", { count: Number(made) });
  else if (done === "create" && team) message = t("facilitate.teams.created", { team: team.name });
  else if ((done === "add" || done === "move") && team && person) message = t(done === "add" ? "facilitate.teams.added" : "facilitate.teams.moved", { person, team: team.name });
  else if (done === "remove" && person) message = t("facilitate.teams.removed", { person });
  else if (done === "delete") message = t("facilitate.teams.deleted");
  if (!message) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}
