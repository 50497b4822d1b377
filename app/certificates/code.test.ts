import { describe, expect, it } from "vitest";
import { newCertificateCode, normaliseCode } from "./code";

describe("certificate codes", () => {
  it("are 16 unambiguous characters in groups of four, and never repeat", () => {
    const codes = Array.from({ length: 2000 }, newCertificateCode);
    for (const code of codes) expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("read back as typed from paper: lower case, spaces, O for zero, I or L for one", () => {
    expect(normaliseCode("ab12 cd34 ef56 gh78")).toBe("AB12-CD34-EF56-GH78");
    expect(normaliseCode("O0IL-AAAA-BBBB-CCCC")).toBe("0011-AAAA-BBBB-CCCC");
    expect(normaliseCode("AB12-CD34")).toBeNull();
    expect(normaliseCode("AB12-CD34-EF56-GH7U")).toBeNull();
    expect(normaliseCode("<script>")).toBeNull();
  });
});
