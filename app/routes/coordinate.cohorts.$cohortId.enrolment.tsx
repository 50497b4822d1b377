import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { EnrolmentColumns, EnrolmentErrors } from "../components/enrolment-help";
import { Pagination } from "../components/pagination";
import { MAX_UPLOAD_BYTES } from "../import/upload-path";
import { findManagedCohort } from "../models/cohort-admin.server";
import { importEnrolment, previewEnrolment } from "../models/enrolment-file.server";
import { seatsShortfall } from "../models/enrolment-plan.server";
import { dropUpload, findUpload, keepUpload } from "../models/enrolment-upload.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";
import { siteUrl } from "../utils/site-url.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "enrolment.title");

const PAGE_SIZE = 200;
const notFound = () => new Response("Not Found", { status: 404 });
const sizeMb = MAX_UPLOAD_BYTES / 1_000_000;

async function managedCohort(context: LoaderFunctionArgs["context"], request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requirePermission(context, request, "manage:cohorts");
  const id = params.cohortId ?? "";
  const cohort = isUuid(id) ? await findManagedCohort(context.db, user.scopedGrants, id) : null;
  if (!cohort) throw notFound();
  return { user, cohort };
}

// GET: the columns and templates; with `?upload=`, the dry run of that file (rows paged).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await managedCohort(context, request, params);
  const url = new URL(request.url);
  const uploadId = url.searchParams.get("upload");
  const summary = { id: cohort.id, name: cohort.name, capacity: cohort.capacity, learners: cohort.learners, closed: Boolean(cohort.closed_at) };
  if (!uploadId) return json({ cohort: summary, preview: null, expired: false });
  const upload = isUuid(uploadId) ? await findUpload(context.db, { id: uploadId, cohortId: cohort.id, personId: user.id }) : null;
  if (!upload) return json({ cohort: summary, preview: null, expired: true });
  const plan = await previewEnrolment(context.db, user.scopedGrants, cohort.id, upload);
  if (!plan.ok) return json({ cohort: summary, preview: { uploadId, fileName: upload.name, refusal: plan.code, errors: [], rows: [], counts: { create: 0, update: 0, skip: 0 }, overCapacity: null, total: 0, page: 1 }, expired: false });
  const counts = { create: 0, update: 0, skip: 0 };
  for (const r of plan.rows) counts[r.action] += 1;
  // Told before the import, not only refused by it.
  const overCapacity = seatsShortfall(plan.rows, cohort);
  const page = Math.max(1, Math.min(Number(url.searchParams.get("page")) || 1, Math.ceil(plan.rows.length / PAGE_SIZE) || 1));
  const rows = plan.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => ({ line: r.line, email: r.email, name: r.name, country: r.country, institution: r.institution, action: r.action }));
  return json({ cohort: summary, preview: { uploadId, fileName: upload.name, refusal: null, errors: plan.errors, rows, counts, overCapacity, total: plan.rows.length, page }, expired: false });
}

type Refusal = { refusal: string };

// POST preview: keep the file and show its dry run (redirect). POST import: commit it, all or
// nothing, and show the sign-in links once (rendered, not redirected: they are not kept).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await managedCohort(context, request, params);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json<Refusal>({ refusal: "unreadable" }, { status: 400 });
  }
  const base = `/coordinate/cohorts/${cohort.id}/enrolment`;
  if (form.get("intent") !== "import") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return json<Refusal>({ refusal: "noFile" }, { status: 400 });
    if (file.size > MAX_UPLOAD_BYTES) return json<Refusal>({ refusal: "tooLarge" }, { status: 413 });
    const id = await keepUpload(context.db, { cohortId: cohort.id, personId: user.id, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    return redirect(`${base}?upload=${id}`);
  }
  const uploadId = String(form.get("upload") ?? "");
  const upload = isUuid(uploadId) ? await findUpload(context.db, { id: uploadId, cohortId: cohort.id, personId: user.id }) : null;
  if (!upload) return redirect(`${base}?upload=${encodeURIComponent(uploadId)}`);
  const site = siteUrl(context.config, request);
  const result = await importEnrolment(context.db, {
    actorId: user.id,
    grants: user.scopedGrants,
    cohortId: cohort.id,
    upload,
    previewedHash: null,
    defaultLocale: cohort.locale ?? "es",
    linkValidForMs: context.config.resetLinkMs,
    mailLinks: form.get("mail") === "on" ? { siteUrl: site } : null,
    requestId: context.requestId,
  });
  if (!result.ok) return json<Refusal>({ refusal: result.code }, { status: 409 });
  await dropUpload(context.db, uploadId);
  return json({
    done: { created: result.created, updated: result.updated, skipped: result.skipped, mailed: form.get("mail") === "on" },
    links: result.links.map((l) => ({ name: l.displayName, email: l.email, url: `${site}/reset/${l.token}` })),
  });
}

export default function EnrolmentPage() {
  const { t } = useTranslation();
  const { cohort, preview, expired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const refusal = actionData && "refusal" in actionData ? actionData.refusal : (preview?.refusal ?? null);
  const done = actionData && "done" in actionData ? actionData : null;
  return (
    <div className="page wide">
      <p>
        <Link to={`/coordinate/cohorts/${cohort.id}`}>{t("enrolment.back", { cohort: cohort.name })}</Link>
      </p>
      <h1>{t("enrolment.title")}</h1>
      <p className="lead" dir="auto">
        {t("enrolment.cohortLine", { cohort: cohort.name })}{" "}
        {cohort.capacity === null ? t("cohortAdmin.seatsOpen", { count: cohort.learners }) : t("cohortAdmin.seatsOf", { count: cohort.learners, capacity: cohort.capacity })}
      </p>
      {refusal ? (
        <p className="field-error" role="alert">
          {t(`enrolment.refusal.${refusal}`, { cohort: cohort.name, size: sizeMb, defaultValue: t("enrolment.refusal.generic", { cohort: cohort.name }) })}
        </p>
      ) : null}
      {expired ? (
        <p className="notice" role="status">
          {t("enrolment.expired")}
        </p>
      ) : null}
      {done ? (
        <section aria-labelledby="done-title">
          <h2 id="done-title">{t("enrolment.doneTitle")}</h2>
          <p className="notice" role="status">
            {t("enrolment.done", { cohort: cohort.name, created: done.done.created, updated: done.done.updated, skipped: done.done.skipped })}
          </p>
          {done.links.length ? (
            <>
              <h3>{t("enrolment.linksTitle")}</h3>
              <p>{done.done.mailed ? t("enrolment.linksMailed") : t("enrolment.linksLead")}</p>
              <DataTable
                caption={t("enrolment.linksCaption")}
                rows={done.links}
                rowKey={(l) => l.email}
                columns={[
                  { header: t("cohortAdmin.person"), rowHeader: true, auto: true, cell: (l) => l.name },
                  { header: t("cohortAdmin.email"), cell: (l) => l.email },
                  { header: t("enrolment.link"), cell: (l) => <code>{l.url}</code> },
                ]}
              />
            </>
          ) : null}
          <p>
            <Link to={`/coordinate/learners?cohort=${cohort.id}`}>{t("cohortAdmin.progressLink")}</Link>
          </p>
        </section>
      ) : preview && !preview.refusal ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t("enrolment.previewTitle", { file: preview.fileName })}</h2>
          <p role="status">{t("enrolment.summary", { ...preview.counts, errors: preview.errors.length })}</p>
          {preview.overCapacity ? (
            <p className="alert" role="alert">
              {t("enrolment.overCapacity", { count: preview.overCapacity.joining, free: preview.overCapacity.free, cohort: cohort.name })}
            </p>
          ) : null}
          {preview.errors.length ? (
            <EnrolmentErrors errors={preview.errors} />
          ) : cohort.closed || preview.overCapacity ? null : preview.counts.create + preview.counts.update === 0 ? (
            <p className="notice">{t("enrolment.nothing")}</p>
          ) : (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="upload" value={preview.uploadId} />
              <div className="field">
                <label>
                  <input type="checkbox" name="mail" value="on" defaultChecked /> {t("enrolment.mailLinks")}
                </label>
              </div>
              <button type="submit" className="button-primary" disabled={busy}>
                {busy ? t("enrolment.importing") : t("enrolment.commit", { count: preview.counts.create + preview.counts.update })}
              </button>
            </Form>
          )}
          <DataTable
            caption={t("enrolment.rowsCaption")}
            rows={preview.rows}
            rowKey={(r) => String(r.line)}
            empty={t("enrolment.noRows")}
            columns={[
              { header: t("enrolment.line"), cell: (r) => r.line },
              { header: t("enrolment.action"), cell: (r) => t(`enrolment.actions.${r.action}`) },
              { header: t("cohortAdmin.email"), rowHeader: true, cell: (r) => r.email },
              { header: t("enrolment.columnName.name"), auto: true, cell: (r) => r.name },
              { header: t("enrolment.columnName.country"), cell: (r) => r.country ?? "" },
              { header: t("enrolment.columnName.institution"), auto: true, cell: (r) => r.institution ?? "" },
            ]}
          />
          <Pagination page={preview.page} pageSize={PAGE_SIZE} total={preview.total} />
        </section>
      ) : null}
      {cohort.closed ? (
        <p className="notice">{t("cohortAdmin.closedNote")}</p>
      ) : (
        <>
          <h2>{preview || done ? t("enrolment.another") : t("enrolment.upload")}</h2>
          <p>{t("enrolment.lead")}</p>
          <Form method="post" encType="multipart/form-data" action={`/coordinate/cohorts/${cohort.id}/enrolment`} className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="preview" />
            <div className="field">
              <label htmlFor="field-file">{t("enrolment.file", { size: sizeMb })}</label>
              <input type="file" id="field-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
            </div>
            <button type="submit" className={preview || done ? undefined : "button-primary"} disabled={busy}>
              {t("enrolment.preview")}
            </button>
          </Form>
        </>
      )}
      <EnrolmentColumns />
    </div>
  );
}
