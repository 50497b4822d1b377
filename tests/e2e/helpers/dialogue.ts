import { expect, type Page } from "@playwright/test";
import { DEMO_COHORT } from "./accounts";
import type { Lang } from "./ui";

// The dialogue's interface texts as a person reads them (not loaded from app/locales).
export const DIALOGUE_UI = {
  es: {
    nav: "Diálogo",
    generalSpace: `General · ${DEMO_COHORT}`,
    title: "Título",
    message: "Mensaje",
    createThread: "Publicar conversación",
    yourReply: "Su respuesta",
    publish: "Publicar",
    hide: "Ocultar",
    hideReason: "Motivo (la persona autora lo verá)",
    hiddenPlaceholder: "Una persona facilitadora ocultó este mensaje.",
    reportOf: (name: string) => `Reportar el mensaje de ${name}`,
    reportReason: "¿Por qué reporta este mensaje?",
    sendReport: "Enviar reporte",
    dismiss: "Descartar el reporte",
    dismissed: "Reporte descartado. El mensaje sigue publicado.",
    approve: "Aprobar y publicar",
    approved: "Mensaje aprobado y publicado.",
    edit: "Editar",
    editLabel: "Editar el mensaje",
    saveEdit: "Guardar cambios",
    heldNotice: "Este mensaje quedó retenido",
    held: "retenido",
    notifications: "Avisos",
    hiddenNotification: (title: string) => `Se ocultó su mensaje en «${title}»: vea el motivo`,
    queue: "Cola de moderación",
    history: "Historial de moderación",
    required: "Este dato es obligatorio.",
  },
  en: {
    nav: "Dialogue",
    generalSpace: `General · ${DEMO_COHORT}`,
    title: "Title",
    message: "Message",
    createThread: "Post conversation",
    yourReply: "Your reply",
    publish: "Post",
    hide: "Hide",
    hideReason: "Reason (the author will see it)",
    hiddenPlaceholder: "A facilitator hid this message.",
    reportOf: (name: string) => `Report ${name}'s message`,
    reportReason: "Why are you reporting this message?",
    sendReport: "Send report",
    dismiss: "Dismiss the report",
    dismissed: "Report dismissed. The message stays published.",
    approve: "Approve and publish",
    approved: "Message approved and published.",
    edit: "Edit",
    editLabel: "Edit the message",
    saveEdit: "Save changes",
    heldNotice: "This message is held",
    held: "held",
    notifications: "Notifications",
    hiddenNotification: (title: string) => `Your message in "${title}" was hidden: see the reason`,
    queue: "Moderation queue",
    history: "Moderation history",
    required: "This is required.",
  },
} as const;

/** From anywhere: opens the demo cohort's general space through the header's "Dialogue" link. */
export async function openGeneralSpace(page: Page, lang: Lang = "es"): Promise<void> {
  const t = DIALOGUE_UI[lang];
  await page.getByRole("banner").getByRole("link", { name: t.nav, exact: true }).click();
  // The page just left may link to the space too (a thread's breadcrumbs): clicking that one
  // while the list is still loading loses the click, so wait for the list first.
  await expect(page.getByRole("heading", { level: 1, name: t.nav, exact: true })).toBeVisible();
  await page.getByRole("link", { name: t.generalSpace, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.generalSpace, exact: true })).toBeVisible();
}

/** In an open space: starts a thread and waits for its page. Returns the thread's address. */
export async function startThread(page: Page, title: string, body: string, lang: Lang = "es"): Promise<string> {
  const t = DIALOGUE_UI[lang];
  await page.getByLabel(t.title, { exact: true }).fill(title);
  await page.getByLabel(t.message, { exact: true }).fill(body);
  await page.getByRole("button", { name: t.createThread, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  const url = new URL(page.url());
  return url.pathname;
}
