// Makes the installable app's icons (public/icons/) from public/favicon.svg, with Debian's
// Chromium (no image library is installed). Run once after changing the favicon, and commit
// the PNGs: npx tsx scripts/make-icons.ts
import { chromium } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";

const favicon = readFileSync("public/favicon.svg", "utf8");
// The favicon's drawing without its rounded square, for icons that bring their own background.
const mark = favicon.replace(/<rect[^>]*\/>/, "");
const ACCENT = /fill="(#[0-9a-f]{6})"/i.exec(favicon)?.[1] ?? "#0b5a63";

const ICONS = [
  // "any": the favicon as it is (rounded square, transparent corners).
  { file: "icon-192.png", size: 192, html: (s: number) => svgAt(favicon, s) },
  { file: "icon-512.png", size: 512, html: (s: number) => svgAt(favicon, s) },
  // "maskable" and Apple's: a full square of the accent colour under the mark (the platform cuts
  // its own shape; the mark spans the middle half, well inside the circle of 80 % kept visible).
  { file: "icon-maskable-512.png", size: 512, html: (s: number) => onSquare(s) },
  { file: "apple-touch-icon.png", size: 180, html: (s: number) => onSquare(s) },
];

function svgAt(svg: string, size: number) {
  return svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
}

function onSquare(size: number) {
  return `<div style="width:${size}px;height:${size}px;background:${ACCENT};display:flex">${svgAt(mark, size)}</div>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync("public/icons", { recursive: true });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${icon.html(icon.size)}</body></html>`);
    await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
