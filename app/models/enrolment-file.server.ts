import { createHash } from "node:crypto";
import type { DB, Trx } from "../../db/client";
import { readSpreadsheet } from "../import/read-file.server";
import { checkLines, type ImportRow, type LineError } from "../import/validate";
import type { Grant } from "./access.server";
import { enrol, type EnrolmentDone, type EnrolmentRefusal } from "./enrolment.server";
import { planEnrolment, type Plan } from "./enrolment-plan.server";
import { enqueueMails } from "./mail-outbox.server";
import type { SignInLink } from "./new-people.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export type FileRefusal = "unreadable" | "empty" | "changed";

/** The file's SHA-256: the commit must be of the very file that was previewed. */
export const fileHash = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function rowsOf(upload: Upload): Promise<Result<{ rows: ImportRow[]; errors: LineError[] }, FileRefusal>> {
  const read = await readSpreadsheet(upload.name, upload.bytes);
  if (!read.ok) return read;
  const checked = checkLines(read.lines);
  return checked.ok ? { ok: true, rows: checked.rows, errors: checked.errors } : { ok: true, rows: [], errors: checked.errors };
}

/** The dry run: every line it would create, update or skip, and every error. Writes nothing. */
export async function previewEnrolment(db: DB, grants: Grant[], cohortId: string, upload: Upload): Promise<Result<Plan & { hash: string }, FileRefusal>> {
  const read = await rowsOf(upload);
  if (!read.ok) return read;
  const plan = await planEnrolment(db, grants, cohortId, read.rows, read.errors);
  return { ok: true, ...plan, hash: fileHash(upload.bytes) };
}

export interface ImportRequest {
  actorId: string;
  /** The importer's grants for managing cohorts: who they may update (see planEnrolment). */
  grants: Grant[];
  cohortId: string;
  upload: Upload;
  /** The hash shown with the preview; null skips the check (scripts, the bench). */
  previewedHash: string | null;
  defaultLocale: string;
  linkValidForMs: number;
  /** Mail each new person their link to set a password (the site's address for the link), or not. */
  mailLinks: { siteUrl: string } | null;
  requestId?: string;
}

/** Commits an import in one transaction; nothing is written when any line or the cohort refuses. */
export async function importEnrolment(db: DB, request: ImportRequest): Promise<Result<EnrolmentDone, EnrolmentRefusal | FileRefusal>> {
  const hash = fileHash(request.upload.bytes);
  if (request.previewedHash !== null && request.previewedHash !== hash) return refused("changed");
  const read = await rowsOf(request.upload);
  if (!read.ok) return read;
  return refusableTransaction(db, async (trx) => {
    const done = await enrol(trx, {
      actorId: request.actorId,
      grants: request.grants,
      cohortId: request.cohortId,
      rows: read.rows,
      errors: read.errors,
      defaultLocale: request.defaultLocale,
      linkValidForMs: request.linkValidForMs,
      fileHash: hash,
      ...(request.requestId ? { requestId: request.requestId } : {}),
    });
    if (done.ok && request.mailLinks) await mailSignInLinks(trx, done.links, request.mailLinks.siteUrl, request.linkValidForMs);
    return done;
  });
}

/** The link is mailed in the import's transaction: it leaves only if the people were created. */
async function mailSignInLinks(trx: Trx, links: readonly SignInLink[], siteUrl: string, validForMs: number) {
  const expiresAt = new Date(Date.now() + validForMs);
  await enqueueMails(
    trx,
    links.map((l) => ({ kind: "password-reset" as const, to: l.email, locale: l.locale, data: { name: l.displayName, url: `${siteUrl}/reset/${l.token}`, expiresAt } })),
  );
}
