import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MailStatus } from "../../db/types";
import { z } from "../utils/zod.server";
import { requirePermission } from "../auth/guards.server";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { IntentButton } from "../components/intent-button";
import { Pagination } from "../components/pagination";
import { MAIL_STATUSES } from "../mail/statuses";
import { listMail, retryFailedMail } from "../models/mail-outbox.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";
import { pageFrom, PAGE_SIZE } from "../utils/pagination";

const PATH = "/admin/mail";
const NOTICES = ["retried", "not-failed"] as const;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailAdmin.title");

const isStatus = (value: string | null): value is MailStatus => MAIL_STATUSES.includes(value as MailStatus);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage:mail");
  const url = new URL(request.url);
  const asked = url.searchParams.get("status");
  const status: MailStatus = isStatus(asked) ? asked : "queued";
  const { page, limit, offset } = pageFrom(url);
  const mail = await listMail(context.db, status, limit, offset);
  const notice = NOTICES.find((n) => n === url.searchParams.get("notice")) ?? null;
  return json({ ...mail, status, page, notice, logOnly: !context.config.mail.smtpUrl });
}

const retrySchema = () => z.object({ intent: z.literal("retry"), mailId: z.string().refine(isUuid) });

// Sends a failed message again (audited in the model).
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(context, request, "manage:mail");
  const form = await parseForm(request, retrySchema());
  if (!form.ok) throw new Response("Bad Request", { status: 400 });
  const result = await retryFailedMail(context.db, { id: form.data.mailId, actorId: user.id, requestId: context.requestId });
  return redirect(result.ok ? `${PATH}?status=queued&notice=retried` : `${PATH}?status=failed&notice=not-failed`);
}

export default function AdminMail() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page wide">
      <h1>{t("mailAdmin.title")}</h1>
      <p className="lead">{t("mailAdmin.lead")}</p>
      {data.logOnly ? <p className="notice">{t("mailAdmin.noSmtp")}</p> : null}
      {data.notice ? (
        <p className={data.notice === "retried" ? "notice" : "notice notice-warning"} role="status">
          {t(data.notice === "retried" ? "mailAdmin.retried" : "mailAdmin.notFailed")}
        </p>
      ) : null}
      <nav aria-label={t("mailAdmin.tabs")}>
        <ul className="link-list">
          {MAIL_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`${PATH}?status=${s}`} aria-current={s === data.status ? "page" : undefined}>
                {t(`mailAdmin.status.${s}`)} ({data.counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`mailAdmin.status.${data.status}`)}</h2>
      <DataTable
        caption={t("mailAdmin.caption")}
        rows={data.rows}
        rowKey={(m) => m.id}
        empty={t("mailAdmin.empty")}
        columns={[
          { header: t("mailAdmin.created"), cell: (m) => <DateText value={m.created_at} withTime /> },
          { header: t("mailAdmin.kind"), cell: (m) => t(`mailAdmin.kinds.${m.kind}`, { defaultValue: m.kind }) },
          { header: t("mailAdmin.to"), auto: true, cell: (m) => m.to_address },
          // The subject is written in the addressee's language, not necessarily the page's.
          { header: t("mailAdmin.subject"), auto: true, lang: (m) => m.locale, cell: (m) => m.subject },
          { header: t("mailAdmin.attempts"), cell: (m) => m.attempts },
          { header: t("mailAdmin.detail"), cell: (m) => <MailDetail mail={m} /> },
        ]}
      />
      <Pagination page={data.page} pageSize={PAGE_SIZE} total={data.total} />
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function MailDetail({ mail }: { mail: Row }) {
  const { t } = useTranslation();
  if (mail.status === "sent") {
    return (
      <span>
        {t(mail.sent_via === "log" ? "mailAdmin.loggedAt" : "mailAdmin.sentAt")}{": "}
        <DateText value={mail.sent_at} withTime />
      </span>
    );
  }
  return (
    <>
      {mail.status === "queued" ? (
        <p>
          {t("mailAdmin.nextAttempt")}{": "}
          <DateText value={mail.next_attempt_at} withTime />
        </p>
      ) : null}
      {mail.last_error ? <p dir="auto">{t("mailAdmin.lastError", { error: mail.last_error })}</p> : null}
      {mail.status === "failed" ? (
        <IntentButton intent="retry" fields={{ mailId: mail.id }} className="button-secondary" aria-label={t("mailAdmin.retryFor", { to: mail.to_address })}>
          {t("mailAdmin.retry")}
        </IntentButton>
      ) : null}
    </>
  );
}
