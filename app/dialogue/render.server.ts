import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// A post's text → safe HTML. Only a small Markdown subset is turned on (emphasis, lists, links,
// block quotes, line breaks); raw HTML is never passed through, and the result goes through
// sanitize-html with a short allowlist as the second line of defence.
const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true }).enable([
  "emphasis",
  "list",
  "blockquote",
  "link",
  "linkify",
  "newline",
  "escape",
]);

export const POST_SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    // User links never pass reputation and never get a handle on this page.
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: "nofollow noopener" } }),
  },
};

export function renderPost(source: string): string {
  return sanitizeHtml(md.render(source), POST_SANITIZE_OPTIONS).trim();
}
