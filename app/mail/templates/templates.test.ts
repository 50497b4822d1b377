import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n/locales";
import { renderTemplate, TEMPLATES, type MailData, type MailKind } from "./index";

const HOSTILE = `<img src=x onerror="alert(1)"> & 'co'`;
// Sample data for every kind: TypeScript refuses a kind without one.
const SAMPLES: { [K in MailKind]: MailData<K> } = {
  invitation: { cohortName: HOSTILE, role: "facilitator", url: "https://sendero.example.org/join/abc", expiresAt: new Date("2026-12-20T10:00:00Z") },
  "password-reset": { name: HOSTILE, url: "https://sendero.example.org/reset/abc", expiresAt: new Date("2026-12-20T10:00:00Z") },
};

describe("mail templates", () => {
  for (const kind of Object.keys(TEMPLATES) as MailKind[]) {
    for (const locale of LOCALES) {
      it(`${kind} in ${locale}: every string translated, link in both bodies, values escaped in HTML`, () => {
        const mail = renderTemplate(kind, locale, SAMPLES[kind] as never);
        expect(mail.locale).toBe(locale);
        for (const body of [mail.subject, mail.text, mail.html]) expect(body).not.toMatch(/\bmail\.[a-zA-Z]+/);
        expect(mail.text).toContain("https://sendero.example.org/");
        expect(mail.html).toContain('href="https://sendero.example.org/');
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.html).not.toContain("<img");
        expect(mail.html).toContain("&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;co&#39;");
      });
    }
  }

  it("writes Spanish and English differently, and falls back to Spanish for another language", () => {
    const es = renderTemplate("invitation", "es", SAMPLES.invitation);
    expect(es.subject).toContain("Invitación a Sendero");
    expect(es.text).toContain("como Facilitador/a");
    expect(renderTemplate("invitation", "en", SAMPLES.invitation).subject).toContain("Invitation to Sendero");
    expect(renderTemplate("invitation", "fr", SAMPLES.invitation)).toMatchObject({ locale: "es", subject: es.subject });
  });
});
