import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";

export const COUNT_COLUMNS = ["enrolled", "notStarted", "inProgress", "completed", "passedFinal", "certified", "overdue"] as const;
type CountRow = Record<(typeof COUNT_COLUMNS)[number], number>;

/** A table of enrolment counts, one row per group (cohort × course, country, institution). */
export function CountsTable<T extends CountRow>({ caption, groupHeading, rows, group, keyOf }: { caption: string; groupHeading: ReactNode; rows: T[]; group: (row: T) => ReactNode; keyOf: (row: T) => string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeading}</th>
            {COUNT_COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {t(`report.counts.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={keyOf(row)}>
              <th scope="row" dir="auto">
                {group(row)}
              </th>
              {COUNT_COLUMNS.map((c) => (
                <td key={c} data-count={c}>
                  {row[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
