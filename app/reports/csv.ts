/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents right), comma
 * separated, CRLF line ends (RFC 4180). A text cell that a spreadsheet would read as a formula
 * — starting with =, +, -, @, a tab or a carriage return — gets a leading single quote, so
 * opening an export never runs anything (OWASP "CSV injection").
 */
export const BOM = "\uFEFF";

export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text made inert for spreadsheets: a formula-looking start is prefixed with a quote. */
export function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans we produce ourselves are safe as they are.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = inertText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * A CSV file as a byte stream: the header, then each batch of rows as it is read. Pulls the next
 * batch only when the reader wants more, so a slow download holds back the database reads.
 */
export function csvStream<T>(header: readonly string[], batches: AsyncIterable<T[]>, toCells: (row: T) => Cell[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(toCells(row))).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
