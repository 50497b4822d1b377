import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvLine, csvStream, inertText } from "./csv";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("CSV cells", () => {
  it.each(["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")"])("prefixes %j with a quote so no formula runs", (value) => {
    expect(inertText(value)).toBe(`'${value}`);
    expect(csvCell(value).replace(/^"/, "")).toMatch(/^'/);
  });

  it("leaves ordinary text, accents and inner signs alone", () => {
    expect(csvCell("María Núñez")).toBe("María Núñez");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("Tecún Umán - norte")).toBe("Tecún Umán - norte");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell('Pérez, "Juan"')).toBe('"Pérez, ""Juan"""');
    expect(csvCell("dos\nlíneas")).toBe('"dos\nlíneas"');
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
  });

  it("writes numbers as numbers, empty for null", () => {
    expect(csvLine([-5, 80, null, undefined, true])).toBe("-5,80,,,true\r\n");
  });
});

describe("CSV stream", () => {
  it("starts with a byte-order mark and the header, then each batch as it is pulled", async () => {
    async function* batches() {
      yield [{ n: "Ana" }];
      yield [{ n: "=cmd" }, { n: "Bea" }];
    }
    const out = await text(csvStream(["Nombre"], batches(), (r) => [r.n]));
    expect(out.startsWith(BOM)).toBe(true);
    expect(out.slice(1)).toBe("Nombre\r\nAna\r\n'=cmd\r\nBea\r\n");
  });

  it("stops reading batches when the download is cancelled", async () => {
    let pulled = 0;
    async function* batches() {
      for (;;) {
        pulled += 1;
        yield [{ n: "x" }];
      }
    }
    const reader = csvStream(["n"], batches(), (r) => [r.n]).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const before = pulled;
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled).toBe(before);
    expect(before).toBeLessThan(5);
  });
});
