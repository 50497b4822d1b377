import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "../auth/guards.server";
import { ensureGeneralSpaces, listSpaces } from "../models/dialogue/spaces.server";
import { viewerOf } from "../models/dialogue/access.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dialogue.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  await ensureGeneralSpaces(context.db, user.id);
  return json({ spaces: await listSpaces(context.db, viewerOf(user)) });
}

export default function DialogueSpaces() {
  const { t } = useTranslation();
  const { spaces } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("dialogue.title")}</h1>
      <p className="lead">{t("dialogue.intro")}</p>
      {spaces.length === 0 ? (
        <p className="empty">{t("dialogue.noSpaces")}</p>
      ) : (
        <ul className="card-list">
          {spaces.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/dialogue/${s.id}`} dir="auto">
                  {s.kind === "general" ? t("dialogue.space.general", { name: s.title }) : s.title}
                </Link>
              </h2>
              <p>
                {t("dialogue.space.threads", { count: s.threads })}
                {s.unread > 0 ? (
                  <>
                    {" · "}
                    <strong>{t("dialogue.space.unread", { count: s.unread })}</strong>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
