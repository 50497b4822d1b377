import { useTranslation } from "react-i18next";
import type { TeamWorkStatus } from "../models/reports/team-work.server";
import { DataTable } from "./data-table";
import { DateText } from "./date-text";

export interface TeamWorkLine {
  cohortId: string;
  cohortName: string;
  courseId: string;
  itemId: string;
  courseTitle: string;
  taskTitle: string;
  teamId: string;
  teamName: string;
  members: number;
  status: TeamWorkStatus;
  score: { total: number; max: number } | null;
  submittedAt: string | null;
  acceptedAt: string | null;
}

/** The coordinator overview's group work: one row per cohort, group task and team, with its downloads. */
export function TeamWorkTable({ rows, search }: { rows: TeamWorkLine[]; search: string }) {
  const { t } = useTranslation();
  const exportHref = (format: "csv" | "xlsx") => `/resources/report-team-work${search ? `${search}&` : "?"}format=${format}`;
  const when = (at: string | null) => (at ? <DateText value={at} withTime /> : t("report.teamWork.notYet"));
  return (
    <section aria-labelledby="team-work-title">
      <h2 id="team-work-title">{t("report.teamWork.title")}</h2>
      <DataTable
        caption={t("report.teamWork.caption")}
        rows={rows}
        rowKey={(r) => `${r.cohortId}/${r.courseId}/${r.itemId}/${r.teamId}`}
        empty={t("report.teamWork.empty")}
        columns={[
          { header: t("report.teamWork.team"), rowHeader: true, auto: true, cell: (r) => r.teamName },
          { header: t("report.teamWork.cohort"), auto: true, cell: (r) => r.cohortName },
          {
            header: t("report.teamWork.task"),
            cell: (r) => (
              <>
                {r.taskTitle} <span className="item-meta">· {r.courseTitle}</span>
              </>
            ),
          },
          { header: t("report.teamWork.members"), cell: (r) => r.members },
          { header: t("report.teamWork.state"), cell: (r) => t(`report.teamWork.status.${r.status}`) },
          { header: t("report.teamWork.score"), cell: (r) => (r.score ? t("report.teamWork.scoreOf", { total: r.score.total, max: r.score.max }) : t("report.teamWork.noScore")) },
          { header: t("report.teamWork.submittedAt"), cell: (r) => when(r.submittedAt) },
          { header: t("report.teamWork.acceptedAt"), cell: (r) => when(r.acceptedAt) },
        ]}
      />
      {rows.length ? (
        // Described by the heading: the overview has other "Download CSV" links, for other tables.
        <p className="downloads">
          <a href={exportHref("csv")} className="button-secondary" aria-describedby="team-work-title" download>
            {t("report.teamWork.csv")}
          </a>{" "}
          ·{" "}
          <a href={exportHref("xlsx")} className="button-secondary" aria-describedby="team-work-title" download>
            {t("report.teamWork.xlsx")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
