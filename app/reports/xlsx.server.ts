import { createReadableStreamFromReadable } from "@remix-run/node";
import ExcelJS from "exceljs";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import type { Cell } from "./csv";

export interface Sheet<T> {
  name: string;
  header: readonly string[];
  batches: AsyncIterable<T[]>;
  toCells: (row: T) => Cell[];
}

/**
 * An XLSX workbook as a byte stream, written row by row with exceljs's streaming writer (rows
 * are committed and leave memory as they are written). Text is always written as a text cell —
 * never as a formula — so a name like "=HYPERLINK(…)" stays a name.
 */
export function xlsxStream(sheets: Sheet<unknown>[]): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  void (async () => {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
      worksheet.addRow([...sheet.header]).commit();
      for await (const batch of sheet.batches) {
        for (const row of batch) worksheet.addRow(sheet.toCells(row).map(xlsxValue)).commit();
        // Wait for the reader when it is behind, so a slow download holds back the database reads.
        if (output.writableNeedDrain) await once(output, "drain");
      }
      worksheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return createReadableStreamFromReadable(output);
}

/** A cell value exceljs writes as plain data: strings stay strings (no formula objects are made). */
function xlsxValue(value: Cell): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}
