import type { ReactNode } from "react";

export interface Column<Row> {
  /** Header text (already translated). */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Free text written by people (names, titles): laid out by its own direction. */
  auto?: boolean;
  /** How the rows are sorted by this column, when they are. */
  ariaSort?: "ascending" | "descending" | undefined;
  /** The cell that names the row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** The language of the cell's text when it may not be the page's (a mail's subject). */
  lang?: (row: Row) => string | undefined;
}

interface DataTableProps<Row> {
  caption: ReactNode;
  columns: (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What to say instead of an empty table (already translated); without it an empty table is shown. */
  empty?: ReactNode;
  /** A `<tfoot>` row (e.g. totals), cells given in column order. */
  footer?: ReactNode[];
  className?: string;
}

/**
 * Every list of the coordination and admin pages: a captioned table with column headers,
 * scrolling sideways on a narrow screen, or one sentence when there is nothing to list.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, footer, className }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="empty">{empty}</p>;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  return (
    <div className="table-scroll">
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {shown.map((c, i) => (
              <th key={i} scope="col" aria-sort={c.ariaSort}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {shown.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" dir={c.auto ? "auto" : undefined} lang={c.lang?.(row)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} dir={c.auto ? "auto" : undefined} lang={c.lang?.(row)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr>
              {footer.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
