import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "../csrf-field";

interface TeamChoiceFormProps {
  /** "add" for a person without a team, "move" for a member of another team. */
  intent: "add" | "move";
  person: { personId: string; displayName: string };
  /** The teams the person can be put in (for a move, every team but their own). */
  teams: { id: string; name: string }[];
}

/** One person's row form: a team to choose and the button that puts them in it. */
export function TeamChoiceForm({ intent, person, teams }: TeamChoiceFormProps) {
  const { t } = useTranslation();
  const selectId = `${intent}-team-${person.personId}`;
  return (
    <Form method="post" noValidate className="actions team-choice">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="personId" value={person.personId} />
      <label htmlFor={selectId} className="visually-hidden">
        {t("facilitate.teams.teamFor", { person: person.displayName })}
      </label>
      <select id={selectId} name="teamId" defaultValue="">
        <option value="">{t("facilitate.teams.chooseTeam")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id} dir="auto">
            {team.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button-secondary" aria-label={t(intent === "add" ? "facilitate.teams.addLabel" : "facilitate.teams.moveLabel", { person: person.displayName })}>
        {t(intent === "add" ? "facilitate.teams.add" : "facilitate.teams.move")}
      </button>
    </Form>
  );
}
