import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export interface RenderedMarkdown {
  html: string;
  /** Lesson ids linked with `lesson:<id>`, with the body line they are on (1-based). */
  lessonLinks: { id: string; line: number }[];
  /** Images with their body line, source and alt text. */
  images: { src: string; alt: string; line: number }[];
}

export interface RenderOptions {
  /** Turns `lesson:<id>` into the lesson's address. */
  lessonHref: (id: string) => string;
  /** Turns a relative image path (e.g. `../images/map.svg`) into its public address. */
  imageSrc: (src: string) => string;
}

/**
 * Markdown → safe HTML, once at load time. Raw HTML in the source is not allowed, and the result
 * is sanitised again as a second line of defence. Links and images are collected so the content
 * check can report broken ones with their line.
 */
export function renderMarkdown(source: string, options: RenderOptions): RenderedMarkdown {
  const tokens = md.parse(source, {});
  const lessonLinks: RenderedMarkdown["lessonLinks"] = [];
  const images: RenderedMarkdown["images"] = [];
  for (const block of tokens) {
    const line = (block.map?.[0] ?? 0) + 1;
    for (const token of block.children ?? []) {
      if (token.type === "link_open") {
        const href = String(token.attrGet("href") ?? "");
        if (href.startsWith("lesson:")) {
          const id = href.slice("lesson:".length);
          lessonLinks.push({ id, line });
          token.attrSet("href", options.lessonHref(id));
        } else if (/^https?:/i.test(href)) {
          token.attrSet("rel", "noopener noreferrer");
        }
      } else if (token.type === "image") {
        const src = String(token.attrGet("src") ?? "");
        const alt = token.children?.map((c) => c.content).join("") ?? "";
        images.push({ src, alt, line });
        token.attrSet("src", options.imageSrc(src));
        token.attrSet("loading", "lazy");
      }
    }
  }
  const html = sanitizeHtml(md.renderer.render(tokens, md.options, {}), {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, "img"],
    allowedAttributes: { a: ["href", "rel"], img: ["src", "alt", "loading"], th: ["scope"], td: [], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
  });
  return { html, lessonLinks, images };
}
