// Script-injection attempts for user text (posts, thread titles). Each one, if it ran in a
// browser, would set window.__xss or open a dialog; none may survive into stored or shown HTML.
export const XSS_PAYLOADS: string[] = [
  `<script>window.__xss="script"</script>`,
  `<img src=x onerror="window.__xss='img'">`,
  `<svg onload="window.__xss='svg'">`,
  `<svg><script>window.__xss='svg-script'</script></svg>`,
  `<iframe src="javascript:window.__xss='iframe'"></iframe>`,
  `<body onload="window.__xss='body'">`,
  `<a href="javascript:window.__xss='a'">click</a>`,
  `[click](javascript:window.__xss='md')`,
  `[click](JaVaScRiPt:window.__xss='md-case')`,
  `[click](  javascript:window.__xss='md-space')`,
  `[click](&#106;avascript:window.__xss='md-entity')`,
  `[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9J2RhdGEnPC9zY3JpcHQ+)`,
  `[click](vbscript:msgbox(1))`,
  `<a href="https://example.org" onclick="window.__xss='onclick'">x</a>`,
  `<details open ontoggle="window.__xss='details'">`,
  `<input autofocus onfocus="window.__xss='focus'">`,
  `<video><source onerror="window.__xss='video'"></video>`,
  `<object data="javascript:window.__xss='object'"></object>`,
  `<embed src="javascript:window.__xss='embed'">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='math'">`,
  `<style>@import 'javascript:window.__xss="style"';</style>`,
  `<div style="background:url(javascript:window.__xss='css')">x</div>`,
  `"><script>window.__xss='break-out'</script>`,
  `'><img src=x onerror=window.__xss='quote'>`,
  `<scr<script>ipt>window.__xss='nested'</scr</script>ipt>`,
  `<IMG SRC=x OnErRoR=window.__xss='upper'>`,
  `<img src="x" onerror&#61;"window.__xss='entity-eq'">`,
  `<form action="javascript:window.__xss='form'"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss='meta'">`,
  `<base href="javascript:window.__xss='base'//">`,
  `<marquee onstart="window.__xss='marquee'">x</marquee>`,
  `<a href="https://ok.example" title="x" onmouseover="window.__xss='hover'">hover</a>`,
  `![x](x" onerror="window.__xss='md-img')`,
  `<template><script>window.__xss='template'</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss='noscript'>">`,
];

/**
 * Whether stored HTML carries anything that could run: an element outside the allowlist, an
 * event handler attribute, or a link to a script or data URL.
 */
export function dangerousHtml(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<\s*([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = m[1]!.toLowerCase();
    if (!["p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"].includes(tag)) problems.push(`element <${tag}>`);
    const attrs = m[2] ?? "";
    for (const a of attrs.matchAll(/([^\s=/"']+)\s*=/g)) {
      const name = a[1]!.toLowerCase();
      if (!["href", "rel", "start"].includes(name)) problems.push(`attribute ${name} on <${tag}>`);
    }
    const href = /href\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
    if (href && !/^(https?:|mailto:)/i.test(href.replace(/&#\d+;|&\w+;/g, "").trim())) problems.push(`link ${href}`);
  }
  return problems;
}
