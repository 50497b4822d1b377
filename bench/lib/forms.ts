/**
 * The first POST form on a page, filled the way a person choosing the first option would, as
 * an urlencoded body. Just enough HTML reading for our own server-rendered forms (the bench
 * drives them as a browser without JavaScript does).
 */
export function firstPostForm(html: string): { action: string | null; body: string } | null {
  // In the page's main part: the header's language switcher is a POST form too.
  const main = html.slice(Math.max(0, html.indexOf("<main")));
  const form = /<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(main);
  if (!form) return null;
  const action = /action="([^"]*)"/.exec(form[0].slice(0, form[0].indexOf(">")))?.[1] ?? null;
  const inner = form[1]!;
  const fields = new URLSearchParams();
  const seen = new Set<string>();
  for (const input of inner.matchAll(/<input\b[^>]*>/gi)) {
    const tag = input[0];
    const name = attr(tag, "name");
    if (!name) continue;
    const type = (attr(tag, "type") ?? "text").toLowerCase();
    const value = decode(attr(tag, "value") ?? "");
    if (type === "radio" || type === "checkbox") {
      if (!seen.has(name)) fields.append(name, value || "on");
      seen.add(name);
    } else if (type === "hidden" || value) fields.append(name, value);
    else if (type === "text") fields.append(name, "benchmark");
  }
  for (const select of inner.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/gi)) {
    const options = [...select[2]!.matchAll(/<option\b[^>]*value="([^"]+)"/gi)].map((m) => decode(m[1]!));
    const name = select[1]!;
    // Ordering questions want each position once: give the n-th select the n-th position.
    const index = name.startsWith("position.") ? [...seen].filter((n) => n.startsWith("position.")).length : 0;
    if (options.length) fields.append(name, options[index % options.length]!);
    seen.add(name);
  }
  for (const area of inner.matchAll(/<textarea\b[^>]*name="([^"]+)"/gi)) fields.append(area[1]!, "benchmark");
  const button = /<button\b[^>]*name="([^"]+)"[^>]*value="([^"]*)"/i.exec(inner);
  if (button) fields.append(button[1]!, decode(button[2]!));
  return { action, body: fields.toString() };
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag)?.[1] ?? null;
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
