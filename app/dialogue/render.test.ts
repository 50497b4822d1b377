import { describe, expect, it } from "vitest";
import { renderPost } from "./render.server";

describe("post rendering", () => {
  it("turns the Markdown subset into HTML", () => {
    expect(renderPost("*una* **dos**")).toBe("<p><em>una</em> <strong>dos</strong></p>");
    expect(renderPost("- a\n- b")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(renderPost("1. a\n2. b")).toContain("<ol>");
    expect(renderPost("> cita")).toBe("<blockquote>\n<p>cita</p>\n</blockquote>");
  });

  it("gives links rel=nofollow noopener, also bare addresses", () => {
    expect(renderPost("[ACNUR](https://www.acnur.org)")).toBe('<p><a href="https://www.acnur.org" rel="nofollow noopener">ACNUR</a></p>');
    expect(renderPost("vea https://example.org")).toContain('<a href="https://example.org" rel="nofollow noopener">');
  });

  it("leaves headings, images, code and tables as text", () => {
    expect(renderPost("# Título")).toBe("<p># Título</p>");
    expect(renderPost("![x](https://example.org/a.png)")).not.toContain("<img");
    expect(renderPost("`code`")).toBe("<p>`code`</p>");
  });

  it("shows raw HTML as text and drops dangerous link targets", () => {
    expect(renderPost("<b>hola</b>")).toBe("<p>&lt;b&gt;hola&lt;/b&gt;</p>");
    expect(renderPost("[x](javascript:alert(1))")).not.toContain("href");
    expect(renderPost("[x](data:text/html,hi)")).not.toContain("href");
  });
});
