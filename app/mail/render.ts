/**
 * One message, two bodies: a template says what to write (subject, paragraphs, one link to act
 * on, a closing line) and this file writes it as plain text and as HTML. Every value a template
 * puts in is escaped in the HTML, so a cohort or course name cannot inject markup.
 */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare URL in text. */
  action?: { label: string; url: string };
  /** Lines after the action (validity of a link, "ignore if unexpected"). */
  after?: string[];
  /** Why the person gets this, and how to stop it (reminders and digests only). */
  footer?: { text: string; link?: { label: string; url: string } };
  signature: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderMail(content: MailContent, locale: string): RenderedMail {
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    ...(content.after ?? []),
    content.signature,
    ...(content.footer ? ["--", content.footer.link ? `${content.footer.text}\n${content.footer.link.label}: ${content.footer.link.url}` : content.footer.text] : []),
  ].join("\n\n");

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#0b5563;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : "";
  const footer = content.footer
    ? `<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0"><p style="margin:0;font-size:14px;color:#444444">${escapeHtml(content.footer.text)}${
        content.footer.link ? ` <a href="${escapeHtml(content.footer.link.url)}" style="color:#0b5563">${escapeHtml(content.footer.link.label)}</a>` : ""
      }</p>`
    : "";
  const html =
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">` +
    `<div style="max-width:600px">${p(content.greeting)}${content.paragraphs.map(p).join("")}${action}${(content.after ?? []).map(p).join("")}${p(content.signature)}${footer}</div></body></html>`;
  return { subject: content.subject, text, html };
}
